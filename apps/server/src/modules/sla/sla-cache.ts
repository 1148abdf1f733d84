import { type Calendar, compileCalendar } from "@parley/sla";
import { asc, inArray } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { businessHours, slaPolicies, workspaces } from "../../platform/db/schema";
import type { SlaPolicyRow } from "./sla.repo";

/** How long a process uses a workspace's SLA configuration before reading it again. */
export const SLA_CACHE_TTL_MS = 5_000;

/** A workspace's SLA configuration, ready for `selectPolicy` and `computeSla`. */
export interface WorkspaceSla {
  /** Every policy, in matching order (position, then id); selection skips disabled ones. */
  policies: readonly SlaPolicyRow[];
  /**
   * The calendar a policy counts in: its own business hours, else the workspace default, else
   * null (24x7). Business hours that no longer compile count as missing.
   */
  calendarFor(policy: Pick<SlaPolicyRow, "businessHoursId">): Calendar | null;
}

export interface SlaCache {
  /** The configuration of each workspace, read through `db` (a transaction works) when stale. */
  get(db: Queryable, workspaceIds: readonly string[]): Promise<Map<string, WorkspaceSla>>;
  /** Forgets a workspace after a change to its configuration in this process. */
  invalidate(workspaceId: string): void;
}

const EMPTY: WorkspaceSla = { policies: [], calendarFor: () => null };

/**
 * Compiled calendars and ordered policies per workspace. Routes invalidate a workspace after their
 * write commits (this process); other processes reread it within `ttlMs`. A read that started
 * before an invalidation is not kept, so it cannot put back what the write replaced.
 */
export function createSlaCache(ttlMs = SLA_CACHE_TTL_MS, now = () => Date.now()): SlaCache {
  const entries = new Map<string, { at: number; value: WorkspaceSla }>();
  const generations = new Map<string, number>();
  const generation = (ws: string) => generations.get(ws) ?? 0;
  return {
    async get(db, workspaceIds) {
      const ids = [...new Set(workspaceIds)];
      const stale = ids.filter((ws) => (entries.get(ws)?.at ?? -Infinity) + ttlMs < now());
      if (stale.length === 0) return new Map(ids.map((ws) => [ws, entries.get(ws)?.value ?? EMPTY]));
      const started = new Map(stale.map((ws) => [ws, generation(ws)]));
      const at = now();
      const loaded = await loadWorkspaces(db, stale);
      for (const ws of stale) {
        if (started.get(ws) === generation(ws)) entries.set(ws, { at, value: loaded.get(ws) ?? EMPTY });
      }
      return new Map(ids.map((ws) => [ws, loaded.get(ws) ?? entries.get(ws)?.value ?? EMPTY]));
    },
    invalidate(workspaceId) {
      generations.set(workspaceId, generation(workspaceId) + 1);
      entries.delete(workspaceId);
    },
  };
}

/** Three statements whatever the number of workspaces. */
async function loadWorkspaces(db: Queryable, ids: string[]): Promise<Map<string, WorkspaceSla>> {
  const policies = await db
    .select()
    .from(slaPolicies)
    .where(inArray(slaPolicies.workspaceId, ids))
    .orderBy(asc(slaPolicies.position), asc(slaPolicies.id));
  const hours = await db.select().from(businessHours).where(inArray(businessHours.workspaceId, ids));
  const defaults = await db
    .select({ id: workspaces.id, businessHoursId: workspaces.businessHoursId })
    .from(workspaces)
    .where(inArray(workspaces.id, ids));
  const calendars = new Map<string, Calendar | null>();
  for (const row of hours) calendars.set(row.id, compileOrNull(row));
  const result = new Map<string, WorkspaceSla>();
  for (const ws of ids) {
    const fallbackId = defaults.find((d) => d.id === ws)?.businessHoursId ?? null;
    const fallback = fallbackId ? (calendars.get(fallbackId) ?? null) : null;
    result.set(ws, {
      policies: policies.filter((p) => p.workspaceId === ws),
      calendarFor: (policy) =>
        (policy.businessHoursId ? calendars.get(policy.businessHoursId) : undefined) ?? fallback,
    });
  }
  return result;
}

function compileOrNull(row: typeof businessHours.$inferSelect): Calendar | null {
  try {
    return compileCalendar(row);
  } catch {
    // The routes validate what they store; a row broken behind their back counts as missing.
    return null;
  }
}

/**
 * The cache every part of this process shares (routes, outbox, pipeline, scheduler), so a route's
 * invalidation reaches them all. Keys are workspace ids, unique across databases, so processes
 * that open several databases (tests) can share it too.
 */
export const sharedSlaCache: SlaCache = createSlaCache();
