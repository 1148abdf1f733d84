import {
  ACTIVITY_IDLE_MS,
  type ActivityKind,
  type Availability,
  type PresenceEntry,
  type Role,
  type SupervisorAgent,
  type SupervisorConversation,
  type SupervisorPresence,
} from "@parley/contracts";
import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../platform/db";
import { ACTIVE, date, iso, num, type Raw } from "./active";

/** Active conversations listed per agent, highest priority first. */
const TOP_CONVERSATIONS = 3;

const AVAILABILITY_ORDER: Record<Availability, number> = { available: 0, busy: 1, away: 2, offline: 3 };

/** What the live channel knows of who is in which conversation (this process's presence board). */
export type PresenceReader = (conversationIds: Iterable<string>) => Map<string, PresenceEntry[]>;

/**
 * Everyone who can take conversations (analysts cannot, so they are left out), with their
 * availability and since when, their load against capacity, their top conversations, what they
 * are doing right now and how many replies they sent today.
 */
export async function agentsNow(
  db: Queryable,
  workspaceId: string,
  live: { occupied: () => Iterable<string>; presence: PresenceReader },
  dayStart: Date,
  now: Date,
): Promise<SupervisorAgent[]> {
  const [members, handling, replies, activity, present] = await Promise.all([
    loadMembers(db, workspaceId),
    loadHandling(db, workspaceId),
    loadReplies(db, workspaceId, dayStart, now),
    loadActivity(db, workspaceId, now),
    loadPresence(db, workspaceId, live),
  ]);
  return members
    .map((m) => {
      const presence = mergePresence(present.get(m.user_id), activity.get(m.user_id));
      return {
        ...m,
        conversations: handling.get(m.user_id) ?? [],
        presence,
        replies_today: replies.get(m.user_id)?.count ?? 0,
        last_reply_at: replies.get(m.user_id)?.last ?? null,
      };
    })
    .sort(
      (a, b) =>
        AVAILABILITY_ORDER[a.availability] - AVAILABILITY_ORDER[b.availability] ||
        b.load - a.load ||
        a.name.localeCompare(b.name),
    );
}

/**
 * Members with their load. The availability is the membership's; since when comes from the open
 * agent_availability_history row when it says the same (null for a member never tracked).
 */
async function loadMembers(db: Queryable, workspaceId: string) {
  const rows = await queryRows<Raw>(
    db,
    sql`select m.user_id, u.name, u.email, m.role, m.availability, m.capacity,
        case when h.availability = m.availability then h.started_at end as since,
        (select count(*) from conversations c
          where c.workspace_id = m.workspace_id and c.assignee_id = m.user_id and ${ACTIVE}) as load
      from memberships m
      join users u on u.id = m.user_id
      left join agent_availability_history h
        on h.workspace_id = m.workspace_id and h.user_id = m.user_id and h.ended_at is null
      where m.workspace_id = ${workspaceId} and m.role <> 'analyst' and u.disabled_at is null`,
  );
  return rows.map((r) => ({
    user_id: String(r.user_id),
    name: String(r.name),
    email: String(r.email),
    role: r.role as Role,
    availability: r.availability as Availability,
    availability_since: iso(r.since),
    capacity: num(r.capacity),
    load: num(r.load),
  }));
}

/** Each member's top active conversations, by the assignee index (no sort of the whole backlog). */
async function loadHandling(db: Queryable, workspaceId: string) {
  const rows = await queryRows<Raw>(
    db,
    sql`select m.user_id, x.id, x.subject, x.channel, x.status, x.priority, x.sla_state
      from memberships m
      cross join lateral (
        select c.id, c.subject, c.channel, c.status, c.priority, c.sla_state from conversations c
        where c.workspace_id = m.workspace_id and c.assignee_id = m.user_id and ${ACTIVE}
        order by array_position(array['urgent', 'high', 'normal', 'low'], c.priority),
          c.priority_score desc, c.last_message_at desc, c.id desc
        limit ${TOP_CONVERSATIONS}
      ) x
      where m.workspace_id = ${workspaceId} and m.role <> 'analyst'`,
  );
  const out = new Map<string, SupervisorConversation[]>();
  for (const r of rows) {
    const list = out.get(String(r.user_id)) ?? [];
    list.push({
      id: String(r.id),
      subject: String(r.subject),
      channel: r.channel as SupervisorConversation["channel"],
      status: r.status as SupervisorConversation["status"],
      priority: r.priority as SupervisorConversation["priority"],
      sla_state: r.sla_state as SupervisorConversation["sla_state"],
    });
    out.set(String(r.user_id), list);
  }
  return out;
}

/**
 * Replies each member sent today: outbound messages the network accepted, written by them, not
 * automated (acknowledgements and surveys are not agent replies, docs/metrics.md).
 */
async function loadReplies(db: Queryable, workspaceId: string, dayStart: Date, now: Date) {
  const rows = await queryRows<Raw>(
    db,
    sql`select m.author_user_id, count(*) as n, max(m.sent_at) as last
      from messages m
      where m.workspace_id = ${workspaceId}
        and m.sent_at >= ${dayStart.toISOString()}::timestamptz and m.sent_at <= ${now.toISOString()}::timestamptz
        and m.direction = 'outbound' and m.delivery_status = 'sent' and m.author_user_id is not null
        and coalesce(m.classification->>'automated', '') = ''
      group by m.author_user_id`,
  );
  return new Map(rows.map((r) => [String(r.author_user_id), { count: num(r.n), last: iso(r.last) }]));
}

type Seen = { conversation_id: string; subject: string; activity: ActivityKind; since: string };

/**
 * What members did in the last minute, from their `agent_activity` beats (every 15 s while active;
 * a minute of silence ends a segment): the latest kind per conversation, since the first beat seen.
 * The log is shared by every HTTP process, so this covers agents connected to other processes.
 */
async function loadActivity(db: Queryable, workspaceId: string, now: Date) {
  const rows = await queryRows<Raw>(
    db,
    sql`select e.actor_id, e.conversation_id, c.subject,
        (array_agg(e.data->>'kind' order by e.occurred_at desc))[1] as kind, min(e.occurred_at) as since
      from conversation_events e
      join conversations c on c.id = e.conversation_id and c.workspace_id = e.workspace_id
      where e.workspace_id = ${workspaceId} and e.type = 'agent_activity' and e.actor_type = 'user'
        and e.occurred_at > ${new Date(now.getTime() - ACTIVITY_IDLE_MS).toISOString()}::timestamptz
        and e.occurred_at <= ${now.toISOString()}::timestamptz
      group by e.actor_id, e.conversation_id, c.subject`,
  );
  const out = new Map<string, Seen[]>();
  for (const r of rows) {
    const user = String(r.actor_id);
    const list = out.get(user) ?? [];
    list.push({
      conversation_id: String(r.conversation_id),
      subject: String(r.subject),
      activity: (r.kind as ActivityKind | null) ?? "viewing",
      since: iso(r.since) as string,
    });
    out.set(user, list);
  }
  return out;
}

/** Who views or types where now, per member: the live channel's board, scoped to this workspace. */
async function loadPresence(
  db: Queryable,
  workspaceId: string,
  live: { occupied: () => Iterable<string>; presence: PresenceReader },
) {
  const ids = [...live.occupied()];
  const out = new Map<string, Seen[]>();
  if (ids.length === 0) return out;
  const rows = await queryRows<Raw>(
    db,
    sql`select c.id, c.subject from conversations c
      where c.workspace_id = ${workspaceId}
        and c.id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`,
  );
  const subjects = new Map(rows.map((r) => [String(r.id), String(r.subject)]));
  for (const [conversationId, viewers] of live.presence(subjects.keys()))
    for (const v of viewers) {
      const list = out.get(v.user_id) ?? [];
      list.push({
        conversation_id: conversationId,
        subject: subjects.get(conversationId) ?? "",
        activity: v.typing ? "typing" : "viewing",
        since: v.since,
      });
      out.set(v.user_id, list);
    }
  return out;
}

/**
 * One entry per conversation: typing on the live channel wins, then the latest activity beat
 * (tagging, looking something up), then plain viewing; the earliest "since" is kept. Most recent
 * first.
 */
export function mergePresence(live: Seen[] = [], beats: Seen[] = []): SupervisorPresence[] {
  const rank = (s: Seen, fromLive: boolean) =>
    s.activity === "typing" && fromLive ? 3 : s.activity === "viewing" ? 1 : 2;
  const byConversation = new Map<string, { seen: Seen; rank: number }>();
  for (const [list, fromLive] of [
    [live, true],
    [beats, false],
  ] as const)
    for (const s of list) {
      const prior = byConversation.get(s.conversation_id);
      const r = rank(s, fromLive);
      if (!prior) {
        byConversation.set(s.conversation_id, { seen: s, rank: r });
        continue;
      }
      const since = Date.parse(prior.seen.since) <= Date.parse(s.since) ? prior.seen.since : s.since;
      const winner = r > prior.rank ? s : prior.seen;
      byConversation.set(s.conversation_id, { seen: { ...winner, since }, rank: Math.max(r, prior.rank) });
    }
  return [...byConversation.values()]
    .map(({ seen }) => seen)
    .sort((a, b) => (date(b.since)?.getTime() ?? 0) - (date(a.since)?.getTime() ?? 0));
}
