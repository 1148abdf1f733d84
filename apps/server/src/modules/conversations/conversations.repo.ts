import { ACTIVE_STATUSES, type Conversation, type ListConversationsQuery } from "@parley/contracts";
import { and, arrayContains, asc, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { contacts, conversations } from "../../platform/db/schema";
import { decodeCursor, pageFrom } from "../../platform/http/cursor";

type Row = { conversation: typeof conversations.$inferSelect; contact: typeof contacts.$inferSelect };

const columns = { conversation: conversations, contact: contacts };

function filters(workspaceId: string, q: ListConversationsQuery, userId: string | null): SQL[] {
  const c = conversations;
  const where: SQL[] = [
    eq(c.workspaceId, workspaceId),
    inArray(c.status, q.status?.length ? q.status : [...ACTIVE_STATUSES]),
  ];
  if (q.channel?.length) where.push(inArray(c.channel, q.channel));
  if (q.priority?.length) where.push(inArray(c.priority, q.priority));
  if (q.sentiment?.length) where.push(inArray(c.sentiment, q.sentiment));
  if (q.category) where.push(eq(c.category, q.category));
  if (q.language) where.push(eq(c.language, q.language));
  if (q.tag) where.push(arrayContains(c.tags, [q.tag]));
  if (q.team_id) where.push(eq(c.teamId, q.team_id));
  if (q.contact_id) where.push(eq(c.contactId, q.contact_id));
  if (q.assignee_id === "none") where.push(isNull(c.assigneeId));
  else if (q.assignee_id === "me") where.push(userId ? eq(c.assigneeId, userId) : sql`false`);
  else if (q.assignee_id) where.push(eq(c.assigneeId, q.assignee_id));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const match = or(ilike(c.subject, like), ilike(c.preview, like));
    if (match) where.push(match);
  }
  return where;
}

/** Keyset pagination in the inbox's orders; row comparisons let the indexes do the work. */
const ORDERS = {
  priority: {
    orderBy: [desc(conversations.priorityScore), desc(conversations.lastMessageAt), desc(conversations.id)],
    key: (r: Row) => [
      r.conversation.priorityScore,
      r.conversation.lastMessageAt.toISOString(),
      r.conversation.id,
    ],
    after: (k: (string | number)[]) =>
      sql`(${conversations.priorityScore}, ${conversations.lastMessageAt}, ${conversations.id}) < (${Number(k[0])}, ${String(k[1])}::timestamptz, ${String(k[2])}::uuid)`,
    arity: 3,
  },
  newest: {
    orderBy: [desc(conversations.lastMessageAt), desc(conversations.id)],
    key: (r: Row) => [r.conversation.lastMessageAt.toISOString(), r.conversation.id],
    after: (k: (string | number)[]) =>
      sql`(${conversations.lastMessageAt}, ${conversations.id}) < (${String(k[0])}::timestamptz, ${String(k[1])}::uuid)`,
    arity: 2,
  },
  oldest: {
    orderBy: [asc(conversations.lastMessageAt), asc(conversations.id)],
    key: (r: Row) => [r.conversation.lastMessageAt.toISOString(), r.conversation.id],
    after: (k: (string | number)[]) =>
      sql`(${conversations.lastMessageAt}, ${conversations.id}) > (${String(k[0])}::timestamptz, ${String(k[1])}::uuid)`,
    arity: 2,
  },
} as const;

export async function listConversations(
  db: Queryable,
  workspaceId: string,
  q: ListConversationsQuery,
  userId: string | null,
) {
  const order = ORDERS[q.sort];
  const where = filters(workspaceId, q, userId);
  const cursor = decodeCursor(q.cursor, order.arity);
  if (cursor) where.push(order.after(cursor));
  const rows = await db
    .select(columns)
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(...where))
    .orderBy(...order.orderBy)
    .limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, order.key);
  return { items: page.items.map(toConversationDto), next_cursor: page.next_cursor };
}

export async function findConversation(db: Queryable, workspaceId: string, id: string) {
  const [row] = await db
    .select(columns)
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id)))
    .limit(1);
  return row;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toConversationDto({ conversation: c, contact }: Row): Conversation {
  return {
    id: c.id,
    channel: c.channel,
    channel_account_id: c.channelAccountId,
    status: c.status,
    priority: c.priority,
    priority_score: c.priorityScore,
    priority_reasons: c.priorityReasons,
    assignee_id: c.assigneeId,
    team_id: c.teamId,
    contact_id: c.contactId,
    contact: {
      id: contact.id,
      display_name: contact.displayName,
      handle: contact.handle,
      vip_tier: contact.vipTier,
      is_troll: contact.isTroll,
    },
    subject: c.subject,
    preview: c.preview,
    has_public: c.hasPublic,
    has_private: c.hasPrivate,
    sentiment: c.sentiment,
    tier: c.tier,
    category: c.category,
    language: c.language,
    tags: c.tags,
    message_count: c.messageCount,
    first_customer_message_at: iso(c.firstCustomerMessageAt),
    first_response_at: iso(c.firstResponseAt),
    last_customer_message_at: iso(c.lastCustomerMessageAt),
    last_message_at: c.lastMessageAt.toISOString(),
    first_response_due_at: iso(c.firstResponseDueAt),
    next_response_due_at: iso(c.nextResponseDueAt),
    resolution_due_at: iso(c.resolutionDueAt),
    sla_state: c.slaState,
    resolved_at: iso(c.resolvedAt),
    approval_required: c.approvalRequired,
    approval_reason: c.approvalReason,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}
