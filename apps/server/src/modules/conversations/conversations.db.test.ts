import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { conversationEvents } from "../../platform/db/schema";
import { createWorkspaceFixture, insertConversation, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, createTestApp, type TestApp } from "../../testing/harness";

let t: TestApp;
let w: WorkspaceFixture;
const get = async (url: string) =>
  (await t.app.inject({ method: "GET", url, headers: authHeaders(w.sessions.agent) })).json();

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "conv");
  const base = Date.UTC(2026, 0, 1);
  // 25 more conversations: scores 0..96 in steps of 4, some sharing a score, times one minute apart.
  for (let i = 0; i < 25; i++) {
    await insertConversation(
      t.database.db,
      w.workspaceId,
      {
        priorityScore: (i % 13) * 8,
        priority: i % 13 > 9 ? "urgent" : "normal",
        channel: i % 2 ? "facebook" : "x",
        status: i % 5 === 0 ? "resolved" : "open",
        preview: `message number ${i}`,
        sentiment: i % 3 === 0 ? "negative" : "neutral",
        category: i % 4 === 0 ? "billing" : "network",
        language: i % 2 ? "de" : "en",
        tags: i % 6 === 0 ? ["vip", "refund"] : [],
      },
      new Date(base + i * 60_000),
    );
  }
});
afterAll(() => t?.close());

it("lists in priority order across pages with no gaps or repeats", async () => {
  const seen: { id: string; priority_score: number; last_message_at: string }[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: typeof seen; next_cursor: string | null } = await get(
      `/api/v1/conversations?limit=4${cursor ? `&cursor=${cursor}` : ""}`,
    );
    seen.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  expect(seen).toHaveLength(21); // 20 open + the fixture's new one; resolved ones are not active
  expect(new Set(seen.map((c) => c.id)).size).toBe(21);
  const sorted = [...seen].sort(
    (a, b) =>
      b.priority_score - a.priority_score ||
      b.last_message_at.localeCompare(a.last_message_at) ||
      b.id.localeCompare(a.id),
  );
  expect(seen.map((c) => c.id)).toEqual(sorted.map((c) => c.id));
});

it("filters by status, channel, priority, assignee and text", async () => {
  const resolved = await get("/api/v1/conversations?status=resolved&limit=100");
  expect(resolved.items).toHaveLength(5);
  expect(resolved.items.every((c: { status: string }) => c.status === "resolved")).toBe(true);
  const fb = await get("/api/v1/conversations?channel=facebook&status=open,resolved&limit=100");
  expect(fb.items).toHaveLength(12);
  const urgent = await get("/api/v1/conversations?priority=urgent&status=open,resolved&limit=100");
  expect(urgent.items.every((c: { priority: string }) => c.priority === "urgent")).toBe(true);
  expect((await get("/api/v1/conversations?q=number%2017")).items).toHaveLength(1);
  expect((await get("/api/v1/conversations?q=100%25")).items).toHaveLength(0);
  expect((await get("/api/v1/conversations?assignee_id=me")).items).toHaveLength(0);
  expect((await get("/api/v1/conversations?assignee_id=none&limit=100")).items).toHaveLength(21);
});

it("filters by sentiment, category, language and tag", async () => {
  const all = "status=open,resolved&limit=100";
  const count = async (q: string) => (await get(`/api/v1/conversations?${q}&${all}`)).items.length;
  expect(await count("sentiment=negative")).toBe(9); // i = 0, 3, ..., 24
  expect(await count("sentiment=negative,neutral")).toBe(25);
  expect(await count("category=billing")).toBe(7); // i = 0, 4, ..., 24
  expect(await count("language=de")).toBe(12);
  expect(await count("tag=refund")).toBe(5); // i = 0, 6, 12, 18, 24
  expect(await count("tag=refund&language=en")).toBe(5);
  const bad = await t.app.inject({
    method: "GET",
    url: "/api/v1/conversations?sentiment=angry",
    headers: authHeaders(w.sessions.agent),
  });
  expect(bad.statusCode).toBe(400);
  expect(bad.body).toContain("sentiment");
});

it("pages newest and oldest first too", async () => {
  const newest = await get("/api/v1/conversations?sort=newest&limit=3");
  const oldest = await get("/api/v1/conversations?sort=oldest&limit=3");
  expect(newest.items[0].last_message_at >= newest.items[1].last_message_at).toBe(true);
  expect(oldest.items[0].last_message_at <= oldest.items[1].last_message_at).toBe(true);
  const next = await get(`/api/v1/conversations?sort=oldest&limit=3&cursor=${oldest.next_cursor}`);
  expect(next.items[0].last_message_at >= oldest.items[2].last_message_at).toBe(true);
});

it("returns a conversation with its contact and its messages", async () => {
  const c = await get(`/api/v1/conversations/${w.conversationId}`);
  expect(c).toMatchObject({
    id: w.conversationId,
    channel: "x",
    status: "new",
    contact_id: w.contactId,
    contact: { id: w.contactId },
  });
  const messages = await get(`/api/v1/conversations/${w.conversationId}/messages`);
  expect(messages.items).toHaveLength(1);
  expect(messages.items[0]).toMatchObject({
    direction: "inbound",
    visibility: "public",
    author: { type: "contact", id: w.contactId },
  });
});

it("logs each change of a conversation as an event", async () => {
  const res = await t.app.inject({
    method: "PATCH",
    url: `/api/v1/conversations/${w.conversationId}`,
    payload: {
      status: "open",
      assignee_id: w.userIds.agent,
      team_id: w.teamId,
      tags: ["outage", "outage", "vip"],
    },
    headers: authHeaders(w.sessions.agent),
  });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({
    status: "open",
    assignee_id: w.userIds.agent,
    team_id: w.teamId,
    tags: ["outage", "vip"],
  });
  const events = await t.database.db
    .select()
    .from(conversationEvents)
    .where(eq(conversationEvents.conversationId, w.conversationId));
  expect(events.map((e) => e.type).sort()).toEqual([
    "assigned",
    "status_changed",
    "tags_changed",
    "team_changed",
  ]);
  expect(events.every((e) => e.actorType === "user" && e.actorId === w.userIds.agent)).toBe(true);
  const mine = await get("/api/v1/conversations?assignee_id=me");
  expect(mine.items.map((c: { id: string }) => c.id)).toEqual([w.conversationId]);
});
