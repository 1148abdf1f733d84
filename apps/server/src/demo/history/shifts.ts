import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db";
import { bulkInsert } from "../../platform/db/bulk";
import { agentAvailabilityHistory, memberships } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { DAY, HOUR, OPEN, type Zone } from "./calendar";
import type { Rng } from "./random";

/* Staff shifts: the weekly rota each agent works, written as their availability history. */

export interface Shift {
  userId: string;
  rows: { availability: "available" | "away" | "offline"; from: number; to: number }[];
}

/** Weekly rotas: early (8–16:30) or late (11:30–20), two days off, breaks; leads 9–17:30 weekdays. */
export function planShifts(
  rng: Rng,
  z: Zone,
  staff: { userId: string; lead: boolean }[],
  start: number,
  now: number,
): Shift[] {
  return staff.map((s, i) => {
    const rows: Shift["rows"] = [];
    let cursor = start;
    const push = (availability: Shift["rows"][number]["availability"], from: number, to: number) => {
      if (to <= from) return;
      const prev = rows[rows.length - 1];
      if (prev && prev.availability === availability && prev.to === from) prev.to = to;
      else rows.push({ availability, from, to });
    };
    for (let midnight = z.midnight(start); midnight < now; midnight += DAY) {
      const day = new Date(midnight).getUTCDay();
      const off = s.lead ? day === 0 || day === 6 : (day + i) % 7 === 0 || (day + i) % 7 === 1;
      if (off || !OPEN[day]) continue;
      const late = !s.lead && day !== 6 && i % 2 === 1;
      const [from, to] = day === 6 ? [10, 16] : s.lead ? [9, 17.5] : late ? [11.5, 20] : [8, 16.5];
      const jitter = () => rng.between(-8, 8) / 60;
      const begin = z.at(midnight, from + jitter());
      const end = z.at(midnight, to + jitter());
      push("offline", cursor, begin);
      const breaks =
        day === 6
          ? [[2.5, 0.25]]
          : [
              [2, 0.25],
              [4, 0.5],
              [6.5, 0.25],
            ];
      let t = begin;
      for (const [after, length] of breaks as [number, number][]) {
        const b = begin + (after + jitter()) * HOUR;
        push("available", t, b);
        push("away", b, b + length * HOUR);
        t = b + length * HOUR;
      }
      push("available", t, end);
      cursor = end;
    }
    push("offline", cursor, now);
    return {
      userId: s.userId,
      rows: rows.filter((r) => r.from < now).map((r) => ({ ...r, to: Math.min(r.to, now) })),
    };
  });
}

export const availableAt = (shift: Shift, ms: number) =>
  shift.rows.some((r) => r.availability === "available" && r.from <= ms && ms < r.to);

/**
 * Writes the rota as availability history (replacing whatever the range had), each agent's open
 * row saying what they are now; and puts their current availability back on their membership.
 */
export async function writeAvailability(
  db: Db,
  workspaceId: string,
  members: Pick<typeof memberships.$inferSelect, "userId" | "availability">[],
  shifts: Shift[],
  startAt: number,
): Promise<number> {
  for (const s of members)
    await db
      .update(memberships)
      .set({ availability: s.availability })
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, s.userId)));
  const current = new Map(members.map((s) => [s.userId, s.availability]));
  const availability = shifts.flatMap((s) =>
    s.rows.map((row, i) => {
      const open = i === s.rows.length - 1;
      return {
        id: newId(),
        workspaceId,
        userId: s.userId,
        availability: open ? (current.get(s.userId) ?? row.availability) : row.availability,
        startedAt: new Date(row.from),
        endedAt: open ? null : new Date(row.to),
      };
    }),
  );
  await db.transaction(async (tx) => {
    await tx.delete(agentAvailabilityHistory).where(
      and(
        eq(agentAvailabilityHistory.workspaceId, workspaceId),
        inArray(
          agentAvailabilityHistory.userId,
          members.map((s) => s.userId),
        ),
        sql`${agentAvailabilityHistory.startedAt} >= ${new Date(startAt)}`,
      ),
    );
    for (let i = 0; i < availability.length; i += 2000)
      await bulkInsert(tx, agentAvailabilityHistory, availability.slice(i, i + 2000));
  });
  return availability.length;
}
