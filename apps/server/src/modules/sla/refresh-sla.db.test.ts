import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database, Db } from "../../platform/db";
import { workspaces } from "../../platform/db/schema";
import { openTestDatabase } from "../../platform/db/testing";
import { refreshSla } from "./refresh-sla";
import {
  addBusinessHours,
  addPolicy,
  agentReplies,
  conversationFrom,
  customerWrites,
  slaOf,
  slaWorkspace,
  statusChanges,
} from "./sla.fixture";
import { createSlaCache } from "./sla-cache";

let database: Database;
let db: Db;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});
afterAll(() => database?.close());

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Friday 5 June 2026, 16:30 in London (BST, UTC+1). */
const FRIDAY_1630_LONDON = new Date("2026-06-05T15:30:00Z");
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

const refresh = (workspaceId: string, ids: string[], now: Date) =>
  refreshSla(db, { workspaceId, conversationIds: ids }, now, createSlaCache());

it("counts business hours: Friday 16:30 with a 1 h target is due Monday 09:30 London time", async () => {
  const ws = await slaWorkspace(db, "sla-hours");
  const hours = await addBusinessHours(db, ws);
  const policy = await addPolicy(db, ws, { firstResponseSeconds: 3600, businessHoursId: hours });
  const id = await conversationFrom(db, ws, FRIDAY_1630_LONDON);

  const result = await refresh(ws, [id], plus(FRIDAY_1630_LONDON, 10 * MIN));
  expect(result).toMatchObject({ updated: 1, transitions: [], failures: [] });
  expect(await slaOf(db, id)).toEqual({
    policyId: policy,
    state: "ok",
    firstResponseDueAt: "2026-06-08T08:30:00.000Z", // Monday 09:30 BST
    nextResponseDueAt: null,
    resolutionDueAt: null,
    // The warning at 80% (48 min): 30 min on Friday, 18 on Monday.
    nextCheckAt: "2026-06-08T08:18:00.000Z",
  });
  // Nothing changed: nothing is written again.
  expect((await refresh(ws, [id], plus(FRIDAY_1630_LONDON, 20 * MIN))).updated).toBe(0);
});

it("uses the workspace's default business hours for a policy without its own, else 24x7", async () => {
  const ws = await slaWorkspace(db, "sla-default");
  await addPolicy(db, ws, { firstResponseSeconds: 3600 });
  const id = await conversationFrom(db, ws, FRIDAY_1630_LONDON);
  await refresh(ws, [id], FRIDAY_1630_LONDON);
  expect((await slaOf(db, id)).firstResponseDueAt).toBe("2026-06-05T16:30:00.000Z");

  const hours = await addBusinessHours(db, ws);
  await db.update(workspaces).set({ businessHoursId: hours }).where(eq(workspaces.id, ws));
  await refresh(ws, [id], FRIDAY_1630_LONDON);
  expect((await slaOf(db, id)).firstResponseDueAt).toBe("2026-06-08T08:30:00.000Z");
});

it("24x7 business hours count every hour, weekends included", async () => {
  const ws = await slaWorkspace(db, "sla-24x7");
  const hours = await addBusinessHours(db, ws, { timezone: "UTC", alwaysOpen: true, weekly: {} });
  await addPolicy(db, ws, {
    firstResponseSeconds: 4 * 3600,
    resolutionSeconds: 86_400,
    businessHoursId: hours,
  });
  const id = await conversationFrom(db, ws, FRIDAY_1630_LONDON);
  await refresh(ws, [id], FRIDAY_1630_LONDON);
  expect(await slaOf(db, id)).toMatchObject({
    state: "ok",
    firstResponseDueAt: "2026-06-05T19:30:00.000Z",
    resolutionDueAt: "2026-06-06T15:30:00.000Z",
  });
});

it("the first matching enabled policy applies: a priority-specific one placed first wins", async () => {
  const ws = await slaWorkspace(db, "sla-match");
  await addPolicy(db, ws, { position: 0, enabled: false, firstResponseSeconds: 60 });
  const urgentPolicy = await addPolicy(db, ws, {
    position: 1,
    priority: "urgent",
    firstResponseSeconds: 900,
  });
  await addPolicy(db, ws, { position: 2, channel: "facebook", firstResponseSeconds: 120 });
  const anyPolicy = await addPolicy(db, ws, { position: 3, firstResponseSeconds: 3600 });
  const urgent = await conversationFrom(db, ws, FRIDAY_1630_LONDON, { priority: "urgent" });
  const normal = await conversationFrom(db, ws, FRIDAY_1630_LONDON);
  const spam = await conversationFrom(db, ws, FRIDAY_1630_LONDON, { status: "spam" });
  await refresh(ws, [urgent, normal, spam], FRIDAY_1630_LONDON);
  expect(await slaOf(db, urgent)).toMatchObject({
    policyId: urgentPolicy,
    firstResponseDueAt: plus(FRIDAY_1630_LONDON, 15 * MIN).toISOString(),
  });
  expect(await slaOf(db, normal)).toMatchObject({
    policyId: anyPolicy,
    firstResponseDueAt: plus(FRIDAY_1630_LONDON, HOUR).toISOString(),
  });
  // Spam needs no answer: no SLA.
  expect(await slaOf(db, spam)).toMatchObject({ policyId: null, state: "none", nextCheckAt: null });
});

it("a reply meets the first response and starts the next-response clock at the customer's next message", async () => {
  const ws = await slaWorkspace(db, "sla-turns");
  await addPolicy(db, ws, { firstResponseSeconds: 3600, nextResponseSeconds: 1800 });
  const start = new Date("2026-06-01T10:00:00Z");
  const id = await conversationFrom(db, ws, start);
  await agentReplies(db, ws, id, plus(start, 5 * MIN));
  await refresh(ws, [id], plus(start, 6 * MIN));
  expect(await slaOf(db, id)).toMatchObject({ state: "met", nextResponseDueAt: null, nextCheckAt: null });

  await customerWrites(db, ws, id, plus(start, 30 * MIN));
  await customerWrites(db, ws, id, plus(start, 40 * MIN));
  await refresh(ws, [id], plus(start, 41 * MIN));
  expect(await slaOf(db, id)).toMatchObject({
    state: "ok",
    firstResponseDueAt: plus(start, HOUR).toISOString(),
    nextResponseDueAt: plus(start, 60 * MIN).toISOString(),
    nextCheckAt: plus(start, 54 * MIN).toISOString(),
  });
  await agentReplies(db, ws, id, plus(start, 50 * MIN));
  await refresh(ws, [id], plus(start, 50 * MIN));
  expect(await slaOf(db, id)).toMatchObject({
    state: "met",
    nextResponseDueAt: plus(start, 60 * MIN).toISOString(),
  });
});

it("pending stops the resolution clock; resolving meets it", async () => {
  const ws = await slaWorkspace(db, "sla-pause");
  await addPolicy(db, ws, { resolutionSeconds: 4 * 3600 });
  const start = new Date("2026-06-01T10:00:00Z");
  const id = await conversationFrom(db, ws, start);
  await statusChanges(db, ws, id, "pending", plus(start, HOUR));
  await refresh(ws, [id], plus(start, 90 * MIN));
  // Standing still: no due time, nothing to wake up for.
  expect(await slaOf(db, id)).toMatchObject({ state: "ok", resolutionDueAt: null, nextCheckAt: null });

  await statusChanges(db, ws, id, "open", plus(start, 2 * HOUR));
  await refresh(ws, [id], plus(start, 2 * HOUR));
  expect(await slaOf(db, id)).toMatchObject({ resolutionDueAt: plus(start, 5 * HOUR).toISOString() });

  await statusChanges(db, ws, id, "resolved", plus(start, 3 * HOUR));
  await refresh(ws, [id], plus(start, 3 * HOUR));
  expect(await slaOf(db, id)).toMatchObject({ state: "met", nextCheckAt: null });
});

it("takes a constant number of statements whatever the number of conversations", async () => {
  const ws = await slaWorkspace(db, "sla-set");
  await addPolicy(db, ws, { firstResponseSeconds: 3600, resolutionSeconds: 86_400 });
  const ids: string[] = [];
  for (let i = 0; i < 30; i++) ids.push(await conversationFrom(db, ws, plus(FRIDAY_1630_LONDON, i * MIN)));
  const statements = async (some: string[], now: Date) => {
    let n = 0;
    const counting = new Proxy(db, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          if (["execute", "select", "insert", "update", "delete"].includes(String(prop))) n++;
          return value.apply(target, args);
        };
      },
    }) as Db;
    await refreshSla(counting, { workspaceId: ws, conversationIds: some }, now, createSlaCache());
    return n;
  };
  // Late enough for every conversation to have breached: the events are written too.
  const late = plus(FRIDAY_1630_LONDON, 2 * HOUR);
  const one = await statements(ids.slice(0, 1), late);
  expect(one).toBeGreaterThan(4);
  expect(await statements(ids.slice(1), late)).toBe(one);
  for (const id of ids) expect((await slaOf(db, id)).state).toBe("breached");
});

it("a conversation the engine cannot compute is reported and cleared; the others are written", async () => {
  const ws = await slaWorkspace(db, "sla-broken");
  // Written behind the routes' back (they refuse a zero target): the engine throws on it.
  await addPolicy(db, ws, { position: 0, priority: "low", firstResponseSeconds: 0 });
  await addPolicy(db, ws, { position: 1, firstResponseSeconds: 60 });
  const broken = await conversationFrom(db, ws, FRIDAY_1630_LONDON, { priority: "low" });
  const fine = await conversationFrom(db, ws, FRIDAY_1630_LONDON);
  const result = await refresh(ws, [broken, fine], FRIDAY_1630_LONDON);
  expect(result.failures).toEqual([{ conversationId: broken, error: expect.stringContaining("positive") }]);
  expect(await slaOf(db, broken)).toMatchObject({ state: "none", nextCheckAt: null });
  expect((await slaOf(db, fine)).state).toBe("ok");
});

it("the cache rereads a workspace after its TTL, and at once when invalidated", async () => {
  const ws = await slaWorkspace(db, "sla-cache");
  let clock = 0;
  const cache = createSlaCache(5_000, () => clock);
  const policies = async () => (await cache.get(db, [ws])).get(ws)?.policies.length;
  expect(await policies()).toBe(0);
  await addPolicy(db, ws, { firstResponseSeconds: 60 });
  expect(await policies()).toBe(0);
  clock = 5_001;
  expect(await policies()).toBe(1);
  await addPolicy(db, ws, { firstResponseSeconds: 120 });
  cache.invalidate(ws);
  expect(await policies()).toBe(2);
});
