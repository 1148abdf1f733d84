/*
 * Occupancy (SPEC M7): the share of an agent's staffed time spent handling conversations. Pure.
 * Staffed time is time signed in and working, "available" or "busy" (busy agents still work the
 * conversations they hold; they only get no new ones); "away" and "offline" are not staffed.
 * The changes come from the agents' availability history (availabilityChanges of
 * users/availability-history.ts); before an agent's first known change, their state is unknown
 * and counts as not staffed.
 */
import type { AvailabilityChange } from "../users/availability-history";
import type { ActivitySegment } from "./handling-time";

export interface AgentOccupancy {
  user_id: string;
  handling_s: number;
  staffed_s: number;
  /** handling / staffed; null without staffed time. Over 1 when an agent works several conversations at once. */
  occupancy: number | null;
}

const STAFFED = new Set(["available", "busy"]);

/** Seconds each user was staffed within [from, to), from their changes (those before `from` give the start state). */
export function staffedSeconds(
  changes: readonly AvailabilityChange[],
  from: Date,
  to: Date,
): Map<string, number> {
  const byUser = new Map<string, AvailabilityChange[]>();
  for (const c of changes) byUser.set(c.userId, [...(byUser.get(c.userId) ?? []), c]);
  const out = new Map<string, number>();
  for (const [user, list] of byUser) {
    list.sort((a, b) => a.at.getTime() - b.at.getTime());
    let total = 0;
    list.forEach((c, i) => {
      if (!STAFFED.has(c.availability)) return;
      const start = Math.max(c.at.getTime(), from.getTime());
      const end = Math.min(list[i + 1]?.at.getTime() ?? Infinity, to.getTime());
      if (end > start) total += (end - start) / 1000;
    });
    out.set(user, total);
  }
  return out;
}

/** Active seconds per user within [from, to): segments on several conversations at once add up. */
export function activeSeconds(
  segments: readonly ActivitySegment[],
  from: Date,
  to: Date,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of segments) {
    const start = Math.max(s.start.getTime(), from.getTime());
    const end = Math.min(s.end.getTime(), to.getTime());
    if (end > start) out.set(s.userId, (out.get(s.userId) ?? 0) + (end - start) / 1000);
  }
  return out;
}

export function occupancy(
  segments: readonly ActivitySegment[],
  changes: readonly AvailabilityChange[],
  from: Date,
  to: Date,
): AgentOccupancy[] {
  const active = activeSeconds(segments, from, to);
  const staffed = staffedSeconds(changes, from, to);
  const users = [...new Set([...active.keys(), ...staffed.keys()])].sort();
  return users.map((user_id) => {
    const handling_s = active.get(user_id) ?? 0;
    const staffed_s = staffed.get(user_id) ?? 0;
    return { user_id, handling_s, staffed_s, occupancy: staffed_s > 0 ? handling_s / staffed_s : null };
  });
}
