import type { ReportFigures, ReportSummary } from "@parley/contracts";
import { describe, expect, it } from "vitest";
import {
  axisTooltip,
  categoryLabel,
  categoryOption,
  channelOption,
  chartTheme,
  dailyVolumeOption,
  dispositionLabel,
  durationScale,
  occupancyOption,
  responseTimeOption,
  sentimentOption,
  serviceLevelOption,
} from "./chart-options";
import { formatSeconds } from "./format";

type Day = ReportSummary["series"][number];
const day = (date: string, patch: Partial<Day> = {}): Day => ({
  date,
  conversations: 0,
  inbound_messages: 0,
  responses: 0,
  spam_messages: 0,
  frt_median_s: null,
  frt_mean_s: null,
  art_mean_s: null,
  resolved: 0,
  sla_breached: 0,
  sla_met_share: null,
  backlog: 0,
  ...patch,
});

const light = chartTheme("light");
const days = [
  day("2026-11-30", {
    conversations: 4,
    inbound_messages: 9,
    responses: 7,
    frt_median_s: 600,
    art_mean_s: 900,
  }),
  day("2026-12-01"),
  day("2026-12-02", {
    conversations: 2,
    inbound_messages: 3,
    responses: 1,
    frt_median_s: 120,
    resolved: 1,
    sla_breached: 1,
  }),
];

// biome-ignore lint/suspicious/noExplicitAny: reading into ECharts' wide option unions
const series = (option: any) =>
  option.series as { name: string; data: unknown[]; type: string; color: string }[];

describe("daily series → chart options", () => {
  it("draws one line per volume over the days, labelled with the day", () => {
    const option = dailyVolumeOption(days, light);
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const x = option.xAxis as any;
    expect(x.data).toEqual(["2026-11-30", "2026-12-01", "2026-12-02"]);
    expect(x.axisLabel.formatter("2026-12-02")).toBe("2 Dec");
    expect(series(option).map((s) => [s.name, s.data])).toEqual([
      ["Inbound messages", [9, 0, 3]],
      ["Responses", [7, 0, 1]],
      ["Conversations", [4, 0, 2]],
    ]);
    expect(series(option).every((s) => s.type === "line")).toBe(true);
  });

  it("leaves a gap where a day has no response time, and formats durations", () => {
    const option = responseTimeOption(days, light);
    expect(series(option)[0]?.data).toEqual([600, null, 120]);
    expect(series(option)[1]?.data).toEqual([900, null, null]);
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const y = option.yAxis as any;
    expect(y.axisLabel.formatter(5400)).toBe("1.5h");
    // Up to 900 s in 4 ticks: steps of 5 minutes, ending on 15 minutes.
    expect([y.interval, y.max]).toEqual([300, 900]);
  });

  it("steps duration axes in whole clock units", () => {
    expect(durationScale(13.9 * 86_400)).toEqual({ interval: 604_800, max: 14 * 86_400 });
    expect(durationScale(5000)).toEqual({ interval: 1800, max: 5400 });
    expect(durationScale(0)).toEqual({});
  });

  it("counts resolutions and SLA breaches per day as bars", () => {
    const option = serviceLevelOption(days, light);
    expect(series(option).map((s) => [s.name, s.type, s.data])).toEqual([
      ["Resolved", "bar", [0, 0, 1]],
      ["SLA breached", "bar", [0, 0, 1]],
    ]);
  });

  it("uses the dark palette in dark mode", () => {
    const dark = chartTheme("dark");
    expect(series(dailyVolumeOption(days, dark))[2]?.color).toBe(dark.colors.conversations);
    expect(dark.colors.conversations).not.toBe(light.colors.conversations);
    // biome-ignore lint/suspicious/noExplicitAny: see above
    expect((dailyVolumeOption(days, dark).xAxis as any).axisLabel.color).toBe(dark.muted);
  });
});

describe("breakdowns → bars", () => {
  it("ranks channels by conversations, the largest on top", () => {
    const option = channelOption(
      [
        { channel: "x", conversations: 3, inbound_messages: 5, responses: 4 },
        { channel: "whatsapp", conversations: 8, inbound_messages: 20, responses: 12 },
      ],
      (c) => (c === "x" ? "X" : "WhatsApp"),
      light,
    );
    // ECharts draws the first category at the bottom: the largest comes last.
    // biome-ignore lint/suspicious/noExplicitAny: see above
    expect((option.yAxis as any).data).toEqual(["X", "WhatsApp"]);
    expect(series(option).map((s) => s.data)).toEqual([
      [3, 8],
      [5, 20],
      [4, 12],
    ]);
  });

  it("names the uncategorised and title-cases category keys", () => {
    const option = categoryOption(
      [
        { category: "billing_issue", conversations: 5, inbound_messages: 9 },
        { category: null, conversations: 9, inbound_messages: 11 },
      ],
      light,
    );
    // biome-ignore lint/suspicious/noExplicitAny: see above
    expect((option.yAxis as any).data).toEqual(["Billing issue", "Not categorised"]);
    expect(categoryLabel("refund")).toBe("Refund");
    expect(dispositionLabel("resolved_after_escalation")).toBe("Resolved after escalation");
    expect(dispositionLabel("sale")).toBe("Sale");
  });

  it("shows occupancy as shares, leaving out agents without staffed time", () => {
    const option = occupancyOption(
      [
        { user_id: "a", handling_s: 1800, staffed_s: 3600, occupancy: 0.5 },
        { user_id: "b", handling_s: 0, staffed_s: 0, occupancy: null },
      ],
      (id) => (id === "a" ? "Ada" : "Bo"),
      light,
    );
    // biome-ignore lint/suspicious/noExplicitAny: see above
    expect((option.yAxis as any).data).toEqual(["Ada"]);
    expect(series(option)[0]?.data).toEqual([0.5]);
    // biome-ignore lint/suspicious/noExplicitAny: see above
    expect((option.xAxis as any).axisLabel.formatter(0.5)).toBe("50%");
  });

  it("stacks sentiment at start and end as shares of the rated conversations", () => {
    const sentiment: ReportFigures["sentiment"] = {
      rated: 4,
      start: { negative: 2, neutral: 1, positive: 1 },
      end: { negative: 1, positive: 3 },
      negative_start: 2,
      converted: 1,
      conversion_rate: 0.5,
    };
    const option = sentimentOption(sentiment, light);
    expect(series(option).map((s) => [s.name, s.data])).toEqual([
      ["Negative", [0.5, 0.25]],
      ["Neutral", [0.25, 0]],
      ["Positive", [0.25, 0.75]],
    ]);
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const html = (option.tooltip as any).formatter([
      { name: "At end", seriesName: "Positive", marker: "", value: 0.75 },
    ]);
    expect(html).toContain("At end");
    expect(html).toContain("3 · 75%");
  });
});

describe("axisTooltip", () => {
  it("formats each series' value under the day, escaping text", () => {
    const html = axisTooltip(
      (d) => `Day ${d}`,
      formatSeconds,
    )([
      { axisValue: "2026-12-02", seriesName: "Median <first>", marker: "•", value: 750 },
      { axisValue: "2026-12-02", seriesName: "Mean", marker: "•", value: null },
    ]);
    expect(html).toContain("Day 2026-12-02");
    expect(html).toContain("Median &#60;first&#62;");
    expect(html).toContain("12m 30s");
    expect(html).toContain("–");
  });
});
