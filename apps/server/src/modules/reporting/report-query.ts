/*
 * What every report statement on the rollup (conversation_facts) shares: the scope's filters, the
 * way a statement is run, and the reading of the numbers it answers (Postgres sends bigint and
 * numeric as strings).
 */
import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../platform/db";
import type { ReportScope } from "./report-load";

export type Num = number | string | null;
export const num = (v: Num | undefined): number => (v === null || v === undefined ? 0 : Number(v));
export const numOrNull = (v: Num | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);
export const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** A Postgres array literal, passed as one parameter. */
export const pgArray = (items: readonly string[]) =>
  `{${items.map((i) => `"${i.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;

/** The filters other than the period, on conversation_facts. */
export function scopeFilter(scope: ReportScope): SQL {
  const parts: SQL[] = [sql`workspace_id = ${scope.workspaceId}`];
  if (scope.channels?.length) parts.push(sql`channel = any(${pgArray(scope.channels)}::text[])`);
  if (scope.accountIds?.length)
    parts.push(sql`channel_account_id = any(${pgArray(scope.accountIds)}::uuid[])`);
  if (scope.teamId) parts.push(sql`team_id = ${scope.teamId}`);
  if (scope.category) parts.push(sql`category = ${scope.category}`);
  if (scope.agentId) parts.push(sql`agent_ids @> ${pgArray([scope.agentId])}::uuid[]`);
  return sql.join(parts, sql` and `);
}

export const inPeriod = (scope: ReportScope) => sql`started_at >= ${scope.from} and started_at < ${scope.to}`;

/**
 * One report statement in its own transaction, planned for what it is: an aggregation over many
 * rows, whose sorts (the medians) get the memory to stay off disk, and without JIT compilation,
 * which the planner's guess at unnested span lists (100 a row) would trigger for ~0.7 s on
 * PostgreSQL while the statement itself runs in less.
 */
export function reportQuery<T>(db: Queryable, query: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    return queryRows<T>(tx, query);
  });
}

/**
 * percentile_disc of the two middle values of an ordered set, from one sort and whatever its size
 * n, then of any `more` fractions: percentile_disc(p) is the value at position ceil(p * n) (at
 * least 1), so 0.5 gives the lower middle (n/2, or the middle when n is odd) and 0.5 + 1e-12 the
 * upper one (n/2 + 1, or the middle again): the 1e-12 * n it adds is far above float8 rounding
 * (2^-53 * n) and below 1/2 for any n under 5e11, so it lifts an even n/2 to the next position and
 * leaves an odd one where it is. Averaged as aggregate.ts's median does, they give the exact
 * median with no count taken beforehand; 1 more gives the maximum from the same sort.
 */
export const middles = (...more: string[]) =>
  `percentile_disc(array[${["0.5", "0.5 + 1e-12", ...more].join(", ")}])`;

/** The scope's filters and its period. */
export const inScope = (scope: ReportScope) => sql`${scopeFilter(scope)} and ${inPeriod(scope)}`;
