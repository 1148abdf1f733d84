import { addBusinessMs, businessMsBetween } from "./business-time";
import type { Calendar } from "./calendar";

/** A stretch during which the resolution clock stood still; `to` is null while it still does. */
export interface SlaPause {
  from: Date;
  to: Date | null;
}

/** A pause as instants, sorted and merged; `to` is +Infinity for a pause still running. */
export interface PauseSpan {
  readonly from: number;
  readonly to: number;
}

/** Validates, sorts and merges pauses, dropping any that end before the clock starts. */
export function normalizePauses(pauses: readonly SlaPause[], startMs: number): PauseSpan[] {
  const spans = pauses.map((pause, i) => {
    const from = pause.from.getTime();
    const to = pause.to === null ? Number.POSITIVE_INFINITY : pause.to.getTime();
    if (Number.isNaN(from) || Number.isNaN(to) || to < from) {
      throw new RangeError(
        `facts.pauses[${i}] must have a valid from and a to that is null or not before it`,
      );
    }
    return { from: Math.max(from, startMs), to };
  });
  spans.sort((a, b) => a.from - b.from);
  const merged: PauseSpan[] = [];
  for (const span of spans) {
    if (span.to <= startMs) continue;
    const last = merged.at(-1);
    if (last && span.from <= last.to) {
      merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, span.to) };
    } else {
      merged.push(span);
    }
  }
  return merged;
}

/** Business time from `startMs` to `endMs` that was not paused. */
export function unpausedMsBetween(
  calendar: Calendar,
  startMs: number,
  endMs: number,
  pauses: readonly PauseSpan[],
): number {
  if (endMs <= startMs) return 0;
  let total = businessMsBetween(calendar, startMs, endMs);
  for (const pause of pauses) {
    const from = Math.max(pause.from, startMs);
    const to = Math.min(pause.to, endMs);
    if (to > from) total -= businessMsBetween(calendar, from, to);
  }
  return total;
}

/**
 * The instant `ms` of unpaused business time have elapsed after `startMs`, or null when a pause
 * that is still running stops the clock first. Each stretch between pauses is measured before it
 * is walked, so the cost stays one walk over the days whatever the number of pauses.
 */
export function instantAfterUnpaused(
  calendar: Calendar,
  startMs: number,
  ms: number,
  pauses: readonly PauseSpan[],
): number | null {
  let cursor = startMs;
  let remaining = ms;
  for (const pause of pauses) {
    if (pause.to <= cursor) continue;
    if (pause.from > cursor) {
      const available = businessMsBetween(calendar, cursor, pause.from);
      if (available >= remaining) return addBusinessMs(calendar, cursor, remaining);
      remaining -= available;
    }
    if (pause.to === Number.POSITIVE_INFINITY) return null;
    cursor = pause.to;
  }
  return addBusinessMs(calendar, cursor, remaining);
}

/** Whether a pause covers `atMs`. */
export function isPausedAt(pauses: readonly PauseSpan[], atMs: number): boolean {
  return pauses.some((pause) => pause.from <= atMs && atMs < pause.to);
}
