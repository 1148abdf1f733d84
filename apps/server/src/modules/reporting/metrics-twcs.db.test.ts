import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importTwcs } from "../../imports/import-twcs";
import { datasetsDir } from "../../nlp/datasets";
import { systemClock } from "../../platform/clock";
import type { Database } from "../../platform/db";
import { conversations, workspaces } from "../../platform/db/schema";
import { openTestDatabase } from "../../platform/db/testing";
import { createWorkspace } from "../workspaces/create-workspace";
import { metricsCommand } from "./metrics.command";
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
});
