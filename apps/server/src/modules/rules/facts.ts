import type { RuleFacts } from "@parley/rules";
import { type Calendar, compileCalendar, isOpen } from "@parley/sla";
import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../platform/db";

/**
 * One stored customer message with what the rules may ask about it, read by the same query for
 * the live pipeline and for a dry run, so both see the same facts: message facts as of the
 * message (waiting time, whether it opened its conversation, the time of day), the conversation
 * and the customer as they are now.
 */
export interface MessageFactsRow {
  message_id: string;
  workspace_id: string;
  conversation_id: string;
  channel: string;
  visibility: string;
  kind: string;
  direction: string;
  text: string;
  language: string | null;
  sentiment: string | null;
  sentiment_score: number | null;
  intent: string | null;
  tier: string | null;
  category: string | null;
  is_complaint: boolean | null;
  is_spam: boolean;
  spam_score: number | null;
  is_offensive: boolean | null;
  sensitive: { kind: string }[] | null;
  listening: { id: string; name: string; kind: string }[] | null;
  sent_at: Date;
  status: string;
  priority: string;
  priority_score: number;
  team_id: string | null;
  assignee_id: string | null;
  tags: string[];
  c_category: string | null;
  c_language: string | null;
  message_count: number;
  created_at: Date;
  sla_state: string;
  approval_required: boolean;
  is_new: boolean;
  waiting_since: Date | null;
  followers: number | null;
  verified: boolean | null;
  influence: number | null;
  vip_tier: string | null;
  prior_posts: number | null;
  is_troll: boolean | null;
  location: string | null;
  timezone: string;
  bh_id: string | null;
  bh_timezone: string | null;
  bh_always_open: boolean | null;
  bh_weekly: Record<string, [string, string][]> | null;
  bh_holidays: string[] | null;
}

/** Customer messages (`where` filters `m`), oldest first, with their facts. */
export function loadMessageFacts(db: Queryable, where: SQL, limit: number): Promise<MessageFactsRow[]> {
  return queryRows<MessageFactsRow>(
    db,
    sql`select m.id as message_id, m.workspace_id, m.conversation_id, m.channel, m.visibility, m.kind,
          m.direction, m.text, m.language, m.sentiment, m.sentiment_score, m.intent, m.tier, m.category,
          m.is_complaint, m.is_spam, m.spam_score, m.is_offensive, m.sensitive,
          m.classification->'listening' as listening, m.sent_at,
          c.status, c.priority, c.priority_score, c.team_id, c.assignee_id, c.tags, c.category as c_category,
          c.language as c_language, c.message_count, c.created_at, c.sla_state, c.approval_required,
          not exists (select 1 from messages e where e.conversation_id = m.conversation_id
            and (e.sent_at, e.id) < (m.sent_at, m.id)) as is_new,
          (select min(w.sent_at) from messages w where w.conversation_id = m.conversation_id
            and w.direction = 'inbound' and w.sent_at <= m.sent_at
            and w.sent_at > coalesce((select max(a.sent_at) from messages a where a.conversation_id = m.conversation_id
              and a.direction = 'outbound' and a.sent_at <= m.sent_at), '-infinity')) as waiting_since,
          i.followers_count as followers, i.verified, ct.influence_score as influence, ct.vip_tier,
          ct.post_count as prior_posts, ct.is_troll, ct.location,
          ws.timezone, bh.id as bh_id, bh.timezone as bh_timezone, bh.always_open as bh_always_open,
          bh.weekly as bh_weekly, bh.holidays as bh_holidays
        from messages m
        join conversations c on c.id = m.conversation_id
        join workspaces ws on ws.id = m.workspace_id
        left join business_hours bh on bh.id = ws.business_hours_id
        left join contact_identities i on i.id = m.author_identity_id
        left join contacts ct on ct.id = i.contact_id
        where m.direction = 'inbound' and ${where}
        order by m.sent_at, m.id
        limit ${limit}`,
  );
}

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** Weekday and hour on the wall clock of a time zone. */
function wallClock(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    hour: "numeric",
    hour12: false,
  })
    .formatToParts(at)
    .reduce<Record<string, string>>((acc, p) => Object.assign(acc, { [p.type]: p.value }), {});
  const weekday = WEEKDAYS.find((d) => d === parts.weekday?.toLowerCase().slice(0, 3)) ?? null;
  return { weekday, hour: Number(parts.hour) % 24 };
}

/** Compiled business-hours calendars, reused within one run over many rows. */
export function calendarMemo() {
  const memo = new Map<string, Calendar | null>();
  return (r: MessageFactsRow): Calendar | null => {
    if (!r.bh_id) return null;
    if (!memo.has(r.bh_id)) {
      try {
        memo.set(
          r.bh_id,
          compileCalendar({
            timezone: r.bh_timezone ?? r.timezone,
            alwaysOpen: Boolean(r.bh_always_open),
            weekly: r.bh_weekly ?? {},
            holidays: r.bh_holidays ?? [],
          }),
        );
      } catch {
        // A calendar saved before validation existed: "business hours" is then unknown, not an error.
        memo.set(r.bh_id, null);
      }
    }
    return memo.get(r.bh_id) ?? null;
  };
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const date = (v: unknown) =>
  v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v));

/**
 * The rules' view of one stored message (see @parley/rules RuleFacts), as of its arrival, or as of
 * `asOf` for timers (how long the customer has been waiting now, the time of day now).
 */
export function factsOf(r: MessageFactsRow, calendar: Calendar | null, asOf?: Date): RuleFacts {
  const at = asOf ?? (date(r.sent_at) as Date);
  const waitingSince = date(r.waiting_since);
  const clock = wallClock(at, r.bh_timezone ?? r.timezone);
  const listening = r.listening ?? [];
  return {
    as_of: at,
    message: {
      channel: r.channel as never,
      visibility: r.visibility as never,
      kind: r.kind as never,
      direction: r.direction as never,
      text: r.text,
      language: r.language,
      sentiment: r.sentiment as never,
      sentiment_score: num(r.sentiment_score),
      intent: r.intent,
      tier: r.tier as never,
      category: r.category,
      is_complaint: r.is_complaint,
      is_spam: r.is_spam,
      spam_score: num(r.spam_score),
      is_offensive: r.is_offensive,
      sensitive: [...new Set((r.sensitive ?? []).map((s) => s.kind))],
      listening: listening.flatMap((l) => [l.id, l.name]),
      listening_kinds: [...new Set(listening.map((l) => l.kind))] as never,
    },
    conversation: {
      status: r.status as never,
      priority: r.priority as never,
      priority_score: num(r.priority_score),
      team_id: r.team_id,
      assignee_id: r.assignee_id,
      tags: r.tags ?? [],
      message_count: num(r.message_count),
      is_new: Boolean(r.is_new),
      waiting_seconds: waitingSince ? Math.max(0, (at.getTime() - waitingSince.getTime()) / 1000) : null,
      age_seconds: Math.max(0, (at.getTime() - (date(r.created_at) as Date).getTime()) / 1000),
      sla_state: r.sla_state as never,
    },
    customer: {
      followers: num(r.followers),
      verified: r.verified,
      influence: num(r.influence),
      vip_tier: r.vip_tier,
      prior_posts: num(r.prior_posts),
      is_troll: r.is_troll,
      location: r.location,
    },
    time: {
      business_hours_open: calendar ? isOpen(calendar, at) : null,
      weekday: clock.weekday,
      hour: clock.hour,
    },
  };
}
