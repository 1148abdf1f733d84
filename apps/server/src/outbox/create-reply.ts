import { findSensitive, sensitiveKinds } from "@parley/contracts";
import { and, eq } from "drizzle-orm";
import type { Connector } from "../connectors/connector";
import { connectorFor } from "../connectors/registry";
import { type ApprovalNeed, approvalNeedFor } from "../modules/approvals/needs-approval";
import { actorOf, type Principal } from "../modules/auth/principal";
import { findConversation } from "../modules/conversations/conversations.repo";
import type { Queryable } from "../platform/db";
import { channelAccounts, conversationEvents, conversations, messages } from "../platform/db/schema";
import { conflict, found, HttpProblem } from "../platform/http/problem";
import { newId } from "../platform/ids";
import { enqueue } from "../platform/jobs/queue";
import { replyTarget } from "./outbound-request";
import { guardReplyCollision } from "./reply-collision";

export const SEND_QUEUE = "send-message";

type ConversationRow = typeof conversations.$inferSelect;
type ChannelRow = typeof channelAccounts.$inferSelect;
type Target = NonNullable<Awaited<ReturnType<typeof replyTarget>>["target"]>;

export interface ReplyInput {
  text: string;
  visibility: "public" | "private";
  allow_sensitive?: boolean | undefined;
  request_approval?: boolean | undefined;
  /** Collision check (see reply-collision.ts): the newest message the agent saw, and the override. */
  seen_message_id?: string | undefined;
  force?: boolean | undefined;
}

/**
 * SPEC T4: personal data never goes out in public by accident. A public reply that contains any is
 * refused (422 naming the kinds, suggesting a private reply) unless the agent confirms it.
 */
export function guardSensitive(input: {
  text: string;
  visibility: "public" | "private";
  allow_sensitive?: boolean | undefined;
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

/** A 422 naming the network's rule (length, messaging window) the text breaks. */
export const ruleBroken = (rule: string) =>
  new HttpProblem(422, "Unprocessable Entity", rule, [{ field: "body.text", message: rule }]);

/** The conversation's connected channel and its connector, or 409 when Parley cannot answer in it. */
export async function sendingChannel(
  db: Queryable,
  workspaceId: string,
  channelAccountId: string | null,
): Promise<{ channel: ChannelRow; connector: Connector }> {
  const [channel] = channelAccountId
    ? await db
        .select()
        .from(channelAccounts)
        .where(and(eq(channelAccounts.workspaceId, workspaceId), eq(channelAccounts.id, channelAccountId)))
    : [];
  if (!channel || channel.status === "disconnected")
    throw conflict("This conversation's channel is not connected, so Parley cannot answer in it.");
  const connector = connectorFor(channel.network);
  if (!connector) throw conflict(`Parley cannot send on ${channel.network} yet.`);
  return { channel, connector };
}

/** Checks the reply against the network's rules now, so the agent hears "too long" at once. */
export async function checkReply(db: Queryable, conversation: ConversationRow, input: ReplyInput, now: Date) {
  const { channel, connector } = await sendingChannel(
    db,
    conversation.workspaceId,
    conversation.channelAccountId,
  );
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
  if (rule) throw ruleBroken(rule);
  return { channel, target };
}

/** Hands a message to the outbox (ADR 0008); run in the transaction that makes it `queued`. */
export async function enqueueSend(db: Queryable, workspaceId: string, messageId: string, now: Date) {
  await enqueue(
    db,
    { queue: SEND_QUEUE, workspaceId, payload: { message_id: messageId }, key: messageId, maxAttempts: 12 },
    now,
  );
}

/**
 * An agent's reply: checked against the network's rules now, then either stored as `queued` and
 * handed to the outbox in the same transaction, or, when it needs an approver (SPEC W5), stored
 * `awaiting_approval` with the reason and no job: nothing is posted before approval. Replying
 * takes an unassigned conversation and opens a new one.
 */
export async function createReply(
  db: Queryable,
  p: Principal,
  conversationId: string,
  input: ReplyInput,
  now: Date,
  random: () => number = Math.random,
) {
  guardSensitive(input);
  const { conversation } = found(await findConversation(db, p.workspaceId, conversationId), "Conversation");
  await guardReplyCollision(db, p, conversation.id, input);
  const { channel, target } = await checkReply(db, conversation, input, now);
  const approval = await approvalNeedFor(db, p, conversation, input.request_approval === true, random);
  const message = await insertReply(
    db,
    { workspaceId: p.workspaceId, authorUserId: p.userId },
    { conversation, channel, target, input, approval },
    now,
  );
  await takeConversation(db, p, conversation, now);
  if (approval) await recordApprovalRequest(db, p, message, approval, now);
  else await enqueueSend(db, p.workspaceId, message.id, now);
  return message;
}

/** Stores an outbound reply, `queued` or waiting for approval; the author is null for automatic ones. */
export async function insertReply(
  db: Queryable,
  author: { workspaceId: string; authorUserId: string | null },
  r: {
    conversation: ConversationRow;
    channel: ChannelRow;
    target: Target;
    input: ReplyInput;
    approval: ApprovalNeed | null;
  },
  now: Date,
) {
  const { channel, target, input } = r;
  const privateKind = channel.network === "whatsapp" ? "chat" : "dm";
  const [message] = await db
    .insert(messages)
    .values({
      id: newId(),
      workspaceId: author.workspaceId,
      conversationId: r.conversation.id,
      channel: channel.network,
      channelAccountId: channel.id,
      direction: "outbound",
      visibility: input.visibility,
      kind:
        input.visibility === "private"
          ? privateKind
          : target.message.kind === "comment"
            ? "comment"
            : "reply",
      replyToMessageId: target.message.id,
      replyToExternalId: target.message.externalId,
      externalThreadId: input.visibility === "public" ? target.message.externalThreadId : null,
      authorUserId: author.authorUserId,
      text: input.text,
      deliveryStatus: r.approval ? "awaiting_approval" : "queued",
      approvalReason: r.approval?.reason ?? null,
      sentAt: now,
      receivedAt: now,
      createdAt: now,
    })
    .returning();
  return found(message, "Message");
}

/** Replying opens a new conversation and takes an unassigned one, each logged as an event. */
async function takeConversation(db: Queryable, p: Principal, conversation: ConversationRow, now: Date) {
  const changes: Partial<typeof conversations.$inferInsert> = { updatedAt: now };
  if (conversation.status === "new") changes.status = "open";
  if (!conversation.assigneeId && p.userId) changes.assigneeId = p.userId;
  await db.update(conversations).set(changes).where(eq(conversations.id, conversation.id));
  const base = {
    workspaceId: p.workspaceId,
    conversationId: conversation.id,
    ...actorOf(p),
    occurredAt: now,
  };
  const events: (typeof conversationEvents.$inferInsert)[] = [];
  if (changes.status)
    events.push({ ...base, type: "status_changed", data: { from: "new", to: "open" }, createdAt: now });
  if (changes.assigneeId)
    events.push({
      ...base,
      type: "assigned",
      data: { from: null, to: changes.assigneeId, reason: "replied" },
      createdAt: now,
    });
  if (events.length) await db.insert(conversationEvents).values(events);
}

async function recordApprovalRequest(
  db: Queryable,
  p: Principal,
  message: typeof messages.$inferSelect,
  approval: ApprovalNeed,
  now: Date,
) {
  await db.insert(conversationEvents).values({
    workspaceId: p.workspaceId,
    conversationId: message.conversationId,
    ...actorOf(p),
    type: "approval_requested",
    messageId: message.id,
    data: { reason: approval.reason, source: approval.source, visibility: message.visibility },
    occurredAt: now,
    createdAt: now,
  });
}
