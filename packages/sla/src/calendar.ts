import { parseClock, parseIsoDate, WEEKDAYS } from "./civil";
import { createZone, isKnownTimeZone, type Zone } from "./time-zone";

/** Business hours as stored (the `business_hours` table): wall-clock times in `timezone`. */
export interface BusinessHoursInput {
  timezone: string;
  alwaysOpen: boolean;
  /** {"mon": [["09:00", "17:00"]], ...}; a missing day is closed. */
  weekly: Readonly<Record<string, readonly (readonly [string, string])[]>>;
  /** Whole local days closed, "YYYY-MM-DD" in `timezone`. */
  holidays: readonly string[];
}

/** An opening on one local day, in minutes since local midnight; `end` may be 1440 ("24:00"). */
export interface OpenInterval {
  readonly start: number;
  readonly end: number;
}

/** A validated calendar, ready for the time functions. Build it with `compileCalendar`. */
export interface Calendar {
  readonly timezone: string;
  readonly alwaysOpen: boolean;
  /** Indexed by weekday, 0 = Sunday; sorted, non-overlapping, touching intervals merged. */
  readonly weekly: readonly (readonly OpenInterval[])[];
  /** Local day numbers (days since 1970-01-01 in the zone). */
  readonly holidays: ReadonlySet<number>;
  readonly zone: Zone;
}

export interface CalendarIssue {
  /** Dotted path into the input, e.g. `weekly.mon[1]` or `holidays[0]`. */
  field: string;
  message: string;
}

/**
 * Thrown by `compileCalendar` with every problem found, so an HTTP route can map `issues`
 * straight to a problem's `errors` (prefixing `body.`).
 */
export class CalendarError extends Error {
  readonly issues: readonly CalendarIssue[];
  constructor(issues: readonly CalendarIssue[]) {
    super(`invalid business hours: ${issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`);
    this.name = "CalendarError";
    this.issues = issues;
  }
}

/**
 * Validates stored business hours and turns them into a `Calendar`. Intervals must end after
 * they start on the same local day: one crossing midnight ("22:00"-"06:00") is rejected, and is
 * written as "22:00"-"24:00" on one day and "00:00"-"06:00" on the next, which join seamlessly.
 * A calendar that is not `alwaysOpen` must open at least once a week, so the time functions can
 * never search forever. `alwaysOpen` ignores `weekly` and `holidays` (24x7 means every hour), but
 * they are still validated so bad data cannot hide behind the switch.
 */
export function compileCalendar(input: BusinessHoursInput): Calendar {
  const issues: CalendarIssue[] = [];
  const timezone = typeof input.timezone === "string" ? input.timezone : "";
  if (!isKnownTimeZone(timezone)) {
    issues.push({ field: "timezone", message: `unknown time zone "${String(input.timezone)}"` });
  }
  const weekly = compileWeekly(input.weekly, issues);
  const holidays = compileHolidays(input.holidays, issues);
  const alwaysOpen = input.alwaysOpen === true;
  if (!alwaysOpen && issues.length === 0 && weekly.every((day) => day.length === 0)) {
    issues.push({ field: "weekly", message: "no open hours on any day; set alwaysOpen for 24x7" });
  }
  if (issues.length > 0) throw new CalendarError(issues);
  return { timezone, alwaysOpen, weekly, holidays, zone: createZone(timezone) };
}

function compileWeekly(weekly: BusinessHoursInput["weekly"], issues: CalendarIssue[]): OpenInterval[][] {
  const days: OpenInterval[][] = WEEKDAYS.map(() => []);
  if (typeof weekly !== "object" || weekly === null || Array.isArray(weekly)) {
    issues.push({ field: "weekly", message: 'must be an object such as {"mon": [["09:00", "17:00"]]}' });
    return days;
  }
  for (const [key, intervals] of Object.entries(weekly)) {
    const index = (WEEKDAYS as readonly string[]).indexOf(key);
    if (index < 0) {
      issues.push({ field: `weekly.${key}`, message: `unknown day; use one of ${WEEKDAYS.join(", ")}` });
      continue;
    }
    days[index] = compileDay(key, intervals, issues);
  }
  return days;
}

function compileDay(key: string, intervals: unknown, issues: CalendarIssue[]): OpenInterval[] {
  if (!Array.isArray(intervals)) {
    issues.push({ field: `weekly.${key}`, message: 'must be a list of ["HH:MM", "HH:MM"] pairs' });
    return [];
  }
  const parsed: (OpenInterval & { field: string })[] = [];
  intervals.forEach((pair: unknown, i) => {
    const interval = compileInterval(`weekly.${key}[${i}]`, pair, issues);
    if (interval) parsed.push(interval);
  });
  parsed.sort((a, b) => a.start - b.start);
  const merged: OpenInterval[] = [];
  for (const interval of parsed) {
    const last = merged.at(-1);
    if (last && interval.start < last.end) {
      issues.push({ field: interval.field, message: `overlaps another interval on ${key}` });
    } else if (last && interval.start === last.end) {
      merged[merged.length - 1] = { start: last.start, end: interval.end };
    } else {
      merged.push({ start: interval.start, end: interval.end });
    }
  }
  return merged;
}

function compileInterval(
  field: string,
  pair: unknown,
  issues: CalendarIssue[],
): (OpenInterval & { field: string }) | null {
  if (!Array.isArray(pair) || pair.length !== 2) {
    issues.push({ field, message: 'must be a pair ["HH:MM", "HH:MM"]' });
    return null;
  }
  const start = parseClock(pair[0], false);
  const end = parseClock(pair[1], true);
  if (start === null)
    issues.push({ field: `${field}[0]`, message: `"${pair[0]}" is not a time 00:00-23:59` });
  if (end === null) issues.push({ field: `${field}[1]`, message: `"${pair[1]}" is not a time 00:00-24:00` });
  if (start === null || end === null) return null;
  if (end <= start) {
    const message = `ends at ${pair[1]}, not after it starts at ${pair[0]}; split an interval crossing midnight at 24:00`;
    issues.push({ field, message });
    return null;
  }
  return { start, end, field };
}

function compileHolidays(holidays: readonly string[], issues: CalendarIssue[]): Set<number> {
  const days = new Set<number>();
  if (!Array.isArray(holidays)) {
    issues.push({ field: "holidays", message: 'must be a list of "YYYY-MM-DD" dates' });
    return days;
  }
  holidays.forEach((holiday: unknown, i) => {
    const day = parseIsoDate(holiday);
    if (day === null)
      issues.push({ field: `holidays[${i}]`, message: `"${holiday}" is not a date YYYY-MM-DD` });
    else days.add(day);
  });
  return days;
}
