/*
 * The backlog at each instant (the end of each day, and of the period): conversations open then,
 * whenever they started. A sweep of +1 at a conversation's start and at the end of each not-open
 * span, -1 at the span's beginning, summed per instant; the last span of a conversation done for
 * good is [last_closed_at, open), so its -1 is read from the column and only spans that ended (a
 * reopen) need the list unnested. Rows started in the period are counted by the period's grouping
 * pass (report-groups.ts), as one more grouping set; those started before it by `backlogBefore`.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import type { ReportScope } from "./report-load";
import { type Num, num, pgArray, reportQuery, scopeFilter } from "./report-query";

/** A change to the backlog: `n` conversations more from instant `k` on, fewer from `k2` on. */
export interface BacklogChange {
  k: number | string | null;
  k2: number | string | null;
  n: Num;
}

export interface BacklogSweep {
  /** The rows that change the backlog: not done for good before the first instant. */
  reads: SQL;
  /** A row's keys: the instant its start counts at, that of its final close, its ended spans. */
  keys: SQL;
  /** The changes from rows grouped by those keys (`rows`: k, k2, spans and their count n). */
  changes(rows: SQL): SQL;
}

/** How the backlog's statements count conversations at `instants` (ascending, whole ms). */
export function backlogSweep(instants: readonly Date[]): BacklogSweep | null {
  const first = instants[0];
  const last = instants.at(-1);
  if (!first || !last) return null;
  // A change at `at` counts at instant i when at <= t_i, i.e. at < t_i + 1 ms: instant
  // width_bucket(at, ends) on.
  const ends = pgArray(instants.map((t) => new Date(t.getTime() + 1).toISOString()));
  const bucket = (at: SQL) => sql`width_bucket(${at}, ${ends}::timestamptz[])`;
  return {
    reads: sql`(started_at <= ${last}
      and (last_closed_at is null or last_closed_at > ${first} or started_at > ${first}))`,
    keys: sql`${bucket(sql`started_at`)} as k, ${bucket(sql`last_closed_at`)} as k2,
      case when jsonb_array_length(not_open_spans) > (case when last_closed_at is null then 0 else 1 end)
        then not_open_spans end as spans`,
    changes: (rows) => sql`select k, k2, sum(n) as n from ${rows} r group by 1, 2
      union all
      select ${bucket(sql`(s ->> 'to')::timestamptz`)}, ${bucket(sql`(s ->> 'from')::timestamptz`)}, sum(r.n)
      from ${rows} r cross join lateral jsonb_array_elements(r.spans) s
      where r.spans is not null and s ->> 'to' is not null group by 1, 2`,
  };
}

/** The backlog's changes from the conversations started before the period. */
export function backlogBefore(db: Queryable, scope: ReportScope, sweep: BacklogSweep) {
  return reportQuery<BacklogChange>(
    db,
    sql`with g as materialized (
        select k, k2, spans, count(*) as n from (
          select ${sweep.keys} from conversation_facts
          where ${scopeFilter(scope)} and not is_spam and started_at < ${scope.from} and ${sweep.reads}
        ) r group by 1, 2, 3
      )
      ${sweep.changes(sql`g`)}`,
  );
}

/** The backlog at each of `count` instants, from its changes. */
export function backlogsOf(changes: readonly BacklogChange[], count: number): number[] {
  const deltas = new Map<number, number>();
  const add = (k: number, d: number) => deltas.set(k, (deltas.get(k) ?? 0) + d);
  for (const c of changes) {
    // k is never null (a start, a span's end); k2 is for a conversation not done for good.
    if (c.k !== null) add(Number(c.k), num(c.n));
    if (c.k2 !== null) add(Number(c.k2), -num(c.n));
  }
  const out: number[] = [];
  let open = 0;
  for (let i = 0; i < count; i++) {
    open += deltas.get(i) ?? 0;
    out.push(open);
  }
  return out;
}
