/*
 * The period's breakdowns from the rollup: every grouping (channel, category, sentiment,
 * disposition, channels used, team), and handling time per agent; the grouping pass also counts
 * the period's changes to the backlog.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import type { BacklogSweep } from "./report-backlog";
import type { ReportScope } from "./report-load";
import { inScope, type Num, reportQuery } from "./report-query";

export interface GroupRow {
  /** Which grouping set the row belongs to. */
  g:
    | "channel"
    | "category"
    | "sentiment_start"
    | "sentiment_end"
    | "disposition"
    | "channels"
    | "team"
    | "backlog";
  k: string | number | null;
  /** On the backlog rows: the instant the change ends at (BacklogChange). */
  k2: number | string | null;
  n: number | string;
  inbound: Num;
  responses: Num;
  resolved: number | string;
  /** Handling, on the team rows only. */
  handled: Num;
  handling: Num;
}

export interface UserRow {
  k: string;
  n: number | string;
  total: Num;
}

/**
 * Every breakdown (channel, category, sentiment, disposition, channels used, team) of the
 * conversations started in the period, and their changes to the backlog, from one hash
 * aggregation: it counts each combination of the first six keys, handling per team, and the
 * conversations per backlog keys (report-backlog.ts); the breakdowns by those six keys then add up
 * the combinations (a few hundred rows, where grouping each conversation six ways took half again
 * as long). Only counts are added up in the second step, so every figure is the same to the bit.
 */
export function groupsQuery(db: Queryable, scope: ReportScope, sweep: BacklogSweep) {
  return reportQuery<GroupRow>(
    db,
    sql`with c as (
        select grouping(team_id) = 0 as by_team, grouping(k) = 0 as by_backlog, channel, category,
          sentiment_start, sentiment_end, disposition, used, team_id, counted, k, k2, spans,
          count(*) as n, sum(inbound_messages) as inbound, sum(responses) as responses,
          count(resolution_s) as resolved,
          count(*) filter (where handling_s > 0) as handled,
          sum(handling_s) filter (where handling_s > 0) as handling
        from (
          select channel, category, sentiment_start, sentiment_end, disposition,
            cardinality(customer_channels) as used, team_id, inbound_messages, responses,
            resolution_s, handling_s, ${sweep.reads} as counted, ${sweep.keys}
          from conversation_facts where ${inScope(scope)} and not is_spam
        ) r
        group by grouping sets ((channel, category, sentiment_start, sentiment_end, disposition, used),
          (team_id), (counted, k, k2, spans))
      )
      select 'team' as g, team_id::text as k, null::int as k2, n, inbound, responses, resolved,
        handled, handling
      from c where by_team
      union all
      select
        case when grouping(channel) = 0 then 'channel' when grouping(category) = 0 then 'category'
          when grouping(sentiment_start) = 0 then 'sentiment_start'
          when grouping(sentiment_end) = 0 then 'sentiment_end'
          when grouping(disposition) = 0 then 'disposition' else 'channels' end,
        coalesce(channel, category, sentiment_start, sentiment_end, disposition, used::text), null,
        sum(n), sum(inbound), sum(responses), sum(resolved), null, null
      from c where not by_team and not by_backlog
      group by grouping sets ((channel), (category), (sentiment_start), (sentiment_end), (disposition), (used))
      union all
      select 'backlog', k::text, k2, n, null, null, null, null, null
      from (${sweep.changes(sql`(select k, k2, spans, n from c where by_backlog and counted)`)}) b`,
  );
}

/**
 * Handling time per agent: their own seconds over the conversations they worked on. The keys come
 * from jsonb_object_keys in the select list and the seconds from ->> (the same numeric text the
 * jsonb holds, so the same float8): a third less than jsonb_each in FROM, which runs a function
 * scan with its own tuple store for every row.
 */
export function usersQuery(db: Queryable, scope: ReportScope) {
  return reportQuery<UserRow>(
    db,
    sql`select k, count(*) as n, sum((h ->> k)::float8) as total
      from (select handling_by_user as h, jsonb_object_keys(handling_by_user) as k
        from conversation_facts where ${inScope(scope)} and not is_spam and handling_s > 0) u
      group by k`,
  );
}
