import type { DeliveryStatus, Visibility } from "@parley/contracts";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { conversationEvents, messages } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { createWorkspaceFixture, insertConversation, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, createTestApp, type TestApp } from "../../testing/harness";

/*
 * SPEC W4 / seed 001 "closing the loop": a case that started in public and was resolved in private
 * should end with a public word. Resolving it answers a reminder and logs a close_loop_reminder
 * event; a case answered in public, or that started in private, gets none.
 */
let t: TestApp;
let w: WorkspaceFixture;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "loop");
});
afterAll(() => t?.close());

let minute = 0;
/** A message in a conversation, a minute after the previous one (the fixture's post comes first). */
async function addMessage(
  conversationId: string,
  m: { direction: "inbound" | "outbound"; visibility: Visibility; status?: DeliveryStatus },
) {
  const at = new Date(Date.now() + ++minute * 60_000);
  await t.database.db.insert(messages).values({
    id: newId(),
    workspaceId: w.workspaceId,
    conversationId,
    channel: "x",
    direction: m.direction,
    visibility: m.visibility,
    kind: m.visibility === "private" ? "dm" : "reply",
    authorUserId: m.direction === "outbound" ? w.userIds.agent : null,
    text: m.direction === "outbound" ? "Sent you a DM to sort this out" : "Here are my details",
    deliveryStatus: m.status ?? (m.direction === "outbound" ? "sent" : "received"),
    sentAt: at,
    receivedAt: at,
  });
}

const resolve = (conversationId: string) =>
  t.app.inject({
    method: "POST",
    url: `/api/v1/conversations/${conversationId}/resolve`,
    headers: authHeaders(w.sessions.agent),
  });

const reminders = (conversationId: string) =>
  t.database.db
    .select()
    .from(conversationEvents)
    .where(
      and(
        eq(conversationEvents.conversationId, conversationId),
        eq(conversationEvents.type, "close_loop_reminder"),
      ),
    );

it("reminds to close the loop in public when a public case was resolved in private", async () => {
  const { conversationId, messageId } = await insertConversation(t.database.db, w.workspaceId);
  await addMessage(conversationId, { direction: "outbound", visibility: "public" });
  await addMessage(conversationId, { direction: "inbound", visibility: "private" });
  await addMessage(conversationId, { direction: "outbound", visibility: "private" });
  const res = await resolve(conversationId);
  expect(res.statusCode).toBe(200);
  expect(res.json().conversation.status).toBe("resolved");
  expect(res.json().close_loop).toMatchObject({
    public_message_id: messageId,
    public_external_id: expect.any(String),
    message: expect.stringMatching(/Close the loop/),
  });
  const events = await reminders(conversationId);
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({ messageId, actorId: w.userIds.agent });
  // Resolving again answers the reminder but logs nothing new.
  expect((await resolve(conversationId)).json().close_loop).not.toBeNull();
  expect(await reminders(conversationId)).toHaveLength(1);
});

it("logs the reminder too when the conversation is resolved through PATCH", async () => {
  const { conversationId } = await insertConversation(t.database.db, w.workspaceId);
  await addMessage(conversationId, { direction: "outbound", visibility: "private" });
  const res = await t.app.inject({
    method: "PATCH",
    url: `/api/v1/conversations/${conversationId}`,
    payload: { status: "resolved" },
    headers: authHeaders(w.sessions.agent),
  });
  expect(res.statusCode).toBe(200);
  expect(await reminders(conversationId)).toHaveLength(1);
});

it("does not remind when the last answer was public, was never sent, or the case started in private", async () => {
  const publicLast = await insertConversation(t.database.db, w.workspaceId);
  await addMessage(publicLast.conversationId, { direction: "outbound", visibility: "private" });
  await addMessage(publicLast.conversationId, { direction: "outbound", visibility: "public" });
  const rejected = await insertConversation(t.database.db, w.workspaceId);
  await addMessage(rejected.conversationId, {
    direction: "outbound",
    visibility: "private",
    status: "rejected",
  });
  const unanswered = await insertConversation(t.database.db, w.workspaceId);
  for (const c of [publicLast, rejected, unanswered]) {
    const res = await resolve(c.conversationId);
    expect(res.statusCode).toBe(200);
    expect(res.json().close_loop).toBeNull();
    expect(await reminders(c.conversationId)).toEqual([]);
  }
  const privateStart = await insertConversation(t.database.db, w.workspaceId);
  await t.database.db
    .update(messages)
    .set({ visibility: "private", kind: "dm" })
    .where(eq(messages.id, privateStart.messageId));
  await addMessage(privateStart.conversationId, { direction: "outbound", visibility: "private" });
  expect((await resolve(privateStart.conversationId)).json().close_loop).toBeNull();
});

it("needs conversations:update to resolve", async () => {
  const res = await t.app.inject({
    method: "POST",
    url: `/api/v1/conversations/${w.conversationId}/resolve`,
    headers: authHeaders(w.apiKeys.analyst),
  });
  expect(res.statusCode).toBe(403);
  expect(res.json().detail).toContain("conversations:update");
});
