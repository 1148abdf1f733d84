/*
 * Reports over a period (SPEC M1-M5, M7, M8): the summary, the conversations behind a figure and
 * the per-conversation export, all from the same facts (facts.ts) and aggregation (aggregate.ts).
 */
import type { ConversationFactsRow, ReportMetric, ReportSummary } from "@parley/contracts";
import { and, asc, eq, gt, gte, lt, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../platform/db";
import { conversationEvents, workspaces } from "../../platform/db/schema";
import { found } from "../../platform/http/problem";
import { sharedSlaCache } from "../sla/sla-cache";
import { createAggregator } from "./aggregate";
import { type ConversationFacts, DEFAULT_ACTIVITY, type FactsOptions } from "./facts";
import type { ActivitySegment } from "./handling-time";
import { type AvailabilityChange, occupancy } from "./occupancy";
import { factsBatches, type ReportScope } from "./report-load";
import { openAt } from "./status-history";

/** The workspace's calendar (business hours; null is 24x7) and time zone. */
export async function reportContext(db: Queryable, workspaceId: string) {
  const [ws] = await db
    .select({ timezone: workspaces.timezone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const sla = (await sharedSlaCache.get(db, [workspaceId])).get(workspaceId);
  const options: FactsOptions = {
    calendar: sla?.calendarFor({ businessHoursId: null }) ?? null,
    activity: DEFAULT_ACTIVITY,
  };
  return { timezone: found(ws, "Workspace").timezone, options };
}

export async function reportSummary(
  db: Queryable,
  scope: ReportScope,
  { batchSize, series = true }: { batchSize?: number; series?: boolean } = {},
): Promise<ReportSummary> {
  const { timezone, options } = await reportContext(db, scope.workspaceId);
  const agg = createAggregator({ from: scope.from, to: scope.to, timezone }, { series });
  for await (const batch of factsBatches(db, scope, options, { carried: true, batchSize }))
    for (const { facts, carriedOver } of batch) {
      if (carriedOver) agg.addCarriedOver(facts);
      else agg.add(facts);
    }
  const { figures, series: days } = agg.result();
  return {
    period: { from: scope.from.toISOString(), to: scope.to.toISOString(), timezone },
    figures,
    occupancy: await occupancyOf(db, scope),
    series: days,
  };
}

/** Which conversations each drill-down metric lists. */
const METRICS: Record<ReportMetric, (f: ConversationFacts, to: Date) => boolean> = {
  conversations: (f) => !f.is_spam,
  spam: (f) => f.is_spam,
  answered: (f) => !f.is_spam && f.first_response_s !== null,
  unanswered: (f) => !f.is_spam && f.started_by === "customer" && f.first_response_s === null,
  frt_in_hours: (f) => !f.is_spam && f.first_response_in_hours === true,
  frt_out_of_hours: (f) => !f.is_spam && f.first_response_in_hours === false,
  frt_met: (f) => !f.is_spam && f.sla_first_response === "met",
  frt_breached: (f) => !f.is_spam && f.sla_first_response === "breached",
  resolution_met: (f) => !f.is_spam && f.sla_resolution === "met",
  resolution_breached: (f) => !f.is_spam && f.sla_resolution === "breached",
  resolved: (f) => !f.is_spam && f.resolved_at !== null,
  unresolved: (f) => !f.is_spam && f.resolved_at === null,
  first_contact_resolution: (f) => f.first_contact_resolution,
  reopened: (f) => !f.is_spam && f.reopened > 0,
  escalated: (f) => !f.is_spam && f.escalated,
  negative_start: (f) => !f.is_spam && f.sentiment_converted !== null,
  sentiment_converted: (f) => !f.is_spam && f.sentiment_converted === true,
  backlog: (f, to) => !f.is_spam && openAt(f.started_at, f.not_open_spans, new Date(to.getTime() - 1)),
};

/** A page of the conversations behind a figure, in id order; the cursor is the last id. */
export async function reportConversations(
  db: Queryable,
  scope: ReportScope,
  { metric, limit, after }: { metric: ReportMetric; limit: number; after: string | null },
): Promise<{ items: ConversationFactsRow[]; next: string | null }> {
  const { options } = await reportContext(db, scope.workspaceId);
  const matches = METRICS[metric];
  const items: ConversationFactsRow[] = [];
  // Only the backlog reaches back before the period.
  const carried = metric === "backlog";
  for await (const batch of factsBatches(db, scope, options, { after, carried })) {
    for (const { facts, carriedOver } of batch) {
      if ((carriedOver && !carried) || !matches(facts, scope.to)) continue;
      if (items.length === limit) return { items, next: items.at(-1)?.conversation_id ?? null };
      items.push(factsRow(facts));
    }
  }
  return { items, next: null };
}

/** Every conversation started in the period, as export rows, a batch at a time. */
export async function* reportRows(db: Queryable, scope: ReportScope): AsyncGenerator<ConversationFactsRow[]> {
  const { options } = await reportContext(db, scope.workspaceId);
  for await (const batch of factsBatches(db, scope, options)) yield batch.map((b) => factsRow(b.facts));
}

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
 * conversation, against availability history from the audit log. Only the agent filter applies:
 * an agent's time is theirs whatever channel or team the conversations were in.
 */
async function occupancyOf(db: Queryable, scope: ReportScope) {
  const segments = await activitySegments(db, scope);
  const changes = await availabilityChanges(db, scope);
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

/** Availability changes in the period, and each member's last one before it (their state at the start). */
async function availabilityChanges(db: Queryable, scope: ReportScope): Promise<AvailabilityChange[]> {
  const rows = await queryRows<{ target_id: string; created_at: Date | string; availability: string }>(
    db,
    sql`(select distinct on (target_id) target_id, created_at, data->>'availability' as availability
        from audit_log where workspace_id = ${scope.workspaceId}
          and action in ('user.availability', 'user.updated') and data ? 'availability'
          and created_at < ${scope.from}
        order by target_id, created_at desc)
      union all
      (select target_id, created_at, data->>'availability' from audit_log
        where workspace_id = ${scope.workspaceId}
          and action in ('user.availability', 'user.updated') and data ? 'availability'
          and created_at >= ${scope.from} and created_at < ${scope.to})`,
  );
  return rows.map((r) => ({ userId: r.target_id, at: new Date(r.created_at), availability: r.availability }));
}
