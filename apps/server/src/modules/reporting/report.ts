/*
 * Reports over a period (SPEC M1-M5, M7, M8): the summary, the conversations behind a figure and
 * the per-conversation export, all read from the rollup (conversation_facts, rollup.ts), which
 * each of them first brings up to date with the event log.
 */
import type { ConversationFactsRow, ReportMetric, ReportSummary } from "@parley/contracts";
import { and, asc, eq, gt, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { conversationEvents, conversationFacts as factsTable } from "../../platform/db/schema";
import { satisfactionFigures } from "../surveys/survey-figures";
import { availabilityChanges } from "../users/availability-history";
import { type ConversationFacts, DEFAULT_ACTIVITY } from "./facts";
import { type FactsSelect, fromFactsRow } from "./facts-store";
import type { ActivitySegment } from "./handling-time";
import { occupancy } from "./occupancy";
import { reportContext } from "./report-context";
import type { ReportScope } from "./report-load";
import { inPeriod, scopeFilter } from "./report-query";
import { summaryFromRollup } from "./report-sql";
import { catchUpRollup } from "./rollup";

export { reportContext } from "./report-context";

export async function reportSummary(
  db: Queryable,
  scope: ReportScope,
  { series = true }: { series?: boolean } = {},
): Promise<ReportSummary> {
  await catchUpRollup(db, new Date());
  const { timezone } = await reportContext(db, scope.workspaceId);
  const [{ figures, series: days }, occupancy, satisfaction] = await Promise.all([
    summaryFromRollup(db, scope, timezone, { series }),
    occupancyOf(db, scope),
    satisfactionFigures(db, scope),
  ]);
  return {
    period: { from: scope.from.toISOString(), to: scope.to.toISOString(), timezone },
    figures,
    occupancy,
    satisfaction,
    series: days,
  };
}

/** Which conversations each drill-down metric lists (on conversation_facts). */
const METRICS: Record<ReportMetric, (to: Date) => SQL> = {
  conversations: () => sql`not is_spam`,
  spam: () => sql`is_spam`,
  answered: () => sql`not is_spam and first_response_s is not null`,
  unanswered: () => sql`not is_spam and started_by = 'customer' and first_response_s is null`,
  frt_in_hours: () => sql`not is_spam and first_response_in_hours is true`,
  frt_out_of_hours: () => sql`not is_spam and first_response_in_hours is false`,
  frt_met: () => sql`not is_spam and sla_first_response = 'met'`,
  frt_breached: () => sql`not is_spam and sla_first_response = 'breached'`,
  resolution_met: () => sql`not is_spam and sla_resolution = 'met'`,
  resolution_breached: () => sql`not is_spam and sla_resolution = 'breached'`,
  resolved: () => sql`not is_spam and resolved_at is not null`,
  unresolved: () => sql`not is_spam and resolved_at is null`,
  first_contact_resolution: () => sql`first_contact_resolution`,
  reopened: () => sql`not is_spam and reopened > 0`,
  escalated: () => sql`not is_spam and escalated`,
  negative_start: () => sql`not is_spam and sentiment_converted is not null`,
  sentiment_converted: () => sql`not is_spam and sentiment_converted is true`,
  // Open at the period's last instant, whenever it started (openAt of status-history.ts).
  backlog: (to) => {
    const t = new Date(to.getTime() - 1);
    return sql`not is_spam and started_at <= ${t} and (last_closed_at is null or last_closed_at > ${t})
      and not exists (select 1 from jsonb_array_elements(not_open_spans) s
        where (s ->> 'from')::timestamptz <= ${t} and (s ->> 'to' is null or ${t} < (s ->> 'to')::timestamptz))`;
  },
};

/** Rows of the rollup matching `where`, in id order after `after`. */
async function factsPage(db: Queryable, where: SQL, after: string | null, limit: number) {
  return db
    .select()
    .from(factsTable)
    .where(and(where, after ? gt(factsTable.conversationId, after) : undefined))
    .orderBy(asc(factsTable.conversationId))
    .limit(limit);
}

/** A page of the conversations behind a figure, in id order; the cursor is the last id. */
export async function reportConversations(
  db: Queryable,
  scope: ReportScope,
  { metric, limit, after }: { metric: ReportMetric; limit: number; after: string | null },
): Promise<{ items: ConversationFactsRow[]; next: string | null }> {
  await catchUpRollup(db, new Date());
  // Only the backlog reaches back before the period.
  const period = metric === "backlog" ? sql`true` : inPeriod(scope);
  const rows = await factsPage(
    db,
    sql`${scopeFilter(scope)} and ${period} and ${METRICS[metric](scope.to)}`,
    after,
    limit + 1,
  );
  const items = rows.slice(0, limit).map(rowOf);
  return { items, next: rows.length > limit ? (items.at(-1)?.conversation_id ?? null) : null };
}

/** Rows per export batch. */
export const EXPORT_BATCH = 1000;

/** Every conversation started in the period, as export rows, a batch at a time. */
export async function* reportRows(
  db: Queryable,
  scope: ReportScope,
  { batchSize = EXPORT_BATCH }: { batchSize?: number } = {},
): AsyncGenerator<ConversationFactsRow[]> {
  await catchUpRollup(db, new Date());
  for (let after: string | null = null; ; ) {
    const rows = await factsPage(db, sql`${scopeFilter(scope)} and ${inPeriod(scope)}`, after, batchSize);
    if (rows.length === 0) return;
    yield rows.map(rowOf);
    if (rows.length < batchSize) return;
    after = rows.at(-1)?.conversationId ?? null;
  }
}

const rowOf = (r: FactsSelect) => factsRow(fromFactsRow(r));

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The facts as the API and the export give them: instants as ISO strings, internal lists left out. */
export function factsRow(f: ConversationFacts): ConversationFactsRow {
  const { handling_by_user: _u, reply_handling_s: _r, not_open_spans: _s, ...rest } = f;
  return {
    ...rest,
    started_at: f.started_at.toISOString(),
    first_assigned_at: iso(f.first_assigned_at),
    resolved_at: iso(f.resolved_at),
  };
}

/**
 * Occupancy of each agent over the period (M7): activity heartbeats in the period, on any
 * conversation, against their availability history (agent_availability_history). Only the agent
 * filter applies: an agent's time is theirs whatever channel or team the conversations were in.
 */
async function occupancyOf(db: Queryable, scope: ReportScope) {
  const [segments, changes] = await Promise.all([
    activitySegments(db, scope),
    availabilityChanges(db, scope.workspaceId, scope.from, scope.to),
  ]);
  return occupancy(segments, changes, scope.from, scope.to).filter(
    (o) => !scope.agentId || o.user_id === scope.agentId,
  );
}

const HEARTBEAT_BATCH = 10_000;

/**
 * Heartbeats → segments per conversation and agent, read in log order (the desk writes them as
 * they happen). A run stays open across batches until a longer silence than the idle cut-off.
 */
async function activitySegments(db: Queryable, scope: ReportScope): Promise<ActivitySegment[]> {
  const { beatMs, idleCutoffMs } = DEFAULT_ACTIVITY;
  const segments: ActivitySegment[] = [];
  const open = new Map<string, { userId: string; start: number; last: number }>();
  const close = (key: string) => {
    const run = open.get(key);
    if (run)
      segments.push({ userId: run.userId, start: new Date(run.start), end: new Date(run.last + beatMs) });
    open.delete(key);
  };
  for (let after = 0; ; ) {
    const rows = await heartbeatBatch(db, scope, after);
    after = rows.at(-1)?.seq ?? after;
    for (const r of rows) {
      if (!r.actorId) continue;
      const key = `${r.conversationId}/${r.actorId}`;
      const t = r.at.getTime();
      const run = open.get(key);
      if (run && t <= run.last + idleCutoffMs && t >= run.start - idleCutoffMs) {
        run.start = Math.min(run.start, t);
        run.last = Math.max(run.last, t);
        continue;
      }
      close(key);
      open.set(key, { userId: r.actorId, start: t, last: t });
    }
    if (rows.length < HEARTBEAT_BATCH) break;
  }
  for (const key of [...open.keys()]) close(key);
  return segments;
}

function heartbeatBatch(db: Queryable, scope: ReportScope, after: number) {
  return db
    .select({
      seq: conversationEvents.seq,
      conversationId: conversationEvents.conversationId,
      actorId: conversationEvents.actorId,
      at: conversationEvents.occurredAt,
    })
    .from(conversationEvents)
    .where(
      and(
        eq(conversationEvents.workspaceId, scope.workspaceId),
        eq(conversationEvents.type, "agent_activity"),
        // A segment running into the period starts up to one cut-off earlier.
        gte(conversationEvents.occurredAt, new Date(scope.from.getTime() - DEFAULT_ACTIVITY.idleCutoffMs)),
        lt(conversationEvents.occurredAt, scope.to),
        gt(conversationEvents.seq, after),
      ),
    )
    .orderBy(asc(conversationEvents.seq))
    .limit(HEARTBEAT_BATCH);
}
