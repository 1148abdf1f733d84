import type { SlaFacts, SlaPause } from "@parley/sla";
import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../platform/db";

/** The statuses that stop the resolution clock (SPEC W3: waiting on the customer, on hold). */
const PAUSED = new Set(["pending", "on_hold"]);
/** The statuses a conversation is done in; time spent there before a reopen is a pause too. */
const DONE = new Set(["resolved", "closed"]);

/** One conversation as the SLA engine needs it, read in one statement for a whole batch. */
export interface ConversationSlaRow {
  id: string;
  workspaceId: string;
  channel: string;
  priority: string;
  status: string;
  createdAt: Date;
  updatedAt: Date;
  firstCustomerMessageAt: Date | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  slaPolicyId: string | null;
  firstResponseDueAt: Date | null;
  nextResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  slaState: string;
  slaNextCheckAt: Date | null;
  /** The last reply the customer was sent, and the one before it. */
  lastAgentAt: Date | null;
  previousAgentAt: Date | null;
  /** The oldest customer message after the last reply: the turn still waiting for an answer. */
  awaitingSince: Date | null;
  /** The oldest customer message the last reply answered. */
  answeredTurnSince: Date | null;
  statusChanges: { at: number; to: string }[];
  slaEvents: { type: string; target: string; at: number }[];
}

type Raw = Record<string, unknown>;

const date = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));

/**
 * The facts of the conversations in `ids` (of `workspaceId`, unless null: the scheduler's claim
 * already scoped them), with their status history and the SLA events already recorded. One
 * statement whatever the number of ids. A reply is an outbound message the network accepted
 * (`sent`); spam does not start a clock.
 */
export async function loadSlaRows(
  db: Queryable,
  scope: { workspaceId: string | null; ids: readonly string[] },
): Promise<ConversationSlaRow[]> {
  if (scope.ids.length === 0) return [];
  const rows = await queryRows<Raw>(
    db,
    sql`select c.id, c.workspace_id, c.channel, c.priority, c.status, c.created_at, c.updated_at,
        c.first_customer_message_at, c.first_response_at, c.resolved_at, c.closed_at, c.sla_policy_id,
        c.first_response_due_at, c.next_response_due_at, c.resolution_due_at, c.sla_state, c.sla_next_check_at,
        la.at as last_agent_at, pa.at as previous_agent_at, aw.at as awaiting_since, ts.at as turn_since,
        st.list as status_changes, se.list as sla_events
      from conversations c
      left join lateral (select max(m.sent_at) as at from messages m
        where m.conversation_id = c.id and m.direction = 'outbound' and m.delivery_status = 'sent') la on true
      left join lateral (select max(m.sent_at) as at from messages m
        where m.conversation_id = c.id and m.direction = 'outbound' and m.delivery_status = 'sent'
          and m.sent_at < la.at) pa on true
      left join lateral (select min(m.sent_at) as at from messages m
        where m.conversation_id = c.id and m.direction = 'inbound' and not m.is_spam
          and (la.at is null or m.sent_at > la.at)) aw on true
      left join lateral (select min(m.sent_at) as at from messages m
        where m.conversation_id = c.id and m.direction = 'inbound' and not m.is_spam
          and m.sent_at <= la.at and (pa.at is null or m.sent_at > pa.at)) ts on true
      left join lateral (select coalesce(jsonb_agg(jsonb_build_object(
          'at', round(extract(epoch from e.occurred_at) * 1000), 'to', e.data->>'to')
          order by e.occurred_at, e.seq), '[]'::jsonb) as list
        from conversation_events e where e.conversation_id = c.id and e.type = 'status_changed') st on true
      left join lateral (select coalesce(jsonb_agg(jsonb_build_object(
          'type', e.type, 'target', e.data->>'target', 'at', round(extract(epoch from e.occurred_at) * 1000))),
          '[]'::jsonb) as list
        from conversation_events e
        where e.conversation_id = c.id and e.type in ('sla_warning', 'sla_breached')) se on true
      where c.id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(scope.ids)}::jsonb))
        and (${scope.workspaceId}::uuid is null or c.workspace_id = ${scope.workspaceId}::uuid)`,
  );
  return rows.map(toRow);
}

function toRow(r: Raw): ConversationSlaRow {
  return {
    id: String(r.id),
    workspaceId: String(r.workspace_id),
    channel: String(r.channel),
    priority: String(r.priority),
    status: String(r.status),
    createdAt: date(r.created_at) as Date,
    updatedAt: date(r.updated_at) as Date,
    firstCustomerMessageAt: date(r.first_customer_message_at),
    firstResponseAt: date(r.first_response_at),
    resolvedAt: date(r.resolved_at),
    closedAt: date(r.closed_at),
    slaPolicyId: (r.sla_policy_id as string | null) ?? null,
    firstResponseDueAt: date(r.first_response_due_at),
    nextResponseDueAt: date(r.next_response_due_at),
    resolutionDueAt: date(r.resolution_due_at),
    slaState: String(r.sla_state),
    slaNextCheckAt: date(r.sla_next_check_at),
    lastAgentAt: date(r.last_agent_at),
    previousAgentAt: date(r.previous_agent_at),
    awaitingSince: date(r.awaiting_since),
    answeredTurnSince: date(r.turn_since),
    statusChanges: jsonList(r.status_changes).map((c) => ({ at: Number(c.at), to: String(c.to) })),
    slaEvents: jsonList(r.sla_events).map((e) => ({
      type: String(e.type),
      target: String(e.target),
      at: Number(e.at),
    })),
  };
}

const jsonList = (v: unknown): Raw[] => (typeof v === "string" ? JSON.parse(v) : ((v as Raw[]) ?? []));

/** What the SLA engine reads of a conversation. */
export function slaFactsOf(row: ConversationSlaRow): SlaFacts {
  const { resolvedAt, pauses } = statusTimeline(row);
  const turn =
    row.answeredTurnSince &&
    row.lastAgentAt &&
    row.firstResponseAt &&
    row.answeredTurnSince >= row.firstResponseAt
      ? { since: row.answeredTurnSince, repliedAt: row.lastAgentAt }
      : null;
  return {
    startedAt: row.firstCustomerMessageAt ?? row.createdAt,
    firstResponseAt: row.firstResponseAt,
    awaitingReplySince: row.awaitingSince,
    lastAnsweredTurn: turn,
    resolvedAt,
    pauses,
  };
}

interface Stretch {
  status: string;
  from: number;
  to: number | null;
}

/**
 * When the conversation was resolved (if it is now) and when its resolution clock stood still,
 * from its status changes. The row's status is the truth: a last stretch that disagrees with it
 * (a change written without its event) is ignored, and a done conversation without the event
 * that says when falls back to `resolved_at`.
 */
export function statusTimeline(
  row: Pick<ConversationSlaRow, "status" | "statusChanges" | "resolvedAt" | "closedAt" | "updatedAt">,
): { resolvedAt: Date | null; pauses: SlaPause[] } {
  const stretches: Stretch[] = [];
  for (const change of row.statusChanges) {
    const last = stretches.at(-1);
    if (last) last.to = change.at;
    stretches.push({ status: change.to, from: change.at, to: null });
  }
  const last = stretches.at(-1);
  if (last && last.status !== row.status) stretches.pop();
  let resolvedAt: Date | null = null;
  if (DONE.has(row.status)) {
    let start = stretches.length;
    while (start > 0 && DONE.has((stretches[start - 1] as Stretch).status)) start--;
    const first = stretches[start];
    resolvedAt = first ? new Date(first.from) : (row.resolvedAt ?? row.closedAt ?? row.updatedAt);
    stretches.length = start;
  }
  const pauses = stretches
    .filter((s) => PAUSED.has(s.status) || (DONE.has(s.status) && s.to !== null))
    .map((s) => ({ from: new Date(s.from), to: s.to === null ? null : new Date(s.to) }));
  return { resolvedAt, pauses };
}
