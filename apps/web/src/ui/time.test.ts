import { describe, expect, it } from "vitest";
import { formatAgo, formatDuration } from "./time";

const now = Date.parse("2026-03-10T12:00:00Z");
const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();

describe("formatAgo", () => {
  it("is compact for the last week and a date after that", () => {
    expect(formatAgo(minutesAgo(0.5), now)).toBe("now");
    expect(formatAgo(minutesAgo(4), now)).toBe("4m");
    expect(formatAgo(minutesAgo(3 * 60 + 5), now)).toBe("3h");
    expect(formatAgo(minutesAgo(2 * 24 * 60), now)).toBe("2d");
    expect(formatAgo("2026-01-02T12:00:00Z", now)).toBe("2 Jan");
    expect(formatAgo("2025-01-02T12:00:00Z", now)).toBe("2 Jan 2025");
  });

  it("never shows a negative age for clocks slightly ahead", () => {
    expect(formatAgo(new Date(now + 30_000).toISOString(), now)).toBe("now");
  });
});

describe("formatDuration", () => {
  it("picks the two most useful units", () => {
    expect(formatDuration(45_000)).toBe("45s");
    expect(formatDuration(12 * 60_000)).toBe("12m");
    expect(formatDuration(65 * 60_000)).toBe("1h 05m");
    expect(formatDuration((2 * 24 + 3) * 3_600_000)).toBe("2d 3h");
    expect(formatDuration(-6 * 60_000)).toBe("6m");
  });
});
