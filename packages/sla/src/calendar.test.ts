import { describe, expect, it } from "vitest";
import { type BusinessHoursInput, CalendarError, compileCalendar } from "./calendar";

const valid: BusinessHoursInput = {
  timezone: "Europe/London",
  alwaysOpen: false,
  weekly: { mon: [["09:00", "17:00"]] },
  holidays: [],
};

function issuesOf(input: Partial<Record<keyof BusinessHoursInput, unknown>>) {
  try {
    compileCalendar({ ...valid, ...input } as BusinessHoursInput);
  } catch (error) {
    if (error instanceof CalendarError) return error.issues;
    throw error;
  }
  throw new Error("expected compileCalendar to throw");
}

describe("compileCalendar validation", () => {
  it.each([
    ["unknown zone", { timezone: "Mars/Base" }, "timezone", /unknown time zone "Mars\/Base"/],
    ["empty zone", { timezone: "" }, "timezone", /unknown time zone/],
    ["zone not a string", { timezone: 42 }, "timezone", /unknown time zone "42"/],
    ["hour 25", { weekly: { mon: [["25:00", "26:00"]] } }, "weekly.mon[0][0]", /"25:00" is not a time/],
    ["minute 60", { weekly: { mon: [["09:60", "17:00"]] } }, "weekly.mon[0][0]", /"09:60"/],
    ["end past midnight", { weekly: { mon: [["09:00", "24:30"]] } }, "weekly.mon[0][1]", /"24:30"/],
    ["start at 24:00", { weekly: { mon: [["24:00", "24:00"]] } }, "weekly.mon[0][0]", /"24:00"/],
    ["single-digit hour", { weekly: { mon: [["9:00", "17:00"]] } }, "weekly.mon[0][0]", /"9:00"/],
    ["seconds given", { weekly: { mon: [["09:00:00", "17:00"]] } }, "weekly.mon[0][0]", /"09:00:00"/],
    ["number not string", { weekly: { mon: [[900, "17:00"]] } }, "weekly.mon[0][0]", /"900"/],
    ["reversed", { weekly: { tue: [["17:00", "09:00"]] } }, "weekly.tue[0]", /crossing midnight at 24:00/],
    ["crossing midnight", { weekly: { fri: [["22:00", "06:00"]] } }, "weekly.fri[0]", /not after it starts/],
    ["empty interval", { weekly: { tue: [["09:00", "09:00"]] } }, "weekly.tue[0]", /not after it starts/],
    [
      "overlap",
      {
        weekly: {
          wed: [
            ["09:00", "12:00"],
            ["11:00", "13:00"],
          ],
        },
      },
      "weekly.wed[1]",
      /overlaps another interval on wed/,
    ],
    [
      "overlap listed out of order",
      {
        weekly: {
          wed: [
            ["11:00", "13:00"],
            ["09:00", "12:00"],
          ],
        },
      },
      "weekly.wed[0]",
      /overlaps/,
    ],
    [
      "same interval twice",
      {
        weekly: {
          thu: [
            ["09:00", "17:00"],
            ["09:00", "17:00"],
          ],
        },
      },
      "weekly.thu[1]",
      /overlaps/,
    ],
    ["unknown day", { weekly: { monday: [["09:00", "17:00"]] } }, "weekly.monday", /unknown day/],
    ["day not a list", { weekly: { mon: "09:00-17:00" } }, "weekly.mon", /list of/],
    ["pair too short", { weekly: { mon: [["09:00"]] } }, "weekly.mon[0]", /must be a pair/],
    ["weekly a list", { weekly: [["09:00", "17:00"]] }, "weekly", /must be an object/],
    ["no open hours", { weekly: {} }, "weekly", /no open hours on any day/],
    ["only empty days", { weekly: { mon: [], sun: [] } }, "weekly", /no open hours/],
    ["impossible date", { holidays: ["2026-02-30"] }, "holidays[0]", /"2026-02-30" is not a date/],
    ["month 13", { holidays: ["2026-13-01"] }, "holidays[0]", /not a date/],
    ["two-digit year", { holidays: ["26-12-25"] }, "holidays[0]", /not a date/],
    ["date with time", { holidays: ["2026-12-25T00:00"] }, "holidays[0]", /not a date/],
    ["second holiday bad", { holidays: ["2026-12-25", "2026/12/26"] }, "holidays[1]", /"2026\/12\/26"/],
    ["holidays not a list", { holidays: "2026-12-25" }, "holidays", /must be a list/],
  ])("rejects %s", (_name, input, field, message) => {
    const issues = issuesOf(input);
    const issue = issues.find((i) => i.field === field);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue?.message).toMatch(message);
  });

  it("reports every problem at once, with the fields in the error message", () => {
    const call = () =>
      compileCalendar({ ...valid, timezone: "Nowhere/City", holidays: ["2026-02-29"] } as BusinessHoursInput);
    expect(call).toThrow(CalendarError);
    expect(call).toThrow(/timezone: unknown time zone.*holidays\[0\]/);
    expect(issuesOf({ timezone: "Nowhere/City", holidays: ["2026-02-29"] }).map((i) => i.field)).toEqual([
      "timezone",
      "holidays[0]",
    ]);
  });

  it("validates weekly and holidays even on a 24x7 calendar", () => {
    expect(issuesOf({ alwaysOpen: true, weekly: { mon: [["17:00", "09:00"]] } })[0]?.field).toBe(
      "weekly.mon[0]",
    );
  });
});

describe("compileCalendar result", () => {
  it("sorts and merges touching intervals", () => {
    const calendar = compileCalendar({
      ...valid,
      weekly: {
        mon: [
          ["13:00", "17:00"],
          ["09:00", "13:00"],
          ["18:00", "24:00"],
        ],
      },
    });
    expect(calendar.weekly[1]).toEqual([
      { start: 540, end: 1020 },
      { start: 1080, end: 1440 },
    ]);
    expect(calendar.weekly[0]).toEqual([]);
  });

  it.each([
    ["leap day", "2028-02-29", Date.UTC(2028, 1, 29) / 86_400_000],
    ["Christmas", "2026-12-25", Date.UTC(2026, 11, 25) / 86_400_000],
    ["before 1970", "1969-12-31", -1],
  ])("stores holiday %s as a local day number", (_name, date, day) => {
    expect(compileCalendar({ ...valid, holidays: [date] }).holidays.has(day)).toBe(true);
  });

  it.each([
    ["24x7 with no weekly hours", { alwaysOpen: true, weekly: {} }],
    ["a lower-case zone name", { timezone: "asia/kolkata" }],
    ["UTC", { timezone: "UTC" }],
    ["a whole day", { weekly: { sun: [["00:00", "24:00"]] } }],
  ])("accepts %s", (_name, input) => {
    expect(() => compileCalendar({ ...valid, ...input } as BusinessHoursInput)).not.toThrow();
  });
});
