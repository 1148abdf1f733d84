import type { LiveServerMessage } from "@parley/contracts";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { buildApp } from "../../app";
import { type BackgroundWork, startBackgroundWork } from "../../outbox/workers";
import type { Database } from "../../platform/db";
import { messages } from "../../platform/db/schema";
import { openTestDatabase } from "../../platform/db/testing";
import type { Deps } from "../../platform/deps";
import { createWorkspaceFixture, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, type Credentials, createTestDeps } from "../../testing/harness";
import { connectXChannel, type XChannelFixture } from "../../testing/x-channel";

const TYPING_TTL = 300;
let app: FastifyInstance;
let database: Database;
let deps: Deps;
let worker: BackgroundWork;
let w: WorkspaceFixture;
let other: WorkspaceFixture;
let x: XChannelFixture;
const sockets: WebSocket[] = [];
let liveUrl: string;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = createTestDeps(database);
  app = await buildApp({
    deps,
    ping: database.ping,
    logger: false,
    // The production flush interval: two deliveries processed apart still coalesce on a loaded machine.
    live: { flushMs: 250, typingTtlMs: TYPING_TTL },
  });
  // A real port and the `ws` client: the browser's path, cookies and upgrade included.
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  liveUrl = `${address.replace("http", "ws")}/api/v1/live`;
  w = await createWorkspaceFixture(app, database.db, "live");
  other = await createWorkspaceFixture(app, database.db, "elsewhere");
  x = await connectXChannel(app, w.sessions.admin);
  worker = await startBackgroundWork(deps, { error: () => {}, warn: () => {} }, { autostart: false });
});
afterAll(async () => {
  for (const s of sockets) s.terminate();
  await worker?.stop();
  const closing = app?.close();
  app?.server.closeAllConnections();
  await closing;
  await deps?.bus.close();
  await database?.close();
});

/** A live connection that keeps every message from the first (hello) on. */
async function connect(creds: Credentials) {
  const received: LiveServerMessage[] = [];
  const ws = new WebSocket(liveUrl, { headers: authHeaders(creds) });
  sockets.push(ws);
  ws.on("message", (d) => received.push(JSON.parse(String(d))));
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  const waitFor = async <T extends LiveServerMessage["type"]>(
    type: T,
    match: (m: Extract<LiveServerMessage, { type: T }>) => boolean = () => true,
    timeoutMs = 3_000,
  ): Promise<Extract<LiveServerMessage, { type: T }>> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const hit = received.find(
        (m): m is Extract<LiveServerMessage, { type: T }> =>
          m.type === type && match(m as Extract<LiveServerMessage, { type: T }>),
      );
      if (hit) return hit;
      if (Date.now() > until)
        throw new Error(`no ${type} within ${timeoutMs} ms: ${JSON.stringify(received)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return {
    ws,
    received,
    send: (m: object | string) => ws.send(typeof m === "string" ? m : JSON.stringify(m)),
    waitFor,
  };
}
type Live = Awaited<ReturnType<typeof connect>>;

let mentionSeq = 0;
const mention = (id: string, text: string, replyTo: string | null = null) =>
  JSON.stringify({
    for_user_id: x.brandId,
    tweet_create_events: [
      {
        created_at: "Wed Mar 05 16:02:11 +0000 2025",
        id_str: id,
        text,
        in_reply_to_status_id_str: replyTo,
        user: { id_str: "3304917752", name: "Dana R.", screen_name: "dana_r", followers_count: 1840 },
        lang: "en",
      },
    ],
  });
const tweetId = () => String(1_897_312_200_119_000_000n + BigInt(++mentionSeq));

/** Ingests a post and its follow-up (same thread) through the webhook and pipeline. */
async function ingestThread(): Promise<{ conversationId: string; messageId: string }> {
  const root = tweetId();
  expect((await x.deliver(mention(root, "@acme_help my router keeps dropping wifi"))).statusCode).toBe(200);
  expect((await x.deliver(mention(tweetId(), "@acme_help still down, please help", root))).statusCode).toBe(
    200,
  );
  await worker.tick();
  const [row] = await database.db
    .select({ id: messages.id, conversationId: messages.conversationId })
    .from(messages)
    .where(and(eq(messages.workspaceId, w.workspaceId), eq(messages.externalId, root)));
  if (!row) throw new Error("the post was not stored");
  return { conversationId: row.conversationId, messageId: row.id };
}

const reply = (creds: Credentials, conversationId: string, body: object) =>
  app.inject({
    method: "POST",
    url: `/api/v1/conversations/${conversationId}/replies`,
    payload: { text: "Sorry about that, we are on it.", visibility: "public", ...body },
    headers: authHeaders(creds),
  });

describe("GET /api/v1/live", () => {
  it("refuses an unauthenticated upgrade with 401, and a plain GET with 426", async () => {
    const anonymous = new WebSocket(liveUrl);
    const refused = await new Promise<Error>((resolve) => anonymous.once("error", resolve));
    expect(refused.message).toBe("Unexpected server response: 401");
    const plain = await app.inject({
      method: "GET",
      url: "/api/v1/live",
      headers: authHeaders(w.sessions.agent),
    });
    expect(plain.statusCode).toBe(426);
    expect(plain.headers["content-type"]).toContain("application/problem+json");
  });

  it("says hello with the user and workspace; API keys may listen", async () => {
    const agent = await connect(w.sessions.agent);
    expect(await agent.waitFor("hello")).toEqual({
      type: "hello",
      user_id: w.userIds.agent,
      workspace_id: w.workspaceId,
    });
    agent.send({ type: "ping" });
    await agent.waitFor("pong");
    const key = await connect(w.apiKeys.analyst);
    expect(await key.waitFor("hello")).toMatchObject({
      user_id: w.apiKeyIds.analyst,
      workspace_id: w.workspaceId,
    });
    key.send({ type: "view", conversation_id: w.conversationId });
    expect((await key.waitFor("error")).detail).toMatch(/API key/);
  });

  it("answers bad client messages with an error naming the field, and stays open", async () => {
    const agent = await connect(w.sessions.agent);
    agent.send("{not json");
    await agent.waitFor("error", (m) => m.detail === "message: is not valid JSON");
    agent.send({ type: "view", conversation_id: "nope" });
    await agent.waitFor("error", (m) => m.detail.startsWith("conversation_id:"));
    agent.send({ type: "dance" });
    await agent.waitFor("error", (m) => m.detail.startsWith("type:"));
    agent.send({ type: "view", conversation_id: other.conversationId });
    await agent.waitFor("error", (m) => m.detail.includes("no such conversation"));
    agent.send({ type: "typing", conversation_id: w.conversationId, typing: true });
    await agent.waitFor("error", (m) => m.detail.includes("`view`"));
    agent.send({ type: "ping" });
    await agent.waitFor("pong");
  });
});

describe("two agents on one conversation", () => {
  let ana: Live;
  let ben: Live;
  let stranger: Live;
  let thread: { conversationId: string; messageId: string };

  it("an ingest arrives as one coalesced conversation.changed with created: true", async () => {
    ana = await connect(w.sessions.agent);
    ben = await connect(w.sessions.lead);
    stranger = await connect(other.sessions.agent);
    await Promise.all([ana.waitFor("hello"), ben.waitFor("hello"), stranger.waitFor("hello")]);
    thread = await ingestThread();
    const change = await ana.waitFor(
      "conversation.changed",
      (m) => m.conversation_id === thread.conversationId,
    );
    expect(change).toMatchObject({ created: true, reasons: expect.arrayContaining(["message"]) });
    await new Promise((r) => setTimeout(r, 100));
    expect(
      ana.received.filter(
        (m) => m.type === "conversation.changed" && m.conversation_id === thread.conversationId,
      ),
    ).toHaveLength(1);
  });

  it("each sees both viewers; typing shows, then lapses", async () => {
    ana.send({ type: "view", conversation_id: thread.conversationId });
    ben.send({ type: "view", conversation_id: thread.conversationId });
    const both = (m: { conversation_id: string; viewers: { user_id: string }[] }) =>
      m.conversation_id === thread.conversationId && m.viewers.length === 2;
    for (const live of [ana, ben]) {
      const p = await live.waitFor("presence", both);
      expect(p.viewers.map((v) => v.user_id).sort()).toEqual([w.userIds.agent, w.userIds.lead].sort());
      expect(p.viewers.map((v) => v.name).sort()).toEqual(["agent of live", "lead of live"]);
    }
    ana.send({ type: "typing", conversation_id: thread.conversationId, typing: true, kind: "private" });
    const typing = await ben.waitFor("presence", (m) =>
      m.viewers.some((v) => v.user_id === w.userIds.agent && v.typing && v.typing_kind === "private"),
    );
    const at = ben.received.indexOf(typing);
    const lapsed = await ben.waitFor(
      "presence",
      (m) => ben.received.indexOf(m) > at && m.viewers.length === 2 && m.viewers.every((v) => !v.typing),
      TYPING_TTL * 5,
    );
    expect(lapsed.viewers.every((v) => v.typing_kind === null)).toBe(true);
  });

  it("the second to send is warned with 409 reply-conflict, then may force it", async () => {
    const first = await reply(w.sessions.lead, thread.conversationId, { seen_message_id: thread.messageId });
    expect(first.statusCode).toBe(202);
    // Ana still saw only the customer's post.
    const second = await reply(w.sessions.agent, thread.conversationId, {
      seen_message_id: thread.messageId,
    });
    expect(second.statusCode).toBe(409);
    expect(second.headers["content-type"]).toContain("application/problem+json");
    const problem = second.json();
    expect(problem.type).toMatch(/\/reply-conflict$/);
    expect(problem.conflicting_message).toMatchObject({
      id: first.json().id,
      author: { id: w.userIds.lead, name: "lead of live" },
      text: "Sorry about that, we are on it.",
      visibility: "public",
    });
    // Having read it (seen = Ben's reply), or with force, the reply goes.
    const forced = await reply(w.sessions.agent, thread.conversationId, {
      seen_message_id: thread.messageId,
      force: true,
    });
    expect(forced.statusCode).toBe(202);
    const informed = await reply(w.sessions.lead, thread.conversationId, {
      seen_message_id: forced.json().id,
    });
    expect(informed.statusCode).toBe(202);
    const bogus = await reply(w.sessions.lead, thread.conversationId, { seen_message_id: other.messageId });
    expect(bogus.statusCode).toBe(422);
    expect(bogus.json().errors[0].field).toBe("body.seen_message_id");
  });

  it("a reply by one is a conversation.changed for the other; another workspace hears nothing", async () => {
    const before = ana.received.length;
    expect((await reply(w.sessions.lead, thread.conversationId, {})).statusCode).toBe(202);
    await ana.waitFor(
      "conversation.changed",
      (m) =>
        ana.received.indexOf(m) >= before &&
        m.conversation_id === thread.conversationId &&
        m.reasons.includes("message"),
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(stranger.received.map((m) => m.type)).toEqual(["hello"]);
  });

  it("PATCH publishes what changed, and leaving drops the viewer", async () => {
    const before = ben.received.length;
    const res = await app.inject({
      method: "PATCH",
      url: `/api/v1/conversations/${thread.conversationId}`,
      payload: { priority: "urgent" },
      headers: authHeaders(w.sessions.agent),
    });
    expect(res.statusCode).toBe(200);
    await ben.waitFor(
      "conversation.changed",
      (m) => ben.received.indexOf(m) >= before && m.reasons.includes("priority"),
    );
    ana.ws.close();
    await ben.waitFor(
      "presence",
      (m) =>
        m.conversation_id === thread.conversationId &&
        m.viewers.length === 1 &&
        m.viewers[0]?.user_id === w.userIds.lead,
    );
  });
});
