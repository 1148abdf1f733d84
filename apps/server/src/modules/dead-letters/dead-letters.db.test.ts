import { eq, getTableColumns, inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { inboundState } from "../../ingest/inbound";
import { type BackgroundWork, startBackgroundWork } from "../../outbox/workers";
import { auditLog, inboundEvents, inboundQueue, messages } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { createWorkspaceFixture, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, createTestApp, type TestApp } from "../../testing/harness";
import { connectXChannel } from "../../testing/x-channel";

let t: TestApp;
let w: WorkspaceFixture;
let other: WorkspaceFixture;
let worker: BackgroundWork;
let channelId: string;
const log = { error: () => {}, warn: () => {} };

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "dlq");
  other = await createWorkspaceFixture(t.app, t.database.db, "dlq-other");
  channelId = (await connectXChannel(t.app, w.sessions.admin, { brandId: "6611223344" })).id;
  worker = await startBackgroundWork(t.deps, log, { autostart: false });
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

let seq = 0;
/** A readable delivery that died anyway (say the database was down through every retry). */
async function insertDead(receivedAt = new Date()) {
  const tweetId = `18973122009900${String(++seq).padStart(5, "0")}`;
  const id = newId();
  await t.database.db.insert(inboundEvents).values({
    id,
    workspaceId: w.workspaceId,
    channelAccountId: channelId,
    network: "x",
    idempotencyKey: `x:${tweetId}`,
    payload: {
      for_user_id: "6611223344",
      tweet_create_events: [
        {
          created_at: "Wed Mar 05 16:02:11 +0000 2025",
          id_str: tweetId,
          text: `@acme_help my order ${seq} never arrived`,
          user: { id_str: `8800${seq}`, name: `Customer ${seq}`, screen_name: `customer_${seq}` },
        },
      ],
    },
    status: "dead",
    attempts: 5,
    error: "connection terminated unexpectedly",
    failedStep: "store",
    receivedAt,
  });
  return { id, tweetId };
}

const get = (url: string, as = w.sessions.admin) =>
  t.app.inject({ method: "GET", url: `/api/v1${url}`, headers: authHeaders(as) });
const post = (url: string, as = w.sessions.admin) =>
  t.app.inject({ method: "POST", url: `/api/v1${url}`, headers: authHeaders(as) });

it("lists dead letters for admins only, newest first, a page at a time", async () => {
  const older = await insertDead(new Date(Date.now() - 60_000));
  const newer = await insertDead();
  const page = await get("/dead-letters?limit=1");
  expect(page.statusCode).toBe(200);
  expect(page.json().items).toEqual([
    expect.objectContaining({
      id: newer.id,
      network: "x",
      channel_id: channelId,
      channel_name: "@acme_help",
      failed_step: "store",
      error: "connection terminated unexpectedly",
      attempts: 5,
    }),
  ]);
  expect(page.json().items[0].payload_preview).toContain("never arrived");
  const next = await get(`/dead-letters?limit=1&cursor=${page.json().next_cursor}`);
  expect(next.json().items.map((d: { id: string }) => d.id)).toEqual([older.id]);
  expect(next.json().next_cursor).toBeNull();
  expect((await get("/dead-letters", w.sessions.lead)).statusCode).toBe(403);
  expect((await get("/dead-letters", other.sessions.admin)).json().items).toEqual([]);
  await t.database.db.delete(inboundEvents).where(inArray(inboundEvents.id, [older.id, newer.id]));
});

it("replays one dead letter: pending again, processed by the pipeline, audited; twice is a 404", async () => {
  const dead = await insertDead();
  expect((await post(`/dead-letters/${dead.id}/replay`, other.sessions.admin)).statusCode).toBe(404);
  expect((await post(`/dead-letters/${dead.id}/replay`, w.sessions.lead)).statusCode).toBe(403);

  const res = await post(`/dead-letters/${dead.id}/replay`);
  expect(res.statusCode).toBe(202);
  expect(res.json()).toEqual({ replayed: 1 });
  await worker.tick();
  const [event] = await t.database.db
    .select({ ...getTableColumns(inboundEvents), status: inboundState })
    .from(inboundEvents)
    .where(eq(inboundEvents.id, dead.id));
  expect(event).toMatchObject({ status: "processed", error: null, failedStep: null });
  const stored = await t.database.db.select().from(messages).where(eq(messages.externalId, dead.tweetId));
  expect(stored).toHaveLength(1);
  const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, dead.id));
  expect(audit.map((a) => [a.action, a.actorId])).toEqual([["dead_letter.replayed", w.userIds.admin]]);

  expect((await post(`/dead-letters/${dead.id}/replay`)).statusCode).toBe(404);
  expect((await get("/dead-letters")).json().items).toEqual([]);
});

it("replays every dead letter of the workspace at once", async () => {
  const dead = [await insertDead(), await insertDead()];
  const res = await post("/dead-letters/replay-all");
  expect(res.statusCode).toBe(202);
  expect(res.json()).toEqual({ replayed: 2 });
  await worker.tick();
  const events = await t.database.db
    .select({ status: inboundState })
    .from(inboundEvents)
    .where(
      inArray(
        inboundEvents.id,
        dead.map((d) => d.id),
      ),
    );
  expect(events.map((e) => e.status)).toEqual(["processed", "processed"]);
  expect((await post("/dead-letters/replay-all")).json()).toEqual({ replayed: 0 });
});

it("shows why a delivery died, also when its channel is gone", async () => {
  const id = newId();
  const gone = newId();
  await t.database.db.insert(inboundEvents).values({
    id,
    workspaceId: w.workspaceId,
    channelAccountId: gone,
    network: "x",
    idempotencyKey: `x:orphan-${id}`,
    payload: { tweet_create_events: [] },
  });
  await t.database.db.insert(inboundQueue).values({ eventId: id, receivedAt: new Date() });
  await t.deps.inbound.publish([{ id, key: `${gone}:${id}` }]);
  await worker.tick();
  const [item] = (await get("/dead-letters")).json().items;
  expect(item).toMatchObject({ id, channel_id: gone, channel_name: null, failed_step: "load" });
  expect(item.error).toContain("channel");
});
