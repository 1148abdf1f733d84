import { and, eq, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../platform/db";
import { contactIdentities, contacts } from "../../platform/db/schema";
import { HttpProblem } from "../../platform/http/problem";
import { newId } from "../../platform/ids";
import type { Principal } from "../auth/principal";
import { findContact } from "./contacts.repo";
import { influenceOf } from "./influence";
import { moveConversations } from "./merge-contacts";

type IdentityRow = typeof contactIdentities.$inferSelect;

const unprocessable = (detail: string, field: string, message: string) =>
  new HttpProblem(422, "Unprocessable Entity", detail, [{ field, message }]);

async function liveContact(db: Queryable, p: Principal, id: string) {
  await db.execute(
    sql`select id from contacts where workspace_id = ${p.workspaceId} and id = ${id} for update`,
  );
  const contact = await findContact(db, p.workspaceId, id);
  if (!contact || contact.mergedIntoId)
    throw new HttpProblem(404, "Not Found", "Contact was not found.", [
      { field: "params.id", message: "not found" },
    ]);
  return contact;
}

async function identityOf(db: Queryable, p: Principal, id: string, field: string) {
  const [identity] = await db
    .select()
    .from(contactIdentities)
    .where(and(eq(contactIdentities.workspaceId, p.workspaceId), eq(contactIdentities.id, id)))
    .for("update");
  if (!identity)
    throw new HttpProblem(404, "Not Found", "The identity is not in this workspace.", [
      { field, message: "is not an identity of this workspace" },
    ]);
  return identity;
}

/**
 * The conversations that belong with one identity: those of its contact where the customer wrote
 * only through it. A conversation the contact's other identities also wrote in stays put.
 */
async function conversationsOnlyBy(
  db: Queryable,
  workspaceId: string,
  contactId: string,
  identityId: string,
) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select c.id from conversations c
        where c.workspace_id = ${workspaceId} and c.contact_id = ${contactId}
          and exists (select 1 from messages m where m.conversation_id = c.id and m.workspace_id = ${workspaceId}
                        and m.direction = 'inbound' and m.author_identity_id = ${identityId})
          and not exists (select 1 from messages m where m.conversation_id = c.id and m.workspace_id = ${workspaceId}
                        and m.direction = 'inbound' and m.author_identity_id <> ${identityId})`,
  );
  return rows.map((r) => r.id);
}

async function moveIdentity(db: Queryable, identity: IdentityRow, toId: string, now: Date) {
  await db
    .update(contactIdentities)
    .set({ contactId: toId, updatedAt: now })
    .where(eq(contactIdentities.id, identity.id));
}

/**
 * Link: moves another contact's identity (and the conversations only it wrote in) onto this
 * contact. A contact left without identities is marked merged into this one. Run in a transaction.
 */
export async function linkIdentity(
  db: Queryable,
  p: Principal,
  contactId: string,
  identityId: string,
  now: Date,
) {
  const contact = await liveContact(db, p, contactId);
  const identity = await identityOf(db, p, identityId, "body.identity_id");
  if (identity.contactId === contact.id)
    throw unprocessable(
      "The identity already belongs to this contact.",
      "body.identity_id",
      "is already linked",
    );
  const fromId = identity.contactId;
  const only = await conversationsOnlyBy(db, p.workspaceId, fromId, identity.id);
  await moveIdentity(db, identity, contact.id, now);
  const move = { fromId, toId: contact.id, reason: "linked" as const };
  const moved = await moveConversations(db, p, { ...move, onlyIds: only }, now);
  const [left] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from contact_identities where contact_id = ${fromId}`,
  );
  if (Number(left?.n ?? 0) === 0) {
    // Whatever the emptied contact still had (conversations from before identities existed) follows.
    moved.push(...(await moveConversations(db, p, move, now)));
    await db
      .update(contacts)
      .set({ mergedIntoId: contact.id, updatedAt: now })
      .where(and(eq(contacts.workspaceId, p.workspaceId), eq(contacts.id, fromId)));
  }
  return { fromContactId: fromId, conversationIds: moved };
}

/**
 * Unlink: the identity becomes a contact of its own, taking the conversations only it wrote in.
 * A contact's last identity cannot be unlinked (it would leave an empty contact). Run in a transaction.
 */
export async function unlinkIdentity(
  db: Queryable,
  p: Principal,
  contactId: string,
  identityId: string,
  now: Date,
) {
  const contact = await liveContact(db, p, contactId);
  const identity = await identityOf(db, p, identityId, "params.identity_id");
  if (identity.contactId !== contact.id)
    throw new HttpProblem(404, "Not Found", "The identity does not belong to this contact.", [
      { field: "params.identity_id", message: "is not an identity of this contact" },
    ]);
  if (contact.identities.length <= 1)
    throw unprocessable(
      "A contact's only identity cannot be unlinked.",
      "params.identity_id",
      "is the only identity",
    );
  const newContactId = newId();
  await db.insert(contacts).values({
    id: newContactId,
    workspaceId: p.workspaceId,
    displayName: identity.displayName ?? identity.handle ?? identity.externalId,
    handle: identity.handle,
    influenceScore: influenceOf(identity.followersCount, identity.verified),
    firstSeenAt: identity.createdAt,
    lastSeenAt: identity.updatedAt,
    createdAt: now,
    updatedAt: now,
  });
  const only = await conversationsOnlyBy(db, p.workspaceId, contact.id, identity.id);
  await moveIdentity(db, identity, newContactId, now);
  const move = { fromId: contact.id, toId: newContactId, reason: "unlinked" as const, onlyIds: only };
  const moved = await moveConversations(db, p, move, now);
  return { newContactId, conversationIds: moved };
}
