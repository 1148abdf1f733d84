import type { Calendar } from "./calendar";
import { DAY_MS, MINUTE_MS, weekdayOf } from "./civil";
import { dayResolver, localDayOf } from "./time-zone";

/** A stretch of open time as real instants, `[start, end)` in epoch milliseconds. */
export type OpenSpan = readonly [start: number, end: number];

/**
 * How many consecutive closed local days a forward search tolerates before deciding the calendar
 * will never open (holidays covering every working day, say). A desk closed for over a year is a
 * broken calendar; throwing beats an endless loop in the scheduler.
 */
export const MAX_CLOSED_DAYS = 400;

/** Thrown when a search for open time finds none within `MAX_CLOSED_DAYS`. */
export class NoOpenTimeError extends Error {
  constructor(timezone: string, fromMs: number) {
    super(
      `business hours in ${timezone} have no open time in the ${MAX_CLOSED_DAYS} days after ${new Date(fromMs).toISOString()}`,
    );
    this.name = "NoOpenTimeError";
  }
}

/**
 * The open spans of one local day. Each interval opens when the wall clock first reads its start
 * and closes when it first reads its end, so "09:00"-"17:00" is the local working day on a DST
 * change too, a spring-forward gap shortens an interval spanning it and a repeated fall-back hour
 * lengthens it. Spans swallowed whole by a gap are dropped.
 */
export function openSpansOfDay(calendar: Calendar, day: number): OpenSpan[] {
  if (calendar.holidays.has(day)) return [];
  const intervals = calendar.weekly[weekdayOf(day)] ?? [];
  if (intervals.length === 0) return [];
  const toInstant = dayResolver(calendar.zone, day);
  const midnight = day * DAY_MS;
  const spans: OpenSpan[] = [];
  for (const { start, end } of intervals) {
    const span: OpenSpan = [toInstant(midnight + start * MINUTE_MS), toInstant(midnight + end * MINUTE_MS)];
    if (span[1] > span[0]) spans.push(span);
  }
  return spans;
}

/**
 * Open spans in time order that end after `fromMs`, clipped to start no earlier than it, day by
 * day so a month-long target costs a month of days rather than millions of seconds. With no
 * `untilMs` the walk is unbounded and gives up with `NoOpenTimeError` after `MAX_CLOSED_DAYS`.
 */
export function* openSpansFrom(
  calendar: Calendar,
  fromMs: number,
  untilMs = Number.POSITIVE_INFINITY,
): Generator<OpenSpan, void, undefined> {
  if (calendar.alwaysOpen) {
    yield [fromMs, untilMs];
    return;
  }
  // Start a day early: the first-reach rule means no earlier day can still be open, but this
  // costs one day and keeps the walk safe around zones that jumped a whole date.
  let day = localDayOf(calendar.zone, fromMs) - 1;
  let closedDays = 0;
  while (day * DAY_MS < untilMs + 2 * DAY_MS) {
    const spans = openSpansOfDay(calendar, day).filter(([, end]) => end > fromMs);
    closedDays = spans.length === 0 ? closedDays + 1 : 0;
    if (closedDays > MAX_CLOSED_DAYS && untilMs === Number.POSITIVE_INFINITY) {
      throw new NoOpenTimeError(calendar.timezone, fromMs);
    }
    for (const [start, end] of spans) {
      if (start >= untilMs) return;
      yield [Math.max(start, fromMs), Math.min(end, untilMs)];
    }
    day += 1;
  }
}
