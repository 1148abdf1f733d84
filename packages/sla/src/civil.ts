/**
 * Civil (calendar) arithmetic with no time zone: local days are counted from 1970-01-01 and
 * wall-clock times are milliseconds "as if UTC", so Date.UTC does the leap-year work.
 */

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const DAY_MS = 24 * 60 * MINUTE_MS;
export const MINUTES_PER_DAY = 24 * 60;

/** Keys of `weekly`, indexed by `weekdayOf` (0 = Sunday, as Date#getUTCDay). */
export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const CLOCK = /^(\d{2}):(\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 1970-01-01 was a Thursday; the double modulo keeps days before 1970 non-negative. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * "HH:MM" to minutes since local midnight, or null when malformed. "24:00" is accepted only
 * where `allowEndOfDay` is set, so an interval can run to the end of the day.
 */
export function parseClock(value: unknown, allowEndOfDay: boolean): number | null {
  if (typeof value !== "string") return null;
  const match = CLOCK.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours === 24 && minutes === 0 && allowEndOfDay) return MINUTES_PER_DAY;
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** "YYYY-MM-DD" to a local day number, or null when malformed or not a real date (2026-02-30). */
export function parseIsoDate(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const date = Number(match[3]);
  const ms = Date.UTC(year, month - 1, date);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
    return null;
  }
  return ms / DAY_MS;
}
