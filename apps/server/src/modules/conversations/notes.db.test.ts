import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, conversationEvents, conversations } from "../../platform/db/schema";
import { createWorkspaceFixture, insertConversation, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, type Credentials, createTestApp, type TestApp } from "../../testing/harness";

let t: TestApp;
let w: WorkspaceFixture;
let other: WorkspaceFixture;
const published: { conversationIds: readonly string[]; reasons: readonly string[] }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "notes");
  other = await createWorkspaceFixture(t.app, t.database.db, "notes-other");
  t.deps.changes.subscribe(w.workspaceId, (c) => published.push(c));
});
afterAll(() => t?.close());

const call = (method: "GET" | "POST" | "PUT" | "PATCH", url: string, payload?: object, as?: Credentials) =>
  t.app.inject({ method, url: `/api/v1${url}`, payload, headers: authHeaders(as ?? w.sessions.agent) });

const eventsOf = (conversationId: string) =>
  t.database.db
    .select()
    .from(conversationEvents)
    .where(eq(conversationEvents.conversationId, conversationId));

describe("notes", () => {
  it("adds a note with its author, logs note_added, audits it and lists oldest first", async () => {
    const first = await call("POST", `/conversations/${w.conversationId}/notes`, {
      text: "  Called them back ",
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      conversation_id: w.conversationId,
      author: { id: w.userIds.agent, name: "agent of notes" },
      text: "Called them back",
    });
    await call("POST", `/conversations/${w.conversationId}/notes`, { text: "second" }, w.sessions.lead);
    const page = (await call("GET", `/conversations/${w.conversationId}/notes?limit=1`)).json();
    expect(page.items.map((n: { text: string }) => n.text)).toEqual(["Called them back"]);
    const next = (
      await call("GET", `/conversations/${w.conversationId}/notes?limit=1&cursor=${page.next_cursor}`)
    ).json();
    expect(next.items.map((n: { text: string }) => n.text)).toEqual(["second"]);
    expect(next.next_cursor).toBeNull();

    const events = await eventsOf(w.conversationId);
    expect(events.filter((e) => e.type === "note_added")).toHaveLength(2);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, w.workspaceId), eq(auditLog.action, "conversation.note_added")));
    expect(audits).toHaveLength(2);
    expect(published).toContainEqual(
      expect.objectContaining({ conversationIds: [w.conversationId], reasons: ["note"] }),
    );
  });

  it("refuses an empty note naming the field, and another workspace's conversation", async () => {
    const empty = await call("POST", `/conversations/${w.conversationId}/notes`, { text: "   " });
    expect(empty.statusCode).toBe(400);
    expect(empty.headers["content-type"]).toContain("application/problem+json");
    expect(JSON.stringify(empty.json().errors)).toContain("text");
    const foreign = await call("POST", `/conversations/${other.conversationId}/notes`, { text: "hi" });
    expect(foreign.statusCode).toBe(404);
    expect((await call("GET", `/conversations/${other.conversationId}/notes`)).statusCode).toBe(404);
  });
});

describe("tags", () => {
  it("adds and removes without regard to case, keeping the first spelling", async () => {
    const { conversationId } = await insertConversation(t.database.db, w.workspaceId, { tags: ["Outage"] });
    const res = await call("PUT", `/conversations/${conversationId}/tags`, {
      add: ["outage", "billing", "VIP", "vip"],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().tags).toEqual(["Outage", "billing", "VIP"]);
    const removed = await call("PUT", `/conversations/${conversationId}/tags`, { remove: ["OUTAGE"] });
    expect(removed.json().tags).toEqual(["billing", "VIP"]);
    // No change: no event.
    await call("PUT", `/conversations/${conversationId}/tags`, { add: ["billing"] });
    const events = (await eventsOf(conversationId)).filter((e) => e.type === "tags_changed");
    expect(events.map((e) => e.data)).toEqual([
      { from: ["Outage"], to: ["Outage", "billing", "VIP"] },
      { from: ["Outage", "billing", "VIP"], to: ["billing", "VIP"] },
    ]);
  });

  it("refuses a blank tag and an empty change with problem+json naming the field", async () => {
    const blank = await call("PUT", `/conversations/${w.conversationId}/tags`, { add: [" "] });
    expect(blank.statusCode).toBe(400);
    expect(JSON.stringify(blank.json().errors)).toContain("add");
    const nothing = await call("PUT", `/conversations/${w.conversationId}/tags`, {});
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().errors).toEqual([expect.objectContaining({ field: "body.add" })]);
  });
});

describe("history", () => {
  it("lists events oldest first with the actors' names", async () => {
    const { conversationId, contactId, messageId } = await insertConversation(t.database.db, w.workspaceId);
    const rule = await call(
      "POST",
      "/rules",
      { name: "Tag outages", conditions: { all: [] }, actions: [{ type: "add_tag", tag: "x" }] },
      w.sessions.admin,
    );
    expect(rule.statusCode).toBe(201);
    const at = new Date();
    const base = { workspaceId: w.workspaceId, conversationId, occurredAt: at, createdAt: at };
    await t.database.db.insert(conversationEvents).values([
      { ...base, type: "message_in", actorType: "contact", actorId: contactId, messageId },
      { ...base, type: "rule_matched", actorType: "rule", actorId: rule.json().id, data: { rule: "x" } },
      { ...base, type: "sla_warning", actorType: "system", actorId: null },
    ]);
    await call("PATCH", `/conversations/${conversationId}`, { status: "open" });
    await call("POST", `/conversations/${conversationId}/notes`, { text: "n" }, w.apiKeys.agent);

    const page = (await call("GET", `/conversations/${conversationId}/events?limit=3`)).json();
    const rest = (
      await call("GET", `/conversations/${conversationId}/events?cursor=${page.next_cursor}`)
    ).json();
    const all = [...page.items, ...rest.items];
    expect(all.map((e) => [e.type, e.actor.type, e.actor.name])).toEqual([
      ["message_in", "customer", expect.stringMatching(/^Customer cust_/)],
      ["rule_matched", "rule", "Tag outages"],
      ["sla_warning", "system", "Parley"],
      ["status_changed", "user", "agent of notes"],
      ["note_added", "api_key", "agent key"],
    ]);
    expect(all[0]).toMatchObject({ message_id: messageId, actor: { id: contactId } });
    expect(all[3].data).toEqual({ from: "new", to: "open" });
    expect(rest.next_cursor).toBeNull();
  });
});

describe("bulk", () => {
  it("applies each item alone: failures are reported and never block the others", async () => {
    const a = await insertConversation(t.database.db, w.workspaceId);
    const b = await insertConversation(t.database.db, w.workspaceId);
    const res = await call("POST", "/conversations/bulk", {
      conversation_ids: [a.conversationId, other.conversationId, b.conversationId],
      action: { type: "status", status: "pending" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().results).toEqual([
      { conversation_id: a.conversationId, ok: true },
      {
        conversation_id: other.conversationId,
        ok: false,
        error: { status: 404, title: "Not Found", detail: "Conversation was not found." },
      },
      { conversation_id: b.conversationId, ok: true },
    ]);
    const [rowA] = await t.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, a.conversationId));
    expect(rowA?.status).toBe("pending");
    const [foreign] = await t.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, other.conversationId));
    expect(foreign?.status).toBe("new");
    expect((await eventsOf(b.conversationId)).map((e) => e.type)).toEqual(["status_changed"]);
    expect(published).toContainEqual(
      expect.objectContaining({ conversationIds: [a.conversationId, b.conversationId], reasons: ["status"] }),
    );
  });

  it("checks each assignment like the single route: an agent may only take conversations", async () => {
    const a = await insertConversation(t.database.db, w.workspaceId);
    const toLead = await call("POST", "/conversations/bulk", {
      conversation_ids: [a.conversationId],
      action: { type: "assign", assignee_id: w.userIds.lead },
    });
    expect(toLead.json().results[0]).toMatchObject({ ok: false, error: { status: 403 } });
    const toSelf = await call("POST", "/conversations/bulk", {
      conversation_ids: [a.conversationId],
      action: { type: "assign", assignee_id: w.userIds.agent },
    });
    expect(toSelf.json().results[0]).toEqual({ conversation_id: a.conversationId, ok: true });
  });

  it("tags, sets priority and marks spam through the single operations", async () => {
    const a = await insertConversation(t.database.db, w.workspaceId, { tags: ["Known"] });
    const ids = [a.conversationId];
    const tag = await call("POST", "/conversations/bulk", {
      conversation_ids: ids,
      action: { type: "tag", add: ["known", "bulk"] },
    });
    expect(tag.json().results[0].ok).toBe(true);
    await call("POST", "/conversations/bulk", {
      conversation_ids: ids,
      action: { type: "priority", priority: "urgent" },
    });
    const spam = await call("POST", "/conversations/bulk", {
      conversation_ids: ids,
      action: { type: "spam", spam: true },
    });
    expect(spam.json().results[0].ok).toBe(true);
    const [row] = await t.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, a.conversationId));
    expect(row).toMatchObject({ tags: ["Known", "bulk"], priority: "urgent", status: "spam" });
    const audits = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, a.conversationId));
    expect(audits.map((x) => x.action).sort()).toEqual([
      "conversation.bulk_priority",
      "conversation.bulk_spam",
      "conversation.bulk_tag",
    ]);
  });

  it("refuses a bad request naming the field", async () => {
    const res = await call("POST", "/conversations/bulk", {
      conversation_ids: [],
      action: { type: "status", status: "pending" },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().errors)).toContain("conversation_ids");
  });
});
