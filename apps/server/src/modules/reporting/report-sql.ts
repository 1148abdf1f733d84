/*
 * The report's figures from the rollup (conversation_facts) by SQL aggregation: the definitions of
 * aggregate.ts (docs/metrics.md), computed by the database instead of in JS. Five statements, side
 * by side where the driver allows (PostgreSQL's pool; PGlite runs them one after the other): the
 * backlog's changes from conversations started before the period (report-backlog.ts), the per-day
 * series (report-series.ts), the period's totals (report-totals.ts), its breakdowns with its own
 * changes to the backlog, and handling per agent (report-groups.ts); report-figures.ts assembles
 * them as aggregate.ts does. Each reads the period's rows straight from the table (a bitmap scan
 * of conversation_facts_started_idx): sharing them through a materialized CTE copies every row,
 * which costs more than reading it again.
 */
import type { ReportFigures } from "@parley/contracts";
import type { Queryable } from "../../platform/db";
import type { DayFigures } from "./aggregate";
import { daysOf } from "./days";
import { backlogBefore, backlogSweep, backlogsOf } from "./report-backlog";
import { figuresOf } from "./report-figures";
import { groupsQuery, usersQuery } from "./report-groups";
import type { ReportScope } from "./report-load";
import { dayFigures, seriesOf } from "./report-series";
import { totalsQuery } from "./report-totals";

/** The summary's figures and series, from the rollup. */
export async function summaryFromRollup(
  db: Queryable,
  scope: ReportScope,
  timezone: string,
  { series: withSeries = true }: { series?: boolean } = {},
): Promise<{ figures: ReportFigures; series: DayFigures[] }> {
  const days = withSeries ? daysOf(scope.from, scope.to, timezone) : [];
  const instants = [...days.map((d) => new Date(d.end.getTime() - 1)), new Date(scope.to.getTime() - 1)];
  // Never null: there is always the period's last instant.
  const sweep = backlogSweep(instants);
  if (!sweep) throw new Error("no instant to take the backlog at");
  // The older rows first: on PGlite (statements in the order asked) the period's rows, which that
  // scan reads last, are then still in the buffer cache for the statements after it.
  const [before, perDay, [totals], groups, byUser] = await Promise.all([
    backlogBefore(db, scope, sweep),
    withSeries
      ? dayFigures(
          db,
          scope,
          days.map((d) => d.start),
        )
      : Promise.resolve([]),
    totalsQuery(db, scope),
    groupsQuery(db, scope, sweep),
    usersQuery(db, scope),
  ]);
  const backlogs = backlogsOf([...before, ...groups.filter((g) => g.g === "backlog")], instants.length);
  const series = seriesOf(
    days.map((d) => d.date),
    perDay,
    backlogs,
  );
  return { figures: figuresOf({ totals: totals ?? {}, groups, byUser }, backlogs.at(-1) ?? 0), series };
}
