/** Units a person sets targets and timers in; the API counts seconds. */
export const DURATION_UNITS = [
  { value: "m", label: "minutes", seconds: 60 },
  { value: "h", label: "hours", seconds: 3_600 },
  { value: "d", label: "days", seconds: 86_400 },
] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number]["value"];

const SECONDS: Record<DurationUnit, number> = { m: 60, h: 3_600, d: 86_400 };

/** The largest unit that shows the seconds as a whole number: 5400 -> 90 minutes, 7200 -> 2 hours. */
export function splitDuration(seconds: number): { amount: number; unit: DurationUnit } {
  for (const unit of ["d", "h"] as const) {
    if (seconds >= SECONDS[unit] && seconds % SECONDS[unit] === 0)
      return { amount: seconds / SECONDS[unit], unit };
  }
  return { amount: Math.round((seconds / 60) * 100) / 100, unit: "m" };
}

export function joinDuration(amount: number, unit: DurationUnit): number {
  return Math.round(amount * SECONDS[unit]);
}

/** "1h 30m", "2d", "45m": short, for tables. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "—";
  if (seconds < 60) return `${seconds}s`;
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3_600);
  const m = Math.floor((seconds % 3_600) / 60);
  return [d ? `${d}d` : "", h ? `${h}h` : "", m ? `${m}m` : ""].filter(Boolean).join(" ");
}
