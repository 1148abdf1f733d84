import type { LiveServerMessage } from "@parley/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { createInlineChangeFeed } from "../../platform/bus";
import { fixedClock } from "../../platform/clock";
import { type LiveClient, LiveHub, type LiveHubOptions } from "./live-hub";

const WS = "0190f0a0-0000-7000-8000-000000000001";
const OTHER_WS = "0190f0a0-0000-7000-8000-000000000002";
const conv = (n: number) => `0190f0a0-0000-7000-8000-${String(n).padStart(12, "0")}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function client(id: string, workspaceId = WS, user: LiveClient["user"] = { id: `u-${id}`, name: id }) {
  const received: LiveServerMessage[] = [];
  const c: LiveClient & { received: LiveServerMessage[]; closed: number | null; buffered: number } = {
    id,
    workspaceId,
    user,
    received,
    closed: null,
    buffered: 0,
    get bufferedAmount() {
      return c.buffered;
    },
    send: (f) => received.push(JSON.parse(f)),
    close: (code) => {
      c.closed = code;
    },
  };
  return c;
}

const feed = createInlineChangeFeed();
const hubs: LiveHub[] = [];
function hub(opts: Partial<Omit<LiveHubOptions, "changes" | "clock">> = {}) {
  const h = new LiveHub({
    changes: feed,
    clock: fixedClock(new Date("2026-03-02T09:00:00Z")),
    flushMs: 15,
    ...opts,
  });
  hubs.push(h);
  return h;
}
afterEach(async () => {
  for (const h of hubs.splice(0)) await h.close();
});

const changed = (c: { received: LiveServerMessage[] }) =>
  c.received.filter((m) => m.type === "conversation.changed");
const presence = (c: { received: LiveServerMessage[] }, id: string) =>
  c.received.filter((m) => m.type === "presence" && m.conversation_id === id);

describe("conversation changes", () => {
  it("coalesces a burst into one frame per conversation, merging reasons and created", async () => {
    const h = hub();
    const a = client("a");
    h.join(a);
    for (let i = 0; i < 2_000; i++)
      feed.publish({
        workspaceId: WS,
        conversationIds: [conv(i % 3)],
        reasons: [i % 2 ? "status" : "message"],
      });
    feed.publish({ workspaceId: WS, conversationIds: [conv(7)], reasons: ["message"], created: true });
    await sleep(40);
    const frames = changed(a);
    expect(frames).toHaveLength(4);
    expect(
      frames.find((m) => m.type === "conversation.changed" && m.conversation_id === conv(0)),
    ).toMatchObject({
      reasons: ["message", "status"],
      created: false,
      at: "2026-03-02T09:00:00.000Z",
    });
    expect(frames.at(-1)).toMatchObject({ conversation_id: conv(7), created: true });
  });

  it("sends only the newest conversations beyond the cap, and always the one a tab views", async () => {
    const h = hub({ maxChangesPerFlush: 5 });
    const a = client("a");
    const b = client("b");
    h.join(a);
    h.join(b);
    h.view(b, conv(0));
    for (let i = 0; i < 20; i++)
      feed.publish({ workspaceId: WS, conversationIds: [conv(i)], reasons: ["message"] });
    await sleep(40);
    const ids = (c: typeof a) =>
      changed(c).map((m) => (m.type === "conversation.changed" ? m.conversation_id : ""));
    expect(ids(a)).toEqual([15, 16, 17, 18, 19].map(conv));
    expect(ids(b)).toEqual([...[15, 16, 17, 18, 19].map(conv), conv(0)]);
  });

  it("never tells one workspace about another's conversations", async () => {
    const h = hub();
    const a = client("a");
    const stranger = client("s", OTHER_WS);
    h.join(a);
    h.join(stranger);
    feed.publish({ workspaceId: WS, conversationIds: [conv(1)], reasons: ["message"] });
    await sleep(40);
    expect(changed(a)).toHaveLength(1);
    expect(stranger.received).toEqual([]);
  });

  it("closes a socket that stopped reading, so it reconnects and refetches", async () => {
    const h = hub();
    const slow = client("slow");
    h.join(slow);
    slow.buffered = 10 * 1024 * 1024;
    feed.publish({ workspaceId: WS, conversationIds: [conv(1)], reasons: ["message"] });
    await sleep(40);
    expect(slow.closed).toBe(1013);
    expect(slow.received).toEqual([]);
  });

  it("stops listening to a workspace's feed once its last connection left", async () => {
    const h = hub();
    const a = client("a");
    h.join(a);
    h.leave(a);
    feed.publish({ workspaceId: WS, conversationIds: [conv(1)], reasons: ["message"] });
    await sleep(40);
    expect(a.received).toEqual([]);
  });
});

describe("presence", () => {
  it("lists a user once across tabs and tells every connection of the workspace", async () => {
    const h = hub();
    const tab1 = client("t1", WS, { id: "u1", name: "Ana" });
    const tab2 = client("t2", WS, { id: "u1", name: "Ana" });
    const inbox = client("inbox", WS, { id: "u2", name: "Ben" });
    for (const c of [tab1, tab2, inbox]) h.join(c);
    h.view(tab1, conv(1));
    h.view(tab2, conv(1));
    await sleep(40);
    const last = presence(inbox, conv(1)).at(-1);
    expect(last).toMatchObject({
      viewers: [{ user_id: "u1", name: "Ana", typing: false, typing_kind: null }],
    });
    // A newcomer hears at once who is where.
    const late = client("late");
    h.join(late);
    expect(presence(late, conv(1))).toHaveLength(1);
  });

  it("shows typing until it lapses, and leaves on view change", async () => {
    const h = hub({ typingTtlMs: 60 });
    const a = client("a", WS, { id: "ua", name: "Ana" });
    const b = client("b", WS, { id: "ub", name: "Ben" });
    h.join(a);
    h.join(b);
    h.view(a, conv(1));
    expect(h.typing(a, conv(2), "public")).toBe(false);
    expect(h.typing(a, conv(1), "note")).toBe(true);
    await sleep(30);
    expect(presence(b, conv(1)).at(-1)).toMatchObject({ viewers: [{ typing: true, typing_kind: "note" }] });
    await sleep(80);
    expect(presence(b, conv(1)).at(-1)).toMatchObject({ viewers: [{ typing: false, typing_kind: null }] });
    h.view(a, conv(2));
    await sleep(30);
    expect(presence(b, conv(1)).at(-1)).toMatchObject({ viewers: [] });
    expect(presence(b, conv(2)).at(-1)).toMatchObject({ viewers: [{ user_id: "ua" }] });
  });

  it("gives API keys (no user) no presence", async () => {
    const h = hub();
    const key = client("k", WS, null);
    h.join(key);
    h.view(key, conv(1));
    expect(h.viewingOf(key)).toBeNull();
  });
});

describe("members and desks", () => {
  it("sends one users.changed frame per flush for the members that changed, to the workspace only", async () => {
    const h = hub();
    const a = client("a");
    const stranger = client("s", OTHER_WS);
    h.join(a);
    h.join(stranger);
    feed.publish({ workspaceId: WS, conversationIds: [], userIds: ["u1"], reasons: ["availability"] });
    feed.publish({ workspaceId: WS, conversationIds: [], userIds: ["u2", "u1"], reasons: ["availability"] });
    await sleep(40);
    expect(a.received).toEqual([
      {
        type: "users.changed",
        user_ids: ["u1", "u2"],
        reasons: ["availability"],
        at: "2026-03-02T09:00:00.000Z",
      },
    ]);
    expect(stranger.received).toEqual([]);
  });

  it("calls the desk closed once a user's last connection is gone for the grace period", async () => {
    const closed: [string, string, string][] = [];
    const h = hub({
      deskClosedGraceMs: 30,
      onDeskClosed: (ws, user, at) => closed.push([ws, user, at.toISOString()]),
    });
    const tab1 = client("t1", WS, { id: "u1", name: "Ana" });
    const tab2 = client("t2", WS, { id: "u1", name: "Ana" });
    h.join(tab1);
    h.join(tab2);
    h.leave(tab1);
    await sleep(60);
    expect(closed).toEqual([]); // another tab is still open
    h.leave(tab2);
    const reload = client("t3", WS, { id: "u1", name: "Ana" });
    h.join(reload); // back within the grace period
    await sleep(60);
    expect(closed).toEqual([]);
    h.leave(reload);
    await sleep(60);
    expect(closed).toEqual([[WS, "u1", "2026-03-02T09:00:00.000Z"]]);
  });
});
