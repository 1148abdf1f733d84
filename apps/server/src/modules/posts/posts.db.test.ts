import { type StandaloneXEmulator, startXEmulator } from "@parley/sandbox";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createNetworkClient } from "../../connectors/http";
import { type BackgroundWork, startBackgroundWork } from "../../outbox/workers";
import { fixedClock } from "../../platform/clock";
import { createWorkspaceFixture, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, type Credentials, createTestApp, type TestApp } from "../../testing/harness";
import { connectXEmulator } from "../../testing/x-channel";

/* Proactive posts (SPEC W7) published on the sandbox X emulator through the outbox. */
const clock = fixedClock(new Date("2026-05-04T08:00:00Z"));
let x: StandaloneXEmulator;
let t: TestApp;
let w: WorkspaceFixture;
let other: WorkspaceFixture;
let worker: BackgroundWork;
let channelId: string;

const call = (method: "GET" | "POST", url: string, as: Credentials, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, payload, headers: authHeaders(as) });
async function drain() {
  await x.emulator.control.idle();
  while ((await worker.tick()) > 0) {}
}
const brandTweets = () =>
  x.emulator.control.brandTweets() as { id: string; text: string; referenced_tweets?: unknown[] }[];

beforeAll(async () => {
  x = await startXEmulator({ clock, seed: 5 });
  t = await createTestApp({ clock });
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  w = await createWorkspaceFixture(t.app, t.database.db, "posts");
  other = await createWorkspaceFixture(t.app, t.database.db, "posts-other");
  channelId = await connectXEmulator(t.app, w.sessions.admin, x);
  worker = await startBackgroundWork(
    t.deps,
    { error: () => {}, warn: () => {} },
    { autostart: false, http: createNetworkClient({ timeoutMs: 3000 }) },
  );
});
afterAll(async () => {
  await x?.close();
  await worker?.stop();
  await t?.close();
});

it("an agent's outage alert waits for approval, then is published once as a post of the brand's own", async () => {
  const text = "Some customers in Leeds have no broadband since 07:40. Engineers are on it; updates here.";
  const created = await call("POST", "/posts", w.sessions.agent, { channel_ids: [channelId], text });
  expect(created.statusCode, created.body).toBe(201);
  const [post] = created.json().items;
  expect(post).toMatchObject({ status: "awaiting_approval", channel: "x", text });
  await drain();
  expect(brandTweets()).toEqual([]);

  expect((await call("POST", `/posts/${post.id}/approve`, w.sessions.agent, {})).statusCode).toBe(403);
  expect((await call("POST", `/posts/${post.id}/approve`, other.sessions.approver, {})).statusCode).toBe(404);
  const approved = await call("POST", `/posts/${post.id}/approve`, w.sessions.approver, { comment: "Go" });
  expect(approved.statusCode, approved.body).toBe(200);
  expect((await call("POST", `/posts/${post.id}/approve`, w.sessions.approver, {})).statusCode).toBe(409);
  await drain();
  const tweets = brandTweets();
  expect(tweets).toHaveLength(1);
  expect(tweets[0]).toMatchObject({ text });
  expect(tweets[0]?.referenced_tweets).toBeUndefined();
  const listed = (await call("GET", "/posts", w.sessions.analyst)).json().items;
  expect(listed[0]).toMatchObject({
    id: post.id,
    status: "sent",
    external_id: tweets[0]?.id,
    reviewed_by: w.userIds.approver,
  });
  // The brand's own post coming back on the webhook files no conversation.
  const conversations = await call("GET", "/conversations?status=new,open,spam", w.sessions.agent);
  const onX = conversations
    .json()
    .items.filter((c: { channel_account_id: string }) => c.channel_account_id === channelId);
  expect(onX).toEqual([]);
});

it("a lead's post goes out at once; rules of the network are checked first", async () => {
  const tooLong = await call("POST", "/posts", w.sessions.lead, {
    channel_ids: [channelId],
    text: "x".repeat(300),
  });
  expect(tooLong.statusCode).toBe(422);
  expect(tooLong.json().errors[0].field).toBe("body.channel_ids");
  const foreign = await call("POST", "/posts", w.sessions.lead, { channel_ids: [other.teamId], text: "hi" });
  expect(foreign.statusCode).toBe(400);
  const res = await call("POST", "/posts", w.sessions.lead, {
    channel_ids: [channelId],
    text: "Service is back in Leeds.",
  });
  expect(res.json().items[0].status).toBe("queued");
  await drain();
  expect(brandTweets().map((tw) => tw.text)).toContain("Service is back in Leeds.");
});

it("a rejected post is never published and keeps the approver's comment", async () => {
  const res = await call("POST", "/posts", w.sessions.agent, {
    channel_ids: [channelId],
    text: "We are the best!!!",
  });
  const [post] = res.json().items;
  expect((await call("POST", `/posts/${post.id}/reject`, w.sessions.approver, {})).statusCode).toBe(400);
  const rejected = await call("POST", `/posts/${post.id}/reject`, w.sessions.approver, {
    comment: "Off tone",
  });
  expect(rejected.json()).toMatchObject({ status: "rejected", review_comment: "Off tone" });
  await drain();
  expect(brandTweets().map((tw) => tw.text)).not.toContain("We are the best!!!");
});
