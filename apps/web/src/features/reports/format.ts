/*
 * Number formatting of the reports: durations arrive in seconds, shares as 0..1, and either may be
 * null when there is nothing to measure (docs/metrics.md), which shows as an en dash.
 */

export const NONE = "–";

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pad = (n: number) => String(n).padStart(2, "0");

/** A duration in seconds as "45s", "12m 30s", "3h 05m", "2d 4h". */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return NONE;
  const s = Math.round(Math.max(0, seconds));
  if (s < MINUTE) return `${s}s`;
  if (s < HOUR) {
    const rest = s % MINUTE;
    return rest === 0 ? `${Math.floor(s / MINUTE)}m` : `${Math.floor(s / MINUTE)}m ${pad(rest)}s`;
  }
  if (s < DAY) return `${Math.floor(s / HOUR)}h ${pad(Math.floor((s % HOUR) / MINUTE))}m`;
  return `${Math.floor(s / DAY)}d ${Math.floor((s % DAY) / HOUR)}h`;
}

/** A duration for an axis tick: one unit, rounded ("45s", "12m", "3h", "2d"). */
export function formatSecondsShort(seconds: number): string {
  const s = Math.max(0, seconds);
  if (s < MINUTE) return `${Math.round(s)}s`;
  if (s < HOUR) return `${Math.round(s / MINUTE)}m`;
  if (s < DAY) return `${+(s / HOUR).toFixed(1)}h`;
  return `${+(s / DAY).toFixed(1)}d`;
}

/** A share (0..1) as "87%"; under 10% with one decimal ("4.3%") so small shares do not read as 0%. */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return NONE;
  const pct = share * 100;
  if (pct === 0 || pct >= 10 || Number.isInteger(pct)) return `${Math.round(pct)}%`;
  return `${pct.toFixed(1)}%`;
}

const countFormat = new Intl.NumberFormat("en-US");

/** A count with thousands separators: "12,480". */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? NONE : countFormat.format(n);
}

/** `part / whole` as a share, or null when the whole is 0. */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
