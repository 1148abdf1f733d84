import type { ApproveRequest } from "@parley/contracts";
import { and, eq } from "drizzle-orm";
import { enqueueSend, guardSensitive, ruleBroken, sendingChannel } from "../../outbox/create-reply";
import { outboundRequestFor } from "../../outbox/outbound-request";
import type { Queryable } from "../../platform/db";
import { conversationEvents, messages } from "../../platform/db/schema";
import { conflict, forbidden, found } from "../../platform/http/problem";
import { actorOf, type Principal } from "../auth/principal";
import { lockMessage } from "./approvals.repo";

type MessageRow = typeof messages.$inferSelect;

export interface Decision {
  message: MessageRow;
  decision: "approved" | "rejected";
  edited: boolean;
  /** The author's text, when the approver changed it. */
  originalText: string | null;
}

/**
 * The reply an approver is about to decide on: 404 outside the workspace, 409 once decided (or
 * never waiting), 403 for the author themself unless they are an admin (a second pair of eyes is
 * the point of W5). Locked until the transaction ends, so a concurrent decision waits and then 409s.
 */
async function waitingReply(db: Queryable, p: Principal, id: string): Promise<MessageRow> {
  const message = found(await lockMessage(db, p.workspaceId, id), "Message");
  if (message.deliveryStatus !== "awaiting_approval") {
    const decided = message.deliveryStatus === "rejected" ? "rejected" : "approved";
    throw conflict(
      message.reviewedAt
        ? `This reply was already ${decided}; a decision cannot be made twice.`
        : "This message is not waiting for approval.",
    );
  }
  if (message.authorUserId && message.authorUserId === p.userId && p.role !== "admin")
    throw forbidden(
      "You wrote this reply, so another approver must review it (only admins may approve their own).",
    );
  return message;
}

/** The network's rules (length, messaging windows) on the text about to be posted: 422 naming the rule. */
async function checkNetworkRules(db: Queryable, message: MessageRow, text: string, now: Date) {
  const { connector } = await sendingChannel(db, message.workspaceId, message.channelAccountId);
  const request = await outboundRequestFor(db, { ...message, text });
  if (!request) throw conflict("The customer message this reply answers is gone.");
  const rule = connector.policy(request, now);
  if (rule) throw ruleBroken(rule);
}

async function recordDecision(db: Queryable, p: Principal, d: Decision, comment: string | null, now: Date) {
  await db.insert(conversationEvents).values({
    workspaceId: p.workspaceId,
    conversationId: d.message.conversationId,
    ...actorOf(p),
    type: "approval_decided",
    messageId: d.message.id,
    data: { decision: d.decision, comment, edited: d.edited },
    occurredAt: now,
    createdAt: now,
  });
}

/**
 * Approves a waiting reply as it is or with the approver's edits (checked again like a new reply),
 * and hands it to the outbox exactly as a normal reply. Run inside a transaction.
 */
export async function approveReply(
  db: Queryable,
  p: Principal,
  id: string,
  input: ApproveRequest,
  now: Date,
): Promise<Decision> {
  const waiting = await waitingReply(db, p, id);
  const text = input.text ?? waiting.text;
  const edited = text !== waiting.text;
  // The author's own confirmation of personal data covered their text, not the approver's edit.
  if (edited)
    guardSensitive({ text, visibility: waiting.visibility, allow_sensitive: input.allow_sensitive });
  await checkNetworkRules(db, waiting, text, now);
  const [message] = await db
    .update(messages)
    .set({
      deliveryStatus: "queued",
      text,
      reviewedBy: p.userId,
      reviewedAt: now,
      reviewComment: input.comment ?? null,
    })
    .where(and(eq(messages.id, waiting.id), eq(messages.deliveryStatus, "awaiting_approval")))
    .returning();
  const decision: Decision = {
    message: found(message, "Message"),
    decision: "approved",
    edited,
    originalText: edited ? waiting.text : null,
  };
  await enqueueSend(db, p.workspaceId, waiting.id, now);
  await recordDecision(db, p, decision, input.comment ?? null, now);
  return decision;
}

/** Rejects a waiting reply with the approver's comment, which its author sees on the message. */
export async function rejectReply(
  db: Queryable,
  p: Principal,
  id: string,
  comment: string,
  now: Date,
): Promise<Decision> {
  const waiting = await waitingReply(db, p, id);
  const [message] = await db
    .update(messages)
    .set({ deliveryStatus: "rejected", reviewedBy: p.userId, reviewedAt: now, reviewComment: comment })
    .where(and(eq(messages.id, waiting.id), eq(messages.deliveryStatus, "awaiting_approval")))
    .returning();
  const decision: Decision = {
    message: found(message, "Message"),
    decision: "rejected",
    edited: false,
    originalText: null,
  };
  await recordDecision(db, p, decision, comment, now);
  return decision;
}
