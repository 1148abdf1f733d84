import { Alert, Button, Loader, Menu, Paper, SimpleGrid, Skeleton, Text } from "@mantine/core";
import type { ReportMetric } from "@parley/contracts";
import {
  IconAlertCircle,
  IconCalendarOff,
  IconChartBar,
  IconChevronDown,
  IconDownload,
  IconFileSpreadsheet,
  IconJson,
} from "@tabler/icons-react";
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { errorMessage } from "../../app/api";
import { useCurrentMe } from "../../app/auth";
import { EmptyState } from "../../ui/EmptyState";
import { Page } from "../../ui/Page";
import { useNow } from "../../ui/time";
import { useTeams, useUsers } from "../settings/queries";
import { DrillDownDrawer } from "./DrillDownDrawer";
import {
  exportHref,
  filtersToSearch,
  formatRange,
  hasNarrowingFilters,
  localDate,
  PERIOD_LABELS,
  parseFilters,
  parseMetric,
  periodRangeOf,
  type ReportFilterState,
  reportQuery,
} from "./filters";
import { formatCount } from "./format";
import { KpiTiles, KpiTilesSkeleton } from "./KpiTiles";
import { useReportSummary } from "./queries";
import { ReportFilterBar } from "./ReportFilterBar";
import classes from "./reports.module.css";
import { satisfactionGroup } from "./satisfaction-tiles";
import { kpiGroups, metricCount } from "./tiles";

// ECharts is the largest library of the app: the figures show while it loads.
const ReportCharts = lazy(() => import("./ReportCharts").then((m) => ({ default: m.ReportCharts })));

function ChartsSkeleton() {
  return (
    <div className={classes.stackTight} role="status" aria-label="Loading charts">
      <Skeleton h={320} radius="lg" />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <Skeleton h={290} radius="lg" />
        <Skeleton h={290} radius="lg" />
      </SimpleGrid>
    </div>
  );
}

/** Accumulates the categories seen in the period, so choosing one keeps the others on offer. */
function useSeenCategories(categories: (string | null)[] | undefined): string[] {
  const [seen, setSeen] = useState<string[]>([]);
  useEffect(() => {
    const fresh = (categories ?? []).filter((c): c is string => c !== null);
    setSeen((prev) => {
      const missing = fresh.filter((c) => !prev.includes(c));
      return missing.length ? [...prev, ...missing] : prev;
    });
  }, [categories]);
  return seen;
}

/** The reports of the period in the URL: filters, figures, charts, drill-down and export. */
export function Reports({ description }: { description: string }) {
  const me = useCurrentMe();
  const timeZone = me.workspace.timezone;
  const [params, setParams] = useSearchParams();
  const raw = params.toString();
  const filters = useMemo(() => parseFilters(new URLSearchParams(raw)), [raw]);
  const metric = useMemo(() => parseMetric(new URLSearchParams(raw)), [raw]);
  const today = localDate(new Date(useNow(60_000)), timeZone);
  const range = useMemo(() => periodRangeOf(filters, today, timeZone), [filters, today, timeZone]);
  const query = useMemo(() => reportQuery(filters, range), [filters, range]);
  const summary = useReportSummary(query, true);
  const data = summary.data;
  const categories = useSeenCategories(data?.figures.volumes.by_category.map((c) => c.category));

  const users = useUsers();
  const teams = useTeams();
  const userNames = useMemo(
    () => new Map((users.data?.items ?? []).map((u) => [u.id, u.name])),
    [users.data],
  );
  const teamNames = useMemo(
    () => new Map((teams.data?.items ?? []).map((t) => [t.id, t.name])),
    [teams.data],
  );
  const nameOfUser = useCallback((id: string) => userNames.get(id) ?? "Former member", [userNames]);
  const nameOfTeam = useCallback(
    (id: string | null) => (id === null ? "No team" : (teamNames.get(id) ?? "Deleted team")),
    [teamNames],
  );

  const setFilters = (next: ReportFilterState) => setParams(filtersToSearch(next, params), { replace: true });
  const openDrill = (m: ReportMetric) =>
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      out.set("metric", m);
      return out;
    });
  const closeDrill = () =>
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        out.delete("metric");
        return out;
      },
      { replace: true },
    );

  const periodLabel = `${filters.period === "custom" ? "" : `${PERIOD_LABELS[filters.period]} · `}${formatRange(range)}`;
  const groups = useMemo(() => (data ? kpiGroups(data.figures) : []), [data]);
  const satisfaction = useMemo(() => (data ? [satisfactionGroup(data.satisfaction)] : []), [data]);
  const isEmpty = data && data.figures.volumes.conversations + data.figures.volumes.spam_conversations === 0;

  return (
    <Page
      title="Reports"
      description={description}
      actions={
        <Menu position="bottom-end">
          <Menu.Target>
            <Button
              variant="default"
              leftSection={<IconDownload size={15} stroke={1.8} />}
              rightSection={<IconChevronDown size={14} />}
            >
              Export
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>Every conversation of the period, with its facts</Menu.Label>
            <Menu.Item
              component="a"
              href={exportHref(query, "csv")}
              download
              leftSection={<IconFileSpreadsheet size={15} stroke={1.7} />}
            >
              CSV (spreadsheets)
            </Menu.Item>
            <Menu.Item
              component="a"
              href={exportHref(query, "json")}
              download
              leftSection={<IconJson size={15} stroke={1.7} />}
            >
              JSON
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      }
    >
      <ReportFilterBar
        filters={filters}
        range={range}
        today={today}
        categories={categories}
        onChange={setFilters}
        status={
          <>
            {summary.isFetching && data ? <Loader size={12} aria-label="Updating" /> : null}
            <Text size="xs" c="dimmed">
              Days in {timeZone.replace(/_/g, " ")} time
            </Text>
          </>
        }
      />

      {summary.error ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertCircle size={16} />}
          title="The report could not be loaded"
          mb="lg"
        >
          <Text size="sm">{errorMessage(summary.error)}</Text>
          <Button mt="sm" size="xs" variant="white" color="red" onClick={() => void summary.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : null}

      {!data ? (
        summary.isPending ? (
          <div className={classes.stack} role="status" aria-label="Loading report">
            <KpiTilesSkeleton />
            <ChartsSkeleton />
          </div>
        ) : null
      ) : isEmpty ? (
        <Paper withBorder>
          <EmptyState
            icon={
              hasNarrowingFilters(filters) ? (
                <IconChartBar size={22} stroke={1.6} />
              ) : (
                <IconCalendarOff size={22} stroke={1.6} />
              )
            }
            title="No conversations in this period"
            description={
              <>
                Nothing started {formatRange(range)}
                {hasNarrowingFilters(filters) ? " with these filters" : ""}. Pick a longer period
                {hasNarrowingFilters(filters) ? " or clear the filters" : ""}.
                {data.figures.service_levels.backlog > 0
                  ? ` ${formatCount(data.figures.service_levels.backlog)} earlier conversations were still open at its end.`
                  : ""}
              </>
            }
            action={
              data.figures.service_levels.backlog > 0 ? (
                <Button variant="light" size="xs" onClick={() => openDrill("backlog")}>
                  Show the backlog
                </Button>
              ) : undefined
            }
          />
        </Paper>
      ) : (
        <div className={classes.stack}>
          <KpiTiles groups={groups} onDrill={openDrill} />
          <KpiTiles groups={satisfaction} onDrill={openDrill} />
          <Suspense fallback={<ChartsSkeleton />}>
            <ReportCharts summary={data} nameOfUser={nameOfUser} nameOfTeam={nameOfTeam} />
          </Suspense>
        </div>
      )}

      <DrillDownDrawer
        metric={metric}
        query={query}
        periodLabel={periodLabel}
        total={metric && data ? metricCount(data.figures, metric) : null}
        timeZone={timeZone}
        nameOfUser={nameOfUser}
        onClose={closeDrill}
      />
    </Page>
  );
}
