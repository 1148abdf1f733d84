import type { Rng } from "./random";

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** Wall-clock reading in a time zone, cached per UTC hour (offsets only change on the hour). */
export function zone(timezone: string) {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone: timezone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  });
  const offsets = new Map<number, number>();
  const offset = (ms: number) => {
    const key = Math.floor(ms / HOUR);
    let o = offsets.get(key);
    if (o === undefined) {
      const p = Object.fromEntries(format.formatToParts(new Date(key * HOUR)).map((x) => [x.type, x.value]));
      const asUtc = Date.UTC(
        Number(p.year),
        Number(p.month) - 1,
        Number(p.day),
        Number(p.hour),
        Number(p.minute),
      );
      o = asUtc - key * HOUR;
      offsets.set(key, o);
    }
    return o;
  };
  return {
    /** Local weekday (0 = Sunday) and fractional hour. */
    local(ms: number) {
      const d = new Date(ms + offset(ms));
      return { day: d.getUTCDay(), hour: d.getUTCHours() + d.getUTCMinutes() / 60, date: d };
    },
    /** The instant of a local date (its UTC-shifted midnight) plus `hours`. */
    at(localMidnight: number, hours: number) {
      const guess = localMidnight + hours * HOUR;
      return guess - offset(guess - offset(guess));
    },
    /** Local midnight of the day holding `ms`, as a UTC-shifted timestamp. */
    midnight(ms: number) {
      const d = new Date(ms + offset(ms));
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    },
  };
}
export type Zone = ReturnType<typeof zone>;

/** Acme's care hours (seed-workflow): weekdays 8–20, Saturday 10–16, closed Sunday. */
export const OPEN: Record<number, [number, number] | undefined> = {
  1: [8, 20],
  2: [8, 20],
  3: [8, 20],
  4: [8, 20],
  5: [8, 20],
  6: [10, 16],
};
export const inHours = (z: Zone, ms: number) => {
  const { day, hour } = z.local(ms);
  const o = OPEN[day];
  return o !== undefined && hour >= o[0] && hour < o[1];
};
/** The next opening at or after `ms`. */
export function nextOpen(z: Zone, ms: number): number {
  if (inHours(z, ms)) return ms;
  let midnight = z.midnight(ms);
  for (let i = 0; i < 8; i++, midnight += DAY) {
    const day = new Date(midnight).getUTCDay();
    const o = OPEN[day];
    if (!o) continue;
    const opens = z.at(midnight, o[0]);
    if (opens >= ms) return opens;
  }
  return ms;
}

/** Share of a day's posts per local hour: quiet nights, a lunch bump, the evening peak. */
const HOURLY = [
  0.8, 0.5, 0.4, 0.3, 0.3, 0.5, 1.2, 2.6, 4.6, 5.8, 6.2, 6.4, 6.9, 6.6, 6.0, 5.8, 5.9, 6.3, 6.8, 6.9, 6.1,
  4.6, 3.0, 1.7,
];
const HOURLY_TOTAL = HOURLY.reduce((a, b) => a + b, 0);
export function arrivalHour(rng: Rng): number {
  let r = rng.next() * HOURLY_TOTAL;
  for (let h = 0; h < 24; h++) {
    r -= HOURLY[h] as number;
    if (r <= 0) return h + rng.next();
  }
  return 23 + rng.next();
}
