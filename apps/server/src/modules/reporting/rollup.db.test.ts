import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Database, queryRows } from "../../platform/db";
import { conversationEvents, conversationFacts, messages, reportRollupState } from "../../platform/db/schema";
import { openTestDatabase } from "../../platform/db/testing";
import { createUser } from "../users/create-user";
import { createWorkspace } from "../workspaces/create-workspace";
import { reportConversations, reportSummary } from "./report";
import { at, openNineToSix, reportFixture } from "./report.fixture";
import {
  catchUpRollup,
  FACTS_ROLLUP,
  type Hole,
  markFactsStale,
  rebuildFacts,
  remainingHoles,
  rollupPending,
  rollupRound,
  skippedRanges,
} from "./rollup";

let database: Database;
let workspaceId: string;
let fx: ReturnType<typeof reportFixture>;
const now = new Date("2025-01-08T12:00:00Z");
const day = { from: at("00:00"), to: at("00:00", "2025-01-07") };

async function factsOf(conversationId: string) {
  const [row] = await database.db
    .select()
    .from(conversationFacts)
    .where(eq(conversationFacts.conversationId, conversationId));
  return row;
}

async function state() {
  const [s] = await database.db
    .select()
    .from(reportRollupState)
    .where(eq(reportRollupState.name, FACTS_ROLLUP));
  return s;
}

/** Rounds until nothing is pending (what the ticker does). */
async function drain() {
  for (let i = 0; i < 50 && (await rollupPending(database.db)).pending; i++)
    await rollupRound(database.db, now);
}

beforeAll(async () => {
  database = await openTestDatabase();
  workspaceId = (await createWorkspace(database.db, { slug: "rollup", name: "Rollup" }, now)).id;
  fx = reportFixture(database.db, workspaceId);
});
afterAll(() => database?.close());
beforeEach(drain);

describe("the rollup follows the event log", () => {
  it("catches up after new messages and events, and a report never reads behind a write", async () => {
    const c = await fx.conversation("09:00", { status: "open" });
    expect(await factsOf(c)).toBeUndefined();
    expect((await rollupPending(database.db)).pending).toBe(true);
    await rollupRound(database.db, now);
    expect(await factsOf(c)).toMatchObject({ inboundMessages: 1, responses: 0, firstResponseS: null });

    await fx.message(c, "outbound", "09:10");
    // No round in between: the report catches the rollup up before it reads.
    const summary = await reportSummary(database.db, { workspaceId, ...day });
    expect(summary.figures.volumes.responses).toBe(1);
    expect(summary.figures.response_times.first_response.median_s).toBe(600);
    expect(await factsOf(c)).toMatchObject({ responses: 1, firstResponseS: 600 });
    expect((await rollupPending(database.db)).pending).toBe(false);
  });

  it("recomputes only the conversations whose log moved", async () => {
    const a = await fx.conversation("10:00");
    const b = await fx.conversation("10:30");
    await drain();
    const before = await factsOf(b);
    await fx.event(a, "status_changed", at("11:00"), { from: "new", to: "resolved" });
    await database.db.execute(
      sql`update conversations set status = 'resolved', resolved_at = ${at("11:00")} where id = ${a}`,
    );
    const round = await rollupRound(database.db, new Date(now.getTime() + 60_000));
    expect(round).toMatchObject({ conversations: 1, events: 1, more: false });
    expect(await factsOf(a)).toMatchObject({
      status: "resolved",
      resolutionS: 3600,
      lastClosedAt: at("11:00"),
    });
    expect((await factsOf(b))?.computedAt).toEqual(before?.computedAt);
    // Nothing pending: the next round reads nothing and a report runs only the pending check.
    expect(await rollupRound(database.db, now)).toMatchObject({ conversations: 0, events: 0 });
    expect(await catchUpRollup(database.db, now)).toBe(0);
  });

  it("works through a long log in bounded rounds", async () => {
    const c = await fx.conversation("12:00");
    await fx.working(c, await agent(), "12:01", 10); // 40 heartbeats
    const first = await rollupRound(database.db, now, { eventBatch: 15 });
    expect(first).toMatchObject({ events: 15, more: true });
    for (let i = 0; i < 5; i++) await rollupRound(database.db, now, { eventBatch: 15 });
    expect((await rollupPending(database.db)).pending).toBe(false);
    expect((await factsOf(c))?.handlingS).toBe(600);
  });

  it("waits for a seq taken by a transaction that committed late, then lets a rolled-back one go", async () => {
    const c = await fx.conversation("13:00");
    await drain();
    // A writer takes a seq and has not committed yet; a later writer's event is read first.
    const [{ seq: held } = { seq: 0 }] = await queryRows<{ seq: number }>(
      database.db,
      sql`select nextval(pg_get_serial_sequence('conversation_events', 'seq'))::int as seq`,
    );
    await fx.event(c, "escalated", at("13:05"), { reason: "legal" });
    await rollupRound(database.db, now);
    expect((await state())?.holes).toEqual([{ from: held, to: held, seen_at: now.toISOString() }]);
    expect(await factsOf(c)).toMatchObject({ escalated: true, status: "new", lastClosedAt: null });
    // The late commit: a resolution logged under the lower seq.
    await database.db.execute(
      sql`update conversations set status = 'resolved', resolved_at = ${at("13:30")} where id = ${c}`,
    );
    await database.db.insert(conversationEvents).values({
      seq: held,
      workspaceId,
      conversationId: c,
      type: "status_changed",
      actorType: "system",
      data: { from: "new", to: "resolved" },
      occurredAt: at("13:30"),
    });
    expect((await rollupPending(database.db)).pending).toBe(true);
    const list = await reportConversations(
      database.db,
      { workspaceId, ...day },
      {
        metric: "resolved",
        limit: 50,
        after: null,
      },
    );
    expect(list.items.map((i) => i.conversation_id)).toContain(c);
    expect((await state())?.holes).toEqual([]);

    // A seq that never commits (rolled back) is given up after the grace period.
    await queryRows(database.db, sql`select nextval(pg_get_serial_sequence('conversation_events', 'seq'))`);
    await fx.event(c, "note_added", at("14:00"));
    await rollupRound(database.db, now);
    expect((await state())?.holes).toHaveLength(1);
    await rollupRound(database.db, new Date(now.getTime() + 10 * 60_000));
    expect((await state())?.holes).toEqual([]);
  });

  it("recomputes rows marked stale by writers that log no event (a late delivery failure)", async () => {
    const c = await fx.conversation("15:00");
    const reply = await fx.message(c, "outbound", "15:05");
    await drain();
    expect(await factsOf(c)).toMatchObject({ responses: 1, firstResponseS: 300 });
    await database.db.update(messages).set({ deliveryStatus: "failed" }).where(eq(messages.id, reply));
    await markFactsStale(database.db, [c]);
    expect((await rollupPending(database.db)).pending).toBe(true);
    const summary = await reportSummary(database.db, { workspaceId, ...day, channels: ["x"] });
    expect(summary.figures.volumes.responses).toBe(1); // the first test's reply, not this one
    expect(await factsOf(c)).toMatchObject({ responses: 0, firstResponseS: null, stale: false });
  });

  it("leaves automated messages (acknowledgements, survey questions) out of every response figure", async () => {
    const c = await fx.conversation("16:00");
    await fx.message(c, "outbound", "16:00", { classification: { automated: "acknowledgement" } });
    await fx.message(c, "outbound", "16:20", { authorUserId: await agent() });
    await fx.message(c, "outbound", "16:30", { classification: { automated: "survey" } });
    await drain();
    expect(await factsOf(c)).toMatchObject({
      responses: 1,
      agentReplies: 1,
      firstResponseS: 1200,
      responseCount: 1,
    });
  });

  it("a breach logged by the SLA scheduler later turns a pending target breached", async () => {
    const c = await fx.conversation("17:00", { firstResponseDueAt: at("17:15") });
    await drain();
    expect((await factsOf(c))?.slaFirstResponse).toBe("pending");
    await fx.event(c, "sla_breached", at("17:15"), { target: "first_response" });
    await drain();
    expect((await factsOf(c))?.slaFirstResponse).toBe("breached");
  });

  it("rebuilds every conversation after a change the log does not record (business hours)", async () => {
    const c = await fx.conversation("19:00");
    await fx.message(c, "outbound", "19:10");
    await drain();
    expect((await factsOf(c))?.firstResponseInHours).toBe(true); // 24x7
    await openNineToSix(database.db, workspaceId);
    expect(await rebuildFacts(database.db, now, { workspaceId, batch: 3 })).toBeGreaterThan(6);
    expect((await factsOf(c))?.firstResponseInHours).toBe(false);
  });

  it("lets one round at a time through, however many processes run them", async () => {
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await fx.conversation(`20:0${i}`));
    const rounds = await Promise.all([0, 1, 2].map(() => rollupRound(database.db, now)));
    // Whoever waited for the lock found the events already read.
    expect(rounds.reduce((n, r) => n + r.events, 0)).toBe(6);
    for (const id of ids) expect(await factsOf(id)).toMatchObject({ inboundMessages: 1 });
  });
});

describe("holes", () => {
  const seen = new Date("2025-01-01T00:00:00Z");
  it("are the seqs a read skipped over", () => {
    expect(skippedRanges(10, [11, 14, 15, 19], seen)).toEqual([
      { from: 12, to: 13, seen_at: seen.toISOString() },
      { from: 16, to: 18, seen_at: seen.toISOString() },
    ]);
    expect(skippedRanges(10, [], seen)).toEqual([]);
  });
  it("shrink as seqs show up and go after the grace period", () => {
    const holes: Hole[] = [{ from: 12, to: 16, seen_at: seen.toISOString() }];
    expect(remainingHoles(holes, [12, 14], new Date(seen.getTime() + 1000), 60_000)).toEqual([
      { from: 13, to: 13, seen_at: seen.toISOString() },
      { from: 15, to: 16, seen_at: seen.toISOString() },
    ]);
    expect(remainingHoles(holes, [], new Date(seen.getTime() + 61_000), 60_000)).toEqual([]);
  });
});

let agentId: string | undefined;
async function agent() {
  agentId ??= (
    await createUser(
      database.db,
      { workspaceId, email: "agent@rollup.test", name: "Agent", password: "rollup-password", role: "agent" },
      now,
    )
  ).id;
  return agentId;
}
