/*
 * The per-day series from the rollup: each conversation on the workspace's local day it started,
 * with the backlog at the end of the day (report-backlog.ts).
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import type { DayFigures } from "./aggregate";
import type { ReportScope } from "./report-load";
import { inScope, middles, type Num, num, numOrNull, pgArray, reportQuery, share } from "./report-query";

export type DayRow = Record<string, Num> & { b: number };

/** The per-day figures but the backlog: each conversation on the workspace's local day it started. */
export async function dayFigures(db: Queryable, scope: ReportScope, starts: readonly Date[]) {
  return reportQuery<DayRow>(
    db,
    sql`select width_bucket(started_at, ${pgArray(starts.map((d) => d.toISOString()))}::timestamptz[]) as b,
        count(*) filter (where not is_spam) as conversations,
        sum(inbound_messages) filter (where not is_spam) as inbound,
        sum(responses) filter (where not is_spam) as responses,
        sum(spam_messages) as spam,
        ${sql.raw(middles())} within group (order by first_response_s) filter (where not is_spam) as frt_mid,
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
      from conversation_facts where ${inScope(scope)}
      group by 1`,
  );
}

/** The series: day `i` is bucket `i + 1` of the per-day rows, with the backlog at its end. */
export function seriesOf(dates: readonly string[], perDay: readonly DayRow[], backlogs: readonly number[]) {
  const byDay = new Map(perDay.map((r) => [Number(r.b), r]));
  return dates.map((date, i): DayFigures => {
    const d = byDay.get(i + 1);
    const mid = d?.frt_mid as unknown as Num[] | null | undefined;
    const lo = numOrNull(mid?.[0]);
    const hi = numOrNull(mid?.[1]);
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
}
