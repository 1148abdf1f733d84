import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../platform/db";
import { bulkInsert } from "../../platform/db/bulk";
import { conversationEvents } from "../../platform/db/schema";
import { evaluateSla, noSla, type SlaColumns, type SlaTransition, unchanged } from "./evaluate-sla";
import type { SlaCache, WorkspaceSla } from "./sla-cache";
import { type ConversationSlaRow, loadSlaRows } from "./sla-facts";

export interface RefreshSlaResult {
  /** Conversations whose SLA columns changed. */
  updated: number;
  /** Warnings and breaches that had happened by `now` and were appended to the event log now. */
  transitions: SlaTransition[];
  /** Conversations the engine could not compute (their SLA is cleared); worth a log line. */
  failures: { conversationId: string; error: string }[];
}

/**
 * Recomputes the SLA of some conversations of one workspace at `now`: their policy, the three
 * due times, the worst state and when to look again, written in one update statement; and a
 * sla_warning / sla_breached event for every transition that has happened but is not yet logged
 * (a reply can land between a due time and the scheduler's next look). A constant number of
 * statements whatever the number of ids. Run it inside the transaction that changed the
 * conversations (stored messages, a reply sent, a status change): it locks their rows first, so
 * concurrent recomputes of one conversation take turns and log each transition once.
 */
export async function refreshSla(
  db: Queryable,
  input: { workspaceId: string; conversationIds: readonly string[] },
  now: Date,
  cache: SlaCache,
): Promise<RefreshSlaResult> {
  const ids = [...new Set(input.conversationIds)];
  if (ids.length === 0) return { updated: 0, transitions: [], failures: [] };
  await queryRows(
    db,
    sql`select id from conversations
      where workspace_id = ${input.workspaceId}::uuid
        and id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))
      order by id for update`,
  );
  return recomputeSla(db, { workspaceId: input.workspaceId, ids }, now, cache);
}

/**
 * `refreshSla` on rows the caller has already locked (the scheduler's claim), of any
 * workspaces when `workspaceId` is null.
 */
export async function recomputeSla(
  db: Queryable,
  scope: { workspaceId: string | null; ids: readonly string[] },
  now: Date,
  cache: SlaCache,
): Promise<RefreshSlaResult> {
  const rows = await loadSlaRows(db, scope);
  const configs = await cache.get(
    db,
    rows.map((r) => r.workspaceId),
  );
  const changed: SlaColumns[] = [];
  const transitions: SlaTransition[] = [];
  const failures: RefreshSlaResult["failures"] = [];
  for (const row of rows) {
    const evaluation = evaluateOrClear(row, configs.get(row.workspaceId), now);
    if (evaluation.error) failures.push({ conversationId: row.id, error: evaluation.error });
    transitions.push(...evaluation.transitions);
    if (!unchanged(row, evaluation.columns)) changed.push(evaluation.columns);
  }
  await writeSlaColumns(db, changed);
  await appendTransitions(db, transitions, now);
  return { updated: changed.length, transitions, failures };
}

/** A conversation the engine cannot compute (no open time ahead, a broken policy) gets no SLA, not a stuck batch. */
function evaluateOrClear(
  row: ConversationSlaRow,
  config: WorkspaceSla | undefined,
  now: Date,
): { columns: SlaColumns; transitions: SlaTransition[]; error?: string } {
  if (!config) return { columns: noSla(row.id), transitions: [] };
  try {
    return evaluateSla(row, config, now);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    return { columns: noSla(row.id), transitions: [], error };
  }
}

/** Rows as a table inside one statement, one parameter whatever their number (as pipeline/steps/batch.ts). */
const recordset = (rows: object[], columns: string): SQL =>
  sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(${sql.raw(columns)})`;

async function writeSlaColumns(db: Queryable, changed: SlaColumns[]) {
  if (changed.length === 0) return;
  const rows = changed.map((c) => ({
    id: c.id,
    policy_id: c.policyId,
    first_due: c.firstResponseDueAt?.toISOString() ?? null,
    next_due: c.nextResponseDueAt?.toISOString() ?? null,
    resolution_due: c.resolutionDueAt?.toISOString() ?? null,
    state: c.state,
    next_check: c.nextCheckAt?.toISOString() ?? null,
  }));
  await db.execute(sql`update conversations c set
      sla_policy_id = v.policy_id,
      first_response_due_at = v.first_due,
      next_response_due_at = v.next_due,
      resolution_due_at = v.resolution_due,
      sla_state = v.state,
      sla_next_check_at = v.next_check
    from ${recordset(
      rows,
      `id uuid, policy_id uuid, first_due timestamptz, next_due timestamptz, resolution_due timestamptz,
       state text, next_check timestamptz`,
    )}
    where c.id = v.id`);
}

async function appendTransitions(db: Queryable, transitions: SlaTransition[], now: Date) {
  await bulkInsert(
    db,
    conversationEvents,
    transitions.map((t) => ({
      workspaceId: t.workspaceId,
      conversationId: t.conversationId,
      type: t.type,
      actorType: "system" as const,
      data: { target: t.target, due_at: t.dueAt.toISOString(), policy_id: t.policyId },
      occurredAt: t.occurredAt,
      createdAt: now,
    })),
  );
}
