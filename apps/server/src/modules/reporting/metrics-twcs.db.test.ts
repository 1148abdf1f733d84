import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importTwcs } from "../../imports/import-twcs";
import { loadTwcs, referenceThreads } from "../../imports/twcs";
import { datasetsDir } from "../../nlp/datasets";
import { systemClock } from "../../platform/clock";
import type { Database } from "../../platform/db";
import { channelAccounts, conversations, workspaces } from "../../platform/db/schema";
import { openTestDatabase } from "../../platform/db/testing";
import { createWorkspace } from "../workspaces/create-workspace";
import { metricsCommand } from "./metrics.command";
import { reportSummary } from "./report";
import { computeResponseMetrics } from "./response-metrics";
import { rollupPending } from "./rollup";

/* `parley import twcs` then `parley metrics`: the rollup is current before the figures print. */
const REPO_ROOT = path.resolve(import.meta.dirname, "../../../../..");
const TWCS_DEV = path.join(datasetsDir(REPO_ROOT), "twcs", "twcs_dev.csv");

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  await createWorkspace(database.db, { slug: "twcs", name: "TWCS", timezone: "UTC" }, new Date());
});
afterAll(() => database?.close());

describe("metrics after a TWCS import", () => {
  it("reads a rollup caught up with everything the import logged", async () => {
    const [ws] = await database.db.select().from(workspaces).where(eq(workspaces.slug, "twcs"));
    await importTwcs(
      { db: database.db, clock: systemClock },
      { file: TWCS_DEV, workspaceId: ws?.id as string },
    );
    expect((await rollupPending(database.db)).pending).toBe(true);
    const out = JSON.parse(await metricsCommand({ db: database.db }, { workspace: "twcs", json: true }));
    expect((await rollupPending(database.db)).pending).toBe(false);
    const [n] = await database.db
      .select({ n: count() })
      .from(conversations)
      .where(eq(conversations.workspaceId, ws?.id as string));
    const { volumes, response_times } = out.report.figures;
    expect(volumes.conversations + volumes.spam_conversations).toBe(n?.n);
    const direct = await computeResponseMetrics(database.db, ws?.id as string);
    expect(response_times.first_response.median_s).toBe(direct.frt_median_s);
    expect(response_times.first_response.count).toBe(direct.answered);
  });

  it("gives each brand the conversations and median first response its reply links give it", async () => {
    const [ws] = await database.db.select().from(workspaces).where(eq(workspaces.slug, "twcs"));
    const workspaceId = ws?.id as string;
    const { rows } = await loadTwcs(TWCS_DEV);
    const reference = referenceThreads(rows, { withoutBroadcasts: true });
    const accounts = await database.db
      .select({ id: channelAccounts.id, handle: channelAccounts.handle })
      .from(channelAccounts)
      .where(and(eq(channelAccounts.workspaceId, workspaceId), eq(channelAccounts.network, "x")));
    // The whole file (2016 to 2017: longer than the API's 366 days, so through the function the route calls).
    const times = rows.map((r) => r.createdAt.getTime());
    const period = { from: new Date(Math.min(...times)), to: new Date(Math.max(...times) + 1000) };
    let total = 0;
    for (const a of accounts) {
      const brand = a.handle as string;
      const { figures } = await reportSummary(
        database.db,
        { workspaceId, ...period, accountIds: [a.id] },
        { series: false },
      );
      const conversationsOfBrand = figures.volumes.conversations + figures.volumes.spam_conversations;
      expect({ brand, conversations: conversationsOfBrand }).toEqual({
        brand,
        conversations: reference.conversationsByBrand[brand] ?? 0,
      });
      expect({ brand, frt: figures.response_times.first_response.median_s }).toEqual({
        brand,
        frt: reference.frtMedianSecondsByBrand[brand] ?? null,
      });
      total += conversationsOfBrand;
    }
    expect(total).toBe(reference.conversations);
  });
});
