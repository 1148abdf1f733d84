import type { ListApprovalsQuery, PendingApproval } from "@parley/contracts";
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { contacts, conversations, messages, users } from "../../platform/db/schema";
import { decodeCursor, pageFrom } from "../../platform/http/cursor";

type Row = {
  message: typeof messages.$inferSelect;
  contact: typeof contacts.$inferSelect;
  user: { id: string; name: string } | null;
};

/** The approval queue: replies waiting for an approver, oldest first, with keyset pagination. */
export async function listPendingApprovals(
  db: Queryable,
  workspaceId: string,
  q: ListApprovalsQuery,
  now: Date,
) {
  const where: SQL[] = [
    eq(messages.workspaceId, workspaceId),
    eq(messages.deliveryStatus, "awaiting_approval"),
  ];
  if (q.channel?.length) where.push(inArray(messages.channel, q.channel));
  const after = decodeCursor(q.cursor, 2);
  if (after)
    where.push(
      sql`(${messages.createdAt}, ${messages.id}) > (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`,
    );
  const rows = await db
    .select({ message: messages, contact: contacts, user: { id: users.id, name: users.name } })
    .from(messages)
    .innerJoin(
      conversations,
      and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, messages.conversationId)),
    )
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .leftJoin(users, eq(users.id, messages.authorUserId))
    .where(and(...where))
    .orderBy(asc(messages.createdAt), asc(messages.id))
    .limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.message.createdAt.toISOString(), r.message.id]);
  return { items: page.items.map((r) => toPendingApproval(r, now)), next_cursor: page.next_cursor };
}

function toPendingApproval({ message: m, contact, user }: Row, now: Date): PendingApproval {
  return {
    message_id: m.id,
    conversation_id: m.conversationId,
    channel: m.channel,
    visibility: m.visibility,
    author: user ? { id: user.id, name: user.name } : { id: null, name: "API key" },
    contact: {
      id: contact.id,
      display_name: contact.displayName,
      handle: contact.handle,
      vip_tier: contact.vipTier,
      is_troll: contact.isTroll,
    },
    text: m.text,
    reason: m.approvalReason ?? "",
    requested_at: m.createdAt.toISOString(),
    age_seconds: Math.max(0, Math.floor((now.getTime() - m.createdAt.getTime()) / 1000)),
  };
}

/** A workspace's message, locked for the decision so two approvers cannot both decide. */
export async function lockMessage(db: Queryable, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.id, id)))
    .for("update");
  return row;
}
