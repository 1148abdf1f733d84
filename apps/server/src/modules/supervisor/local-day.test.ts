import { describe, expect, it } from "vitest";
import { localDayStart } from "./local-day";

const day = (iso: string, tz: string) => localDayStart(new Date(iso), tz).toISOString();

describe("localDayStart", () => {
  it("is UTC midnight in UTC", () => {
    expect(day("2026-03-04T15:20:00Z", "UTC")).toBe("2026-03-04T00:00:00.000Z");
    expect(day("2026-03-04T00:00:00Z", "UTC")).toBe("2026-03-04T00:00:00.000Z");
  });

  it("follows the zone's offset, standard and summer time", () => {
    expect(day("2026-01-15T03:00:00Z", "America/New_York")).toBe("2026-01-14T05:00:00.000Z");
    expect(day("2026-01-15T06:00:00Z", "America/New_York")).toBe("2026-01-15T05:00:00.000Z");
    expect(day("2026-07-15T12:00:00Z", "America/New_York")).toBe("2026-07-15T04:00:00.000Z");
    expect(day("2026-07-15T12:00:00Z", "Asia/Kolkata")).toBe("2026-07-14T18:30:00.000Z");
    expect(day("2026-07-15T20:00:00Z", "Pacific/Auckland")).toBe("2026-07-15T12:00:00.000Z");
  });

  it("starts a day that changes offset at 02:00 at its own midnight", () => {
    // Europe/Berlin springs forward on 2026-03-29 at 02:00: midnight was still +01:00.
    expect(day("2026-03-29T20:00:00Z", "Europe/Berlin")).toBe("2026-03-28T23:00:00.000Z");
    expect(day("2026-10-25T20:00:00Z", "Europe/Berlin")).toBe("2026-10-24T22:00:00.000Z");
  });

  it("begins a day whose midnight is skipped at its first instant", () => {
    // America/Havana jumps from 00:00 to 01:00 on 2024-03-10.
    expect(day("2024-03-10T12:00:00Z", "America/Havana")).toBe("2024-03-10T05:00:00.000Z");
  });
});
