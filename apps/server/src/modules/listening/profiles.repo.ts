import type { CreateListeningProfileRequest, ListeningProfile } from "@parley/contracts";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { listeningProfiles } from "../../platform/db/schema";

type ProfileRow = typeof listeningProfiles.$inferSelect;

/** The workspace's profiles by name (keyset on name, id), as the settings table shows them. */
export function listProfiles(
  db: Queryable,
  workspaceId: string,
  limit: number,
  after: (string | number)[] | null,
) {
  return db
    .select()
    .from(listeningProfiles)
    .where(
      and(
        eq(listeningProfiles.workspaceId, workspaceId),
        after
          ? sql`(${listeningProfiles.name}, ${listeningProfiles.id}) > (${String(after[0])}, ${String(after[1])}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(listeningProfiles.name), asc(listeningProfiles.id))
    .limit(limit + 1);
}

export async function findProfile(db: Queryable, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(listeningProfiles)
    .where(and(eq(listeningProfiles.workspaceId, workspaceId), eq(listeningProfiles.id, id)));
  return row;
}

/** Request fields → columns; absent fields stay absent, so a PATCH changes only what it names. */
export function profileColumns(body: Partial<CreateListeningProfileRequest>) {
  const dedupe = (list: string[] | undefined) => (list ? [...new Set(list)] : undefined);
  const columns = {
    name: body.name,
    kind: body.kind,
    include: dedupe(body.include),
    requireAny: dedupe(body.require_any),
    exclude: dedupe(body.exclude),
    languages: dedupe(body.languages?.map((l) => l.toLowerCase())),
    locations: dedupe(body.locations),
    enabled: body.enabled,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined)) as Partial<
    typeof listeningProfiles.$inferInsert
  >;
}

export function toProfileDto(r: ProfileRow): ListeningProfile {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    include: r.include,
    require_any: r.requireAny,
    exclude: r.exclude,
    languages: r.languages,
    locations: r.locations,
    enabled: r.enabled,
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
  };
}
