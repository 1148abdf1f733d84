/** Graph REST objects: ISO-8601 without milliseconds and with a `+0000` offset (§0.3). */
export function graphTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}+0000`;
}

/** Page feed `created_time`, feed `entry.time`: epoch seconds as a number. */
export function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** WhatsApp `timestamp`: epoch seconds as a string. */
export function epochSecondsString(date: Date): string {
  return String(epochSeconds(date));
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
