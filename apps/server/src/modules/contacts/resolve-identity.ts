import type { Channel } from "@parley/contracts";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { contactIdentities, contacts } from "../../platform/db/schema";
import { newId } from "../../platform/ids";

export interface SeenPerson {
  externalId: string;
  handle: string | null;
  name: string | null;
  followersCount: number | null;
  verified: boolean;
}

/** 0-100 from reach: each tenfold of followers adds 15, verification 10. */
export function influenceOf(followers: number | null, verified: boolean): number {
  const reach = followers && followers > 0 ? Math.log10(followers + 1) * 15 : 0;
  return Math.min(100, Math.round(reach + (verified ? 10 : 0)));
}

/**
 * The contact behind a network account: found by (network, external id) and refreshed with what
 * the network just told us, or created with a new contact.
 */
export async function resolveIdentity(
  db: Queryable,
  workspaceId: string,
  network: Channel,
  person: SeenPerson,
  seenAt: Date,
) {
  // Some deliveries (Messenger, Instagram DMs) carry no name: never wipe what we already know.
  const profile = {
    handle: person.handle ?? undefined,
    displayName: person.name ?? undefined,
    followersCount: person.followersCount ?? undefined,
    verified: person.verified,
  };
  const [existing] = await db
    .select()
    .from(contactIdentities)
    .where(
      and(
        eq(contactIdentities.workspaceId, workspaceId),
        eq(contactIdentities.network, network),
        eq(contactIdentities.externalId, person.externalId),
      ),
    );
  if (existing) {
    const influence = influenceOf(
      person.followersCount ?? existing.followersCount,
      person.verified || existing.verified,
    );
    await db
      .update(contactIdentities)
      .set({ ...profile, updatedAt: seenAt })
      .where(eq(contactIdentities.id, existing.id));
    await db
      .update(contacts)
      .set({
        handle: person.handle ?? undefined,
        influenceScore: influence,
        lastSeenAt: seenAt,
        updatedAt: seenAt,
      })
      .where(eq(contacts.id, existing.contactId));
    return { identityId: existing.id, contactId: existing.contactId };
  }
  const influence = influenceOf(person.followersCount, person.verified);
  const contactId = newId();
  await db.insert(contacts).values({
    id: contactId,
    workspaceId,
    displayName: person.name ?? person.handle ?? person.externalId,
    handle: person.handle,
    influenceScore: influence,
    firstSeenAt: seenAt,
    lastSeenAt: seenAt,
    createdAt: seenAt,
    updatedAt: seenAt,
  });
  const identityId = newId();
  await db.insert(contactIdentities).values({
    id: identityId,
    workspaceId,
    contactId,
    network,
    externalId: person.externalId,
    ...profile,
    createdAt: seenAt,
    updatedAt: seenAt,
  });
  return { identityId, contactId };
}
