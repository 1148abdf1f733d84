import { describe, expect, it } from "vitest";
import { at } from "./calendars.fixture";
import { DAY_MS } from "./civil";
import { createZone, dayResolver, firstInstantAtOrAfter, isKnownTimeZone, localDayOf } from "./time-zone";

const HOUR = 3_600_000;
const wall = (iso: string) => Date.parse(`${iso}Z`);

describe("createZone offsetAt", () => {
  it.each([
    ["Europe/London", "2026-01-15T12:00:00Z", 0],
    ["Europe/London", "2026-07-15T12:00:00Z", 1 * HOUR],
    ["Europe/London", "2026-03-29T00:59:59Z", 0],
    ["Europe/London", "2026-03-29T01:00:00Z", 1 * HOUR],
    ["Europe/London", "2026-10-25T00:59:59Z", 1 * HOUR],
    ["Europe/London", "2026-10-25T01:00:00Z", 0],
    ["America/New_York", "2026-01-15T12:00:00Z", -5 * HOUR],
    ["America/New_York", "2026-03-08T07:00:00Z", -4 * HOUR],
    ["America/New_York", "2026-11-01T06:00:00Z", -5 * HOUR],
    ["Asia/Kolkata", "2026-01-15T12:00:00Z", 5.5 * HOUR],
    ["Asia/Kolkata", "2026-07-15T12:00:00Z", 5.5 * HOUR],
    ["Australia/Sydney", "2026-01-15T12:00:00Z", 11 * HOUR],
    ["Australia/Sydney", "2026-07-15T12:00:00Z", 10 * HOUR],
    ["Pacific/Chatham", "2026-01-15T12:00:00Z", 13.75 * HOUR],
    ["Pacific/Chatham", "2026-07-15T12:00:00Z", 12.75 * HOUR],
    ["UTC", "2026-07-15T12:00:00Z", 0],
  ])("%s at %s", (zone, iso, offset) => {
    expect(createZone(zone).offsetAt(Date.parse(iso))).toBe(offset);
  });

  it("ignores milliseconds", () => {
    expect(createZone("Asia/Kolkata").offsetAt(Date.parse("2026-01-15T12:00:00.999Z"))).toBe(5.5 * HOUR);
  });
});

describe("isKnownTimeZone", () => {
  it.each([
    ["Europe/London", true],
    ["Pacific/Chatham", true],
    ["utc", true],
    ["Mars/Base", false],
    ["", false],
    ["  ", false],
    ["+05:30", false],
  ])("%j is %s", (zone, known) => {
    expect(isKnownTimeZone(zone)).toBe(known);
  });
});

describe("localDayOf", () => {
  it.each([
    ["Europe/London", "2026-03-29T23:30:00Z", "2026-03-30"],
    ["America/New_York", "2026-01-10T03:00:00Z", "2026-01-09"],
    ["Australia/Sydney", "2026-01-04T21:30:00Z", "2026-01-05"],
    ["Pacific/Chatham", "2026-01-04T10:15:00Z", "2026-01-05"],
    ["Pacific/Chatham", "2026-01-04T10:14:59Z", "2026-01-04"],
    ["Asia/Kolkata", "2026-01-25T18:30:00Z", "2026-01-26"],
  ])("%s at %s is local %s", (zone, iso, date) => {
    expect(localDayOf(createZone(zone), Date.parse(iso))).toBe(Date.parse(date) / DAY_MS);
  });
});

describe("firstInstantAtOrAfter", () => {
  it.each([
    ["ordinary winter time", "Europe/London", "2026-01-05T09:00", "2026-01-05T09:00:00Z"],
    ["ordinary summer time", "Europe/London", "2026-07-06T09:00", "2026-07-06T08:00:00Z"],
    ["spring-forward gap start", "Europe/London", "2026-03-29T01:00", "2026-03-29T01:00:00Z"],
    ["inside the spring-forward gap", "Europe/London", "2026-03-29T01:30", "2026-03-29T01:00:00Z"],
    ["just after the gap", "Europe/London", "2026-03-29T02:00", "2026-03-29T01:00:00Z"],
    [
      "fall-back repeated hour: first occurrence",
      "Europe/London",
      "2026-10-25T01:30",
      "2026-10-25T00:30:00Z",
    ],
    ["after the repeated hour", "Europe/London", "2026-10-25T02:00", "2026-10-25T02:00:00Z"],
    ["New York gap", "America/New_York", "2026-03-08T02:30", "2026-03-08T07:00:00Z"],
    ["New York repeat", "America/New_York", "2026-11-01T01:30", "2026-11-01T05:30:00Z"],
    ["Sydney gap (October)", "Australia/Sydney", "2026-10-04T02:15", "2026-10-03T16:00:00Z"],
    ["Sydney repeat (April)", "Australia/Sydney", "2026-04-05T02:30", "2026-04-04T15:30:00Z"],
    ["Sydney end of repeat", "Australia/Sydney", "2026-04-05T03:00", "2026-04-04T17:00:00Z"],
    ["Chatham gap", "Pacific/Chatham", "2026-09-27T03:00", "2026-09-26T14:00:00Z"],
    ["Chatham repeat", "Pacific/Chatham", "2026-04-05T03:00", "2026-04-04T13:15:00Z"],
    ["Kolkata half-hour offset", "Asia/Kolkata", "2026-01-05T10:00", "2026-01-05T04:30:00Z"],
  ])("%s (%s %s)", (_name, zone, local, utc) => {
    expect(new Date(firstInstantAtOrAfter(createZone(zone), wall(local))).toISOString()).toBe(
      at(utc).toISOString(),
    );
  });
});

describe("dayResolver", () => {
  it.each([
    ["Europe/London", "2026-01-05"],
    ["Europe/London", "2026-03-29"],
    ["Europe/London", "2026-10-25"],
    ["America/New_York", "2026-03-08"],
    ["Australia/Sydney", "2026-04-05"],
    ["Pacific/Chatham", "2026-09-27"],
  ])("agrees with the exact search on %s %s", (zone, date) => {
    const tz = createZone(zone);
    const day = Date.parse(date) / DAY_MS;
    const resolve = dayResolver(tz, day);
    for (let minute = 0; minute <= 24 * 60; minute += 15) {
      const wallMs = day * DAY_MS + minute * 60_000;
      expect(resolve(wallMs)).toBe(firstInstantAtOrAfter(tz, wallMs));
    }
  });
});
