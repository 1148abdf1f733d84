import dayjs from "dayjs";
import { useSyncExternalStore } from "react";

/** One shared ticking clock, so a list of 200 rows does not start 200 timers. */
const TICK_MS = 15_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Compact age for dense lists: "now", "4m", "3h", "2d", then a date. */
export function formatAgo(iso: string, at: number): string {
  const then = dayjs(iso);
  const ms = Math.max(0, at - then.valueOf());
  if (ms < MINUTE) return "now";
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)}m`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)}h`;
  if (ms < 7 * DAY) return `${Math.floor(ms / DAY)}d`;
  return then.year() === dayjs(at).year() ? then.format("D MMM") : then.format("D MMM YYYY");
}

/** A positive duration as "45s", "12m", "1h 05m", "2d 3h". */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return `${Math.max(1, Math.floor(abs / 1000))}s`;
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)}m`;
  if (abs < DAY) {
    const minutes = Math.floor((abs % HOUR) / MINUTE);
    return `${Math.floor(abs / HOUR)}h ${String(minutes).padStart(2, "0")}m`;
  }
  return `${Math.floor(abs / DAY)}d ${Math.floor((abs % DAY) / HOUR)}h`;
}

export function formatFull(iso: string): string {
  return dayjs(iso).format("ddd D MMM YYYY, HH:mm");
}

export function formatTime(iso: string): string {
  const then = dayjs(iso);
  return then.isSame(dayjs(), "day") ? then.format("HH:mm") : then.format("D MMM, HH:mm");
}
