import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { contactIdentities, contacts, conversationEvents, conversations } from "../../platform/db/schema";
import { HttpProblem } from "../../platform/http/problem";
import { actorOf, type Principal } from "../auth/principal";
import { findContact } from "./contacts.repo";

const field = "body.other_contact_id";
const VIP_RANK: Record<string, number> = { none: 0, silver: 1, gold: 2, platinum: 3 };

/** Both contacts, locked in this workspace; the merge must not race the pipeline's identify step. */
async function lockBoth(db: Queryable, p: Principal, survivorId: string, otherId: string) {
  if (survivorId === otherId)
    throw new HttpProblem(422, "Unprocessable Entity", "A contact cannot be merged into itself.", [
      { field, message: "is this contact" },
    ]);
  await db.execute(
    sql`select id from contacts where workspace_id = ${p.workspaceId} and id in (${survivorId}, ${otherId}) for update`,
  );
  const survivor = await findContact(db, p.workspaceId, survivorId);
  if (!survivor || survivor.mergedIntoId)
    throw new HttpProblem(404, "Not Found", "Contact was not found.", [
      { field: "params.id", message: "not found" },
    ]);
  const other = await findContact(db, p.workspaceId, otherId);
  if (!other)
    throw new HttpProblem(404, "Not Found", "The other contact is not in this workspace.", [
      { field, message: "is not a contact of this workspace" },
    ]);
  if (other.mergedIntoId)
    throw new HttpProblem(409, "Conflict", "The other contact was already merged into another one.", [
      { field, message: "was already merged" },
    ]);
  return { survivor, other };
}

export interface ConversationMove {
  fromId: string;
  toId: string;
  /** What moved them, shown in each conversation's history. */
  reason: "merged" | "linked" | "unlinked";
  /** Only these conversations of `fromId` (all of them when absent). */
  onlyIds?: string[];
}

/**
 * Moves conversations (their messages travel with them) and the customer's history events from
 * one contact to another, and logs a `contact_changed` event on each so the timeline says why.
 */
export async function moveConversations(db: Queryable, p: Principal, move: ConversationMove, now: Date) {
  if (move.onlyIds?.length === 0) return [];
  const where = [eq(conversations.workspaceId, p.workspaceId), eq(conversations.contactId, move.fromId)];
  if (move.onlyIds) where.push(inArray(conversations.id, move.onlyIds));
  const moved = await db
    .update(conversations)
    .set({ contactId: move.toId, updatedAt: now })
    .where(and(...where))
    .returning({ id: conversations.id });
  const ids = moved.map((m) => m.id);
  if (ids.length === 0) return ids;
  await db
    .update(conversationEvents)
    .set({ actorId: move.toId })
    .where(
      and(
        eq(conversationEvents.workspaceId, p.workspaceId),
        eq(conversationEvents.actorType, "contact"),
        eq(conversationEvents.actorId, move.fromId),
        inArray(conversationEvents.conversationId, ids),
      ),
    );
  const data = { from_contact_id: move.fromId, to_contact_id: move.toId, reason: move.reason };
  await db.insert(conversationEvents).values(
    ids.map((conversationId) => ({
      workspaceId: p.workspaceId,
      conversationId,
      ...actorOf(p),
      type: "contact_changed" as const,
      data,
      occurredAt: now,
      createdAt: now,
    })),
  );
  return ids;
}

/**
 * Merges `otherId` into `survivorId` (SPEC C3): its identities, conversations (with their
 * messages) and history move over, flags and details combine, and the other contact keeps only
 * `merged_into_id` so old references resolve. Later messages from its identities land on the
 * survivor, because the pipeline finds contacts through identities. Run inside a transaction.
 */
export async function mergeContacts(
  db: Queryable,
  p: Principal,
  survivorId: string,
  otherId: string,
  now: Date,
) {
  const { survivor: s, other: o } = await lockBoth(db, p, survivorId, otherId);
  await db
    .update(contactIdentities)
    .set({ contactId: s.id, updatedAt: now })
    .where(and(eq(contactIdentities.workspaceId, p.workspaceId), eq(contactIdentities.contactId, o.id)));
  const moved = await moveConversations(db, p, { fromId: o.id, toId: s.id, reason: "merged" }, now);
  const vip =
    (VIP_RANK[o.vipTier ?? "none"] ?? 0) > (VIP_RANK[s.vipTier ?? "none"] ?? 0) ? o.vipTier : s.vipTier;
  await db
    .update(contacts)
    .set({
      email: s.email ?? o.email,
      phone: s.phone ?? o.phone,
      crmId: s.crmId ?? o.crmId,
      vipTier: vip,
      isTroll: s.isTroll || o.isTroll,
      isAbuse: s.isAbuse || o.isAbuse,
      influenceScore: Math.max(s.influenceScore, o.influenceScore),
      postCount: s.postCount + o.postCount,
      notes: [s.notes, o.notes].filter(Boolean).join("\n\n"),
      firstSeenAt: new Date(Math.min(s.firstSeenAt.getTime(), o.firstSeenAt.getTime())),
      lastSeenAt: new Date(Math.max(s.lastSeenAt.getTime(), o.lastSeenAt.getTime())),
      updatedAt: now,
    })
    .where(eq(contacts.id, s.id));
  await db.update(contacts).set({ mergedIntoId: s.id, updatedAt: now }).where(eq(contacts.id, o.id));
  return { conversationIds: moved, identities: o.identities.map((i) => i.id) };
}
