import type { Calendar } from "./calendar";
import { SECOND_MS } from "./civil";
import { openSpansFrom, openSpansOfDay } from "./open-intervals";
import { localDayOf } from "./time-zone";

/** Whether the desk is open at `at`. Never throws, even for a calendar closed for years. */
export function isOpen(calendar: Calendar, at: Date): boolean {
  const instant = instantOf(at, "at");
  if (calendar.alwaysOpen) return true;
  const day = localDayOf(calendar.zone, instant);
  for (const candidate of [day - 1, day, day + 1]) {
    for (const [start, end] of openSpansOfDay(calendar, candidate)) {
      if (start <= instant && instant < end) return true;
    }
  }
  return false;
}

/** `at` itself when open, otherwise the next instant the desk opens. */
export function nextOpening(calendar: Calendar, at: Date): Date {
  const instant = instantOf(at, "at");
  for (const [start] of openSpansFrom(calendar, instant)) return new Date(start);
  // openSpansFrom either yields or throws; this line only satisfies the type checker.
  throw new Error("unreachable: open span search ended without a result");
}

/**
 * The instant at which `seconds` of open time have elapsed after `from`. A target used up exactly
 * at closing time is due at closing time (Friday 17:00), not at the next opening: both are the
 * same business instant, and the earlier one is what a customer would call the deadline.
 * Zero seconds is `from` itself, open or not.
 */
export function addBusinessSeconds(calendar: Calendar, from: Date, seconds: number): Date {
  return new Date(addBusinessMs(calendar, instantOf(from, "from"), secondsToMs(seconds)));
}

/** Open time between two instants, in seconds; negative when `b` is before `a`. */
export function businessSecondsBetween(calendar: Calendar, a: Date, b: Date): number {
  return businessMsBetween(calendar, instantOf(a, "a"), instantOf(b, "b")) / SECOND_MS;
}

/** Millisecond form of `addBusinessSeconds`, for the SLA engine's internal arithmetic. */
export function addBusinessMs(calendar: Calendar, fromMs: number, ms: number): number {
  if (ms === 0) return fromMs;
  let remaining = ms;
  for (const [start, end] of openSpansFrom(calendar, fromMs)) {
    if (remaining <= end - start) return start + remaining;
    remaining -= end - start;
  }
  throw new Error("unreachable: open span search ended without a result");
}

/** Millisecond form of `businessSecondsBetween`. */
export function businessMsBetween(calendar: Calendar, aMs: number, bMs: number): number {
  if (bMs < aMs) return -businessMsBetween(calendar, bMs, aMs);
  let total = 0;
  for (const [start, end] of openSpansFrom(calendar, aMs, bMs)) total += end - start;
  return total;
}

function instantOf(date: Date, name: string): number {
  const instant = date instanceof Date ? date.getTime() : Number.NaN;
  if (!Number.isFinite(instant)) throw new RangeError(`${name} must be a valid Date`);
  return instant;
}

function secondsToMs(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError(`seconds must be a finite number >= 0, got ${seconds}`);
  }
  return Math.round(seconds * SECOND_MS);
}
