import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { listeningProfiles } from "../../platform/db/schema";
import { type CompiledProfiles, compileProfiles } from "./match";

/** How long a pipeline process uses a workspace's compiled profiles before reading them again. */
export const PROFILE_TTL_MS = 10_000;

/**
 * The enabled listening profiles of each workspace, compiled once and reread every few seconds, so
 * an edit reaches every pipeline process without a restart or a message between them.
 */
export function createProfileCache(db: Queryable, ttlMs = PROFILE_TTL_MS, now = () => Date.now()) {
  const cache = new Map<string, { at: number; compiled: CompiledProfiles | null }>();
  return {
    async get(workspaceIds: string[]): Promise<Map<string, CompiledProfiles | null>> {
      const stale = workspaceIds.filter((ws) => (cache.get(ws)?.at ?? -Infinity) + ttlMs < now());
      if (stale.length > 0) {
        const rows = await db
          .select()
          .from(listeningProfiles)
          .where(and(inArray(listeningProfiles.workspaceId, stale), eq(listeningProfiles.enabled, true)));
        for (const ws of stale) {
          const mine = rows.filter((r) => r.workspaceId === ws);
          cache.set(ws, { at: now(), compiled: mine.length > 0 ? compileProfiles(mine) : null });
        }
      }
      return new Map(workspaceIds.map((ws) => [ws, cache.get(ws)?.compiled ?? null]));
    },
  };
}
