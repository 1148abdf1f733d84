/*
 * Calendar days of a time zone, for the reports' per-day series: a conversation belongs to the
 * workspace's local day it started on, so a chart of "Monday" means the desk's Monday.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function parts(at: number, timeZone: string) {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(at))
    if (p.type !== "literal") out[p.type] = Number(p.value);
  return out as Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The local date of an instant, as YYYY-MM-DD. */
export function localDate(at: Date, timeZone: string): string {
  const p = parts(at.getTime(), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Local time minus UTC at an instant, in ms. */
function offsetMs(at: number, timeZone: string): number {
  const p = parts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** The instant a local date begins (its first instant, also across a DST change). */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const naive = Date.parse(`${date}T00:00:00Z`);
  let t = naive - offsetMs(naive, timeZone);
  t = naive - offsetMs(t, timeZone);
  return new Date(t);
}

const nextDate = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The local days [from, to) touches, each with the instants it starts and ends within the period. */
export function daysOf(from: Date, to: Date, timeZone: string): { date: string; start: Date; end: Date }[] {
  const days: { date: string; start: Date; end: Date }[] = [];
  for (let date = localDate(from, timeZone); ; date = nextDate(date)) {
    const start = new Date(Math.max(startOfLocalDate(date, timeZone).getTime(), from.getTime()));
    if (start >= to) break;
    const end = new Date(Math.min(startOfLocalDate(nextDate(date), timeZone).getTime(), to.getTime()));
    days.push({ date, start, end });
  }
  return days;
}
