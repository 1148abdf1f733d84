import { Paper, SimpleGrid, Text, useComputedColorScheme, useMantineTheme } from "@mantine/core";
import type { Channel, ReportSummary } from "@parley/contracts";
import { type ReactNode, useMemo } from "react";
import { CHANNEL_META } from "../../ui/channels";
import {
  backlogOption,
  type ChartOption,
  categoryOption,
  channelOption,
  chartTheme,
  dailyVolumeOption,
  dispositionOption,
  occupancyOption,
  responseTimeOption,
  sentimentOption,
  serviceLevelOption,
} from "./chart-options";
import { EChart } from "./EChart";
import { formatCount, formatPercent } from "./format";
import { HandlingTable } from "./HandlingTable";
import classes from "./reports.module.css";

interface ChartPanelProps {
  title: string;
  description?: ReactNode;
  option: ChartOption | null;
  height: number;
  /** Shown instead of the chart when there is nothing to draw. */
  empty: string;
}

function ChartPanel({ title, description, option, height, empty }: ChartPanelProps) {
  return (
    <Paper withBorder className={classes.panel} component="section" aria-label={title}>
      <Text component="h3" className={classes.panelTitle}>
        {title}
      </Text>
      {description ? (
        <Text size="xs" c="dimmed" mt={2}>
          {description}
        </Text>
      ) : null}
      <div className={classes.chart}>
        {option ? (
          <EChart option={option} height={height} label={title} />
        ) : (
          <Text size="sm" c="dimmed" ta="center" className={classes.chartEmpty} style={{ height }}>
            {empty}
          </Text>
        )}
      </div>
    </Paper>
  );
}

/** Bars grow with their rows (a 12 px bar per measure and a gap), within bounds, so labels never squeeze. */
const barsHeight = (rows: number, measures: number) =>
  Math.min(440, Math.max(150, rows * (measures * 12 + 16) + (measures > 1 ? 36 : 0) + 32));

interface ReportChartsProps {
  summary: ReportSummary;
  nameOfUser: (id: string) => string;
  nameOfTeam: (id: string | null) => string;
}

/** Every chart of the report, themed with the colour scheme; loaded on demand with ECharts. */
export function ReportCharts({ summary, nameOfUser, nameOfTeam }: ReportChartsProps) {
  const scheme = useComputedColorScheme("light");
  const { fontFamily } = useMantineTheme();
  const theme = useMemo(() => chartTheme(scheme, fontFamily), [scheme, fontFamily]);
  const { figures: f, series, occupancy } = summary;

  const options = useMemo(() => {
    const hasTimes = series.some((d) => d.frt_median_s !== null || d.art_mean_s !== null);
    const sentimentRated = Object.values(f.sentiment.start).some((n) => n > 0);
    const staffed = occupancy.filter((o) => o.occupancy !== null);
    return {
      volume: dailyVolumeOption(series, theme),
      times: hasTimes ? responseTimeOption(series, theme) : null,
      service: serviceLevelOption(series, theme),
      backlog: backlogOption(series, theme),
      channel: f.volumes.by_channel.length
        ? channelOption(f.volumes.by_channel, (c) => CHANNEL_META[c as Channel]?.label ?? c, theme)
        : null,
      category: f.volumes.by_category.length ? categoryOption(f.volumes.by_category, theme) : null,
      sentiment: sentimentRated ? sentimentOption(f.sentiment, theme) : null,
      occupancy: staffed.length ? occupancyOption(staffed, nameOfUser, theme) : null,
      dispositions: f.dispositions.length ? dispositionOption(f.dispositions, theme) : null,
    };
  }, [f, series, occupancy, theme, nameOfUser]);

  const staffedCount = occupancy.filter((o) => o.occupancy !== null).length;
  // Panels side by side get one height, so the pair lines up.
  const breakdownHeight = Math.max(
    barsHeight(f.volumes.by_channel.length, 3),
    barsHeight(f.volumes.by_category.length, 2),
  );
  const outcomeHeight = Math.max(150, barsHeight(f.dispositions.length, 1));

  return (
    <div className={classes.stack}>
      <section aria-label="Trends">
        <Text component="h2" className={classes.sectionTitle}>
          Trends
        </Text>
        <div className={classes.stackTight}>
          <ChartPanel
            title="Daily volume"
            description="Conversations started each day, with their customer messages and responses."
            option={options.volume}
            height={260}
            empty="No conversations in this period."
          />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <ChartPanel
              title="Response times per day"
              description="Median first response and average response time of each day's conversations."
              option={options.times}
              height={220}
              empty="No responses in this period."
            />
            <ChartPanel
              title="Resolutions and SLA breaches per day"
              description="Of the conversations started each day."
              option={options.service}
              height={220}
              empty="No conversations in this period."
            />
          </SimpleGrid>
          <ChartPanel
            title="Backlog"
            description="Conversations open at the end of each day, including those started earlier."
            option={options.backlog}
            height={180}
            empty="No conversations in this period."
          />
        </div>
      </section>

      <section aria-label="Breakdown">
        <Text component="h2" className={classes.sectionTitle}>
          Breakdown
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <ChartPanel
            title="By channel"
            description="The channel each conversation started in."
            option={options.channel}
            height={breakdownHeight}
            empty="No conversations in this period."
          />
          <ChartPanel
            title="By category"
            description="Set by rules or the triage model."
            option={options.category}
            height={breakdownHeight}
            empty="No conversations in this period."
          />
          <ChartPanel
            title="Sentiment"
            description={`First vs last rated customer message · ${formatPercent(f.sentiment.conversion_rate)} of ${formatCount(f.sentiment.negative_start)} negative starts converted.`}
            option={options.sentiment}
            height={outcomeHeight}
            empty="No customer message has a sentiment yet."
          />
          <ChartPanel
            title="Dispositions"
            description="Each conversation's outcome: an agent's disposition tag, else its state."
            option={options.dispositions}
            height={outcomeHeight}
            empty="No conversations in this period."
          />
        </SimpleGrid>
      </section>

      <section aria-label="Agents and teams">
        <Text component="h2" className={classes.sectionTitle}>
          Agents and teams
        </Text>
        <div className={classes.stackTight}>
          <HandlingTable handling={f.handling} nameOfUser={nameOfUser} nameOfTeam={nameOfTeam} />
          <ChartPanel
            title="Occupancy"
            description="Handling time over staffed (available or busy) time, by when the work happened; above 100% when an agent works several conversations at once."
            option={options.occupancy}
            height={barsHeight(staffedCount, 1)}
            empty="No agent was staffed in this period: occupancy needs availability history."
          />
        </div>
      </section>
    </div>
  );
}
