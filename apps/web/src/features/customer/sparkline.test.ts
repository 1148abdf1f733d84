import { describe, expect, it } from "vitest";
import { describeTrend, formatCount, sparkPath, sparkPoints } from "./sparkline";

describe("sparkPoints", () => {
  it("spreads days by date and maps +1 to the top, -1 to the bottom", () => {
    const points = sparkPoints(
      [
        { date: "2026-03-01", mean_score: 1 },
        { date: "2026-03-02", mean_score: 0 },
        { date: "2026-03-05", mean_score: -1 },
      ],
      100,
      20,
      0,
    );
    expect(points).toEqual([
      { x: 0, y: 0 },
      { x: 25, y: 10 },
      { x: 100, y: 20 },
    ]);
    expect(sparkPath(points)).toBe("M0 0 L25 10 L100 20");
  });

  it("centres a single day and draws nothing without data", () => {
    expect(sparkPoints([{ date: "2026-03-01", mean_score: 0 }], 80, 20, 0)).toEqual([{ x: 40, y: 10 }]);
    expect(sparkPoints([], 80, 20)).toEqual([]);
  });
});

describe("describeTrend", () => {
  it("weighs days by messages and tells the direction", () => {
    const trend = [
      { mean_score: -0.8, messages: 4 },
      { mean_score: -0.6, messages: 2 },
      { mean_score: -0.2, messages: 1 },
      { mean_score: 0.4, messages: 1 },
      { mean_score: 0.6, messages: 1 },
    ];
    expect(describeTrend(trend)).toBe("Mostly negative, improving (9 messages over 5 days)");
    expect(describeTrend([])).toBe("No sentiment in the last 90 days");
  });
});

describe("formatCount", () => {
  it("shortens follower counts", () => {
    expect([950, 1000, 12_300, 2_400_000].map(formatCount)).toEqual(["950", "1k", "12k", "2.4M"]);
  });
});
