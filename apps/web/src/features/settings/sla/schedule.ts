/*
 * Editing a business-hours calendar's weekly schedule and holidays: pure functions over the API's
 * shapes ({mon: [["09:00", "17:00"]], ...}; a missing day is closed), so the editor stays simple
 * and the rules are tested on their own.
 */

export type Interval = [string, string];
export type Weekly = Record<string, Interval[]>;

/** Display order: the working week first. */
export const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Day = (typeof DAYS)[number];
export const DAY_LABELS: Record<Day, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};
const SHORT: Record<Day, string> = {
  mon: "Mon",
  tue: "Tue",
  wed: "Wed",
  thu: "Thu",
  fri: "Fri",
  sat: "Sat",
  sun: "Sun",
};

export const DEFAULT_INTERVAL: Interval = ["09:00", "17:00"];

const minutes = (t: string): number => {
  const m = /^(\d{2}):(\d{2})$/.exec(t);
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
};
const clock = (mins: number): string =>
  `${String(Math.floor(mins / 60)).padStart(2, "0")}:${String(mins % 60).padStart(2, "0")}`;

function withDay(weekly: Weekly, day: Day, intervals: Interval[]): Weekly {
  const next = { ...weekly };
  if (intervals.length === 0) delete next[day];
  else next[day] = intervals;
  return next;
}

export function setDayOpen(weekly: Weekly, day: Day, open: boolean): Weekly {
  if (!open) return withDay(weekly, day, []);
  return weekly[day]?.length ? weekly : withDay(weekly, day, [[...DEFAULT_INTERVAL]]);
}

export function setIntervalTime(weekly: Weekly, day: Day, index: number, end: 0 | 1, time: string): Weekly {
  const intervals = (weekly[day] ?? []).map((iv, i): Interval => {
    if (i !== index) return iv;
    return end === 0 ? [time, iv[1]] : [iv[0], time];
  });
  return withDay(weekly, day, intervals);
}

/** A new interval an hour after the day's last one (as much as fits before midnight). */
export function addInterval(weekly: Weekly, day: Day): Weekly {
  const intervals = weekly[day] ?? [];
  const last = intervals.at(-1);
  if (!last) return withDay(weekly, day, [[...DEFAULT_INTERVAL]]);
  const start = Math.min(minutes(last[1]) + 60, 23 * 60);
  const end = Math.min(start + 120, 24 * 60);
  return withDay(weekly, day, [...intervals, [clock(start), clock(end)]]);
}

export function removeInterval(weekly: Weekly, day: Day, index: number): Weekly {
  return withDay(
    weekly,
    day,
    (weekly[day] ?? []).filter((_, i) => i !== index),
  );
}

/** The day's hours copied onto Monday to Friday (a closed day closes them all). */
export function copyToWeekdays(weekly: Weekly, from: Day): Weekly {
  const source = weekly[from] ?? [];
  let next = weekly;
  for (const day of ["mon", "tue", "wed", "thu", "fri"] as const) {
    next = withDay(
      next,
      day,
      source.map((iv): Interval => [iv[0], iv[1]]),
    );
  }
  return next;
}

/** Problems the server would refuse, caught while typing: bad times, end before start, overlaps. */
export function dayProblem(intervals: readonly Interval[]): string | null {
  const sorted = [...intervals].map(([a, b]) => [minutes(a), b === "24:00" ? 1440 : minutes(b)] as const);
  for (const [start, end] of sorted) {
    if (Number.isNaN(start) || Number.isNaN(end) || start >= 1440 || end > 1440)
      return "Times are HH:MM, up to 24:00";
    if (end <= start) return "Each interval must end after it starts";
  }
  const byStart = [...sorted].sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < byStart.length; i++) {
    if ((byStart[i]?.[0] ?? 0) < (byStart[i - 1]?.[1] ?? 0)) return "Intervals overlap";
  }
  return null;
}

export function addHoliday(holidays: readonly string[], date: string): string[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return [...holidays];
  return [...new Set([...holidays, date])].sort();
}

export function removeHoliday(holidays: readonly string[], date: string): string[] {
  return holidays.filter((d) => d !== date);
}

/** "Mon–Fri 08:00–20:00 · Sat 10:00–16:00": consecutive days with the same hours share a line. */
export function summarizeWeekly(weekly: Weekly): string {
  const key = (day: Day) => (weekly[day] ?? []).map(([a, b]) => `${a}–${b}`).join(", ");
  const parts: string[] = [];
  let i = 0;
  while (i < DAYS.length) {
    const day = DAYS[i] as Day;
    const hours = key(day);
    let j = i;
    while (j + 1 < DAYS.length && key(DAYS[j + 1] as Day) === hours) j++;
    if (hours) {
      const span = i === j ? SHORT[day] : `${SHORT[day]}–${SHORT[DAYS[j] as Day]}`;
      parts.push(`${span} ${hours}`);
    }
    i = j + 1;
  }
  return parts.length ? parts.join(" · ") : "Closed every day";
}
