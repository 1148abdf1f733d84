import { type CompiledRuleSet, type Evaluation, evaluate } from "@parley/rules";
import { inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { memberships, teams } from "../../platform/db/schema";
import { applyPlans } from "./apply-plans";
import { calendarMemo, factsOf, loadMessageFacts, type MessageFactsRow } from "./facts";
import { planActions } from "./plan-actions";

/**
 * Runs the workspaces' `message_received` rules (SPEC W1) on just-stored customer messages, in the
 * caller's transaction, and writes what they decide; `compiled` comes from the rule cache, read
 * before the transaction (PGlite has one connection). Costs nothing when no workspace of the batch
 * has such a rule. Returns the conversations it changed.
 */
export async function runMessageRules(
  db: Queryable,
  input: { workspaceIds: string[]; messageIds: string[] },
  compiled: Map<string, CompiledRuleSet | null>,
  now: Date,
): Promise<string[]> {
  const live = input.workspaceIds.filter(
    (ws) => (compiled.get(ws)?.by_trigger.message_received.length ?? 0) > 0,
  );
  if (live.length === 0 || input.messageIds.length === 0) return [];
  const rows = await loadMessageFacts(
    db,
    sql`m.id in (${sql.join(
      input.messageIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) and m.workspace_id in (${sql.join(
      live.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
    input.messageIds.length,
  );
  const calendarOf = calendarMemo();
  const results: { row: MessageFactsRow; evaluation: Evaluation }[] = rows.map((row) => ({
    row,
    evaluation: evaluate(
      compiled.get(row.workspace_id) as never,
      factsOf(row, calendarOf(row)),
      "message_received",
    ),
  }));
  if (!results.some((r) => r.evaluation.matched.length > 0)) return [];
  const plans = planActions(results, await knownTargets(db, live));
  await applyPlans(db, plans, now);
  return plans.map((p) => p.conversationId);
}

/** The teams and members rules may route and assign to. */
export async function knownTargets(db: Queryable, workspaceIds: string[]) {
  const [t, m] = await Promise.all([
    db.select({ id: teams.id }).from(teams).where(inArray(teams.workspaceId, workspaceIds)),
    db
      .select({ id: memberships.userId })
      .from(memberships)
      .where(inArray(memberships.workspaceId, workspaceIds)),
  ]);
  return { teams: new Set(t.map((r) => r.id)), users: new Set(m.map((r) => r.id)) };
}
