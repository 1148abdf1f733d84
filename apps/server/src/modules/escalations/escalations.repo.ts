import { ACTIVE_STATUSES, type Escalation, type ListEscalationsQuery } from "@parley/contracts";
import { and, asc, eq, inArray, notInArray, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { contacts, conversationEvents, conversations } from "../../platform/db/schema";
import { decodeCursor, pageFrom } from "../../platform/http/cursor";

type Row = {
  event: typeof conversationEvents.$inferSelect;
  conversation: typeof conversations.$inferSelect;
  contact: typeof contacts.$inferSelect;
};

/*
 * An escalation is its `escalated` conversation event: the target, the reason and any callback or
 * email hand-off live in its data, linked to the conversation, whose whole history stays where it
 * is. No table of its own: an escalation is open while its conversation still needs work.
 */

function selectEscalations(db: Queryable, workspaceId: string, where: SQL[]) {
  return db
    .select({ event: conversationEvents, conversation: conversations, contact: contacts })
    .from(conversationEvents)
    .innerJoin(
      conversations,
      and(
        eq(conversations.workspaceId, workspaceId),
        eq(conversations.id, conversationEvents.conversationId),
      ),
    )
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(
      and(
        eq(conversationEvents.workspaceId, workspaceId),
        eq(conversationEvents.type, "escalated"),
        ...where,
      ),
    );
}

/** Escalations oldest first (a callback list is worked in order), keyset-paginated. */
export async function listEscalations(db: Queryable, workspaceId: string, q: ListEscalationsQuery) {
  const where: SQL[] = [];
  if (q.status === "open") where.push(inArray(conversations.status, [...ACTIVE_STATUSES]));
  if (q.status === "closed") where.push(notInArray(conversations.status, [...ACTIVE_STATUSES]));
  const after = decodeCursor(q.cursor, 2);
  if (after)
    where.push(
      sql`(${conversationEvents.occurredAt}, ${conversationEvents.seq}) > (${String(after[0])}::timestamptz, ${Number(after[1])})`,
    );
  const rows = await selectEscalations(db, workspaceId, where)
    .orderBy(asc(conversationEvents.occurredAt), asc(conversationEvents.seq))
    .limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.event.occurredAt.toISOString(), r.event.seq]);
  return { items: page.items.map(toEscalationDto), next_cursor: page.next_cursor };
}

export async function findEscalation(db: Queryable, workspaceId: string, seq: number) {
  const [row] = await selectEscalations(db, workspaceId, [eq(conversationEvents.seq, seq)]);
  return row ? toEscalationDto(row) : undefined;
}

const text = (v: unknown) => (typeof v === "string" ? v : undefined);
const record = (v: unknown) =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** Reads the event's data defensively: rules write `escalated` events too ({to, reason}). */
export function toEscalationDto({ event, conversation: c, contact }: Row): Escalation {
  const data = event.data;
  const to = record(data.to) ?? {};
  const phone = text(record(data.callback)?.phone);
  const address = text(record(data.email_handoff)?.address);
  return {
    event_id: event.seq,
    conversation_id: c.id,
    conversation_status: c.status,
    channel: c.channel,
    contact: {
      id: contact.id,
      display_name: contact.displayName,
      handle: contact.handle,
      vip_tier: contact.vipTier,
      is_troll: contact.isTroll,
    },
    to: {
      ...(text(to.team_id) ? { team_id: text(to.team_id) } : {}),
      ...(text(to.role) ? { role: text(to.role) } : {}),
    },
    reason: text(data.reason) ?? "",
    callback: phone ? { phone } : null,
    email_handoff: address ? { address } : null,
    escalated_by: { type: event.actorType, id: event.actorId },
    escalated_at: event.occurredAt.toISOString(),
    open: ACTIVE_STATUSES.includes(c.status),
  };
}
