import { describe, expect, it } from "vitest";
import { isOpen, nextOpening } from "./business-time";
import type { Calendar } from "./calendar";
import {
  alwaysOpen,
  at,
  chatham,
  kolkata,
  london,
  londonWithLunch,
  newYork,
  sydney,
} from "./calendars.fixture";

type Row = [name: string, calendar: Calendar, instant: string, expected: boolean];

describe("isOpen", () => {
  it.each<Row>([
    ["London Monday at opening", london, "2026-01-05T09:00:00Z", true],
    ["London Monday a second before opening", london, "2026-01-05T08:59:59Z", false],
    ["London Monday a second before closing", london, "2026-01-05T16:59:59Z", true],
    ["London Monday at closing", london, "2026-01-05T17:00:00Z", false],
    ["London summer opening is 08:00 UTC", london, "2026-07-06T09:00:00+01:00", true],
    ["London summer 08:59 BST", london, "2026-07-06T08:59:00+01:00", false],
    ["London summer 17:30 BST", london, "2026-07-06T17:30:00+01:00", false],
    ["London Saturday", london, "2026-01-10T12:00:00Z", false],
    ["London Sunday", london, "2026-01-11T12:00:00Z", false],
    ["London Christmas Eve", london, "2026-12-24T12:00:00Z", true],
    ["London Christmas (holiday)", london, "2026-12-25T12:00:00Z", false],
    ["London Boxing Day substitute Monday", london, "2026-12-28T10:00:00Z", false],
    ["New York 09:00 EST", newYork, "2026-01-05T09:00:00-05:00", true],
    ["New York 08:59 EST", newYork, "2026-01-05T08:59:00-05:00", false],
    ["New York 16:59 EST", newYork, "2026-01-05T16:59:00-05:00", true],
    ["New York 17:00 EST", newYork, "2026-01-05T17:00:00-05:00", false],
    ["New York observed Independence Day", newYork, "2026-07-03T11:00:00-04:00", false],
    ["New York the day before", newYork, "2026-07-02T11:00:00-04:00", true],
    ["Kolkata Monday 10:00 IST", kolkata, "2026-01-05T04:30:00Z", true],
    ["Kolkata Monday 09:59 IST", kolkata, "2026-01-05T04:29:00Z", false],
    ["Kolkata Saturday 13:59 IST", kolkata, "2026-01-10T13:59:00+05:30", true],
    ["Kolkata Saturday 14:00 IST", kolkata, "2026-01-10T14:00:00+05:30", false],
    ["Kolkata Republic Day", kolkata, "2026-01-26T12:00:00+05:30", false],
    ["Sydney Monday 08:30 AEDT is Sunday in UTC", sydney, "2026-01-04T21:30:00Z", true],
    ["Sydney Monday 08:29 AEDT", sydney, "2026-01-04T21:29:00Z", false],
    ["Sydney Saturday 09:00 AEDT is Friday in UTC", sydney, "2026-01-09T22:00:00Z", false],
    ["Sydney winter Monday 08:30 AEST", sydney, "2026-06-01T08:30:00+10:00", true],
    ["Sydney Australia Day", sydney, "2026-01-26T10:00:00+11:00", false],
    ["Chatham Monday 09:00 +13:45 is Sunday in UTC", chatham, "2026-01-04T19:15:00Z", true],
    ["Chatham Monday 08:59 +13:45", chatham, "2026-01-04T19:14:00Z", false],
    ["Chatham winter Monday 09:00 +12:45", chatham, "2026-05-31T20:15:00Z", true],
    ["Chatham winter Friday 16:59 +12:45", chatham, "2026-06-05T04:14:00Z", true],
    ["Chatham winter Friday 17:00 +12:45", chatham, "2026-06-05T04:15:00Z", false],
    ["lunch break closed", londonWithLunch, "2026-01-05T12:30:00Z", false],
    ["after lunch open", londonWithLunch, "2026-01-05T13:00:00Z", true],
    ["24x7 on Christmas night", alwaysOpen, "2026-12-25T03:00:00Z", true],
    ["24x7 Sunday", alwaysOpen, "2026-01-11T12:00:00Z", true],
  ])("%s", (_name, calendar, instant, expected) => {
    expect(isOpen(calendar, at(instant))).toBe(expected);
  });
});

describe("nextOpening", () => {
  it.each<[string, Calendar, string, string]>([
    ["already open: itself", london, "2026-01-05T10:15:00Z", "2026-01-05T10:15:00Z"],
    ["at opening: itself", london, "2026-01-05T09:00:00Z", "2026-01-05T09:00:00Z"],
    ["early morning: same day", london, "2026-01-05T07:00:00Z", "2026-01-05T09:00:00Z"],
    ["at Friday closing: Monday", london, "2026-01-09T17:00:00Z", "2026-01-12T09:00:00Z"],
    ["Saturday: Monday", london, "2026-01-10T12:00:00Z", "2026-01-12T09:00:00Z"],
    ["over Christmas and the substitute day", london, "2026-12-24T17:00:00Z", "2026-12-29T09:00:00Z"],
    ["London into BST", london, "2026-03-27T18:00:00Z", "2026-03-30T09:00:00+01:00"],
    ["London out of BST", london, "2026-10-23T17:00:00+01:00", "2026-10-26T09:00:00Z"],
    ["New York into EDT", newYork, "2026-03-06T17:00:00-05:00", "2026-03-09T09:00:00-04:00"],
    ["New York out of EDT", newYork, "2026-10-30T17:00:00-04:00", "2026-11-02T09:00:00-05:00"],
    ["New York over the observed holiday", newYork, "2026-07-02T17:00:00-04:00", "2026-07-06T09:00:00-04:00"],
    ["Sydney out of daylight time", sydney, "2026-04-03T17:30:00+11:00", "2026-04-06T08:30:00+10:00"],
    ["Sydney into daylight time", sydney, "2026-10-02T17:30:00+10:00", "2026-10-05T08:30:00+11:00"],
    ["Chatham out of daylight time", chatham, "2026-04-03T17:00:00+13:45", "2026-04-06T09:00:00+12:45"],
    ["Chatham into daylight time", chatham, "2026-09-25T17:00:00+12:45", "2026-09-28T09:00:00+13:45"],
    ["Kolkata short Saturday: Monday", kolkata, "2026-01-10T14:00:00+05:30", "2026-01-12T10:00:00+05:30"],
    ["Kolkata Sunday before Republic Day", kolkata, "2026-01-25T12:00:00+05:30", "2026-01-27T10:00:00+05:30"],
    ["lunch break: afternoon", londonWithLunch, "2026-01-05T12:00:00Z", "2026-01-05T13:00:00Z"],
    ["Monday-only calendar: next week", londonWithLunch, "2026-01-05T17:00:00Z", "2026-01-12T09:00:00Z"],
    ["24x7: itself", alwaysOpen, "2026-12-25T03:00:00Z", "2026-12-25T03:00:00Z"],
  ])("%s", (_name, calendar, instant, expected) => {
    expect(nextOpening(calendar, at(instant)).toISOString()).toBe(at(expected).toISOString());
  });

  it("rejects an invalid date", () => {
    expect(() => nextOpening(london, new Date("nope"))).toThrow(/at must be a valid Date/);
    expect(() => isOpen(london, new Date(Number.NaN))).toThrow(RangeError);
  });
});
