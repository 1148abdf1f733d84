import { and, desc, eq, gt, inArray, or } from "drizzle-orm";
import type { InboundItem } from "../../connectors/connector";
import type { Queryable } from "../../platform/db";
import { conversations, messages } from "../../platform/db/schema";

/** A resolved conversation takes the customer back within this time; after it, a new case starts. */
export const REOPEN_WINDOW_MS = 7 * 24 * 3_600_000;
const OPEN_STATUSES = ["new", "open", "pending", "on_hold", "escalated"] as const;

type ConversationRow = typeof conversations.$inferSelect;

function stillJoinable(c: ConversationRow | undefined, at: Date): ConversationRow | undefined {
  if (!c) return undefined;
  if ((OPEN_STATUSES as readonly string[]).includes(c.status)) return c;
  if (c.status === "resolved" && at.getTime() - c.lastMessageAt.getTime() <= REOPEN_WINDOW_MS) return c;
  return undefined;
}

async function conversationOfMessage(db: Queryable, workspaceId: string, where: ReturnType<typeof and>) {
  const [row] = await db
    .select({ conversation: conversations })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(messages.workspaceId, workspaceId), where))
    .orderBy(desc(messages.sentAt))
    .limit(1);
  return row?.conversation;
}

/**
 * Which conversation an inbound message belongs to (SPEC C1), in order: the message it replies to;
 * the same network thread (X conversation, DM conversation, post); the customer's open case on the
 * same account (so a DM after "please DM us" joins the public complaint). Undefined → a new case.
 */
export async function findThread(
  db: Queryable,
  channel: { workspaceId: string; id: string },
  item: InboundItem,
  contactId: string | null,
): Promise<ConversationRow | undefined> {
  const ws = channel.workspaceId;
  if (item.replyToExternalId) {
    const c = await conversationOfMessage(
      db,
      ws,
      and(eq(messages.channel, item.network), eq(messages.externalId, item.replyToExternalId)),
    );
    if (stillJoinable(c, item.sentAt)) return c;
  }
  if (item.threadExternalId) {
    const sameThread = and(
      eq(messages.channelAccountId, channel.id),
      or(
        eq(messages.externalThreadId, item.threadExternalId),
        eq(messages.externalId, item.threadExternalId),
      ),
    );
    const c = await conversationOfMessage(db, ws, sameThread);
    // A public thread is shared by many customers: only join it when it is this customer's case.
    if (stillJoinable(c, item.sentAt) && (item.visibility === "private" || c?.contactId === contactId))
      return c;
  }
  if (!contactId) return undefined;
  const [open] = await db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.workspaceId, ws),
        eq(conversations.contactId, contactId),
        eq(conversations.channelAccountId, channel.id),
        or(
          inArray(conversations.status, [...OPEN_STATUSES]),
          and(
            eq(conversations.status, "resolved"),
            gt(conversations.lastMessageAt, new Date(item.sentAt.getTime() - REOPEN_WINDOW_MS)),
          ),
        ),
      ),
    )
    .orderBy(desc(conversations.lastMessageAt))
    .limit(1);
  return open;
}
