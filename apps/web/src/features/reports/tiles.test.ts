import type { ReportFigures } from "@parley/contracts";
import { describe, expect, it } from "vitest";
import { kpiGroups, metricCount } from "./tiles";

const time = (median: number | null, mean: number | null, count: number) => ({
  count,
  mean_s: mean,
  median_s: median,
  max_s: median,
});

const figures: ReportFigures = {
  volumes: {
    conversations: 40,
    inbound_messages: 90,
    responses: 70,
    spam_messages: 10,
    spam_conversations: 2,
    spam_share: 0.1,
    by_channel: [],
    by_category: [],
  },
  response_times: {
    first_response: {
      ...time(750, 1200, 38),
      in_hours: time(600, 900, 30),
      out_of_hours: time(3600, 4000, 8),
    },
    average_response: {
      count: 80,
      mean_s: 1500,
      in_hours: { count: 60, mean_s: 1000 },
      out_of_hours: { count: 20, mean_s: 3000 },
    },
  },
  handling: { conversations: 20, total_s: 7200, average_s: 360, by_agent: [], by_team: [] },
  sentiment: { rated: 30, start: {}, end: {}, negative_start: 10, converted: 4, conversion_rate: 0.4 },
  service_levels: {
    sla_first_response: { met: 29, breached: 3, pending: 1, attainment: 29 / 32 },
    sla_resolution: { met: 10, breached: 0, pending: 5, attainment: 1 },
    queue: time(700, 1000, 38),
    resolution: time(86_400, 90_000, 25),
    resolved: 25,
    resolution_rate: 0.625,
    first_contact_resolution: 12,
    first_contact_resolution_rate: 0.48,
    reopened: 2,
    escalated: 5,
    channels_to_resolution: { mean: 1, distribution: { "1": 25 } },
    backlog: 14,
  },
  dispositions: [
    { disposition: "resolved", conversations: 20 },
    { disposition: "escalated", conversations: 3 },
    { disposition: "resolved_after_escalation", conversations: 2 },
  ],
};

describe("KPI tiles", () => {
  const tiles = Object.fromEntries(kpiGroups(figures).flatMap((g) => g.tiles.map((t) => [t.id, t])));

  it("lays 20 figures out in five rows of four", () => {
    expect(kpiGroups(figures).map((g) => g.tiles.length)).toEqual([4, 4, 4, 4, 4]);
  });

  it("formats each headline figure", () => {
    expect(tiles.conversations?.value).toBe("40");
    expect(tiles.spam?.value).toBe("10%");
    expect(tiles.frt?.value).toBe("12m 30s");
    expect(tiles.frt?.detail).toBe("mean 20m · 38 conversations");
    expect(tiles["frt-out-of-hours"]?.value).toBe("1h 00m");
    expect(tiles["sla-first-response"]?.value).toBe("91%");
    expect(tiles["sla-first-response"]?.detail).toBe("29 met · 3 breached · 1 due");
    expect(tiles["resolution-rate"]?.detail).toBe("25 of 40 conversations");
    expect(tiles["resolution-time"]?.value).toBe("1d 0h");
    expect(tiles.queue?.value).toBe("11m 40s");
    expect(tiles.fcr?.value).toBe("48%");
    expect(tiles.backlog?.value).toBe("14");
    expect(tiles.aht?.value).toBe("6m");
    expect(tiles.tht?.value).toBe("2h 00m");
  });

  it("drills into the conversations behind a figure, and every tile says how it is counted", () => {
    expect(tiles["sla-first-response"]?.metric).toBe("frt_breached");
    expect(tiles.backlog?.metric).toBe("backlog");
    expect(tiles.aht?.metric).toBeUndefined();
    for (const tile of Object.values(tiles)) expect(tile?.definition.length).toBeGreaterThan(20);
  });

  it("knows how many conversations a drill-down lists, where the summary counts them", () => {
    expect(metricCount(figures, "frt_breached")).toBe(3);
    expect(metricCount(figures, "backlog")).toBe(14);
    expect(metricCount(figures, "unresolved")).toBe(15);
    expect(metricCount(figures, "frt_out_of_hours")).toBe(8);
    expect(metricCount(figures, "escalated")).toBe(5);
  });

  it("counts escalations from the summary's own count", () => {
    expect(tiles.escalated?.value).toBe("5");
    expect(tiles.escalated?.detail).toBe("13% of conversations");
  });
});
