import type { ReportSummary } from "@parley/contracts";
import dayjs from "dayjs";
import utc from "dayjs/plugin/utc";
import type { BarSeriesOption, LineSeriesOption } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import { formatCount } from "./format";

dayjs.extend(utc);

/*
 * What every report chart shares: the option type, the light and dark chart themes, the axis
 * tooltip, the base option, the day and value axes and the line series (chart-options.ts).
 */

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export type Day = ReportSummary["series"][number];

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

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface TooltipParam {
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

export const dayLabel = (date: string) => dayjs.utc(date).format("D MMM");
export const dayHeader = (date: string) => dayjs.utc(date).format("ddd D MMM YYYY");
export const count = (v: number | null) => formatCount(v);

export function base(theme: ChartTheme, withLegend: boolean): ChartOption {
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

export function dayAxis(theme: ChartTheme, days: Day[], boundaryGap: boolean) {
  return {
    type: "category" as const,
    data: days.map((d) => d.date),
    boundaryGap,
    axisLine: { lineStyle: { color: theme.axisLine } },
    axisTick: { show: false },
    axisLabel: { color: theme.muted, fontSize: 11, formatter: dayLabel, hideOverlap: true },
  };
}

export function valueAxis(theme: ChartTheme, formatter?: (v: number) => string) {
  return {
    type: "value" as const,
    minInterval: 1,
    splitNumber: 4,
    axisLabel: { color: theme.muted, fontSize: 11, ...(formatter ? { formatter } : {}) },
    splitLine: { lineStyle: { color: theme.gridLine } },
  };
}

export function line(name: string, color: string, data: (number | null)[], area = false): LineSeriesOption {
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
