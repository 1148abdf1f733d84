/*
 * "Today" in the workspace's time zone: the supervisor view counts from local midnight, so a desk
 * in New York starts its day at 05:00 UTC, not at UTC midnight.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockOf(instantMs: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(instantMs))
    if (part.type !== "literal") p[part.type] = Number(part.value);
  return Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
}

/** The instant local midnight of `now`'s day began (its first instant, if a DST jump skips 00:00). */
export function localDayStart(now: Date, timeZone: string): Date {
  const wall = wallClockOf(now.getTime(), timeZone);
  const midnightWall = wall - (((wall % 86_400_000) + 86_400_000) % 86_400_000);
  // The offset at the guessed instant, corrected once more in case midnight sits across a change.
  let guess = midnightWall - (wall - now.getTime());
  for (let i = 0; i < 3; i++) {
    const offset = wallClockOf(guess, timeZone) - guess;
    const next = midnightWall - offset;
    if (next === guess) break;
    guess = next;
  }
  // A zone that jumps over midnight (e.g. America/Havana, Asia/Beirut in spring): the day begins at
  // the first instant whose wall clock is on the new date.
  // One that repeats it (a fall-back at midnight): the first of the two.
  for (let i = 0; i < 180 && wallClockOf(guess, timeZone) < midnightWall; i++) guess += 60_000;
  for (let i = 0; i < 180 && wallClockOf(guess - 60_000, timeZone) >= midnightWall; i++) guess -= 60_000;
  return new Date(guess);
}
