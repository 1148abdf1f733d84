import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BackgroundWork, startBackgroundWork } from "../../outbox/workers";
import { classifiers } from "../../pipeline/triage";
import {
  auditLog,
  conversationEvents,
  conversations,
  messages,
  spamCorrections,
} from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { createWorkspaceFixture, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, createTestApp, type TestApp } from "../../testing/harness";
import { connectXChannel, type XChannelFixture } from "../../testing/x-channel";

let t: TestApp;
let w: WorkspaceFixture;
let other: WorkspaceFixture;
let worker: BackgroundWork;
const hooks = new Map<string, XChannelFixture>();
const SECRET = "spam_consumer_secret";
const log = { error: () => {}, warn: () => {} };

/** Connects the workspace's X account. */
async function connectX(f: WorkspaceFixture) {
  hooks.set(
    f.workspaceId,
    await connectXChannel(t.app, f.sessions.admin, { brandId: "7711223344", secret: SECRET }),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "spam");
  other = await createWorkspaceFixture(t.app, t.database.db, "spam-other");
  await connectX(w);
  await connectX(other);
  worker = await startBackgroundWork(t.deps, log, { autostart: false });
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

let seq = 0;
/** Delivers a mention from a new author (so it opens its own conversation) through the real pipeline. */
async function receive(text: string, f = w) {
  const id = `18973122001198${String(++seq).padStart(5, "0")}`;
  const body = JSON.stringify({
    for_user_id: "7711223344",
    tweet_create_events: [
      {
        created_at: "Wed Mar 05 16:02:11 +0000 2025",
        id_str: id,
        text,
        user: {
          id_str: `90000${seq}`,
          name: `Author ${seq}`,
          screen_name: `author_${seq}`,
          followers_count: 12,
        },
        lang: "en",
      },
    ],
  });
  const res = await (hooks.get(f.workspaceId) as XChannelFixture).deliver(body);
  expect(res.statusCode).toBe(200);
  await worker.tick();
  const [row] = await t.database.db
    .select({ message: messages, status: conversations.status })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(eq(messages.externalId, id));
  if (!row) throw new Error(`message ${id} was not stored`);
  return row;
}

const mark = (messageId: string, spam: boolean, as = w.sessions.agent) =>
  t.app.inject({
    method: "POST",
    url: `/api/v1/messages/${messageId}/spam`,
    payload: { spam },
    headers: authHeaders(as),
  });

describe("an agent's correction holds for the next similar message", () => {
  // A promotion the filter takes for spam, and a plug it lets through (the preconditions say so,
  // in case the models are retrained); one correction must flip a near twin of each.
  const promo =
    "@acme_help Congratulations! You have won a £1000 prize. Claim now at http://win.example/claim";
  const promoAgain =
    "@acme_help Congratulations!! You have won a £1000 prize, claim now at http://win.example/claim";
  const plug = "@acme_help nice post, I write about home networking on my blog";
  const plugAgain = "@acme_help nice post! I write about home networking on my blog";

  it("not spam: the message and its conversation leave the spam folder, and the filter learns", async () => {
    expect(classifiers().classify(promoAgain).spam.label).toBe("spam");
    const first = await receive(promo);
    expect(first).toMatchObject({ message: { isSpam: true }, status: "spam" });

    const res = await mark(first.message.id, false);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: first.message.id, is_spam: false });
    const [conv] = await t.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, first.message.conversationId));
    expect(conv?.status).toBe("new");
    const events = await t.database.db
      .select()
      .from(conversationEvents)
      .where(
        and(
          eq(conversationEvents.conversationId, first.message.conversationId),
          eq(conversationEvents.type, "status_changed"),
        ),
      );
    expect(events).toEqual([
      expect.objectContaining({
        actorType: "user",
        actorId: w.userIds.agent,
        messageId: first.message.id,
        data: expect.objectContaining({ from: "spam", to: "new" }),
      }),
    ]);
    const corrections = await t.database.db
      .select()
      .from(spamCorrections)
      .where(eq(spamCorrections.messageId, first.message.id));
    expect(corrections).toEqual([
      expect.objectContaining({
        label: "ham",
        text: promo,
        userId: w.userIds.agent,
        workspaceId: w.workspaceId,
      }),
    ]);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, first.message.id));
    expect(audit.map((a) => a.action)).toEqual(["message.marked_not_spam"]);

    const next = await receive(promoAgain);
    expect(next).toMatchObject({ message: { isSpam: false }, status: "new" });
  });

  it("spam: the conversation goes to the spam folder, and the next similar message follows it", async () => {
    expect(classifiers().classify(plugAgain).spam.label).toBe("ham");
    const first = await receive(plug, other);
    expect(first).toMatchObject({ message: { isSpam: false }, status: "new" });

    const res = await mark(first.message.id, true, other.sessions.lead);
    expect(res.statusCode).toBe(200);
    expect(res.json().is_spam).toBe(true);
    const [conv] = await t.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, first.message.conversationId));
    expect(conv?.status).toBe("spam");

    const next = await receive(plugAgain, other);
    expect(next).toMatchObject({ message: { isSpam: true }, status: "spam" });
  });
});

it("a later message marked spam leaves its conversation where it is", async () => {
  const messageId = newId();
  await t.database.db.insert(messages).values({
    id: messageId,
    workspaceId: w.workspaceId,
    conversationId: w.conversationId,
    channel: "x",
    direction: "inbound",
    visibility: "public",
    kind: "reply",
    text: "follow me for daily crypto signals",
    deliveryStatus: "received",
    sentAt: new Date(Date.now() + 60_000),
  });
  expect((await mark(messageId, true)).statusCode).toBe(200);
  const [conv] = await t.database.db
    .select()
    .from(conversations)
    .where(eq(conversations.id, w.conversationId));
  expect(conv?.status).toBe("new");
  const [message] = await t.database.db.select().from(messages).where(eq(messages.id, messageId));
  expect(message?.isSpam).toBe(true);
});

it("refuses the brand's own messages (422 naming the id) and other workspaces' messages (404)", async () => {
  const outbound = newId();
  await t.database.db.insert(messages).values({
    id: outbound,
    workspaceId: w.workspaceId,
    conversationId: w.conversationId,
    channel: "x",
    direction: "outbound",
    visibility: "public",
    kind: "reply",
    text: "Sorry to hear that, we are on it",
    deliveryStatus: "sent",
    sentAt: new Date(),
  });
  const refused = await mark(outbound, true);
  expect(refused.statusCode).toBe(422);
  expect(refused.headers["content-type"]).toContain("application/problem+json");
  expect(refused.json().errors).toEqual([{ field: "params.id", message: "is not an inbound message" }]);

  expect((await mark(other.messageId, true)).statusCode).toBe(404);
  const [theirs] = await t.database.db.select().from(messages).where(eq(messages.id, other.messageId));
  expect(theirs?.isSpam).toBe(false);
  expect((await mark(w.messageId, true, w.sessions.analyst)).statusCode).toBe(403);
  const count = await t.database.db
    .select()
    .from(spamCorrections)
    .where(eq(spamCorrections.messageId, outbound));
  expect(count).toHaveLength(0);
});
