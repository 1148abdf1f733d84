import type { SupervisorSla, SupervisorSlaItem } from "@parley/contracts";
import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../platform/db";
import { ACTIVE, iso, NEXT_DUE, NEXT_TARGET, num, type Raw } from "./active";

const MINUTE_MS = 60_000;
const COMING_LIMIT = 50;
const BREACHED_LIMIT = 10;

/** An instant as a timestamptz parameter (both drivers take the ISO text). */
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * The SLA as it stands: targets settled today (met or breached, as docs/metrics.md counts
 * attainment), the longest-breached active conversations, and those whose next target falls due
 * within 15 and 60 minutes.
 */
export async function slaNow(
  db: Queryable,
  workspaceId: string,
  dayStart: Date,
  now: Date,
): Promise<Omit<SupervisorSla, "breached_now">> {
  const [today, breached, coming] = await Promise.all([
    settledToday(db, workspaceId, ts(dayStart), ts(now)),
    longestBreached(db, workspaceId),
    comingDue(db, workspaceId, now),
  ]);
  return {
    today,
    breached,
    due_within_15m: coming.within15,
    due_within_60m: coming.within60,
    coming: coming.items,
  };
}

/**
 * Targets settled since local midnight. Breached: the scheduler's `sla_breached` event fell due
 * today (its occurred_at is the due time). Met: the first reply or the resolution happened today,
 * on time, and the log holds no breach of that target. Candidates come from today's events
 * (indexed by workspace, type and time), never from a scan of every conversation.
 */
async function settledToday(db: Queryable, workspaceId: string, dayStart: SQL, now: SQL) {
  const todayEvents = (type: string, extra: SQL = sql``) => sql`select e.conversation_id
    from conversation_events e
    where e.workspace_id = ${workspaceId} and e.type = ${type}
      and e.occurred_at >= ${dayStart} and e.occurred_at <= ${now} ${extra}`;
  const notBreached = (target: string) => sql`not exists (select 1 from conversation_events b
    where b.conversation_id = c.id and b.workspace_id = ${workspaceId} and b.type = 'sla_breached'
      and b.data->>'target' = ${target})`;
  const [row] = await queryRows<Raw>(
    db,
    sql`select
      (select count(distinct e.conversation_id) from conversation_events e
        where e.workspace_id = ${workspaceId} and e.type = 'sla_breached'
          and e.occurred_at >= ${dayStart} and e.occurred_at <= ${now}
          and e.data->>'target' = 'first_response') as first_response_breached,
      (select count(distinct e.conversation_id) from conversation_events e
        where e.workspace_id = ${workspaceId} and e.type = 'sla_breached'
          and e.occurred_at >= ${dayStart} and e.occurred_at <= ${now}
          and e.data->>'target' = 'resolution') as resolution_breached,
      (select count(*) from conversations c
        where c.workspace_id = ${workspaceId} and c.id in (${todayEvents("message_out")})
          and c.first_response_at >= ${dayStart} and c.first_response_at <= ${now}
          and c.first_response_at <= c.first_response_due_at and ${notBreached("first_response")}
      ) as first_response_met,
      (select count(*) from conversations c
        where c.workspace_id = ${workspaceId}
          and c.id in (${todayEvents("status_changed", sql`and e.data->>'to' = 'resolved'`)})
          and c.status in ('resolved', 'closed')
          and c.resolved_at >= ${dayStart} and c.resolved_at <= ${now}
          and c.resolved_at <= c.resolution_due_at and ${notBreached("resolution")}
      ) as resolution_met`,
  );
  const first_response = { met: num(row?.first_response_met), breached: num(row?.first_response_breached) };
  const resolution = { met: num(row?.resolution_met), breached: num(row?.resolution_breached) };
  const met = first_response.met + resolution.met;
  const breached = first_response.breached + resolution.breached;
  return {
    first_response,
    resolution,
    met,
    breached,
    attainment: met + breached === 0 ? null : met / (met + breached),
  };
}

const ITEM_COLUMNS = sql`c.id, c.subject, c.preview, c.channel, c.status, c.priority, c.assignee_id,
  u.name as assignee_name, c.team_id, t.name as team_name, ${NEXT_TARGET} as target, ${NEXT_DUE} as due_at`;

const ITEM_JOINS = sql`left join users u on u.id = c.assignee_id
  left join teams t on t.id = c.team_id and t.workspace_id = c.workspace_id`;

function toItem(r: Raw): SupervisorSlaItem {
  return {
    conversation_id: String(r.id),
    subject: String(r.subject),
    preview: String(r.preview),
    channel: r.channel as SupervisorSlaItem["channel"],
    status: r.status as SupervisorSlaItem["status"],
    priority: r.priority as SupervisorSlaItem["priority"],
    assignee_id: (r.assignee_id as string | null) ?? null,
    assignee_name: (r.assignee_name as string | null) ?? null,
    team_id: (r.team_id as string | null) ?? null,
    team_name: (r.team_name as string | null) ?? null,
    target: r.target as SupervisorSlaItem["target"],
    due_at: iso(r.due_at) as string,
  };
}

/** The longest-breached active conversations (how many there are comes with the queue's counts). */
async function longestBreached(db: Queryable, workspaceId: string) {
  const rows = await queryRows<Raw>(
    db,
    sql`select ${ITEM_COLUMNS} from conversations c ${ITEM_JOINS}
      where c.workspace_id = ${workspaceId} and ${ACTIVE} and c.sla_state = 'breached'
        and ${NEXT_DUE} is not null
      order by ${NEXT_DUE}, c.id limit ${BREACHED_LIMIT}`,
  );
  return rows.map(toItem);
}

/**
 * Active conversations whose next pending target falls due in the coming hour, soonest first.
 * Such a target is still ok or warning, so the conversation's sla_next_check_at (its next warning
 * or breach) is at most that due time: the partial index on it narrows the search to what is about
 * to change instead of every open conversation.
 */
async function comingDue(db: Queryable, workspaceId: string, now: Date) {
  const horizon = ts(new Date(now.getTime() + 60 * MINUTE_MS));
  const soon = ts(new Date(now.getTime() + 15 * MINUTE_MS));
  const dueSoon = sql`c.workspace_id = ${workspaceId} and ${ACTIVE}
    and c.sla_next_check_at is not null and c.sla_next_check_at <= ${horizon}
    and ${NEXT_DUE} > ${ts(now)} and ${NEXT_DUE} <= ${horizon}`;
  const [counted, rows] = await Promise.all([
    queryRows<Raw>(
      db,
      sql`select count(*) as within60, count(*) filter (where ${NEXT_DUE} <= ${soon}) as within15
        from conversations c where ${dueSoon}`,
    ),
    queryRows<Raw>(
      db,
      sql`select ${ITEM_COLUMNS} from conversations c ${ITEM_JOINS}
        where ${dueSoon} order by ${NEXT_DUE}, c.id limit ${COMING_LIMIT}`,
    ),
  ]);
  return {
    within15: num(counted[0]?.within15),
    within60: num(counted[0]?.within60),
    items: rows.map(toItem),
  };
}
