import { CHANNELS, type Channel, REPORT_METRICS, type ReportMetric } from "@parley/contracts";
import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";
import type { QueryValue } from "../../app/api";

dayjs.extend(utc);
dayjs.extend(timezone);

/*
 * The reports' filters live in the URL (`/reports?period=30d&channel=x,facebook&team=…`) so a view
 * can be linked and reloaded. Periods are whole days of the workspace's time zone, the one the
 * server labels its per-day series with; custom ranges name their first and last day (inclusive).
 */

export const PERIOD_PRESETS = ["today", "yesterday", "7d", "30d", "90d", "month", "custom"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_LABELS: Record<PeriodPreset, string> = {
  today: "Today",
  yesterday: "Yesterday",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  month: "This month",
  custom: "Custom range",
};

export const DEFAULT_PERIOD: PeriodPreset = "7d";

export interface ReportFilterState {
  period: PeriodPreset;
  /** First and last day of a custom range (YYYY-MM-DD, inclusive); null for the presets. */
  start: string | null;
  end: string | null;
  channels: Channel[];
  /** One of the brand's accounts (a handle, page or number). */
  accountId: string | null;
  teamId: string | null;
  agentId: string | null;
  category: string | null;
}

/** The whole days a report covers and the instants the API takes for them ([from, to)). */
export interface PeriodRange {
  firstDay: string;
  lastDay: string;
  from: string;
  to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A real calendar day: dayjs would roll "2017-13-01" over into the next year. */
const isDate = (s: string | null): s is string =>
  s !== null && DATE.test(s) && dayjs.utc(s).format("YYYY-MM-DD") === s;

/** The filters a URL names; anything unreadable falls back to its default rather than failing. */
export function parseFilters(search: URLSearchParams): ReportFilterState {
  const period = (PERIOD_PRESETS as readonly string[]).includes(search.get("period") ?? "")
    ? (search.get("period") as PeriodPreset)
    : DEFAULT_PERIOD;
  let start = search.get("start");
  let end = search.get("end");
  const custom = period === "custom" && isDate(start) && isDate(end);
  if (custom && start !== null && end !== null && end < start) [start, end] = [end, start];
  const team = search.get("team");
  const account = search.get("account");
  const agent = search.get("agent");
  const category = search.get("category")?.trim() ?? "";
  return {
    period: custom || period !== "custom" ? period : DEFAULT_PERIOD,
    start: custom ? start : null,
    end: custom ? end : null,
    channels: (search.get("channel") ?? "")
      .split(",")
      .filter((c): c is Channel => (CHANNELS as readonly string[]).includes(c)),
    accountId: account && UUID.test(account) ? account : null,
    teamId: team && UUID.test(team) ? team : null,
    agentId: agent && UUID.test(agent) ? agent : null,
    category: category ? category.slice(0, 64) : null,
  };
}

/** The URL parameters of `state` over `base` (other parameters kept); defaults are left out. */
export function filtersToSearch(state: ReportFilterState, base = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams(base);
  const put = (key: string, value: string | null) => (value ? out.set(key, value) : out.delete(key));
  put("period", state.period === DEFAULT_PERIOD ? null : state.period);
  put("start", state.period === "custom" ? state.start : null);
  put("end", state.period === "custom" ? state.end : null);
  put("channel", state.channels.join(","));
  put("account", state.accountId);
  put("team", state.teamId);
  put("agent", state.agentId);
  put("category", state.category);
  return out;
}

const addDays = (day: string, n: number) => dayjs.utc(day).add(n, "day").format("YYYY-MM-DD");

/** The calendar date it is at `now` in `timeZone`. */
export function localDate(now: Date, timeZone: string): string {
  return dayjs(now).tz(timeZone).format("YYYY-MM-DD");
}

/** An instant as the workspace's clock shows it. */
export function formatInZone(iso: string, timeZone: string, format: string): string {
  return dayjs(iso).tz(timeZone).format(format);
}

/** The instant a day starts in `timeZone` (its local midnight), as ISO 8601 UTC. */
export function startOfDay(day: string, timeZone: string): string {
  return dayjs.tz(day, timeZone).toISOString();
}

/** The days of a period, today included, in the workspace's time zone. */
export function periodRange(state: ReportFilterState, timeZone: string, now: Date): PeriodRange {
  return periodRangeOf(state, localDate(now, timeZone), timeZone);
}

/** The same from the workspace's today (YYYY-MM-DD), so a page keeps one range all day. */
export function periodRangeOf(state: ReportFilterState, today: string, timeZone: string): PeriodRange {
  const days = (): [string, string] => {
    switch (state.period) {
      case "today":
        return [today, today];
      case "yesterday":
        return [addDays(today, -1), addDays(today, -1)];
      case "30d":
        return [addDays(today, -29), today];
      case "90d":
        return [addDays(today, -89), today];
      case "month":
        return [`${today.slice(0, 8)}01`, today];
      case "custom":
        if (state.start && state.end) return [state.start, state.end];
        return [addDays(today, -6), today];
      default:
        return [addDays(today, -6), today];
    }
  };
  const [firstDay, lastDay] = days();
  return {
    firstDay,
    lastDay,
    from: startOfDay(firstDay, timeZone),
    to: startOfDay(addDays(lastDay, 1), timeZone),
  };
}

/** The query of /reports/summary, /conversations and /export for these filters. */
export function reportQuery(state: ReportFilterState, range: PeriodRange): Record<string, QueryValue> {
  return {
    from: range.from,
    to: range.to,
    channel: state.channels,
    account_id: state.accountId,
    team_id: state.teamId,
    agent_id: state.agentId,
    category: state.category,
  };
}

/** The export's address (a plain link: the browser sends the session cookie and saves the file). */
export function exportHref(query: Record<string, QueryValue>, format: "csv" | "json"): string {
  const params = new URLSearchParams();
  const entries: [string, QueryValue][] = [...Object.entries(query), ["format", format]];
  for (const [key, value] of entries) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(","));
    } else params.set(key, String(value));
  }
  return `/api/v1/reports/export?${params.toString()}`;
}

/** "26 Nov – 2 Dec 2026", "2 Dec 2026" for one day. */
export function formatRange(range: PeriodRange): string {
  const a = dayjs.utc(range.firstDay);
  const b = dayjs.utc(range.lastDay);
  if (range.firstDay === range.lastDay) return b.format("ddd D MMM YYYY");
  if (a.year() !== b.year()) return `${a.format("D MMM YYYY")} – ${b.format("D MMM YYYY")}`;
  if (a.month() !== b.month()) return `${a.format("D MMM")} – ${b.format("D MMM YYYY")}`;
  return `${a.format("D")} – ${b.format("D MMM YYYY")}`;
}

/** The drill-down metric a URL opens (`?metric=frt_breached`), or null. */
export function parseMetric(search: URLSearchParams): ReportMetric | null {
  const metric = search.get("metric");
  return metric && (REPORT_METRICS as readonly string[]).includes(metric) ? (metric as ReportMetric) : null;
}

export function hasNarrowingFilters(state: ReportFilterState): boolean {
  return (
    state.channels.length > 0 || !!state.accountId || !!state.teamId || !!state.agentId || !!state.category
  );
}
