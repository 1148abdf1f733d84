/*
 * The report's figures from the rollup (conversation_facts) by SQL aggregation: the definitions of
 * aggregate.ts (docs/metrics.md), computed by the database instead of in JS. Five statements, side
 * by side where the driver allows: the period's totals, its breakdowns (one pass of grouping sets),
 * handling per agent, the per-day series and the backlog at the end of each day. Medians
 * are exact: the two middle values (percentile_disc ascending and descending) averaged as
 * aggregate.ts's median does; sorting and shares are done here in TS as aggregate.ts does them.
 */
import type { ReportFigures } from "@parley/contracts";
import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../platform/db";
import { type DayFigures, sorted } from "./aggregate";
import { daysOf } from "./days";
import type { ReportScope } from "./report-load";

type Num = number | string | null;
const num = (v: Num | undefined): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: Num | undefined): number | null => (v === null || v === undefined ? null : Number(v));
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** A Postgres array literal, passed as one parameter. */
const pgArray = (items: readonly string[]) =>
  `{${items.map((i) => `"${i.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;

/** The filters other than the period, on conversation_facts. */
export function scopeFilter(scope: ReportScope): SQL {
  const parts: SQL[] = [sql`workspace_id = ${scope.workspaceId}`];
  if (scope.channels?.length) parts.push(sql`channel = any(${pgArray(scope.channels)}::text[])`);
  if (scope.teamId) parts.push(sql`team_id = ${scope.teamId}`);
  if (scope.category) parts.push(sql`category = ${scope.category}`);
  if (scope.agentId) parts.push(sql`agent_ids @> ${pgArray([scope.agentId])}::uuid[]`);
  return sql.join(parts, sql` and `);
}

export const inPeriod = (scope: ReportScope) => sql`started_at >= ${scope.from} and started_at < ${scope.to}`;

/**
 * count, sum, max and the two middle values of a duration column over the rows matching `where`,
 * from one sort: percentile_disc(p) is the value at position ceil(p * n), so 0.5 gives the lower
 * middle (n/2, or the middle when n is odd) and 0.5 + 0.25/n the upper one (n/2 + 1, or the middle
 * again); neither product is within 0.25 of another integer, so rounding cannot move them. `n` is
 * the count computed beforehand over the same rows (the `n` CTE).
 */
function stats(column: string, where: string, as: string): SQL {
  const f = `filter (where ${where})`;
  return sql.raw(
    `count(${column}) ${f} as ${as}_n, sum(${column}) ${f} as ${as}_sum, max(${column}) ${f} as ${as}_max, ` +
      `percentile_disc(array[0.5, 0.5 + 0.25 / greatest((select ${as} from n), 1)]) within group (order by ${column}) ${f} as ${as}_mid`,
  );
}

/** The count a median is taken over, for the `n` CTE. */
const countOf = (column: string, where: string, as: string) =>
  `count(${column}) filter (where ${where}) as ${as}`;

function timeStats(row: Record<string, Num>, as: string) {
  const count = num(row[`${as}_n`]);
  const mid = row[`${as}_mid`] as unknown as Num[] | null;
  const lo = numOrNull(mid?.[0]);
  const hi = numOrNull(mid?.[1]);
  return {
    count,
    mean_s: count ? num(row[`${as}_sum`]) / count : null,
    median_s: lo === null || hi === null ? null : (lo + hi) / 2,
    max_s: count ? numOrNull(row[`${as}_max`]) : null,
  };
}

const NS = "not is_spam";

interface Totals {
  [key: string]: Num;
}

interface GroupRow {
  /** Which grouping set the row belongs to. */
  g: "channel" | "category" | "sentiment_start" | "sentiment_end" | "disposition" | "channels" | "team";
  k: string | number | null;
  n: number | string;
  inbound: Num;
  responses: Num;
  resolved: number | string;
  handled: number | string;
  handling: Num;
}

interface Groups {
  totals: Totals;
  groups: GroupRow[];
  byUser: { k: string; n: number | string; total: Num }[];
}

/**
 * One report statement in its own transaction, planned for what it is: an aggregation over many
 * rows, whose sorts (the medians) get the memory to stay off disk, and without JIT compilation,
 * which the planner's guess at unnested span lists (100 a row) would trigger for ~0.7 s on
 * PostgreSQL while the statement itself runs in less.
 */
function reportQuery<T>(db: Queryable, query: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    return queryRows<T>(tx, query);
  });
}

const W = (scope: ReportScope) => sql`${scopeFilter(scope)} and ${inPeriod(scope)}`;

/** The totals, with the medians' middle values. */
function totalsQuery(db: Queryable, scope: ReportScope) {
  const medians: [string, string, string][] = [
    ["first_response_s", NS, "frt"],
    ["first_response_s", `${NS} and first_response_in_hours is true`, "frt_in"],
    ["first_response_s", `${NS} and first_response_in_hours is not true`, "frt_out"],
    ["queue_s", NS, "queue"],
    ["resolution_s", NS, "resolution"],
  ];
  return reportQuery<Totals>(
    db,
    sql`with f as materialized (
        select is_spam, inbound_messages, responses, spam_messages, response_count, response_sum_s,
          response_in_hours_count, response_in_hours_sum_s, first_response_s, first_response_in_hours,
          queue_s, resolution_s, first_contact_resolution, reopened, sla_first_response,
          sla_resolution, sentiment_converted, escalated
        from conversation_facts where ${W(scope)}
      ),
      n as (select ${sql.raw(medians.map((m) => countOf(...m)).join(", "))} from f)
      select
        count(*) filter (where ${sql.raw(NS)}) as conversations,
        sum(inbound_messages) filter (where ${sql.raw(NS)}) as inbound,
        sum(responses) filter (where ${sql.raw(NS)}) as responses,
        sum(spam_messages) as spam_messages,
        count(*) filter (where is_spam) as spam_conversations,
        sum(response_count) filter (where ${sql.raw(NS)}) as wait_n,
        sum(response_sum_s) filter (where ${sql.raw(NS)}) as wait_sum,
        sum(response_in_hours_count) filter (where ${sql.raw(NS)}) as wait_in_n,
        sum(response_in_hours_sum_s) filter (where ${sql.raw(NS)}) as wait_in_sum,
        ${sql.join(
          medians.map((m) => stats(...m)),
          sql`, `,
        )},
        count(*) filter (where ${sql.raw(NS)} and first_contact_resolution) as fcr,
        count(*) filter (where ${sql.raw(NS)} and reopened > 0) as reopened,
        count(*) filter (where ${sql.raw(NS)} and escalated) as escalated,
        count(*) filter (where ${sql.raw(NS)} and sla_first_response = 'met') as sla_fr_met,
        count(*) filter (where ${sql.raw(NS)} and sla_first_response = 'breached') as sla_fr_breached,
        count(*) filter (where ${sql.raw(NS)} and sla_first_response = 'pending') as sla_fr_pending,
        count(*) filter (where ${sql.raw(NS)} and sla_resolution = 'met') as sla_res_met,
        count(*) filter (where ${sql.raw(NS)} and sla_resolution = 'breached') as sla_res_breached,
        count(*) filter (where ${sql.raw(NS)} and sla_resolution = 'pending') as sla_res_pending,
        count(*) filter (where ${sql.raw(NS)} and sentiment_converted is not null) as negative_start,
        count(*) filter (where ${sql.raw(NS)} and sentiment_converted) as converted
      from f`,
  );
}

/** Every breakdown (channel, category, sentiment, disposition, channels used, team) in one pass. */
function groupsQuery(db: Queryable, scope: ReportScope) {
  return reportQuery<GroupRow>(
    db,
    sql`select
        case when grouping(channel) = 0 then 'channel' when grouping(category) = 0 then 'category'
          when grouping(sentiment_start) = 0 then 'sentiment_start'
          when grouping(sentiment_end) = 0 then 'sentiment_end'
          when grouping(disposition) = 0 then 'disposition'
          when grouping(cardinality(customer_channels)) = 0 then 'channels' else 'team' end as g,
        coalesce(channel, category, sentiment_start, sentiment_end, disposition,
          cardinality(customer_channels)::text, team_id::text) as k,
        count(*) as n, sum(inbound_messages) as inbound, sum(responses) as responses,
        count(*) filter (where resolution_s is not null) as resolved,
        count(*) filter (where handling_s > 0) as handled,
        sum(handling_s) filter (where handling_s > 0) as handling
      from conversation_facts where ${W(scope)} and not is_spam
      group by grouping sets ((channel), (category), (sentiment_start), (sentiment_end), (disposition),
        (cardinality(customer_channels)), (team_id))`,
  );
}

/** Handling time per agent: their own seconds over the conversations they worked on. */
function usersQuery(db: Queryable, scope: ReportScope) {
  return reportQuery<{ k: string; n: number | string; total: Num }>(
    db,
    sql`select h.key as k, count(*) as n, sum(h.value::float8) as total
      from conversation_facts f, jsonb_each(f.handling_by_user) h
      where ${W(scope)} and not is_spam and handling_s > 0 group by h.key`,
  );
}

/** Every figure but the backlog, for the conversations started in the period: three statements side by side. */
async function periodFigures(db: Queryable, scope: ReportScope): Promise<Groups> {
  const [[totals], groups, byUser] = await Promise.all([
    totalsQuery(db, scope),
    groupsQuery(db, scope),
    usersQuery(db, scope),
  ]);
  return { totals: totals ?? {}, groups, byUser };
}

/** The per-day figures but the backlog: each conversation on the workspace's local day it started. */
async function dayFigures(db: Queryable, scope: ReportScope, starts: readonly Date[]) {
  return reportQuery<Record<string, Num> & { b: number }>(
    db,
    sql`select width_bucket(started_at, ${pgArray(starts.map((d) => d.toISOString()))}::timestamptz[]) as b,
        count(*) filter (where not is_spam) as conversations,
        sum(inbound_messages) filter (where not is_spam) as inbound,
        sum(responses) filter (where not is_spam) as responses,
        sum(spam_messages) as spam,
        percentile_disc(0.5) within group (order by first_response_s) filter (where not is_spam) as frt_lo,
        percentile_disc(0.5) within group (order by first_response_s desc) filter (where not is_spam) as frt_hi,
        sum(first_response_s) filter (where not is_spam) as frt_sum,
        count(first_response_s) filter (where not is_spam) as frt_n,
        sum(response_sum_s) filter (where not is_spam) as wait_sum,
        sum(response_count) filter (where not is_spam) as wait_n,
        count(*) filter (where not is_spam and resolved_at is not null) as resolved,
        count(*) filter (where not is_spam
          and (sla_first_response = 'breached' or sla_resolution = 'breached')) as breached,
        sum((sla_first_response = 'met')::int + (sla_resolution = 'met')::int)
          filter (where not is_spam) as sla_met,
        sum((sla_first_response in ('met', 'breached'))::int + (sla_resolution in ('met', 'breached'))::int)
          filter (where not is_spam) as sla_due
      from conversation_facts where ${scopeFilter(scope)} and ${inPeriod(scope)}
      group by 1`,
  );
}

/**
 * Conversations open at each instant (ascending), whenever they started: a sweep of +1 at the
 * start and at the end of each not-open span, -1 at its beginning, summed per instant. Rows that
 * were done for good before the first instant add nothing and are not read.
 */
export async function backlogsAt(db: Queryable, scope: ReportScope, instants: readonly Date[]) {
  const first = instants[0];
  const last = instants.at(-1);
  if (!first || !last) return [];
  // A change at `at` counts at instant t when at <= t, i.e. at < t + 1 ms (instants are whole ms).
  const ends = pgArray(instants.map((t) => new Date(t.getTime() + 1).toISOString()));
  const bucket = (at: string) => sql`width_bucket(${sql.raw(at)}, ${ends}::timestamptz[])`;
  // The last span of a conversation done for good is [last_closed_at, open): its -1 is read from
  // the column; only spans that ended (a reopen) need the list unnested.
  const query = sql`with c as materialized (
        select started_at, last_closed_at, not_open_spans from conversation_facts
        where ${scopeFilter(scope)} and not is_spam and started_at <= ${last}
          and (last_closed_at is null or last_closed_at > ${first} or started_at > ${first})
      )
      select k, sum(d) as d from (
        select ${bucket("started_at")} as k, count(*) as d from c group by 1
        union all
        select ${bucket("last_closed_at")}, -count(*) from c where last_closed_at is not null group by 1
        union all
        select ${bucket("v.at")}, sum(v.d) from c
          cross join lateral jsonb_array_elements(c.not_open_spans) s
          cross join lateral (values ((s ->> 'from')::timestamptz, -1), ((s ->> 'to')::timestamptz, 1)) v(at, d)
          where jsonb_array_length(c.not_open_spans) > (case when c.last_closed_at is null then 0 else 1 end)
            and s ->> 'to' is not null
          group by 1
      ) parts group by k`;
  const rows = await reportQuery<{ k: number; d: Num }>(db, query);
  const byBucket = new Map(rows.map((r) => [Number(r.k), num(r.d)]));
  const out: number[] = [];
  let open = 0;
  for (let i = 0; i < instants.length; i++) {
    open += byBucket.get(i) ?? 0;
    out.push(open);
  }
  return out;
}

/** The summary's figures and series, from the rollup. */
export async function summaryFromRollup(
  db: Queryable,
  scope: ReportScope,
  timezone: string,
  { series: withSeries = true }: { series?: boolean } = {},
): Promise<{ figures: ReportFigures; series: DayFigures[] }> {
  const days = withSeries ? daysOf(scope.from, scope.to, timezone) : [];
  const instants = [...days.map((d) => new Date(d.end.getTime() - 1)), new Date(scope.to.getTime() - 1)];
  const [period, perDay, backlogs] = await Promise.all([
    periodFigures(db, scope),
    withSeries
      ? dayFigures(
          db,
          scope,
          days.map((d) => d.start),
        )
      : Promise.resolve([]),
    backlogsAt(db, scope, instants),
  ]);
  const byDay = new Map(perDay.map((r) => [Number(r.b), r]));
  const series: DayFigures[] = days.map(({ date }, i) => {
    const d = byDay.get(i + 1);
    const lo = numOrNull(d?.frt_lo);
    const hi = numOrNull(d?.frt_hi);
    const waitN = num(d?.wait_n);
    const frtN = num(d?.frt_n);
    return {
      date,
      conversations: num(d?.conversations),
      inbound_messages: num(d?.inbound),
      responses: num(d?.responses),
      spam_messages: num(d?.spam),
      frt_median_s: lo === null || hi === null ? null : (lo + hi) / 2,
      frt_mean_s: frtN ? num(d?.frt_sum) / frtN : null,
      art_mean_s: waitN ? num(d?.wait_sum) / waitN : null,
      resolved: num(d?.resolved),
      sla_breached: num(d?.breached),
      sla_met_share: share(num(d?.sla_met), num(d?.sla_due)),
      backlog: backlogs[i] ?? 0,
    };
  });
  return { figures: figuresOf(period, backlogs.at(-1) ?? 0), series };
}

/** One grouping set's rows as a map of key → value, rows whose value is 0 left out. */
function groupOf<V>(g: Groups, set: GroupRow["g"], value: (r: GroupRow) => V, keep = (_r: GroupRow) => true) {
  return new Map(g.groups.filter((r) => r.g === set && keep(r)).map((r) => [r.k, value(r)]));
}

function figuresOf(g: Groups, backlog: number): ReportFigures {
  const t = g.totals;
  const conversations = num(t.conversations);
  const inbound = num(t.inbound);
  const spamMessages = num(t.spam_messages);
  const waits = { sum: num(t.wait_sum), count: num(t.wait_n) };
  const inHours = { sum: num(t.wait_in_sum), count: num(t.wait_in_n) };
  const outWaits = { sum: waits.sum - inHours.sum, count: waits.count - inHours.count };
  const meanOf = (w: { sum: number; count: number }) => ({
    count: w.count,
    mean_s: w.count ? w.sum / w.count : null,
  });
  const resolved = num(t.resolution_n);
  const fcr = num(t.fcr);
  const channels = new Map(
    [
      ...groupOf(
        g,
        "channels",
        (r) => Number(r.resolved),
        (r) => Number(r.resolved) > 0,
      ),
    ].map(([k, n]) => [Number(k), n] as [number, number]),
  );
  const attainment = (met: number, breached: number, pending: number) => ({
    met,
    breached,
    pending,
    attainment: share(met, met + breached),
  });
  const nonNull = (r: GroupRow) => r.k !== null;
  const sentimentStart = groupOf(g, "sentiment_start", (r) => Number(r.n), nonNull) as Map<string, number>;
  const negativeStart = num(t.negative_start);
  const converted = num(t.converted);
  return {
    volumes: {
      conversations,
      inbound_messages: inbound,
      responses: num(t.responses),
      spam_messages: spamMessages,
      spam_conversations: num(t.spam_conversations),
      spam_share: share(spamMessages, spamMessages + inbound),
      by_channel: sorted(
        groupOf(g, "channel", (r) => ({
          conversations: Number(r.n),
          inbound_messages: num(r.inbound),
          responses: num(r.responses),
        })) as Map<string, { conversations: number; inbound_messages: number; responses: number }>,
      ).map(([channel, v]) => ({ channel, ...v })),
      by_category: sorted(
        groupOf(g, "category", (r) => ({
          conversations: Number(r.n),
          inbound_messages: num(r.inbound),
        })) as Map<string | null, { conversations: number; inbound_messages: number }>,
      ).map(([category, v]) => ({ category, ...v })),
    },
    response_times: {
      first_response: {
        ...timeStats(t, "frt"),
        in_hours: timeStats(t, "frt_in"),
        out_of_hours: timeStats(t, "frt_out"),
      },
      average_response: { ...meanOf(waits), in_hours: meanOf(inHours), out_of_hours: meanOf(outWaits) },
    },
    handling: handlingOf(g),
    sentiment: {
      rated: [...sentimentStart.values()].reduce((a, b) => a + b, 0),
      start: Object.fromEntries(sorted(sentimentStart)),
      end: Object.fromEntries(
        sorted(groupOf(g, "sentiment_end", (r) => Number(r.n), nonNull) as Map<string, number>),
      ),
      negative_start: negativeStart,
      converted,
      conversion_rate: share(converted, negativeStart),
    },
    service_levels: {
      sla_first_response: attainment(num(t.sla_fr_met), num(t.sla_fr_breached), num(t.sla_fr_pending)),
      sla_resolution: attainment(num(t.sla_res_met), num(t.sla_res_breached), num(t.sla_res_pending)),
      queue: timeStats(t, "queue"),
      resolution: timeStats(t, "resolution"),
      resolved,
      resolution_rate: share(resolved, conversations),
      first_contact_resolution: fcr,
      first_contact_resolution_rate: share(fcr, resolved),
      reopened: num(t.reopened),
      escalated: num(t.escalated),
      channels_to_resolution: {
        mean: resolved ? [...channels].reduce((a, [n, k]) => a + Number(n) * k, 0) / resolved : null,
        distribution: Object.fromEntries(sorted(channels).map(([n, k]) => [String(n), k])),
      },
      backlog,
    },
    dispositions: [...(groupOf(g, "disposition", (r) => Number(r.n)) as Map<string, number>)]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .map(([disposition, conversations]) => ({ disposition, conversations })),
  };
}

function handlingOf(g: Groups): ReportFigures["handling"] {
  const withAverage = (v: { conversations: number; total_s: number }) => ({
    ...v,
    average_s: v.conversations ? v.total_s / v.conversations : null,
  });
  const teams = groupOf(
    g,
    "team",
    (r) => ({ conversations: Number(r.handled), total_s: num(r.handling) }),
    (r) => Number(r.handled) > 0,
  ) as Map<string | null, { conversations: number; total_s: number }>;
  const users = new Map(g.byUser.map((r) => [r.k, { conversations: Number(r.n), total_s: num(r.total) }]));
  const all = [...teams.values()].reduce(
    (a, v) => ({ conversations: a.conversations + v.conversations, total_s: a.total_s + v.total_s }),
    { conversations: 0, total_s: 0 },
  );
  return {
    ...withAverage(all),
    by_agent: sorted(users).map(([user_id, v]) => ({ user_id, ...withAverage(v) })),
    by_team: sorted(teams).map(([team_id, v]) => ({ team_id, ...withAverage(v) })),
  };
}
