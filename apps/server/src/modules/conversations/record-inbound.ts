import { and, eq, inArray, sql } from "drizzle-orm";
import type { InboundItem } from "../../connectors/connector";
import type { Triage } from "../../pipeline/triage";
import type { Queryable } from "../../platform/db";
import { conversationEvents, conversations, messages } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import type { ChannelRow } from "../channels/channels.repo";
import { resolveIdentity } from "../contacts/resolve-identity";
import { findThread } from "./find-thread";

const preview = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 200);

/**
 * Stores one message a network delivered, in its conversation. A message already stored (same
 * network id) is skipped, so redeliveries and overlapping feeds (stream, webhook, poll) make one
 * message. Runs inside the caller's transaction.
 */
export async function recordInbound(
  db: Queryable,
  channel: ChannelRow,
  item: InboundItem,
  eventId: string | null,
  triage: Triage | null = null,
) {
  const ws = channel.workspaceId;
  const [dup] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, ws),
        eq(messages.channel, item.network),
        eq(messages.externalId, item.externalId),
      ),
    );
  if (dup) return null;

  const customer = item.fromBrand ? item.recipient : item.author;
  const identity = customer ? await resolveIdentity(db, ws, item.network, customer, item.sentAt) : null;
  let conversation = await findThread(db, channel, item, identity?.contactId ?? null);
  if (!conversation) {
    if (!identity) return null; // the brand's own post with no customer to file it under
    const id = newId();
    [conversation] = await db
      .insert(conversations)
      .values({
        id,
        workspaceId: ws,
        channel: item.network,
        channelAccountId: channel.id,
        contactId: identity.contactId,
        subject: preview(item.text).slice(0, 120),
        // A conversation that starts with spam goes to the spam folder, out of the agents' queues.
        status: triage?.isSpam ? "spam" : "new",
        sentiment: triage?.sentiment ?? null,
        category: triage?.category ?? null,
        language: item.language ?? triage?.language ?? null,
        lastMessageAt: item.sentAt,
        createdAt: item.sentAt,
        updatedAt: item.sentAt,
      })
      .returning();
  }
  if (!conversation) throw new Error("conversation insert returned nothing");
  if (item.fromBrand && (await adoptEcho(db, conversation.id, item))) return null;

  const messageId = newId();
  const inserted = await db
    .insert(messages)
    .values({
      id: messageId,
      workspaceId: ws,
      conversationId: conversation.id,
      channel: item.network,
      channelAccountId: channel.id,
      direction: item.fromBrand ? "outbound" : "inbound",
      visibility: item.visibility,
      kind: item.kind,
      externalId: item.externalId,
      externalThreadId: item.threadExternalId,
      replyToExternalId: item.replyToExternalId,
      authorIdentityId: item.fromBrand ? null : (identity?.identityId ?? null),
      text: item.text,
      language: item.language ?? triage?.language ?? null,
      sentiment: triage?.sentiment ?? null,
      sentimentScore: triage?.sentimentScore ?? null,
      isSpam: triage?.isSpam ?? false,
      spamScore: triage?.spamScore ?? null,
      isComplaint: triage?.isComplaint ?? null,
      isOffensive: triage?.isOffensive ?? null,
      category: triage?.category ?? null,
      deliveryStatus: item.fromBrand ? "sent" : "received",
      inboundEventId: eventId,
      sentAt: item.sentAt,
    })
    .onConflictDoNothing()
    .returning({ id: messages.id });
  if (inserted.length === 0) return null;

  await touchConversation(db, conversation, item, triage);
  return { messageId, conversationId: conversation.id };
}

const withoutMentions = (text: string) => text.replace(/^(@\w+\s+)+/, "").trim();

/**
 * The network echoing a reply Parley is still sending (stream, webhook echo) is that reply, not a
 * new message: give it the network id instead of storing it twice.
 */
async function adoptEcho(db: Queryable, conversationId: string, item: InboundItem): Promise<boolean> {
  const pending = await db
    .select({ id: messages.id, text: messages.text })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        eq(messages.direction, "outbound"),
        inArray(messages.deliveryStatus, ["queued", "sending"]),
      ),
    );
  const mine = pending.find((m) => withoutMentions(m.text) === withoutMentions(item.text));
  if (!mine) return false;
  await db
    .update(messages)
    // Only the network id: the outbox still records the send (status, first response, events).
    .set({ externalId: item.externalId })
    .where(eq(messages.id, mine.id));
  return true;
}

async function touchConversation(
  db: Queryable,
  c: typeof conversations.$inferSelect,
  item: InboundItem,
  triage: Triage | null,
) {
  const at = item.sentAt;
  const later = (d: Date | null) => (!d || at > d ? at : d);
  const reopen = !item.fromBrand && (c.status === "resolved" || c.status === "pending");
  await db
    .update(conversations)
    .set({
      messageCount: sql`${conversations.messageCount} + 1`,
      lastMessageAt: later(c.lastMessageAt),
      preview: at >= c.lastMessageAt ? preview(item.text) : c.preview,
      hasPublic: c.hasPublic || item.visibility === "public",
      hasPrivate: c.hasPrivate || item.visibility === "private",
      ...(item.fromBrand
        ? {
            lastAgentMessageAt: later(c.lastAgentMessageAt),
            firstResponseAt:
              c.firstResponseAt ?? (c.firstCustomerMessageAt && at >= c.firstCustomerMessageAt ? at : null),
          }
        : {
            firstCustomerMessageAt:
              c.firstCustomerMessageAt && c.firstCustomerMessageAt < at ? c.firstCustomerMessageAt : at,
            lastCustomerMessageAt: later(c.lastCustomerMessageAt),
            // The conversation shows the customer's latest mood (spam messages do not count).
            ...(triage && !triage.isSpam && (!c.lastCustomerMessageAt || at >= c.lastCustomerMessageAt)
              ? { sentiment: triage.sentiment }
              : {}),
          }),
      ...(reopen ? { status: "open" as const, resolvedAt: null } : {}),
      updatedAt: new Date(Math.max(at.getTime(), c.updatedAt.getTime())),
    })
    .where(eq(conversations.id, c.id));
  const events: (typeof conversationEvents.$inferInsert)[] = [
    {
      workspaceId: c.workspaceId,
      conversationId: c.id,
      type: item.fromBrand ? "message_out" : "message_in",
      actorType: item.fromBrand ? "system" : "contact",
      data: { external_id: item.externalId, visibility: item.visibility, via: "network" },
      occurredAt: at,
      createdAt: at,
    },
  ];
  if (reopen) {
    events.push({
      workspaceId: c.workspaceId,
      conversationId: c.id,
      type: "status_changed",
      actorType: "contact",
      data: { from: c.status, to: "open", reason: "customer wrote again" },
      occurredAt: at,
      createdAt: at,
    });
  }
  await db.insert(conversationEvents).values(events);
}
