import { startXEmulator, X_DEFAULTS } from "@parley/sandbox";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type BackgroundWork, startBackgroundWork } from "../outbox/workers";
import { channelAccounts, messages } from "../platform/db/schema";
import { createWorkspaceFixture, type WorkspaceFixture } from "../testing/fixtures";
import { authHeaders, createTestApp, type TestApp } from "../testing/harness";
import { startListeners } from "./listeners";

/* The X filtered stream and mentions polling, against the X emulator over HTTP. */

let t: TestApp;
let w: WorkspaceFixture;
let worker: BackgroundWork;
let x: Awaited<ReturnType<typeof startXEmulator>>;
const log = {
  info: (...a: unknown[]) => process.env.DEBUG_FEEDS && console.log(a),
  warn: (...a: unknown[]) => process.env.DEBUG_FEEDS && console.log(a),
  error: (...a: unknown[]) => process.env.DEBUG_FEEDS && console.log(a),
};

beforeAll(async () => {
  x = await startXEmulator({ seed: 3, stream: { keepAliveMs: 50 } });
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "feeds");
  worker = await startBackgroundWork(t.deps, log, { autostart: false });
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
  await x?.close();
});

const credentials = {
  api_key: X_DEFAULTS.consumerKey,
  api_secret: X_DEFAULTS.consumerSecret,
  bearer_token: X_DEFAULTS.bearerToken,
  access_token: X_DEFAULTS.userBearer,
};
const xMessages = async () =>
  (
    await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(messages)
      .where(eq(messages.channel, "x"))
  )[0]?.n ?? 0;

async function until(check: () => Promise<boolean> | boolean, ms = 8000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("timed out");
}

async function connect(ingest: "stream" | "poll") {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/channels",
    payload: {
      network: "x",
      name: "@acme",
      handle: "acme",
      external_account_id: X_DEFAULTS.brand.id,
      base_url: x.url,
      credentials,
      settings: { ingest, poll_seconds: 3600 },
    },
    headers: authHeaders(w.sessions.admin),
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

it("follows the stream, and after a disconnect recovers what was posted meanwhile", async () => {
  const before = await xMessages();
  const id = await connect("stream");
  const listeners = startListeners(t.deps, log, { refreshMs: 60_000 });
  try {
    await until(() => x.emulator.control.streams().length === 1);
    x.emulator.control.postTweet({ author_username: "sam", text: "@acme is there an outage in Leeds?" });
    await until(async () => (await worker.tick()) > 0);
    expect(await xMessages()).toBe(before + 1);

    x.emulator.control.disconnectStreams();
    x.emulator.control.postTweet({ author_username: "kim", text: "@acme my bill is wrong" }); // while disconnected
    await until(async () => {
      await worker.tick();
      return (await xMessages()) === before + 2;
    });
    await until(() => x.emulator.control.streams().length === 1); // reconnected
    x.emulator.control.postTweet({ author_username: "kim", text: "@acme hello again" });
    await until(async () => {
      await worker.tick();
      return (await xMessages()) === before + 3;
    });
  } finally {
    listeners.stop();
  }
  const [channel] = await t.database.db.select().from(channelAccounts).where(eq(channelAccounts.id, id));
  expect(channel?.cursor.mentions_since_id).toMatch(/^\d+$/);
  await t.app.inject({
    method: "DELETE",
    url: `/api/v1/channels/${id}`,
    headers: authHeaders(w.sessions.admin),
  });
});

it("polls mentions with a cursor: each post once, nothing twice", async () => {
  const before = await xMessages();
  x.emulator.control.postTweet({ author_username: "lee", text: "@acme roaming does not work in Spain" });
  const id = await connect("poll");
  const listeners = startListeners(t.deps, log, { refreshMs: 60_000 });
  try {
    await until(async () => {
      await worker.tick();
      return (await xMessages()) === before + 1; // only the new post: the older ones are already stored
    });
    const [channel] = await t.database.db.select().from(channelAccounts).where(eq(channelAccounts.id, id));
    expect(channel?.cursor.mentions_since_id).toMatch(/^\d+$/);
  } finally {
    listeners.stop();
  }
});
