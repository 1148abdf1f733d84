import { type CompiledRuleSet, compileRules } from "@parley/rules";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { rules } from "../../platform/db/schema";
import type { RuleDto } from "./rules.schema";

export type RuleRow = typeof rules.$inferSelect;

/** A row as the rules package reads it (its document shape). */
export function toDocument(row: Pick<RuleRow, keyof RuleRow>) {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    enabled: row.enabled,
    trigger: row.trigger,
    ...(row.afterSeconds !== null ? { after_seconds: row.afterSeconds } : {}),
    ...(row.clock !== null ? { clock: row.clock } : {}),
    conditions: row.conditions,
    actions: row.actions,
    stop_processing: row.stopProcessing,
  };
}

export function toRuleDto(row: RuleRow): RuleDto {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    enabled: row.enabled,
    trigger: row.trigger,
    after_seconds: row.afterSeconds,
    clock: row.clock,
    conditions: row.conditions,
    actions: row.actions,
    stop_processing: row.stopProcessing,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function listRules(db: Queryable, workspaceId: string) {
  return db
    .select()
    .from(rules)
    .where(eq(rules.workspaceId, workspaceId))
    .orderBy(asc(rules.position), asc(rules.createdAt), asc(rules.id));
}

export async function findRule(db: Queryable, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(rules)
    .where(and(eq(rules.workspaceId, workspaceId), eq(rules.id, id)));
  return row;
}

/** How long a process uses a workspace's compiled rules before reading them again. */
export const RULES_TTL_MS = 5_000;

/**
 * Each workspace's rules, compiled once and reread every few seconds, so an edit reaches every
 * pipeline process without a restart. A workspace with no enabled rule costs one lookup per TTL.
 */
export function createRuleCache(db: Queryable, ttlMs = RULES_TTL_MS, now = () => Date.now()) {
  const cache = new Map<string, { at: number; compiled: CompiledRuleSet | null }>();
  return {
    async get(workspaceIds: string[]): Promise<Map<string, CompiledRuleSet | null>> {
      const stale = workspaceIds.filter((ws) => (cache.get(ws)?.at ?? -Infinity) + ttlMs < now());
      if (stale.length > 0) {
        const rows = await db
          .select()
          .from(rules)
          .where(and(inArray(rules.workspaceId, stale), eq(rules.enabled, true)))
          .orderBy(asc(rules.position), asc(rules.createdAt), asc(rules.id));
        for (const ws of stale) {
          const mine = rows.filter((r) => r.workspaceId === ws);
          cache.set(ws, { at: now(), compiled: mine.length > 0 ? compileRules(mine.map(toDocument)) : null });
        }
      }
      return new Map(workspaceIds.map((ws) => [ws, cache.get(ws)?.compiled ?? null]));
    },
    /** Forget a workspace's rules (this process wrote them). */
    invalidate(workspaceId: string) {
      cache.delete(workspaceId);
    },
  };
}
export type RuleCache = ReturnType<typeof createRuleCache>;
