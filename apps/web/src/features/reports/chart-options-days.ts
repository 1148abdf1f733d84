/* The per-day charts of the report: volumes, response times, service levels, backlog. */

import type { BarSeriesOption } from "echarts/charts";
import {
  axisTooltip,
  base,
  type ChartOption,
  type ChartTheme,
  count,
  type Day,
  dayAxis,
  dayHeader,
  line,
  valueAxis,
} from "./chart-options-theme";
import { formatSeconds, formatSecondsShort } from "./format";

/** Conversations, customer messages and responses per day. */
export function dailyVolumeOption(days: Day[], theme: ChartTheme): ChartOption {
  const { colors } = theme;
  return {
    ...base(theme, true),
    tooltip: { ...base(theme, true).tooltip, formatter: axisTooltip(dayHeader, count) },
    xAxis: dayAxis(theme, days, false),
    yAxis: valueAxis(theme),
    series: [
      line(
        "Inbound messages",
        colors.inbound,
        days.map((d) => d.inbound_messages),
      ),
      line(
        "Responses",
        colors.responses,
        days.map((d) => d.responses),
      ),
      line(
        "Conversations",
        colors.conversations,
        days.map((d) => d.conversations),
        true,
      ),
    ],
  };
}

const DURATION_STEPS = [
  1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800,
  604_800,
];

/** A tick step in whole clock units (5m, 15m, 1h, 6h, 1d…) giving about `ticks` ticks up to `max` seconds. */
export function durationInterval(max: number, ticks = 4): number | undefined {
  if (!(max > 0)) return undefined;
  const raw = max / ticks;
  return DURATION_STEPS.find((step) => step >= raw) ?? Math.ceil(raw / 604_800) * 604_800;
}

/** A duration axis ending on a whole step above `max`, so its last tick is a round "14d", not "13.9d". */
export function durationScale(max: number): { interval?: number; max?: number } {
  const interval = durationInterval(max);
  return interval ? { interval, max: Math.ceil(max / interval) * interval } : {};
}

/** Median first response and mean response time per day; a day without any shows a gap. */
export function responseTimeOption(days: Day[], theme: ChartTheme): ChartOption {
  const { colors } = theme;
  const max = Math.max(0, ...days.flatMap((d) => [d.frt_median_s ?? 0, d.art_mean_s ?? 0]));
  return {
    ...base(theme, true),
    tooltip: { ...base(theme, true).tooltip, formatter: axisTooltip(dayHeader, formatSeconds) },
    xAxis: dayAxis(theme, days, false),
    yAxis: {
      ...valueAxis(theme, formatSecondsShort),
      minInterval: undefined,
      ...durationScale(max),
    },
    series: [
      line(
        "Median first response",
        colors.median,
        days.map((d) => d.frt_median_s),
      ),
      line(
        "Average response time",
        colors.mean,
        days.map((d) => d.art_mean_s),
      ),
    ],
  };
}

/** SLA breaches and resolutions of the conversations started each day. */
export function serviceLevelOption(days: Day[], theme: ChartTheme): ChartOption {
  const { colors } = theme;
  const bar = (name: string, color: string, data: number[]): BarSeriesOption => ({
    type: "bar",
    name,
    data,
    color,
    barMaxWidth: 14,
    barGap: "20%",
    itemStyle: { borderRadius: [3, 3, 0, 0] },
  });
  return {
    ...base(theme, true),
    tooltip: {
      ...base(theme, true).tooltip,
      axisPointer: { type: "shadow", shadowStyle: { color: theme.gridLine, opacity: 0.6 } },
      formatter: axisTooltip(dayHeader, count),
    },
    xAxis: dayAxis(theme, days, true),
    yAxis: valueAxis(theme),
    series: [
      bar(
        "Resolved",
        colors.resolved,
        days.map((d) => d.resolved),
      ),
      bar(
        "SLA breached",
        colors.breached,
        days.map((d) => d.sla_breached),
      ),
    ],
  };
}

/** Conversations open at the end of each day. */
export function backlogOption(days: Day[], theme: ChartTheme): ChartOption {
  return {
    ...base(theme, false),
    tooltip: { ...base(theme, false).tooltip, formatter: axisTooltip(dayHeader, count) },
    xAxis: dayAxis(theme, days, false),
    yAxis: { ...valueAxis(theme), scale: true },
    series: [
      line(
        "Backlog",
        theme.colors.backlog,
        days.map((d) => d.backlog),
        true,
      ),
    ],
  };
}
