import dayjs from "dayjs";
import { useSyncExternalStore } from "react";

/** Shared ticking clocks, one timer per tick length, so a list of 200 rows does not start 200 timers. */
interface Clock {
  now: number;
  timer: ReturnType<typeof setInterval> | undefined;
  listeners: Set<() => void>;
  subscribe: (listener: () => void) => () => void;
  read: () => number;
}

const clocks = new Map<number, Clock>();

function clockOf(tickMs: number): Clock {
  const existing = clocks.get(tickMs);
  if (existing) return existing;
  const clock: Clock = {
    now: Date.now(),
    timer: undefined,
    listeners: new Set(),
    subscribe: (listener) => {
      clock.listeners.add(listener);
      if (!clock.timer) {
        clock.now = Date.now();
        clock.timer = setInterval(() => {
          clock.now = Date.now();
          for (const l of clock.listeners) l();
        }, tickMs);
      }
      return () => {
        clock.listeners.delete(listener);
        if (clock.listeners.size === 0 && clock.timer) {
          clearInterval(clock.timer);
          clock.timer = undefined;
        }
      };
    },
    read: () => clock.now,
  };
  clocks.set(tickMs, clock);
  return clock;
}

/** The current time, re-read every `tickMs` (15 s by default; 1 s where seconds are shown). */
export function useNow(tickMs = 15_000): number {
  const clock = clockOf(tickMs);
  return useSyncExternalStore(clock.subscribe, clock.read);
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
