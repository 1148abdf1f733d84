import type { Role } from "@parley/contracts";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { auditLog, conversationEvents, teams } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { createWorkspaceFixture, insertConversation, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, createTestApp, type TestApp } from "../../testing/harness";

/*
 * SPEC W4: escalation to another team or to a lead / PR / legal keeps the conversation and its
 * history in place, logs the reason and target, and records cross-channel hand-offs (callback,
 * email) that GET /escalations lists while the case is open.
 */
let t: TestApp;
let w: WorkspaceFixture;
let other: WorkspaceFixture;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "esc");
  other = await createWorkspaceFixture(t.app, t.database.db, "esc-other");
});
afterAll(() => t?.close());

const call = (role: Role, method: "GET" | "POST" | "PATCH", url: string, payload?: object, f = w) =>
  t.app.inject({ method, url: `/api/v1${url}`, payload, headers: authHeaders(f.sessions[role]) });

const eventsOf = (conversationId: string) =>
  t.database.db
    .select()
    .from(conversationEvents)
    .where(eq(conversationEvents.conversationId, conversationId))
    .orderBy(asc(conversationEvents.seq));

it("escalates to another team: status escalated, team changed, full reason logged, history kept", async () => {
  const legalTeam = newId();
  await t.database.db.insert(teams).values({ id: legalTeam, workspaceId: w.workspaceId, name: "Legal" });
  const reason = "Customer threatens legal action over the billing error; needs Legal's wording.";
  const res = await call("agent", "POST", `/conversations/${w.conversationId}/escalate`, {
    to: { team_id: legalTeam },
    reason,
  });
  expect(res.statusCode).toBe(201);
  expect(res.json().conversation).toMatchObject({
    id: w.conversationId,
    status: "escalated",
    team_id: legalTeam,
  });
  expect(res.json().escalation).toMatchObject({
    conversation_id: w.conversationId,
    to: { team_id: legalTeam },
    reason,
    callback: null,
    email_handoff: null,
    escalated_by: { type: "user", id: w.userIds.agent },
    open: true,
  });
  const events = await eventsOf(w.conversationId);
  expect(events.map((e) => e.type)).toEqual(["status_changed", "team_changed", "escalated"]);
  expect(events[2]?.data).toMatchObject({ to: { team_id: legalTeam }, reason, from: { status: "new" } });
  // The same conversation, with its messages: nothing was copied.
  const messages = await call("agent", "GET", `/conversations/${w.conversationId}/messages`);
  expect(messages.json().items.map((m: { id: string }) => m.id)).toEqual([w.messageId]);
  const [audit] = await t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, w.workspaceId), eq(auditLog.action, "conversation.escalated")));
  expect(audit).toMatchObject({ targetId: w.conversationId, actorId: w.userIds.agent });
});

it("escalates to legal with a callback request, listed among the open escalations until resolved", async () => {
  const { conversationId } = await insertConversation(t.database.db, w.workspaceId);
  const res = await call("agent", "POST", `/conversations/${conversationId}/escalate`, {
    to: { role: "legal" },
    reason: "Asks about compensation terms",
    callback: { phone: "+44 20 7946 0958" },
  });
  expect(res.statusCode).toBe(201);
  expect(res.json().conversation).toMatchObject({ status: "escalated", team_id: null });
  const open = await call("analyst", "GET", "/escalations?status=open");
  expect(open.statusCode).toBe(200);
  const mine = open
    .json()
    .items.find((e: { conversation_id: string }) => e.conversation_id === conversationId);
  expect(mine).toMatchObject({
    to: { role: "legal" },
    callback: { phone: "+44 20 7946 0958" },
    reason: "Asks about compensation terms",
    conversation_status: "escalated",
    contact: { id: expect.any(String) },
  });
  expect((await eventsOf(conversationId)).map((e) => e.type)).toEqual(["status_changed", "escalated"]);

  await call("lead", "PATCH", `/conversations/${conversationId}`, { status: "resolved" });
  const stillOpen = await call("analyst", "GET", "/escalations");
  expect(stillOpen.json().items.map((e: { conversation_id: string }) => e.conversation_id)).not.toContain(
    conversationId,
  );
  const closed = await call("analyst", "GET", "/escalations?status=closed");
  expect(closed.json().items).toEqual([
    expect.objectContaining({
      conversation_id: conversationId,
      open: false,
      conversation_status: "resolved",
    }),
  ]);
});

it("records an email hand-off to a lead and pages the list with a cursor", async () => {
  const { conversationId } = await insertConversation(t.database.db, w.workspaceId);
  const res = await call("agent", "POST", `/conversations/${conversationId}/escalate`, {
    to: { role: "lead" },
    reason: "Wants to send documents",
    email_handoff: { address: "dana@example.com" },
  });
  expect(res.json().escalation.email_handoff).toEqual({ address: "dana@example.com" });
  const first = await call("agent", "GET", "/escalations?status=all&limit=2");
  expect(first.json().items).toHaveLength(2);
  const rest = await call(
    "agent",
    "GET",
    `/escalations?status=all&limit=2&cursor=${first.json().next_cursor}`,
  );
  expect(rest.json()).toMatchObject({ items: [{ conversation_id: conversationId }], next_cursor: null });
});

it("names what is wrong in an escalation: unknown target role, another workspace's team, no reason", async () => {
  const url = `/conversations/${w.conversationId}/escalate`;
  const role = await call("agent", "POST", url, { to: { role: "ceo" }, reason: "x" });
  expect(role.statusCode).toBe(400);
  expect(role.json().errors[0].field).toMatch(/^body\.to/);
  const team = await call("agent", "POST", url, { to: { team_id: other.teamId }, reason: "x" });
  expect(team.statusCode).toBe(400);
  expect(team.json().errors).toEqual([
    { field: "body.to.team_id", message: "is not a team of this workspace" },
  ]);
  const reason = await call("agent", "POST", url, { to: { role: "pr" }, reason: "  " });
  expect(reason.statusCode).toBe(400);
  expect(reason.json().errors[0].field).toBe("body.reason");
});

it("lets agents escalate and analysts read, not escalate; other workspaces get 404 and see nothing", async () => {
  const url = `/conversations/${w.conversationId}/escalate`;
  const analyst = await call("analyst", "POST", url, { to: { role: "pr" }, reason: "press" });
  expect(analyst.statusCode).toBe(403);
  expect(analyst.json().detail).toContain("conversations:update");
  const foreign = await call("admin", "POST", url, { to: { role: "pr" }, reason: "press" }, other);
  expect(foreign.statusCode).toBe(404);
  const list = await call("admin", "GET", "/escalations?status=all", undefined, other);
  expect(list.json().items).toEqual([]);
  const resolve = await call("admin", "POST", `/conversations/${w.conversationId}/resolve`, undefined, other);
  expect(resolve.statusCode).toBe(404);
});
