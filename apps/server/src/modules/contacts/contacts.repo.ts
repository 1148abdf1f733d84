import type { Contact } from "@parley/contracts";
import { and, asc, eq, gt, ilike, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { contactIdentities, contacts } from "../../platform/db/schema";

type ContactRow = typeof contacts.$inferSelect;
type IdentityRow = typeof contactIdentities.$inferSelect;

export async function listContacts(
  db: Queryable,
  workspaceId: string,
  limit: number,
  after: string | null,
  q?: string,
) {
  const where: (SQL | undefined)[] = [eq(contacts.workspaceId, workspaceId), isNull(contacts.mergedIntoId)];
  if (after) where.push(gt(contacts.id, after));
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(
      or(
        ilike(contacts.displayName, like),
        ilike(contacts.handle, like),
        ilike(contacts.email, like),
        ilike(contacts.phone, like),
      ),
    );
  }
  const rows = await db
    .select()
    .from(contacts)
    .where(and(...where))
    .orderBy(asc(contacts.id))
    .limit(limit + 1);
  return withIdentities(db, rows);
}

export async function findContact(db: Queryable, workspaceId: string, id: string) {
  const rows = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)))
    .limit(1);
  return (await withIdentities(db, rows))[0];
}

async function withIdentities(db: Queryable, rows: ContactRow[]) {
  if (rows.length === 0) return [];
  const ids = await db
    .select()
    .from(contactIdentities)
    .where(
      inArray(
        contactIdentities.contactId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({ ...r, identities: ids.filter((i) => i.contactId === r.id) }));
}

export function toContactDto(c: ContactRow & { identities: IdentityRow[] }): Contact {
  return {
    id: c.id,
    display_name: c.displayName,
    handle: c.handle,
    vip_tier: c.vipTier,
    is_troll: c.isTroll,
    email: c.email,
    phone: c.phone,
    crm_id: c.crmId,
    influence_score: c.influenceScore,
    notes: c.notes,
    identities: c.identities.map((i) => ({
      id: i.id,
      network: i.network,
      external_id: i.externalId,
      handle: i.handle,
      display_name: i.displayName,
      followers_count: i.followersCount,
      verified: i.verified,
    })),
    first_seen_at: c.firstSeenAt.toISOString(),
    last_seen_at: c.lastSeenAt.toISOString(),
  };
}
