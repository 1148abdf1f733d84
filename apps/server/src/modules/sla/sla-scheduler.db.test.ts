import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fixedClock } from "../../platform/clock";
import type { Database, Db } from "../../platform/db";
import { conversationEvents } from "../../platform/db/schema";
import { openTestDatabase } from "../../platform/db/testing";
import type { SlaTransition } from "./evaluate-sla";
import { refreshSla } from "./refresh-sla";
import { addPolicy, agentReplies, conversationFrom, slaOf, slaWorkspace } from "./sla.fixture";
import { createSlaCache } from "./sla-cache";
import { startSlaScheduler } from "./sla-scheduler";

let database: Database;
let db: Db;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});
afterAll(() => database?.close());

const MIN = 60_000;
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);
const log = { error: () => {}, warn: () => {} };

async function slaEvents(conversationId: string) {
  const rows = await db
    .select()
    .from(conversationEvents)
    .where(
      and(
        eq(conversationEvents.conversationId, conversationId),
        inArray(conversationEvents.type, ["sla_warning", "sla_breached"]),
      ),
    )
    .orderBy(asc(conversationEvents.occurredAt), asc(conversationEvents.seq));
  return rows.map((e) => ({
    type: e.type,
    at: e.occurredAt.toISOString(),
    data: e.data,
    actor: e.actorType,
  }));
}

/** A workspace with a 1 h first response (24x7, warning at 48 min) and a scheduler on a stepped clock. */
async function setup(slug: string, start: Date) {
  const ws = await slaWorkspace(db, slug);
  const policyId = await addPolicy(db, ws, { firstResponseSeconds: 3600 });
  const clock = fixedClock(start);
  const cache = createSlaCache();
  const seen: SlaTransition[][] = [];
  const scheduler = startSlaScheduler({
    db,
    clock,
    log,
    cache,
    autostart: false,
    onTransition: (list) => {
      seen.push(list);
    },
  });
  const open = async (at: Date) => {
    const id = await conversationFrom(db, ws, at);
    await refreshSla(db, { workspaceId: ws, conversationIds: [id] }, clock.now(), cache);
    return id;
  };
  return { ws, policyId, clock, cache, seen, scheduler, open };
}

it("logs the warning, then the breach, once each at the exact instants, and tells the listener", async () => {
  const start = new Date("2026-06-01T10:00:00Z");
  const { policyId, clock, seen, scheduler, open } = await setup("sched-breach", start);
  const id = await open(start);
  expect((await slaOf(db, id)).nextCheckAt).toBe(plus(start, 48 * MIN).toISOString());

  clock.set(plus(start, 10 * MIN));
  expect(await scheduler.tick()).toBe(0);

  clock.set(plus(start, 50 * MIN));
  expect(await scheduler.tick()).toBe(1);
  expect(await scheduler.tick()).toBe(0);
  const due = plus(start, 60 * MIN).toISOString();
  const warning = {
    type: "sla_warning",
    at: plus(start, 48 * MIN).toISOString(),
    data: { target: "first_response", due_at: due, policy_id: policyId },
    actor: "system",
  };
  expect(await slaEvents(id)).toEqual([warning]);
  expect(await slaOf(db, id)).toMatchObject({ state: "warning", nextCheckAt: due });

  clock.set(plus(start, 75 * MIN));
  expect(await scheduler.tick()).toBe(1);
  clock.set(plus(start, 120 * MIN));
  expect(await scheduler.tick()).toBe(0);
  const breach = { ...warning, type: "sla_breached", at: due };
  expect(await slaEvents(id)).toEqual([warning, breach]);
  expect(await slaOf(db, id)).toMatchObject({ state: "breached", nextCheckAt: null });

  expect(seen.map((list) => list.map((t) => [t.type, t.target, t.occurredAt.toISOString()]))).toEqual([
    [["sla_warning", "first_response", warning.at]],
    [["sla_breached", "first_response", due]],
  ]);
});

it("a reply before the due time: met, and no breach ever", async () => {
  const start = new Date("2026-06-02T10:00:00Z");
  const { ws, clock, cache, scheduler, open } = await setup("sched-met", start);
  const id = await open(start);
  clock.set(plus(start, 50 * MIN));
  await scheduler.tick();

  clock.set(plus(start, 55 * MIN));
  await agentReplies(db, ws, id, clock.now());
  await refreshSla(db, { workspaceId: ws, conversationIds: [id] }, clock.now(), cache);
  expect(await slaOf(db, id)).toMatchObject({ state: "met", nextCheckAt: null });

  clock.set(plus(start, 3 * 60 * MIN));
  expect(await scheduler.tick()).toBe(0);
  expect((await slaEvents(id)).map((e) => e.type)).toEqual(["sla_warning"]);
});

it("a scheduler that falls behind still logs each transition at its own instant", async () => {
  const start = new Date("2026-06-03T10:00:00Z");
  const { clock, scheduler, open } = await setup("sched-late", start);
  const id = await open(start);
  clock.set(plus(start, 5 * 60 * MIN));
  expect(await scheduler.tick()).toBe(1);
  expect((await slaEvents(id)).map((e) => [e.type, e.at])).toEqual([
    ["sla_warning", plus(start, 48 * MIN).toISOString()],
    ["sla_breached", plus(start, 60 * MIN).toISOString()],
  ]);
});

it("a late reply landing before the scheduler looks logs the breach once, at the due time", async () => {
  const start = new Date("2026-06-04T10:00:00Z");
  const { ws, clock, cache, scheduler, open } = await setup("sched-late-reply", start);
  const id = await open(start);
  clock.set(plus(start, 70 * MIN));
  await agentReplies(db, ws, id, clock.now());
  const refreshed = await refreshSla(db, { workspaceId: ws, conversationIds: [id] }, clock.now(), cache);
  expect(refreshed.transitions.map((t) => t.type)).toEqual(["sla_warning", "sla_breached"]);
  // Met late: nothing is left to do, so the column says met; the breach stays in the log.
  expect(await slaOf(db, id)).toMatchObject({ state: "met", nextCheckAt: null });
  await refreshSla(db, { workspaceId: ws, conversationIds: [id] }, clock.now(), cache);
  expect(await scheduler.tick()).toBe(0);
  expect((await slaEvents(id)).map((e) => [e.type, e.at])).toEqual([
    ["sla_warning", plus(start, 48 * MIN).toISOString()],
    ["sla_breached", plus(start, 60 * MIN).toISOString()],
  ]);
});

it("a timer runs it on its own until stopped", async () => {
  const start = new Date("2026-06-05T10:00:00Z");
  const { clock, cache, open } = await setup("sched-timer", start);
  const id = await open(start);
  clock.set(plus(start, 50 * MIN));
  const seen: SlaTransition[] = [];
  const running = startSlaScheduler({
    db,
    clock,
    log,
    cache,
    pollMs: 20,
    onTransition: (l) => void seen.push(...l),
  });
  try {
    await expect.poll(() => seen.length, { timeout: 5000 }).toBe(1);
  } finally {
    await running.stop();
  }
  expect((await slaEvents(id)).map((e) => e.type)).toEqual(["sla_warning"]);
});
