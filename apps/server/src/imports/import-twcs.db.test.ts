import path from "node:path";
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeResponseMetrics } from "../modules/reporting/response-metrics";
import { createWorkspace } from "../modules/workspaces/create-workspace";
import { datasetsDir } from "../nlp/datasets";
import { systemClock } from "../platform/clock";
import { type Database, queryRows } from "../platform/db";
import { channelAccounts, conversations, messages } from "../platform/db/schema";
import { openTestDatabase } from "../platform/db/testing";
import { importTwcs } from "./import-twcs";
import { loadTwcs, referenceThreads } from "./twcs";

/*
 * The threading target: the TWCS dev file imported through the pipeline gives the
 * conversations and the median first response time computed from its reply links alone
 * (twcs-reference.ts, which shares no code with the import, threading or metrics).
 */
const REPO_ROOT = path.resolve(import.meta.dirname, "../../../..");
const TWCS_DEV = path.join(datasetsDir(REPO_ROOT), "twcs", "twcs_dev.csv");

let database: Database;
let workspaceId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const ws = await createWorkspace(database.db, { slug: "twcs", name: "TWCS", timezone: "UTC" }, new Date());
  workspaceId = ws.id;
});
afterAll(async () => {
  await database?.close();
});

describe("importing Customer Support on Twitter", () => {
  it("threads the dev file as its reply links do, with the same median first response time", async () => {
    const result = await importTwcs({ db: database.db, clock: systemClock }, { file: TWCS_DEV, workspaceId });
    const { rows } = await loadTwcs(TWCS_DEV);
    const reference = referenceThreads(rows, { withoutBroadcasts: true });
    expect(result).toMatchObject({
      rows: 2765,
      unreadable: 0,
      stored: 2765,
      outcomes: { dead: 0, retry: 0 },
    });

    const [conversationCount] = await database.db
      .select({ n: count() })
      .from(conversations)
      .where(eq(conversations.workspaceId, workspaceId));
    expect(conversationCount?.n).toBe(reference.conversations);
    const metrics = await computeResponseMetrics(database.db, workspaceId);
    expect(metrics.frt_median_s).toBe(reference.frtMedianSeconds);
    // Every tweet but the brands' broadcasts is a message, once.
    const [messageCount] = await database.db
      .select({ n: count() })
      .from(messages)
      .where(eq(messages.workspaceId, workspaceId));
    expect(messageCount?.n).toBe(2765 - result.outcomes.dropped);
    const brandAccounts = await database.db
      .select({ n: count() })
      .from(channelAccounts)
      .where(and(eq(channelAccounts.workspaceId, workspaceId), eq(channelAccounts.network, "x")));
    expect(brandAccounts[0]?.n).toBe(result.brands);
  });

  it("brand tweets are agent replies and customer tweets inbound mentions, at their original times", async () => {
    const [first] = await queryRows<{ direction: string; sent_at: Date; text: string }>(
      database.db,
      sql`select direction, sent_at, text from messages where workspace_id = ${workspaceId} and external_id = '31'`,
    );
    expect(first).toMatchObject({ direction: "inbound" });
    expect(new Date(first?.sent_at as Date).toISOString()).toBe("2017-10-31T22:06:54.000Z");
    const [reply] = await queryRows<{ direction: string }>(
      database.db,
      sql`select direction from messages where workspace_id = ${workspaceId} and external_id = '30'`,
    );
    expect(reply?.direction).toBe("outbound");
  });

  it("stores nothing twice when the same file is imported again", async () => {
    const again = await importTwcs({ db: database.db, clock: systemClock }, { file: TWCS_DEV, workspaceId });
    expect(again).toMatchObject({ stored: 0, duplicates: 2765 });
    const [n] = await database.db
      .select({ n: count() })
      .from(conversations)
      .where(eq(conversations.workspaceId, workspaceId));
    expect(n?.n).toBe(
      referenceThreads((await loadTwcs(TWCS_DEV)).rows, { withoutBroadcasts: true }).conversations,
    );
  });
});
