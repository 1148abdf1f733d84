import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BackgroundWork, startBackgroundWork } from "../../outbox/workers";
import {
  auditLog,
  contactIdentities,
  contacts,
  conversationEvents,
  conversations,
  messages,
} from "../../platform/db/schema";
import { createWorkspaceFixture, insertConversation, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, createTestApp, type TestApp } from "../../testing/harness";
import { connectXChannel, type XChannelFixture } from "../../testing/x-channel";

let t: TestApp;
let w: WorkspaceFixture;
let other: WorkspaceFixture;
let x: XChannelFixture;
let worker: BackgroundWork;
const log = { error: () => {}, warn: () => {} };

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "people");
  other = await createWorkspaceFixture(t.app, t.database.db, "people-other");
  x = await connectXChannel(t.app, w.sessions.admin, { brandId: "5511223344", secret: "people_secret" });
  worker = await startBackgroundWork(t.deps, log, { autostart: false });
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

const call = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, payload, headers: authHeaders(w.sessions.agent) });

let seq = 0;
/** A mention from X user `authorId` through the real webhook and pipeline; its stored message. */
async function receive(authorId: string, text: string) {
  const id = `18973122009198${String(++seq).padStart(5, "0")}`;
  const body = JSON.stringify({
    for_user_id: "5511223344",
    tweet_create_events: [
      {
        created_at: new Date().toUTCString(),
        id_str: id,
        text,
        user: {
          id_str: authorId,
          name: `Author ${authorId}`,
          screen_name: `a_${authorId}`,
          followers_count: 40,
        },
        lang: "en",
      },
    ],
  });
  expect((await x.deliver(body)).statusCode).toBe(200);
  await worker.tick();
  const [row] = await t.database.db
    .select({ message: messages, contactId: conversations.contactId })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(eq(messages.externalId, id));
  if (!row) throw new Error(`message ${id} was not stored`);
  return row;
}

describe("the customer panel", () => {
  it("shows identities, conversations, sentiment trend and totals", async () => {
    const day = new Date(Date.now() - 2 * 86_400_000);
    await t.database.db
      .update(messages)
      .set({ sentimentScore: -0.5, sentAt: day })
      .where(eq(messages.id, w.messageId));
    const res = await call("GET", `/contacts/${w.contactId}`);
    expect(res.statusCode).toBe(200);
    const profile = res.json();
    expect(profile).toMatchObject({
      id: w.contactId,
      vip_tier: "none",
      is_troll: false,
      is_abuse: false,
      avatar_url: null,
      identities: [{ network: "x" }],
      conversations: [{ id: w.conversationId, channel: "x", status: "new" }],
      sentiment_trend: [{ date: day.toISOString().slice(0, 10), mean_score: -0.5, messages: 1 }],
      totals: { conversations: 1, messages: 1 },
    });
    expect((await call("GET", `/contacts/${other.contactId}`)).statusCode).toBe(404);
  });

  it("sets VIP tier, troll and abuse flags, audited", async () => {
    const res = await call("PATCH", `/contacts/${w.contactId}`, { vip_tier: "gold", is_abuse: true });
    expect(res.json()).toMatchObject({ vip_tier: "gold", is_abuse: true, is_troll: false });
    const none = await call("PATCH", `/contacts/${w.contactId}`, { vip_tier: "none" });
    expect(none.json().vip_tier).toBe("none");
    // "none" is stored as no tier: the prioritiser treats any tier text as VIP.
    const [row] = await t.database.db.select().from(contacts).where(eq(contacts.id, w.contactId));
    expect(row?.vipTier).toBeNull();
    const bad = await call("PATCH", `/contacts/${w.contactId}`, { vip_tier: "diamond" });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain("vip_tier");
  });
});

describe("merging", () => {
  it("moves identities, conversations and messages; later messages land on the survivor", async () => {
    const a = await receive("810001", "@acme_help my router keeps rebooting");
    const b = await receive("810002", "@acme_help same account, other phone: router rebooting");
    expect(a.contactId).not.toBe(b.contactId);
    const res = await call("POST", `/contacts/${a.contactId}/merge`, { other_contact_id: b.contactId });
    expect(res.statusCode).toBe(200);
    const profile = res.json();
    expect(profile.identities.map((i: { external_id: string }) => i.external_id).sort()).toEqual([
      "810001",
      "810002",
    ]);
    expect(profile.totals.conversations).toBe(2);
    const [merged] = await t.database.db.select().from(contacts).where(eq(contacts.id, b.contactId));
    expect(merged?.mergedIntoId).toBe(a.contactId);
    const [conv] = await t.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, b.message.conversationId));
    expect(conv?.contactId).toBe(a.contactId);
    const moved = await t.database.db
      .select()
      .from(conversationEvents)
      .where(eq(conversationEvents.conversationId, b.message.conversationId));
    expect(moved.filter((e) => e.type === "contact_changed").map((e) => e.data)).toEqual([
      { from_contact_id: b.contactId, to_contact_id: a.contactId, reason: "merged" },
    ]);
    // The old id opens the survivor.
    expect((await call("GET", `/contacts/${b.contactId}`)).json().id).toBe(a.contactId);

    const later = await receive("810002", "@acme_help still rebooting, any news?");
    expect(later.contactId).toBe(a.contactId);
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "contact.merged"));
    expect(audit?.targetId).toBe(a.contactId);
  });

  it("refuses merging a contact into itself, another workspace's and an already merged one", async () => {
    const self = await call("POST", `/contacts/${w.contactId}/merge`, { other_contact_id: w.contactId });
    expect(self.statusCode).toBe(422);
    expect(self.json().errors).toEqual([expect.objectContaining({ field: "body.other_contact_id" })]);
    const foreign = await call("POST", `/contacts/${w.contactId}/merge`, {
      other_contact_id: other.contactId,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().errors).toEqual([expect.objectContaining({ field: "body.other_contact_id" })]);
    const [otherConv] = await t.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, other.conversationId));
    expect(otherConv?.contactId).toBe(other.contactId);
    const c = await insertConversation(t.database.db, w.workspaceId);
    const d = await insertConversation(t.database.db, w.workspaceId);
    expect(
      (await call("POST", `/contacts/${c.contactId}/merge`, { other_contact_id: d.contactId })).statusCode,
    ).toBe(200);
    const again = await call("POST", `/contacts/${w.contactId}/merge`, { other_contact_id: d.contactId });
    expect(again.statusCode).toBe(409);
  });
});

describe("linking and unlinking identities", () => {
  it("links another contact's identity with its conversations, then unlinks it into a new contact", async () => {
    const a = await insertConversation(t.database.db, w.workspaceId);
    const b = await insertConversation(t.database.db, w.workspaceId);
    const [identity] = await t.database.db
      .select()
      .from(contactIdentities)
      .where(eq(contactIdentities.contactId, b.contactId));
    if (!identity) throw new Error("no identity");
    const linked = await call("POST", `/contacts/${a.contactId}/identities`, { identity_id: identity.id });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().identities).toHaveLength(2);
    expect(linked.json().totals.conversations).toBe(2);
    // b had no identity left: it is merged into a.
    const [emptied] = await t.database.db.select().from(contacts).where(eq(contacts.id, b.contactId));
    expect(emptied?.mergedIntoId).toBe(a.contactId);

    const again = await call("POST", `/contacts/${a.contactId}/identities`, { identity_id: identity.id });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors).toEqual([expect.objectContaining({ field: "body.identity_id" })]);

    const unlinked = await call("DELETE", `/contacts/${a.contactId}/identities/${identity.id}`);
    expect(unlinked.statusCode).toBe(200);
    expect(unlinked.json().identities).toHaveLength(1);
    expect(unlinked.json().conversations.map((c: { id: string }) => c.id)).toEqual([a.conversationId]);
    const [moved] = await t.database.db
      .select()
      .from(contactIdentities)
      .where(eq(contactIdentities.id, identity.id));
    expect(moved?.contactId).not.toBe(a.contactId);
    expect(moved?.contactId).not.toBe(b.contactId);
    const fresh = (await call("GET", `/contacts/${moved?.contactId}`)).json();
    expect(fresh).toMatchObject({ display_name: identity.displayName, totals: { conversations: 1 } });
    expect(fresh.conversations[0].id).toBe(b.conversationId);
    const history = (await call("GET", `/conversations/${b.conversationId}/events`)).json().items;
    expect(
      history
        .filter((e: { type: string }) => e.type === "contact_changed")
        .map((e: { data: object }) => e.data),
    ).toEqual([
      { from_contact_id: b.contactId, to_contact_id: a.contactId, reason: "linked" },
      { from_contact_id: a.contactId, to_contact_id: fresh.id, reason: "unlinked" },
    ]);

    const last = await call("DELETE", `/contacts/${a.contactId}/identities/${fresh.identities[0].id}`);
    expect(last.statusCode).toBe(404);
    const only = await call("DELETE", `/contacts/${fresh.id}/identities/${fresh.identities[0].id}`);
    expect(only.statusCode).toBe(422);
  });
});
