import { describe, expect, it } from "vitest";
import { formatCount, formatPercent, formatSeconds, formatSecondsShort, NONE, shareOf } from "./format";

describe("formatSeconds", () => {
  it("writes seconds, minutes with seconds, hours with minutes, days with hours", () => {
    expect(formatSeconds(0)).toBe("0s");
    expect(formatSeconds(45.4)).toBe("45s");
    expect(formatSeconds(60)).toBe("1m");
    expect(formatSeconds(750)).toBe("12m 30s");
    expect(formatSeconds(605)).toBe("10m 05s");
    expect(formatSeconds(3 * 3600 + 5 * 60 + 59)).toBe("3h 05m");
    expect(formatSeconds(2 * 86_400 + 4 * 3600 + 120)).toBe("2d 4h");
  });

  it("shows an en dash when there is nothing to measure", () => {
    expect(formatSeconds(null)).toBe(NONE);
    expect(formatSeconds(undefined)).toBe(NONE);
    expect(formatSeconds(Number.NaN)).toBe(NONE);
  });

  it("rounds to one unit for axis ticks", () => {
    expect(formatSecondsShort(30)).toBe("30s");
    expect(formatSecondsShort(750)).toBe("13m");
    expect(formatSecondsShort(5400)).toBe("1.5h");
    expect(formatSecondsShort(7200)).toBe("2h");
    expect(formatSecondsShort(3 * 86_400)).toBe("3d");
  });
});

describe("formatPercent", () => {
  it("rounds shares to whole percent, with a decimal under 10%", () => {
    expect(formatPercent(0.8712)).toBe("87%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(0.043)).toBe("4.3%");
    expect(formatPercent(0.05)).toBe("5%");
    expect(formatPercent(1.25)).toBe("125%");
    expect(formatPercent(null)).toBe(NONE);
  });
});

describe("formatCount and shareOf", () => {
  it("groups thousands and divides only by a whole above 0", () => {
    expect(formatCount(12480)).toBe("12,480");
    expect(formatCount(null)).toBe(NONE);
    expect(shareOf(1, 4)).toBe(0.25);
    expect(shareOf(3, 0)).toBeNull();
  });
});
