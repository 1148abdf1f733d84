import { request as httpRequest, type IncomingMessage } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { X_DEFAULTS } from "./config";
import { type StandaloneXEmulator, startXEmulator } from "./plugin";

const AUTH = { authorization: `Bearer ${X_DEFAULTS.bearerToken}` };
let server: StandaloneXEmulator;
let base: string;

beforeEach(async () => {
  server = await startXEmulator({ prefix: "/sandbox/x", stream: { keepAliveMs: 50 } });
  base = server.url;
  server.emulator.control.createUser({ username: "dana_r", name: "Dana R." });
});
afterEach(() => server.close());

interface OpenStream {
  response: IncomingMessage;
  raw: () => string;
  ended: Promise<void>;
  close: () => void;
}

function openStream(path: string): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    let raw = "";
    const req = httpRequest(`${base}${path}`, { headers: AUTH }, (response) => {
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        raw += chunk;
      });
      const ended = new Promise<void>((done) => response.on("close", () => done()));
      resolve({ response, raw: () => raw, ended, close: () => req.destroy() });
    });
    req.on("error", reject);
    req.end();
  });
}

async function waitFor(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

// biome-ignore lint/suspicious/noExplicitAny: test assertions walk arbitrary JSON
async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...AUTH, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe("filtered stream rules", () => {
  it("adds, validates, dry-runs, lists and deletes rules", async () => {
    const added = await api("POST", "/2/tweets/search/stream/rules", {
      add: [{ value: "@acme -is:retweet", tag: "care" }, { value: "router broken" }],
    });
    expect(added.status).toBe(201);
    expect(added.body.data).toEqual([
      { id: expect.any(String), value: "@acme -is:retweet", tag: "care" },
      { id: expect.any(String), value: "router broken" },
    ]);
    expect(added.body.meta.summary).toEqual({ created: 2, not_created: 0, valid: 2, invalid: 0 });
    const duplicate = await api("POST", "/2/tweets/search/stream/rules", {
      add: [{ value: "router broken" }],
    });
    expect(duplicate.body.errors[0]).toMatchObject({
      value: "router broken",
      id: added.body.data[1].id,
      title: "DuplicateRule",
    });
    const invalid = await api("POST", "/2/tweets/search/stream/rules", { add: [{ value: "foo:bar" }] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0].type).toBe("https://api.twitter.com/2/problems/invalid-rules");
    const dry = await api("POST", "/2/tweets/search/stream/rules?dry_run=true", {
      add: [{ value: "refund" }],
    });
    expect(dry.body.meta.summary.created).toBe(1);
    const listed = await api("GET", "/2/tweets/search/stream/rules");
    expect(listed.body.meta.result_count).toBe(2);
    const deleted = await api("POST", "/2/tweets/search/stream/rules", {
      delete: { ids: [added.body.data[0].id] },
    });
    expect(deleted.body.meta.summary).toEqual({ deleted: 1, not_deleted: 0 });
    await api("POST", "/2/tweets/search/stream/rules?delete_all=true", {});
    expect((await api("GET", "/2/tweets/search/stream/rules")).body).toEqual({
      meta: { sent: expect.any(String), result_count: 0 },
    });
  });
});

describe("GET /2/tweets/search/stream", () => {
  it("delivers matching posts as \\r\\n NDJSON with keep-alives and matching_rules", async () => {
    const rules = await api("POST", "/2/tweets/search/stream/rules", {
      add: [{ value: "@acme", tag: "care" }, { value: "router" }, { value: "refund" }],
    });
    const stream = await openStream("/2/tweets/search/stream?tweet.fields=author_id&expansions=author_id");
    expect(stream.response.statusCode).toBe(200);
    expect(stream.response.headers["content-type"]).toContain("application/json");
    expect(stream.response.headers["x-rate-limit-limit"]).toBe("50");
    await waitFor(() => stream.raw().length >= 4);
    expect(stream.raw()).toMatch(/^(\r\n)+$/);

    const { control } = server.emulator;
    control.postTweet({ author_username: "dana_r", text: "nothing relevant here" });
    const post = control.postTweet({ author_username: "dana_r", text: "@acme my router died" });
    await waitFor(() => stream.raw().includes("matching_rules"));
    const lines = stream
      .raw()
      .split("\r\n")
      .filter((line) => line.length > 0);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toEqual({
      data: {
        id: post.id,
        text: "@acme my router died",
        edit_history_tweet_ids: [post.id],
        author_id: post.author_id,
      },
      includes: { users: [{ id: post.author_id, name: "Dana R.", username: "dana_r" }] },
      matching_rules: [{ id: rules.body.data[0].id, tag: "care" }, { id: rules.body.data[1].id }],
    });
    expect(stream.raw().endsWith("\r\n")).toBe(true);

    const second = await api("GET", "/2/tweets/search/stream");
    expect(second.status).toBe(429);
    expect(second.body).toMatchObject({
      title: "ConnectionException",
      connection_issue: "TooManyConnections",
    });

    const before = stream.raw().length;
    await waitFor(() => stream.raw().length > before + 2);
    stream.close();
    await stream.ended;
  });

  it("sends an operational-disconnect line and closes on request, then accepts a reconnect", async () => {
    await api("POST", "/2/tweets/search/stream/rules", { add: [{ value: "acme" }] });
    const stream = await openStream("/2/tweets/search/stream");
    const res = await fetch(`${base}/_control/streams/disconnect`, { method: "POST" });
    expect(await res.json()).toEqual({ disconnected: 1 });
    await stream.ended;
    const last =
      stream
        .raw()
        .split("\r\n")
        .filter((l) => l.length > 0)
        .at(-1) ?? "";
    expect(JSON.parse(last).errors[0]).toMatchObject({
      title: "operational-disconnect",
      disconnect_type: "UpstreamOperationalDisconnect",
      type: "https://api.twitter.com/2/problems/operational-disconnect",
    });
    const missed = server.emulator.control.postTweet({ author_username: "dana_r", text: "acme outage?" });
    const again = await openStream("/2/tweets/search/stream?backfill_minutes=5");
    expect(again.response.statusCode).toBe(200);
    await waitFor(() => again.raw().includes(missed.id as string));
    // Closing the server ends open streams instead of waiting for them forever.
    await server.close();
    await again.ended;
  });
});
