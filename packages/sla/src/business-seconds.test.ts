import { afterEach, describe, expect, it, vi } from "vitest";
import { addBusinessSeconds, businessSecondsBetween } from "./business-time";
import { type Calendar, compileCalendar } from "./calendar";
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
import { NoOpenTimeError } from "./open-intervals";

const MIN = 60;
const HOUR = 3600;
const WORKDAY = 8 * HOUR;

type Row = [name: string, calendar: Calendar, from: string, seconds: number, due: string];

const rows: Row[] = [
  ["seed: Friday 16:30 + 1 h is Monday 09:30", london, "2026-01-09T16:30:00Z", HOUR, "2026-01-12T09:30:00Z"],
  ["seed in summer time", london, "2026-06-05T16:30:00+01:00", HOUR, "2026-06-08T09:30:00+01:00"],
  ["within the day", london, "2026-01-05T10:00:00Z", 2 * HOUR, "2026-01-05T12:00:00Z"],
  ["used up exactly at closing", london, "2026-01-09T16:30:00Z", 30 * MIN, "2026-01-09T17:00:00Z"],
  ["start at opening, a whole day", london, "2026-01-05T09:00:00Z", WORKDAY, "2026-01-05T17:00:00Z"],
  ["start at closing", london, "2026-01-05T17:00:00Z", MIN, "2026-01-06T09:01:00Z"],
  ["start before opening", london, "2026-01-05T06:00:00Z", 30 * MIN, "2026-01-05T09:30:00Z"],
  ["start on Saturday", london, "2026-01-10T10:00:00Z", HOUR, "2026-01-12T10:00:00Z"],
  ["start on Sunday night", london, "2026-01-11T23:59:00Z", 1, "2026-01-12T09:00:01Z"],
  ["zero seconds is the start itself", london, "2026-01-10T10:00:00Z", 0, "2026-01-10T10:00:00Z"],
  ["one second", london, "2026-01-05T16:59:59Z", 1, "2026-01-05T17:00:00Z"],
  ["fractional seconds", london, "2026-01-05T10:00:00Z", 1.5, "2026-01-05T10:00:01.500Z"],
  ["three days over Christmas", london, "2026-12-23T12:00:00Z", 3 * WORKDAY, "2026-12-30T12:00:00Z"],
  ["Christmas Eve into the new year", london, "2026-12-24T16:00:00Z", 4 * WORKDAY, "2027-01-04T16:00:00Z"],
  ["30 business days", london, "2026-01-05T09:00:00Z", 30 * WORKDAY, "2026-02-13T17:00:00Z"],
  ["over the spring-forward weekend", london, "2026-03-27T16:00:00Z", 2 * HOUR, "2026-03-30T10:00:00+01:00"],
  ["over the fall-back weekend", london, "2026-10-23T16:00:00+01:00", 2 * HOUR, "2026-10-26T10:00:00Z"],
  ["lunch break skipped", londonWithLunch, "2026-01-05T11:30:00Z", HOUR, "2026-01-05T13:30:00Z"],
  ["lunch boundary: used up at 12:00", londonWithLunch, "2026-01-05T11:00:00Z", HOUR, "2026-01-05T12:00:00Z"],
  ["New York over spring-forward", newYork, "2026-03-06T16:30:00-05:00", HOUR, "2026-03-09T09:30:00-04:00"],
  ["New York over fall-back", newYork, "2026-10-30T16:30:00-04:00", HOUR, "2026-11-02T09:30:00-05:00"],
  [
    "New York over the observed holiday",
    newYork,
    "2026-07-02T16:00:00-04:00",
    2 * HOUR,
    "2026-07-06T10:00:00-04:00",
  ],
  ["Kolkata short Saturday", kolkata, "2026-01-10T13:00:00+05:30", 2 * HOUR, "2026-01-12T11:00:00+05:30"],
  ["Kolkata over Republic Day", kolkata, "2026-01-24T13:00:00+05:30", 2 * HOUR, "2026-01-27T11:00:00+05:30"],
  ["Sydney out of daylight time", sydney, "2026-04-03T17:00:00+11:00", HOUR, "2026-04-06T09:00:00+10:00"],
  ["Sydney into daylight time", sydney, "2026-10-02T17:00:00+10:00", HOUR, "2026-10-05T09:00:00+11:00"],
  ["Sydney over Australia Day", sydney, "2026-01-23T17:00:00+11:00", HOUR, "2026-01-27T09:00:00+11:00"],
  ["Chatham into daylight time", chatham, "2026-09-25T16:00:00+12:45", 2 * HOUR, "2026-09-28T10:00:00+13:45"],
  [
    "Chatham out of daylight time",
    chatham,
    "2026-04-03T16:00:00+13:45",
    2 * HOUR,
    "2026-04-06T10:00:00+12:45",
  ],
  ["24x7 counts every second", alwaysOpen, "2026-01-09T16:30:00Z", 25 * HOUR, "2026-01-10T17:30:00Z"],
  ["24x7 ignores holidays and DST", alwaysOpen, "2026-03-28T12:00:00Z", 24 * HOUR, "2026-03-29T12:00:00Z"],
];

describe("addBusinessSeconds", () => {
  it.each(rows)("%s", (_name, calendar, from, seconds, due) => {
    expect(addBusinessSeconds(calendar, at(from), seconds).toISOString()).toBe(at(due).toISOString());
  });

  it.each([
    ["negative", -1],
    ["NaN", Number.NaN],
    ["infinite", Number.POSITIVE_INFINITY],
  ])("rejects %s seconds", (_name, seconds) => {
    expect(() => addBusinessSeconds(london, at("2026-01-05T10:00:00Z"), seconds)).toThrow(RangeError);
  });

  it("throws instead of searching forever when holidays close every working day", () => {
    const allYear = Array.from({ length: 800 }, (_, i) =>
      new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
    );
    const closed = compileCalendar({
      timezone: "Europe/London",
      alwaysOpen: false,
      weekly: { mon: [["09:00", "17:00"]] },
      holidays: allYear,
    });
    expect(() => addBusinessSeconds(closed, at("2026-01-05T10:00:00Z"), HOUR)).toThrow(NoOpenTimeError);
    expect(businessSecondsBetween(closed, at("2026-01-01T00:00:00Z"), at("2028-01-01T00:00:00Z"))).toBe(0);
  });
});

describe("businessSecondsBetween", () => {
  it.each(rows.filter(([, , , seconds]) => Number.isInteger(seconds)))(
    "is the inverse of addBusinessSeconds: %s",
    (_name, calendar, from, seconds, due) => {
      expect(businessSecondsBetween(calendar, at(from), at(due))).toBe(seconds);
    },
  );

  it.each<[string, Calendar, string, string, number]>([
    ["a working week", london, "2026-01-05T09:00:00Z", "2026-01-09T17:00:00Z", 5 * WORKDAY],
    ["a whole calendar week", london, "2026-01-04T00:00:00Z", "2026-01-11T00:00:00Z", 5 * WORKDAY],
    ["reversed is negative", london, "2026-01-12T09:30:00Z", "2026-01-09T16:30:00Z", -HOUR],
    ["same instant", london, "2026-01-05T10:00:00Z", "2026-01-05T10:00:00Z", 0],
    ["a weekend", london, "2026-01-10T00:00:00Z", "2026-01-12T00:00:00Z", 0],
    ["inside the lunch break", londonWithLunch, "2026-01-05T12:10:00Z", "2026-01-05T12:50:00Z", 0],
    [
      "London 2026: 261 weekdays less 2 holidays",
      london,
      "2026-01-01T00:00:00Z",
      "2027-01-01T00:00:00Z",
      259 * WORKDAY,
    ],
    ["24x7 day", alwaysOpen, "2026-01-05T00:00:00Z", "2026-01-06T00:00:00Z", 24 * HOUR],
    [
      "Chatham Monday seen from UTC Sunday",
      chatham,
      "2026-01-04T00:00:00Z",
      "2026-01-05T00:00:00Z",
      4.75 * HOUR,
    ],
  ])("%s", (_name, calendar, a, b, seconds) => {
    expect(businessSecondsBetween(calendar, at(a), at(b))).toBe(seconds);
  });
});

describe("efficiency", () => {
  afterEach(() => vi.restoreAllMocks());

  it("walks day by day: 30 business days cost a few zone look-ups per day", () => {
    const lookups = vi.spyOn(Intl.DateTimeFormat.prototype, "formatToParts");
    const due = addBusinessSeconds(london, at("2026-01-05T09:00:00Z"), 30 * WORKDAY);
    expect(due.toISOString()).toBe("2026-02-13T17:00:00.000Z");
    expect(lookups.mock.calls.length).toBeLessThan(42 * 4);
  });

  it("adds a year of business time quickly", () => {
    const started = performance.now();
    const due = addBusinessSeconds(newYork, at("2026-01-01T00:00:00Z"), 250 * WORKDAY);
    expect(businessSecondsBetween(newYork, at("2026-01-01T00:00:00Z"), due)).toBe(250 * WORKDAY);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
