/*
 * The period's totals from the rollup: volumes, response times with exact medians, service levels
 * and sentiment, in one pass over the period's facts. Medians are exact: the two middle values
 * (`middles`) averaged as aggregate.ts's median does.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import type { ReportScope } from "./report-load";
import { inScope, middles, type Num, num, numOrNull, reportQuery } from "./report-query";

export interface Totals {
  [key: string]: Num;
}

/**
 * count, sum, the two middle values and the maximum of a duration column over the rows matching
 * `where`: the maximum from the medians' sort, which costs less than a max() beside it.
 */
function stats(column: string, where: string, as: string): SQL {
  const f = `filter (where ${where})`;
  return sql.raw(
    `count(${column}) ${f} as ${as}_n, sum(${column}) ${f} as ${as}_sum, ` +
      `${middles("1")} within group (order by ${column}) ${f} as ${as}_mid`,
  );
}

/** A duration's count, mean, median and maximum from the columns `stats` named `as`. */
export function timeStats(row: Totals, as: string) {
  const count = num(row[`${as}_n`]);
  const mid = row[`${as}_mid`] as unknown as Num[] | null;
  const lo = numOrNull(mid?.[0]);
  const hi = numOrNull(mid?.[1]);
  return {
    count,
    mean_s: count ? num(row[`${as}_sum`]) / count : null,
    median_s: lo === null || hi === null ? null : (lo + hi) / 2,
    max_s: count ? numOrNull(mid?.[2]) : null,
  };
}

const NS = "not is_spam";

/** The totals of the conversations started in the period, with the medians' middle values: one row. */
export function totalsQuery(db: Queryable, scope: ReportScope) {
  const medians: [string, string, string][] = [
    ["first_response_s", NS, "frt"],
    ["first_response_s", `${NS} and first_response_in_hours is true`, "frt_in"],
    ["first_response_s", `${NS} and first_response_in_hours is not true`, "frt_out"],
    ["queue_s", NS, "queue"],
    ["resolution_s", NS, "resolution"],
  ];
  return reportQuery<Totals>(
    db,
    sql`select
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
      from conversation_facts where ${inScope(scope)}`,
  );
}
