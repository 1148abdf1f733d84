import { describe, expect, it } from "vitest";
import {
  exportHref,
  filtersToSearch,
  formatRange,
  parseFilters,
  parseMetric,
  periodRange,
  type ReportFilterState,
  reportQuery,
} from "./filters";

const TEAM = "01a23852-47ad-704a-9c60-3506f85b3f1f";
const AGENT = "01a23852-45e7-708f-acd9-6f262098e0bc";
const ACCOUNT = "01a23852-4a11-7c3e-8f62-0d5a3b7c9e21";
const state = (patch: Partial<ReportFilterState> = {}): ReportFilterState => ({
  period: "7d",
  start: null,
  end: null,
  channels: [],
  accountId: null,
  teamId: null,
  agentId: null,
  category: null,
  ...patch,
});

describe("URL filter state", () => {
  it("reads every filter and writes the same URL back", () => {
    const search = new URLSearchParams(
      `period=custom&start=2017-10-01&end=2017-10-31&channel=x,facebook&account=${ACCOUNT}&team=${TEAM}&agent=${AGENT}&category=billing`,
    );
    const filters = parseFilters(search);
    expect(filters).toEqual({
      period: "custom",
      start: "2017-10-01",
      end: "2017-10-31",
      channels: ["x", "facebook"],
      accountId: ACCOUNT,
      teamId: TEAM,
      agentId: AGENT,
      category: "billing",
    });
    expect(filtersToSearch(filters).toString()).toBe(search.toString());
  });

  it("defaults to the last 7 days and drops what it cannot read", () => {
    expect(
      parseFilters(new URLSearchParams("period=fortnight&channel=x,myspace&account=acme&team=7&agent=me")),
    ).toEqual(state({ channels: ["x"] }));
    // A custom period without both days is no period: back to the default.
    expect(parseFilters(new URLSearchParams("period=custom&start=2017-10-01")).period).toBe("7d");
    expect(parseFilters(new URLSearchParams("period=custom&start=2017-13-01&end=2017-10-02")).period).toBe(
      "7d",
    );
  });

  it("puts a reversed custom range in order", () => {
    const f = parseFilters(new URLSearchParams("period=custom&start=2017-10-31&end=2017-10-01"));
    expect([f.start, f.end]).toEqual(["2017-10-01", "2017-10-31"]);
  });

  it("leaves defaults out of the URL and keeps other parameters", () => {
    const base = new URLSearchParams("metric=backlog&period=30d&channel=x");
    expect(filtersToSearch(state(), base).toString()).toBe("metric=backlog");
    expect(
      filtersToSearch(state({ period: "today", start: "2017-01-01", end: "2017-01-02" })).toString(),
    ).toBe("period=today");
  });

  it("reads the drill-down metric", () => {
    expect(parseMetric(new URLSearchParams("metric=frt_breached"))).toBe("frt_breached");
    expect(parseMetric(new URLSearchParams("metric=drop_table"))).toBeNull();
    expect(parseMetric(new URLSearchParams())).toBeNull();
  });
});

describe("period presets in the workspace's time zone", () => {
  // 02:30 UTC on 2 Dec is still 1 Dec in New York (UTC-5) and already 2 Dec in Tokyo.
  const now = new Date("2026-12-02T02:30:00Z");

  it("takes today from the workspace's clock, not the browser's", () => {
    expect(periodRange(state({ period: "today" }), "America/New_York", now)).toEqual({
      firstDay: "2026-12-01",
      lastDay: "2026-12-01",
      from: "2026-12-01T05:00:00.000Z",
      to: "2026-12-02T05:00:00.000Z",
    });
    expect(periodRange(state({ period: "today" }), "Asia/Tokyo", now)).toMatchObject({
      firstDay: "2026-12-02",
      from: "2026-12-01T15:00:00.000Z",
      to: "2026-12-02T15:00:00.000Z",
    });
  });

  it("counts whole days back, today included", () => {
    const tz = "Europe/London";
    expect(periodRange(state({ period: "yesterday" }), tz, now)).toMatchObject({
      firstDay: "2026-12-01",
      lastDay: "2026-12-01",
    });
    expect(periodRange(state({ period: "7d" }), tz, now)).toMatchObject({
      firstDay: "2026-11-26",
      lastDay: "2026-12-02",
      from: "2026-11-26T00:00:00.000Z",
      to: "2026-12-03T00:00:00.000Z",
    });
    expect(periodRange(state({ period: "30d" }), tz, now).firstDay).toBe("2026-11-03");
    expect(periodRange(state({ period: "90d" }), tz, now).firstDay).toBe("2026-09-04");
    expect(periodRange(state({ period: "month" }), tz, now)).toMatchObject({
      firstDay: "2026-12-01",
      lastDay: "2026-12-02",
    });
  });

  it("spans a daylight-saving change with the local midnights on either side", () => {
    // New York moves to summer time on 8 Mar 2026: the week starts at UTC-5 and ends at UTC-4.
    const range = periodRange(
      state({ period: "custom", start: "2026-03-07", end: "2026-03-09" }),
      "America/New_York",
      now,
    );
    expect(range.from).toBe("2026-03-07T05:00:00.000Z");
    expect(range.to).toBe("2026-03-10T04:00:00.000Z");
  });

  it("labels the range compactly", () => {
    const tz = "UTC";
    expect(formatRange(periodRange(state({ period: "7d" }), tz, now))).toBe("26 Nov – 2 Dec 2026");
    expect(formatRange(periodRange(state({ period: "month" }), tz, now))).toBe("1 – 2 Dec 2026");
    expect(formatRange(periodRange(state({ period: "today" }), tz, now))).toBe("Wed 2 Dec 2026");
    expect(
      formatRange(periodRange(state({ period: "custom", start: "2025-12-30", end: "2026-01-02" }), tz, now)),
    ).toBe("30 Dec 2025 – 2 Jan 2026");
  });
});

describe("API query", () => {
  it("maps the filters onto /reports parameters, and the export link carries the same", () => {
    const filters = state({
      channels: ["x", "whatsapp"],
      accountId: ACCOUNT,
      teamId: TEAM,
      category: "billing & refunds",
    });
    const range = periodRange(filters, "UTC", new Date("2026-12-02T12:00:00Z"));
    const query = reportQuery(filters, range);
    expect(query).toEqual({
      from: "2026-11-26T00:00:00.000Z",
      to: "2026-12-03T00:00:00.000Z",
      channel: ["x", "whatsapp"],
      account_id: ACCOUNT,
      team_id: TEAM,
      agent_id: null,
      category: "billing & refunds",
    });
    const href = exportHref(query, "csv");
    expect(href.startsWith("/api/v1/reports/export?")).toBe(true);
    const params = new URL(href, "http://parley.test").searchParams;
    expect(Object.fromEntries(params)).toEqual({
      from: "2026-11-26T00:00:00.000Z",
      to: "2026-12-03T00:00:00.000Z",
      channel: "x,whatsapp",
      account_id: ACCOUNT,
      team_id: TEAM,
      category: "billing & refunds",
      format: "csv",
    });
  });
});
