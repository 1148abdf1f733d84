import { type BusinessHoursInput, compileCalendar } from "./calendar";

/** Test calendars, each a stored `business_hours` row shape. */

const weekdays = (open: string, close: string): BusinessHoursInput["weekly"] => ({
  mon: [[open, close]],
  tue: [[open, close]],
  wed: [[open, close]],
  thu: [[open, close]],
  fri: [[open, close]],
});

/** Christmas 2026 is a Friday; Boxing Day falls on Saturday, so its substitute is Monday 28th; then New Year 2027. */
export const london = compileCalendar({
  timezone: "Europe/London",
  alwaysOpen: false,
  weekly: weekdays("09:00", "17:00"),
  holidays: ["2026-12-25", "2026-12-28", "2027-01-01"],
});

/** Independence Day 2026 is observed on Friday 3 July. */
export const newYork = compileCalendar({
  timezone: "America/New_York",
  alwaysOpen: false,
  weekly: weekdays("09:00", "17:00"),
  holidays: ["2026-07-03"],
});

/** Six-day week with a short Saturday; Republic Day (Monday 26 January) closed. */
export const kolkata = compileCalendar({
  timezone: "Asia/Kolkata",
  alwaysOpen: false,
  weekly: { ...weekdays("10:00", "18:00"), sat: [["10:00", "14:00"]] },
  holidays: ["2026-01-26"],
});

/** Australia Day (Monday 26 January) closed. */
export const sydney = compileCalendar({
  timezone: "Australia/Sydney",
  alwaysOpen: false,
  weekly: weekdays("08:30", "17:30"),
  holidays: ["2026-01-26"],
});

export const chatham = compileCalendar({
  timezone: "Pacific/Chatham",
  alwaysOpen: false,
  weekly: weekdays("09:00", "17:00"),
  holidays: [],
});

export const londonWithLunch = compileCalendar({
  timezone: "Europe/London",
  alwaysOpen: false,
  weekly: {
    mon: [
      ["13:00", "17:00"],
      ["09:00", "12:00"],
    ],
  },
  holidays: [],
});

export const alwaysOpen = compileCalendar({
  timezone: "Europe/London",
  alwaysOpen: true,
  weekly: {},
  holidays: ["2026-12-25"],
});

/** A calendar open only on Sundays, `open`-`close`, to put DST nights inside opening hours. */
export function sundays(timezone: string, open: string, close: string) {
  return compileCalendar({ timezone, alwaysOpen: false, weekly: { sun: [[open, close]] }, holidays: [] });
}

/** Instant from an ISO string with an explicit offset, so expectations never depend on the code under test. */
export const at = (iso: string) => new Date(iso);
