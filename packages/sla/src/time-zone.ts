import { DAY_MS, SECOND_MS } from "./civil";

/**
 * A time zone read through the platform's `Intl.DateTimeFormat` (full ICU in Node 20), so Parley
 * needs no bundled tz database and follows the one the runtime ships.
 */
export interface Zone {
  readonly id: string;
  /** Milliseconds to add to a UTC instant to get the local wall-clock time at that instant. */
  offsetAt(instantMs: number): number;
}

/** Throws a RangeError for a name ICU does not know. */
export function createZone(timeZone: string): Zone {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  return {
    id: timeZone,
    offsetAt(instantMs) {
      const wholeSecond = Math.floor(instantMs / SECOND_MS) * SECOND_MS;
      return wallClockOf(format, wholeSecond) - wholeSecond;
    },
  };
}

/** Whether ICU knows the zone; used by validation so the error can name the field. */
export function isKnownTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

function wallClockOf(format: Intl.DateTimeFormat, instantMs: number): number {
  const fields: Record<string, number> = {};
  for (const part of format.formatToParts(instantMs)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  // Some ICU versions print midnight as 24 even with h23.
  return Date.UTC(year, month - 1, day, hour % 24, minute, second);
}

/** The local day (days since 1970-01-01 in the zone) an instant falls on. */
export function localDayOf(zone: Zone, instantMs: number): number {
  return Math.floor((instantMs + zone.offsetAt(instantMs)) / DAY_MS);
}

/**
 * The first instant at which the zone's wall clock reads `wallMs` or later. A wall time that
 * happens twice (fall-back) resolves to its first occurrence; one that never happens
 * (spring-forward gap) resolves to the moment the clock jumps past it. Both rules keep the
 * mapping monotonic, so intervals built from it never overlap or reverse.
 */
export function firstInstantAtOrAfter(zone: Zone, wallMs: number): number {
  const offsets = new Set([
    zone.offsetAt(wallMs - DAY_MS),
    zone.offsetAt(wallMs),
    zone.offsetAt(wallMs + DAY_MS),
  ]);
  const candidates = [...offsets].map((offset) => wallMs - offset);
  const exact = candidates.filter((instant) => zone.offsetAt(instant) === wallMs - instant);
  if (exact.length > 0) return Math.min(...exact);
  return searchGapEnd(zone, wallMs, Math.min(...candidates), Math.max(...candidates));
}

/** Bisects (to the second, as tz transitions are) for the instant the clock jumps past `wallMs`. */
function searchGapEnd(zone: Zone, wallMs: number, low: number, high: number): number {
  const reached = (instant: number) => instant + zone.offsetAt(instant) >= wallMs;
  let before = low;
  let after = high;
  while (after - before > SECOND_MS) {
    const mid = before + Math.floor((after - before) / 2 / SECOND_MS) * SECOND_MS;
    if (reached(mid)) after = mid;
    else before = mid;
  }
  return after;
}

/**
 * Resolves wall-clock times of one local day to instants. Most days have one offset throughout,
 * so the common case costs three offset look-ups per day instead of several per interval edge.
 */
export function dayResolver(zone: Zone, day: number): (wallMs: number) => number {
  const start = day * DAY_MS;
  const offset = zone.offsetAt(start - zone.offsetAt(start));
  const end = start + DAY_MS;
  if (zone.offsetAt(start - offset) === offset && zone.offsetAt(end - offset) === offset) {
    return (wallMs) => wallMs - offset;
  }
  return (wallMs) => firstInstantAtOrAfter(zone, wallMs);
}
