/* The report's breakdown charts: ranked bars (channels, categories), sentiment, occupancy, dispositions. */

import type { ReportFigures, ReportSummary } from "@parley/contracts";
import type { BarSeriesOption } from "echarts/charts";
import {
  axisTooltip,
  base,
  type ChartOption,
  type ChartTheme,
  count,
  escapeHtml,
  type TooltipParam,
  valueAxis,
} from "./chart-options-theme";
import { formatCount, formatPercent } from "./format";

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
