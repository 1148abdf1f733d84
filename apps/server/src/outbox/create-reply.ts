import { eq } from "drizzle-orm";
import { connectorFor } from "../connectors/registry";
import { actorOf, type Principal } from "../modules/auth/principal";
import { findConversation } from "../modules/conversations/conversations.repo";
import { findSensitive, sensitiveKinds } from "../nlp/sensitive";
import type { Queryable } from "../platform/db";
import { channelAccounts, conversationEvents, conversations, messages } from "../platform/db/schema";
import { conflict, found, HttpProblem } from "../platform/http/problem";
import { newId } from "../platform/ids";
import { enqueue } from "../platform/jobs/queue";
import { replyTarget } from "./outbound-request";

export const SEND_QUEUE = "send-message";

/**
 * SPEC T4: personal data never goes out in public by accident. A public reply that contains any is
 * refused (422 naming the kinds, suggesting a private reply) unless the agent confirms it.
 */
function guardSensitive(input: {
  text: string;
  visibility: "public" | "private";
  allow_sensitive?: boolean;
}) {
  if (input.visibility !== "public" || input.allow_sensitive) return;
  const kinds = sensitiveKinds(findSensitive(input.text));
  if (kinds.length === 0) return;
  const what = kinds.map((k) => k.replace("_", " ")).join(", ");
  throw new HttpProblem(
    422,
    "Unprocessable Entity",
    `This public reply contains personal data (${what}). Reply privately, remove it, or confirm with allow_sensitive.`,
    [{ field: "body.text", message: `contains personal data in public: ${what}` }],
  );
}

/**
 * An agent's reply: checked against the network's rules now (so the agent hears "too long" or
 * "the 24 h window has closed" at once), stored as `queued`, and handed to the outbox in the same
 * transaction. Replying takes an unassigned conversation and opens a new one.
 */
export async function createReply(
  db: Queryable,
  p: Principal,
  conversationId: string,
  input: { text: string; visibility: "public" | "private"; allow_sensitive?: boolean },
  now: Date,
) {
  guardSensitive(input);
  const { conversation } = found(await findConversation(db, p.workspaceId, conversationId), "Conversation");
  const [channel] = conversation.channelAccountId
    ? await db.select().from(channelAccounts).where(eq(channelAccounts.id, conversation.channelAccountId))
    : [];
  if (!channel || channel.status === "disconnected")
    throw conflict("This conversation's channel is not connected, so Parley cannot answer in it.");
  const connector = connectorFor(channel.network);
  if (!connector) throw conflict(`Parley cannot send on ${channel.network} yet.`);

  const { target, lastPrivate } = await replyTarget(db, conversation.id, input.visibility);
  if (!target?.identity) {
    const which = input.visibility === "public" ? "public post or comment" : "message";
    throw new HttpProblem(
      422,
      "Unprocessable Entity",
      `There is no customer ${which} to answer in this conversation.`,
      [{ field: "body.visibility", message: `has no ${which} to reply to` }],
    );
  }
  const rule = connector.policy(
    {
      messageId: "",
      text: input.text,
      visibility: input.visibility,
      replyTo: target.message.externalId
        ? {
            externalId: target.message.externalId,
            kind: target.message.kind,
            threadExternalId: target.message.externalThreadId,
          }
        : null,
      recipientExternalId: target.identity.externalId,
      lastCustomerPrivateAt: lastPrivate,
      queuedAt: now,
    },
    now,
  );
  if (rule) throw new HttpProblem(422, "Unprocessable Entity", rule, [{ field: "body.text", message: rule }]);

  const id = newId();
  const [message] = await db
    .insert(messages)
    .values({
      id,
      workspaceId: p.workspaceId,
      conversationId: conversation.id,
      channel: channel.network,
      channelAccountId: channel.id,
      direction: "outbound",
      visibility: input.visibility,
      kind:
        input.visibility === "private"
          ? channel.network === "whatsapp"
            ? "chat"
            : "dm"
          : target.message.kind === "comment"
            ? "comment"
            : "reply",
      replyToMessageId: target.message.id,
      replyToExternalId: target.message.externalId,
      externalThreadId: input.visibility === "public" ? target.message.externalThreadId : null,
      authorUserId: p.userId,
      text: input.text,
      deliveryStatus: "queued",
      sentAt: now,
      receivedAt: now,
      createdAt: now,
    })
    .returning();
  const changes: Partial<typeof conversations.$inferInsert> = { updatedAt: now };
  if (conversation.status === "new") changes.status = "open";
  if (!conversation.assigneeId && p.userId) changes.assigneeId = p.userId;
  await db.update(conversations).set(changes).where(eq(conversations.id, conversation.id));
  const actor = actorOf(p);
  const events: (typeof conversationEvents.$inferInsert)[] = [];
  if (changes.status)
    events.push({
      workspaceId: p.workspaceId,
      conversationId: conversation.id,
      ...actor,
      type: "status_changed",
      data: { from: "new", to: "open" },
      occurredAt: now,
      createdAt: now,
    });
  if (changes.assigneeId)
    events.push({
      workspaceId: p.workspaceId,
      conversationId: conversation.id,
      ...actor,
      type: "assigned",
      data: { from: null, to: changes.assigneeId, reason: "replied" },
      occurredAt: now,
      createdAt: now,
    });
  if (events.length) await db.insert(conversationEvents).values(events);
  await enqueue(
    db,
    { queue: SEND_QUEUE, workspaceId: p.workspaceId, payload: { message_id: id }, key: id, maxAttempts: 12 },
    now,
  );
  return found(message, "Message");
}
