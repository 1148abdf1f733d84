import type { ReportFigures, ReportSummary } from "@parley/contracts";
import dayjs from "dayjs";
import utc from "dayjs/plugin/utc";
import type { BarSeriesOption, LineSeriesOption } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import { formatCount, formatPercent, formatSeconds, formatSecondsShort } from "./format";

dayjs.extend(utc);

/*
 * The report's data → ECharts options. Pure, so they are tested without a canvas; the colours come
 * from a light or dark chart theme matching the app's. No titles, toolboxes or 3D: the panel
 * around each chart names it, the tooltip gives exact figures.
 */

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

type Day = ReportSummary["series"][number];

export interface ChartTheme {
  /** The app's font: ECharts measures labels with it, so it must be a real font list, not "inherit". */
  fontFamily: string;
  text: string;
  muted: string;
  gridLine: string;
  axisLine: string;
  tooltipBackground: string;
  tooltipBorder: string;
  tooltipText: string;
  colors: {
    conversations: string;
    inbound: string;
    responses: string;
    median: string;
    mean: string;
    breached: string;
    resolved: string;
    backlog: string;
    negative: string;
    neutral: string;
    positive: string;
    bar: string;
  };
}

/** Mantine's palette of the app theme (accent indigo, slate greys), per colour scheme. */
export function chartTheme(scheme: "light" | "dark", fontFamily = "sans-serif"): ChartTheme {
  const dark = scheme === "dark";
  return {
    fontFamily,
    text: dark ? "#c9c9c9" : "#2e343e",
    muted: dark ? "#8a929f" : "#5f6877",
    gridLine: dark ? "#2e2e2e" : "#eef0f3",
    axisLine: dark ? "#424242" : "#d8dce3",
    tooltipBackground: dark ? "#242424" : "#ffffff",
    tooltipBorder: dark ? "#424242" : "#e6e9ee",
    tooltipText: dark ? "#c9c9c9" : "#2e343e",
    colors: {
      conversations: dark ? "#7a85e4" : "#5b67de",
      inbound: dark ? "#3bc9db" : "#1098ad",
      responses: dark ? "#ffa94d" : "#f08c00",
      median: dark ? "#7a85e4" : "#5b67de",
      mean: dark ? "#ffa94d" : "#f08c00",
      breached: dark ? "#ff8787" : "#e03131",
      resolved: dark ? "#69db7c" : "#2f9e44",
      backlog: dark ? "#b8bfc9" : "#687180",
      negative: dark ? "#ff8787" : "#e03131",
      neutral: dark ? "#8a929f" : "#b8bfc9",
      positive: dark ? "#69db7c" : "#2f9e44",
      bar: dark ? "#7a85e4" : "#5b67de",
    },
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface TooltipParam {
  marker?: unknown;
  seriesName?: string;
  name?: string;
  value?: unknown;
  axisValue?: unknown;
}

/** An axis tooltip: a header line, then one row per series with its formatted value. */
export function axisTooltip(
  header: (axisValue: string) => string,
  format: (value: number | null) => string,
): (params: unknown) => string {
  return (params) => {
    const list = (Array.isArray(params) ? params : [params]) as TooltipParam[];
    const head = escapeHtml(header(String(list[0]?.axisValue ?? list[0]?.name ?? "")));
    const rows = list.map((p) => {
      const raw = Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value;
      const value = typeof raw === "number" ? raw : null;
      return `<div style="display:flex;justify-content:space-between;gap:16px"><span>${String(p.marker ?? "")}${escapeHtml(p.seriesName ?? "")}</span><b>${escapeHtml(format(value))}</b></div>`;
    });
    return `<div style="font-weight:600;margin-bottom:4px">${head}</div>${rows.join("")}`;
  };
}

const dayLabel = (date: string) => dayjs.utc(date).format("D MMM");
const dayHeader = (date: string) => dayjs.utc(date).format("ddd D MMM YYYY");
const count = (v: number | null) => formatCount(v);

function base(theme: ChartTheme, withLegend: boolean): ChartOption {
  return {
    animationDuration: 300,
    textStyle: { fontFamily: theme.fontFamily, color: theme.text },
    grid: { left: 8, right: 16, top: withLegend ? 36 : 12, bottom: 4, containLabel: true },
    legend: withLegend
      ? {
          top: 0,
          left: 0,
          icon: "roundRect",
          itemWidth: 10,
          itemHeight: 10,
          itemGap: 16,
          textStyle: { color: theme.muted, fontSize: 12 },
        }
      : { show: false },
    tooltip: {
      trigger: "axis",
      backgroundColor: theme.tooltipBackground,
      borderColor: theme.tooltipBorder,
      textStyle: { color: theme.tooltipText, fontSize: 12 },
      extraCssText: "box-shadow: 0 4px 12px -2px rgba(16,24,40,.12); border-radius: 7px;",
      axisPointer: { type: "line", lineStyle: { color: theme.axisLine } },
    },
  };
}

function dayAxis(theme: ChartTheme, days: Day[], boundaryGap: boolean) {
  return {
    type: "category" as const,
    data: days.map((d) => d.date),
    boundaryGap,
    axisLine: { lineStyle: { color: theme.axisLine } },
    axisTick: { show: false },
    axisLabel: { color: theme.muted, fontSize: 11, formatter: dayLabel, hideOverlap: true },
  };
}

function valueAxis(theme: ChartTheme, formatter?: (v: number) => string) {
  return {
    type: "value" as const,
    minInterval: 1,
    splitNumber: 4,
    axisLabel: { color: theme.muted, fontSize: 11, ...(formatter ? { formatter } : {}) },
    splitLine: { lineStyle: { color: theme.gridLine } },
  };
}

function line(name: string, color: string, data: (number | null)[], area = false): LineSeriesOption {
  return {
    type: "line",
    name,
    data,
    color,
    symbol: "circle",
    symbolSize: 5,
    showSymbol: data.length <= 31,
    lineStyle: { width: 2 },
    ...(area ? { areaStyle: { opacity: 0.08 } } : {}),
    emphasis: { focus: "series" },
  };
}

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

interface BarRow {
  label: string;
  values: number[];
}

/**
 * Horizontal bars, one row per item (the largest first, at the top), one series per measure.
 * `format` labels the value axis and the tooltip.
 */
export function rankedBarsOption(
  rows: BarRow[],
  measures: { name: string; color: string }[],
  theme: ChartTheme,
  format: (value: number | null) => string = count,
): ChartOption {
  const ordered = [...rows].sort((a, b) => (b.values[0] ?? 0) - (a.values[0] ?? 0)).reverse();
  const withLegend = measures.length > 1;
  return {
    ...base(theme, withLegend),
    tooltip: {
      ...base(theme, withLegend).tooltip,
      axisPointer: { type: "shadow", shadowStyle: { color: theme.gridLine, opacity: 0.6 } },
      formatter: axisTooltip((label) => label, format),
    },
    xAxis: {
      ...valueAxis(theme, (v: number) => format(v)),
      minInterval: format === count ? 1 : undefined,
    },
    yAxis: {
      type: "category",
      data: ordered.map((r) => r.label),
      axisLine: { lineStyle: { color: theme.axisLine } },
      axisTick: { show: false },
      axisLabel: { color: theme.text, fontSize: 12, width: 140, overflow: "truncate" },
    },
    series: measures.map(
      (m, i): BarSeriesOption => ({
        type: "bar",
        name: m.name,
        color: m.color,
        data: ordered.map((r) => r.values[i] ?? 0),
        barMaxWidth: 14,
        barGap: "25%",
        itemStyle: { borderRadius: [0, 3, 3, 0] },
      }),
    ),
  };
}

/** Conversations, customer messages and responses per channel. */
export function channelOption(
  byChannel: ReportFigures["volumes"]["by_channel"],
  labelOf: (channel: string) => string,
  theme: ChartTheme,
): ChartOption {
  const { colors } = theme;
  return rankedBarsOption(
    byChannel.map((c) => ({
      label: labelOf(c.channel),
      values: [c.conversations, c.inbound_messages, c.responses],
    })),
    [
      { name: "Conversations", color: colors.conversations },
      { name: "Inbound messages", color: colors.inbound },
      { name: "Responses", color: colors.responses },
    ],
    theme,
  );
}

export const UNCATEGORISED = "Not categorised";

/** Title case for a category key: "billing_issue" → "Billing issue". */
export function categoryLabel(category: string | null): string {
  if (category === null) return UNCATEGORISED;
  const words = category.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Conversations and customer messages per category, the uncategorised included. */
export function categoryOption(
  byCategory: ReportFigures["volumes"]["by_category"],
  theme: ChartTheme,
): ChartOption {
  const { colors } = theme;
  return rankedBarsOption(
    byCategory.map((c) => ({
      label: categoryLabel(c.category),
      values: [c.conversations, c.inbound_messages],
    })),
    [
      { name: "Conversations", color: colors.conversations },
      { name: "Inbound messages", color: colors.inbound },
    ],
    theme,
  );
}

const SENTIMENTS = [
  ["negative", "Negative"],
  ["neutral", "Neutral"],
  ["positive", "Positive"],
] as const;

/** Sentiment of the first and the last rated customer message, as two stacked 100% bars. */
export function sentimentOption(sentiment: ReportFigures["sentiment"], theme: ChartTheme): ChartOption {
  const rows = [
    ["At start", sentiment.start],
    ["At end", sentiment.end],
  ] as const;
  const totals = rows.map(([, counts]) => Object.values(counts).reduce((a, b) => a + b, 0));
  const share = (n: number, i: number) => ((totals[i] ?? 0) > 0 ? n / (totals[i] ?? 1) : 0);
  return {
    ...base(theme, true),
    tooltip: {
      ...base(theme, true).tooltip,
      axisPointer: { type: "shadow", shadowStyle: { color: theme.gridLine, opacity: 0.6 } },
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as TooltipParam[];
        const row = rows.findIndex(([label]) => label === list[0]?.name);
        const counts = rows[row]?.[1] ?? {};
        const body = list
          .map((p) => {
            const key = SENTIMENTS.find(([, label]) => label === p.seriesName)?.[0] ?? "";
            const n = counts[key] ?? 0;
            return `<div style="display:flex;justify-content:space-between;gap:16px"><span>${String(p.marker ?? "")}${escapeHtml(p.seriesName ?? "")}</span><b>${formatCount(n)} · ${formatPercent(share(n, row))}</b></div>`;
          })
          .join("");
        return `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(String(list[0]?.name ?? ""))}</div>${body}`;
      },
    },
    grid: { left: 8, right: 16, top: 36, bottom: 4, containLabel: true },
    xAxis: {
      type: "value",
      max: 1,
      interval: 0.25,
      axisLabel: { color: theme.muted, fontSize: 11, formatter: (v: number) => formatPercent(v) },
      splitLine: { lineStyle: { color: theme.gridLine } },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: rows.map(([label]) => label),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: theme.text, fontSize: 12 },
    },
    series: SENTIMENTS.map(
      ([key, label]): BarSeriesOption => ({
        type: "bar",
        name: label,
        stack: "sentiment",
        color: theme.colors[key],
        barWidth: 22,
        data: rows.map(([, counts], i) => share(counts[key] ?? 0, i)),
      }),
    ),
  };
}

/** Occupancy per agent (handling time over staffed time); agents without staffed time are left out. */
export function occupancyOption(
  occupancy: ReportSummary["occupancy"],
  nameOf: (userId: string) => string,
  theme: ChartTheme,
): ChartOption {
  return rankedBarsOption(
    occupancy
      .filter((o) => o.occupancy !== null)
      .map((o) => ({ label: nameOf(o.user_id), values: [o.occupancy ?? 0] })),
    [{ name: "Occupancy", color: theme.colors.bar }],
    theme,
    formatPercent,
  );
}

const DISPOSITION_LABELS: Record<string, string> = {
  spam: "Spam",
  no_response_needed: "No response needed",
  resolved: "Resolved",
  resolved_after_escalation: "Resolved after escalation",
  escalated: "Escalated",
  unresolved: "Unresolved",
};

/** "resolved_after_escalation" → "Resolved after escalation"; an agent's own outcome tag title-cased. */
export function dispositionLabel(disposition: string): string {
  return DISPOSITION_LABELS[disposition] ?? categoryLabel(disposition);
}

export function dispositionOption(
  dispositions: ReportFigures["dispositions"],
  theme: ChartTheme,
): ChartOption {
  return rankedBarsOption(
    dispositions.map((d) => ({ label: dispositionLabel(d.disposition), values: [d.conversations] })),
    [{ name: "Conversations", color: theme.colors.bar }],
    theme,
  );
}
