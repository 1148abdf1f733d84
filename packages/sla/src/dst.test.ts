import { describe, expect, it } from "vitest";
import { addBusinessSeconds, businessSecondsBetween, isOpen, nextOpening } from "./business-time";
import { at, sundays } from "./calendars.fixture";

const HOUR = 3600;

/**
 * Intervals are local wall-clock hours: an interval opens when the clock first reads its start
 * and closes when the clock first reads its end. A spring-forward gap inside an interval makes
 * it shorter in real time; a repeated fall-back hour makes it longer.
 */
describe("open time on DST nights, both hemispheres", () => {
  it.each<[string, string, string, string, string, number]>([
    ["London ordinary Sunday 01:00-03:00", "Europe/London", "01:00", "03:00", "2026-03-22", 2 * HOUR],
    [
      "London spring-forward 01:00-03:00 is 1 real hour",
      "Europe/London",
      "01:00",
      "03:00",
      "2026-03-29",
      HOUR,
    ],
    ["London spring-forward 01:30-03:00", "Europe/London", "01:30", "03:00", "2026-03-29", HOUR],
    ["London spring-forward 01:00-02:00 is swallowed", "Europe/London", "01:00", "02:00", "2026-03-29", 0],
    [
      "London fall-back 01:00-03:00 is 3 real hours",
      "Europe/London",
      "01:00",
      "03:00",
      "2026-10-25",
      3 * HOUR,
    ],
    [
      "London fall-back 01:00-02:00 covers both 01:00 hours",
      "Europe/London",
      "01:00",
      "02:00",
      "2026-10-25",
      2 * HOUR,
    ],
    ["London spring-forward whole day is 23 h", "Europe/London", "00:00", "24:00", "2026-03-29", 23 * HOUR],
    ["London fall-back whole day is 25 h", "Europe/London", "00:00", "24:00", "2026-10-25", 25 * HOUR],
    ["London 09:00-17:00 on a DST day is 8 h", "Europe/London", "09:00", "17:00", "2026-03-29", 8 * HOUR],
    ["New York spring-forward 01:30-02:30", "America/New_York", "01:30", "02:30", "2026-03-08", 0.5 * HOUR],
    [
      "New York spring-forward 02:15-02:45 is swallowed",
      "America/New_York",
      "02:15",
      "02:45",
      "2026-03-08",
      0,
    ],
    ["New York fall-back 00:00-24:00", "America/New_York", "00:00", "24:00", "2026-11-01", 25 * HOUR],
    ["New York fall-back 09:00-17:00", "America/New_York", "09:00", "17:00", "2026-11-01", 8 * HOUR],
    [
      "Sydney fall-back (April) 02:00-03:00 is 2 h",
      "Australia/Sydney",
      "02:00",
      "03:00",
      "2026-04-05",
      2 * HOUR,
    ],
    ["Sydney fall-back whole day", "Australia/Sydney", "00:00", "24:00", "2026-04-05", 25 * HOUR],
    [
      "Sydney spring-forward (October) 01:00-04:00",
      "Australia/Sydney",
      "01:00",
      "04:00",
      "2026-10-04",
      2 * HOUR,
    ],
    ["Sydney spring-forward whole day", "Australia/Sydney", "00:00", "24:00", "2026-10-04", 23 * HOUR],
    ["Chatham spring-forward 02:00-04:00 is 1 h", "Pacific/Chatham", "02:00", "04:00", "2026-09-27", HOUR],
    ["Chatham fall-back 02:00-04:00 is 3 h", "Pacific/Chatham", "02:00", "04:00", "2026-04-05", 3 * HOUR],
    ["Chatham spring-forward whole day", "Pacific/Chatham", "00:00", "24:00", "2026-09-27", 23 * HOUR],
    ["Kolkata has no DST", "Asia/Kolkata", "00:00", "24:00", "2026-03-29", 24 * HOUR],
  ])("%s", (_name, zone, open, close, sunday, seconds) => {
    const calendar = sundays(zone, open, close);
    const from = at(`${sunday}T00:00:00Z`);
    // Sundays only: two days either side of the UTC date catch the whole local Sunday in any zone.
    const a = new Date(from.getTime() - 2 * 86_400_000);
    const b = new Date(from.getTime() + 2 * 86_400_000);
    expect(businessSecondsBetween(calendar, a, b)).toBe(seconds);
  });
});

describe("isOpen around DST transitions", () => {
  const londonNight = sundays("Europe/London", "01:00", "03:00");
  const sydneyNight = sundays("Australia/Sydney", "02:00", "03:00");
  it.each<[string, ReturnType<typeof sundays>, string, boolean]>([
    ["London gap: 00:59 GMT closed", londonNight, "2026-03-29T00:59:00Z", false],
    ["London gap: clock jumps to 02:00 BST, open", londonNight, "2026-03-29T01:00:00Z", true],
    ["London gap: 02:59 BST open", londonNight, "2026-03-29T01:59:00Z", true],
    ["London gap: 03:00 BST closed", londonNight, "2026-03-29T02:00:00Z", false],
    ["London repeat: 01:00 BST open", londonNight, "2026-10-25T00:00:00Z", true],
    ["London repeat: second 01:30 (GMT) open", londonNight, "2026-10-25T01:30:00Z", true],
    ["London repeat: 02:59 GMT open", londonNight, "2026-10-25T02:59:00Z", true],
    ["London repeat: 03:00 GMT closed", londonNight, "2026-10-25T03:00:00Z", false],
    ["Sydney repeat: 02:00 AEDT open", sydneyNight, "2026-04-04T15:00:00Z", true],
    ["Sydney repeat: second 02:30 (AEST) open", sydneyNight, "2026-04-04T16:30:00Z", true],
    ["Sydney repeat: 03:00 AEST closed", sydneyNight, "2026-04-04T17:00:00Z", false],
  ])("%s", (_name, calendar, instant, expected) => {
    expect(isOpen(calendar, at(instant))).toBe(expected);
  });
});

describe("due times across DST nights", () => {
  it.each<[string, ReturnType<typeof sundays>, string, number, string]>([
    [
      "London gap: 90 min from 01:00 GMT lands after the weekly interval",
      sundays("Europe/London", "01:00", "03:00"),
      "2026-03-29T00:00:00Z",
      1.5 * HOUR,
      "2026-04-05T01:30:00+01:00",
    ],
    [
      "London repeat: 2.5 h fit in the long night",
      sundays("Europe/London", "01:00", "03:00"),
      "2026-10-25T00:00:00Z",
      2.5 * HOUR,
      "2026-10-25T02:30:00Z",
    ],
    [
      "New York whole-day Sunday: 24 h spill into the next Sunday",
      sundays("America/New_York", "00:00", "24:00"),
      "2026-03-08T00:00:00-05:00",
      24 * HOUR,
      "2026-03-15T01:00:00-04:00",
    ],
    [
      "Chatham gap: 1 h from 02:00 is 04:00 daylight time",
      sundays("Pacific/Chatham", "02:00", "04:00"),
      "2026-09-27T02:00:00+12:45",
      HOUR,
      "2026-09-27T04:00:00+13:45",
    ],
  ])("%s", (_name, calendar, from, seconds, due) => {
    expect(addBusinessSeconds(calendar, at(from), seconds).toISOString()).toBe(at(due).toISOString());
  });

  it("skips an interval the gap swallows whole and opens the next week", () => {
    const calendar = sundays("America/New_York", "02:15", "02:45");
    expect(nextOpening(calendar, at("2026-03-07T12:00:00Z")).toISOString()).toBe(
      at("2026-03-15T02:15:00-04:00").toISOString(),
    );
  });
});
