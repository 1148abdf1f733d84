import type { Channel, SupervisorQueue } from "@parley/contracts";
import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../platform/db";
import { ACTIVE, AWAITING, date, num, type Raw } from "./active";

type Counts = Omit<SupervisorQueue, "oldest_waiting_conversation_id" | "by_team" | "by_channel">;

const empty = (): Counts => ({ in_queue: 0, in_progress: 0, urgent: 0, high: 0, oldest_wait_s: null });

/** Waiting customers whose exact wait is looked up (see oldestWaits). */
const EXACT_CANDIDATES = 20;

/** Awaiting a reply, and not waiting on the customer (pending, on hold). */
const WAITING = sql`c.status not in ('pending', 'on_hold') and ${AWAITING}`;

/**
 * Since when the customer has waited, read from the row: exact for a conversation never answered
 * (its first customer message), an upper bound for one answered before (its latest customer
 * message; the turn may have begun earlier).
 */
const UPPER_SINCE = sql`coalesce(case when c.last_agent_message_at is null then c.first_customer_message_at end,
  c.last_customer_message_at)`;

/**
 * The active conversations of a workspace, in queue (no assignee) or in progress, by team and by
 * channel, with the longest wait of a customer for a reply and how many are breached. One grouped
 * pass over the workspace's active conversations (the partial active index), plus a top-N for the
 * exact oldest waits.
 */
export async function queueDepth(
  db: Queryable,
  workspaceId: string,
  teamNames: Map<string, string>,
  now: Date,
): Promise<{ queue: SupervisorQueue; breached: number }> {
  const [rows, exact] = await Promise.all([
    queryRows<Raw>(
      db,
      sql`select c.team_id, c.channel, c.assignee_id is not null as assigned, c.priority, count(*) as n,
          count(*) filter (where c.sla_state = 'breached') as breached,
          min(${UPPER_SINCE}) filter (where ${WAITING}) as waiting_since
        from conversations c
        where c.workspace_id = ${workspaceId} and ${ACTIVE}
        group by 1, 2, 3, 4`,
    ),
    oldestWaits(db, workspaceId),
  ]);
  const total = empty();
  const byTeam = new Map<string | null, Counts>();
  const byChannel = new Map<string, Counts>();
  const since = {
    total: null as Date | null,
    team: new Map<string | null, Date>(),
    channel: new Map<string, Date>(),
  };
  let breached = 0;
  for (const r of rows) {
    const team = (r.team_id as string | null) ?? null;
    const channel = String(r.channel);
    const n = num(r.n);
    breached += num(r.breached);
    for (const g of [total, getOr(byTeam, team), getOr(byChannel, channel)]) {
      if (r.assigned === true || r.assigned === "t") g.in_progress += n;
      else g.in_queue += n;
      if (r.priority === "urgent") g.urgent += n;
      if (r.priority === "high") g.high += n;
    }
    const waiting = date(r.waiting_since);
    if (waiting) {
      older(since.team, team, waiting);
      older(since.channel, channel, waiting);
      if (!since.total || waiting < since.total) since.total = waiting;
    }
  }
  // The exact waits of the longest waiters replace the row's upper bounds where they are older.
  let oldest: { id: string; since: Date } | undefined;
  for (const e of exact) {
    older(since.team, e.teamId, e.since);
    older(since.channel, e.channel, e.since);
    if (!oldest || e.since < oldest.since) oldest = e;
  }
  if (oldest && (!since.total || oldest.since <= since.total)) since.total = oldest.since;
  const seconds = (at: Date | null | undefined) =>
    at ? Math.max(0, (now.getTime() - at.getTime()) / 1000) : null;
  total.oldest_wait_s = seconds(since.total);
  for (const [team, c] of byTeam) c.oldest_wait_s = seconds(since.team.get(team));
  for (const [channel, c] of byChannel) c.oldest_wait_s = seconds(since.channel.get(channel));

  const load = (c: Counts) => c.in_queue + c.in_progress;
  const queue: SupervisorQueue = {
    ...total,
    oldest_waiting_conversation_id: oldest && oldest.since <= (since.total as Date) ? oldest.id : null,
    by_team: [...byTeam]
      .map(([teamId, c]) => ({
        team_id: teamId,
        name: teamId ? (teamNames.get(teamId) ?? "Unknown team") : "No team",
        ...c,
      }))
      .sort((a, b) => Number(a.team_id === null) - Number(b.team_id === null) || load(b) - load(a)),
    by_channel: [...byChannel]
      .map(([channel, c]) => ({ channel: channel as Channel, ...c }))
      .sort((a, b) => load(b) - load(a) || a.channel.localeCompare(b.channel)),
  };
  return { queue, breached };
}

function getOr<K>(map: Map<K, Counts>, key: K): Counts {
  let c = map.get(key);
  if (!c) {
    c = empty();
    map.set(key, c);
  }
  return c;
}

function older<K>(map: Map<K, Date>, key: K, at: Date) {
  const prior = map.get(key);
  if (!prior || at < prior) map.set(key, at);
}

/**
 * The exact wait of the customers who have waited longest by the row's reckoning: for those
 * answered before, the first customer message after the last reply is looked up, for these few
 * only (one index probe each) instead of for every open conversation. A turn of several messages
 * that began long before its latest one, outside these few, is the one case that can read short.
 */
async function oldestWaits(db: Queryable, workspaceId: string) {
  const rows = await queryRows<Raw>(
    db,
    sql`select w.id, w.team_id, w.channel,
        case when w.last_agent_message_at is null then w.upper_since else coalesce((
          select min(m.sent_at) from messages m
          where m.conversation_id = w.id and m.workspace_id = ${workspaceId}
            and m.direction = 'inbound' and not m.is_spam and m.sent_at > w.last_agent_message_at
        ), w.upper_since) end as since
      from (
        select c.id, c.team_id, c.channel, c.last_agent_message_at, ${UPPER_SINCE} as upper_since
        from conversations c
        where c.workspace_id = ${workspaceId} and ${ACTIVE} and ${WAITING}
        order by upper_since, c.id
        limit ${EXACT_CANDIDATES}
      ) w`,
  );
  return rows.flatMap((r) => {
    const since = date(r.since);
    return since
      ? [
          {
            id: String(r.id),
            teamId: (r.team_id as string | null) ?? null,
            channel: String(r.channel),
            since,
          },
        ]
      : [];
  });
}
