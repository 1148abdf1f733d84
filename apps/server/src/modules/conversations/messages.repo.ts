import type { Message } from "@parley/contracts";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { contactIdentities, messages, users } from "../../platform/db/schema";
import { decodeCursor, pageFrom } from "../../platform/http/cursor";

type Row = {
  message: typeof messages.$inferSelect;
  identity: typeof contactIdentities.$inferSelect | null;
  user: { id: string; name: string } | null;
};

/** A conversation's messages, oldest first (the timeline order). */
export async function listMessages(
  db: Queryable,
  workspaceId: string,
  conversationId: string,
  limit: number,
  cursor?: string,
) {
  const after = decodeCursor(cursor, 2);
  const rows = await db
    .select({ message: messages, identity: contactIdentities, user: { id: users.id, name: users.name } })
    .from(messages)
    .leftJoin(contactIdentities, eq(contactIdentities.id, messages.authorIdentityId))
    .leftJoin(users, eq(users.id, messages.authorUserId))
    .where(
      and(
        eq(messages.workspaceId, workspaceId),
        eq(messages.conversationId, conversationId),
        after
          ? sql`(${messages.sentAt}, ${messages.id}) > (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(messages.sentAt), asc(messages.id))
    .limit(limit + 1);
  const page = pageFrom(rows, limit, (r) => [r.message.sentAt.toISOString(), r.message.id]);
  return { items: page.items.map(toMessageDto), next_cursor: page.next_cursor };
}

export async function findMessage(db: Queryable, workspaceId: string, id: string) {
  const [row] = await db
    .select({ message: messages, identity: contactIdentities, user: { id: users.id, name: users.name } })
    .from(messages)
    .leftJoin(contactIdentities, eq(contactIdentities.id, messages.authorIdentityId))
    .leftJoin(users, eq(users.id, messages.authorUserId))
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.id, id)));
  return row ? toMessageDto(row) : undefined;
}

function authorOf({ message: m, identity, user }: Row): Message["author"] {
  if (m.direction === "inbound") {
    return {
      type: "contact",
      id: identity?.contactId ?? null,
      name: identity?.displayName ?? identity?.handle ?? "Customer",
      handle: identity?.handle ?? null,
    };
  }
  return user
    ? { type: "user", id: user.id, name: user.name, handle: null }
    : { type: "system", id: null, name: "Parley", handle: null };
}

export function toMessageDto(row: Row): Message {
  const m = row.message;
  return {
    id: m.id,
    conversation_id: m.conversationId,
    channel: m.channel,
    direction: m.direction,
    visibility: m.visibility,
    kind: m.kind,
    external_id: m.externalId,
    reply_to_external_id: m.replyToExternalId,
    author: authorOf(row),
    text: m.text,
    language: m.language,
    sentiment: m.sentiment,
    sentiment_score: m.sentimentScore,
    tier: m.tier,
    intent: m.intent,
    category: m.category,
    is_complaint: m.isComplaint,
    is_spam: m.isSpam,
    delivery_status: m.deliveryStatus,
    delivery_error: m.deliveryError,
    approval_reason: m.approvalReason,
    reviewed_by: m.reviewedBy,
    reviewed_at: m.reviewedAt?.toISOString() ?? null,
    review_comment: m.reviewComment,
    sent_at: m.sentAt.toISOString(),
    received_at: m.receivedAt.toISOString(),
  };
}
