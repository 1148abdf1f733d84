import {
  ACTIVITY_BEAT_MS,
  ACTIVITY_IDLE_MS,
  type ActivityKind,
  type LiveServerMessage,
} from "@parley/contracts";
import { and, asc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { buildApp } from "../../app";
import { fixedClock } from "../../platform/clock";
import type { Database } from "../../platform/db";
import { conversationEvents } from "../../platform/db/schema";
import { openTestDatabase } from "../../platform/db/testing";
import type { Deps } from "../../platform/deps";
import { createWorkspaceFixture, insertConversation, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, type Credentials, createTestDeps } from "../../testing/harness";
import { conversationHandling, segmentsFromHeartbeats } from "../reporting/handling-time";
import { ActivityRecorder } from "./activity-recorder";

const clock = fixedClock(new Date("2026-03-02T17:00:00Z"));
const at = (hhmmss: string) => new Date(`2026-03-02T${hhmmss}Z`);
let app: FastifyInstance;
let database: Database;
let deps: Deps;
let w: WorkspaceFixture;
let other: WorkspaceFixture;
let liveUrl: string;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  deps = createTestDeps(database, clock);
  app = await buildApp({ deps, ping: database.ping, logger: false });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  liveUrl = `${address.replace("http", "ws")}/api/v1/live`;
  w = await createWorkspaceFixture(app, database.db, "act");
  other = await createWorkspaceFixture(app, database.db, "act-other");
});
afterAll(async () => {
  for (const s of sockets) s.terminate();
  const closing = app?.close();
  app?.server.closeAllConnections();
  await closing;
  await deps?.bus.close();
  await database?.close();
});

/** A desk tab: sends frames and waits for the server to have handled them (a ping's pong comes after). */
async function desk(creds: Credentials) {
  const received: LiveServerMessage[] = [];
  const ws = new WebSocket(liveUrl, { headers: authHeaders(creds) });
  sockets.push(ws);
  ws.on("message", (d) => received.push(JSON.parse(String(d))));
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  const pongs = () => received.filter((m) => m.type === "pong").length;
  let lastSend = 0;
  /**
   * Sends the frames, then a ping, and resolves once its pong (so every frame before it) arrived.
   * Paced under the socket's 30 messages a second, which a real desk (a beat per 15 s) never nears.
   */
  const send = async (...frames: (object | string)[]) => {
    const pause = lastSend + 40 * (frames.length + 1) - Date.now();
    if (pause > 0) await new Promise((r) => setTimeout(r, pause));
    lastSend = Date.now();
    const before = pongs();
    for (const f of [...frames, { type: "ping" }]) ws.send(typeof f === "string" ? f : JSON.stringify(f));
    const until = Date.now() + 3_000;
    while (pongs() === before) {
      if (Date.now() > until) throw new Error(`no pong: ${JSON.stringify(received)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const errors = () => received.flatMap((m) => (m.type === "error" ? [m.detail] : []));
  return { ws, send, errors };
}

const beat = (conversationId: string, kind: ActivityKind = "viewing") => ({
  type: "activity",
  conversation_id: conversationId,
  kind,
});

function activityRows(conversationId: string) {
  return database.db
    .select()
    .from(conversationEvents)
    .where(
      and(
        eq(conversationEvents.conversationId, conversationId),
        eq(conversationEvents.type, "agent_activity"),
      ),
    )
    .orderBy(asc(conversationEvents.occurredAt), asc(conversationEvents.seq));
}

/** Beats are written in batches about a second later: wait until `n` are stored. */
async function stored(conversationId: string, n: number) {
  const until = Date.now() + 5_000;
  for (;;) {
    const rows = await activityRows(conversationId);
    if (rows.length >= n || Date.now() > until) return rows;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("activity frames on the live channel", () => {
  it("stores an agent_activity event with the agent, the kind and the server's receive time", async () => {
    const { conversationId } = await insertConversation(database.db, w.workspaceId);
    const agent = await desk(w.sessions.agent);
    clock.set(at("17:05:00"));
    await agent.send({ type: "view", conversation_id: conversationId }, beat(conversationId, "typing"));
    const [row, ...more] = await stored(conversationId, 1);
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      workspaceId: w.workspaceId,
      conversationId,
      type: "agent_activity",
      actorType: "user",
      actorId: w.userIds.agent,
      messageId: null,
      data: { kind: "typing" },
      occurredAt: at("17:05:00"),
    });
    expect(agent.errors()).toEqual([]);
    // Heartbeats are for handling time; the conversation's history does not list them.
    const events = await app.inject({
      method: "GET",
      url: `/api/v1/conversations/${conversationId}/events`,
      headers: authHeaders(w.sessions.agent),
    });
    expect(events.statusCode).toBe(200);
    expect(events.json().items.map((e: { type: string }) => e.type)).not.toContain("agent_activity");
  });

  it("keeps one beat per user and conversation per 10 s: a faster client is coalesced, not refused", async () => {
    const { conversationId } = await insertConversation(database.db, w.workspaceId);
    const agent = await desk(w.sessions.agent);
    const lead = await desk(w.sessions.lead);
    await agent.send({ type: "view", conversation_id: conversationId });
    await lead.send({ type: "view", conversation_id: conversationId });
    // The agent beats every 2 s for 30 s; the lead beats once, at the same time as the first.
    const start = at("17:10:00").getTime();
    for (let s = 0; s <= 30; s += 2) {
      clock.set(new Date(start + s * 1000));
      await agent.send(beat(conversationId, s >= 20 ? "tagging" : "viewing"));
      if (s === 0) await lead.send(beat(conversationId, "lookup"));
    }
    const rows = await stored(conversationId, 5);
    const seconds = (userId: string) =>
      rows.filter((r) => r.actorId === userId).map((r) => (r.occurredAt.getTime() - start) / 1000);
    expect(seconds(w.userIds.agent)).toEqual([0, 10, 20, 30]);
    expect(seconds(w.userIds.lead)).toEqual([0]);
    expect(rows.filter((r) => r.actorId === w.userIds.agent).map((r) => r.data.kind)).toEqual([
      "viewing",
      "viewing",
      "tagging",
      "tagging",
    ]);
    expect([...agent.errors(), ...lead.errors()]).toEqual([]);
  });

  it("refuses bad frames with an error naming the field, and keeps the socket", async () => {
    const agent = await desk(w.sessions.agent);
    await agent.send(
      { type: "activity", conversation_id: w.conversationId, kind: "dozing" },
      { type: "activity", conversation_id: "not-a-uuid", kind: "viewing" },
      { type: "activity", kind: "viewing" },
    );
    const errors = agent.errors();
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^kind: /);
    expect(errors[1]).toMatch(/^conversation_id: /);
    expect(errors[2]).toMatch(/^conversation_id: /);
    // Activity only on the conversation this tab views.
    await agent.send(beat(w.conversationId));
    expect(agent.errors()[3]).toBe("conversation_id: send `view` for this conversation before `activity`");
    expect(agent.ws.readyState).toBe(WebSocket.OPEN);
    await new Promise((r) => setTimeout(r, 1_300));
    expect(await activityRows(w.conversationId)).toEqual([]);
  });

  it("never stores a beat for another workspace's conversation", async () => {
    const agent = await desk(w.sessions.agent);
    await agent.send(
      { type: "view", conversation_id: other.conversationId },
      beat(other.conversationId, "typing"),
    );
    expect(agent.errors()).toEqual([
      "conversation_id: no such conversation in this workspace",
      "conversation_id: send `view` for this conversation before `activity`",
    ]);
    // Even past the socket's checks, the insert itself drops a beat naming a foreign conversation.
    const recorder = new ActivityRecorder({ db: database.db, clock, flushMs: 10 });
    recorder.record({
      workspaceId: w.workspaceId,
      userId: w.userIds.agent,
      conversationId: other.conversationId,
      kind: "viewing",
    });
    recorder.record({
      workspaceId: other.workspaceId,
      userId: w.userIds.agent,
      conversationId: other.conversationId,
      kind: "viewing",
    });
    await recorder.close();
    expect(await activityRows(other.conversationId)).toEqual([]);
  });

  it("writes many beats in a few batched statements, never waiting on the caller", async () => {
    const conversations = await Promise.all(
      [1, 2, 3].map(async () => (await insertConversation(database.db, w.workspaceId)).conversationId),
    );
    const users = [w.userIds.agent, w.userIds.lead, w.userIds.approver];
    let statements = 0;
    const counting = {
      execute: (query: Parameters<Database["db"]["execute"]>[0]) => {
        statements++;
        return database.db.execute(query);
      },
    } as unknown as Database["db"];
    const recorder = new ActivityRecorder({ db: counting, clock, maxBatch: 100, flushMs: 5_000 });
    const start = at("20:00:00").getTime();
    for (let round = 0; round < 40; round++) {
      clock.set(new Date(start + round * 10_000));
      for (const conversationId of conversations)
        for (const userId of users)
          expect(
            recorder.record({ workspaceId: w.workspaceId, userId, conversationId, kind: "viewing" }),
          ).toBe("accepted");
    }
    await recorder.close();
    expect(recorder.pending).toBe(0);
    expect(statements).toBe(4); // 360 beats, 100 a statement
    for (const id of conversations) expect(await activityRows(id)).toHaveLength(120);
  });

  it("API keys have no user, so no activity", async () => {
    const key = await desk(w.apiKeys.agent);
    await key.send(beat(w.conversationId));
    expect(key.errors()).toEqual(["type: presence needs a user session, not an API key"]);
  });
});

describe("handling time from the beats the desk writes (seed 001's example)", () => {
  it("comes out as 2 min for the first reply and 7 min for the second", async () => {
    const { conversationId } = await insertConversation(database.db, w.workspaceId);
    const agent = await desk(w.sessions.agent);
    await agent.send({ type: "view", conversation_id: conversationId });
    /** The desk's cadence while the agent works for `minutes`: a beat every 15 s. */
    const work = async (from: string, minutes: number, kind: ActivityKind) => {
      for (let i = 0; i < (minutes * 60_000) / ACTIVITY_BEAT_MS; i++) {
        clock.set(new Date(at(from).getTime() + i * ACTIVITY_BEAT_MS));
        await agent.send(beat(conversationId, kind));
      }
    };
    // Reads and answers in 2 min (reply at 17:40); on the next message checks with a store manager
    // for 5 min, leaves, comes back at 18:58 and writes for 2 min (reply at 19:00).
    await work("17:38:00", 2, "typing");
    await work("17:46:00", 5, "lookup");
    await work("18:58:00", 2, "typing");
    const rows = await stored(conversationId, 36);
    expect(rows).toHaveLength(36);
    const beats = rows.map((r) => ({ userId: r.actorId as string, at: r.occurredAt }));
    const segments = segmentsFromHeartbeats(beats, {
      beatMs: ACTIVITY_BEAT_MS,
      idleCutoffMs: ACTIVITY_IDLE_MS,
    });
    expect(segments.map((s) => [s.start.toISOString(), s.end.toISOString()])).toEqual([
      ["2026-03-02T17:38:00.000Z", "2026-03-02T17:40:00.000Z"],
      ["2026-03-02T17:46:00.000Z", "2026-03-02T17:51:00.000Z"],
      ["2026-03-02T18:58:00.000Z", "2026-03-02T19:00:00.000Z"],
    ]);
    const handling = conversationHandling(segments, [
      { userId: w.userIds.agent, sentAt: at("17:40:00") },
      { userId: w.userIds.agent, sentAt: at("19:00:00") },
    ]);
    expect(handling.replies.map((r) => r.seconds)).toEqual([120, 420]);
    expect(handling.totalByUser).toEqual({ [w.userIds.agent]: 540 });
  });
});
