import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db";
import { memberships, teamMembers, teams, users } from "../../platform/db/schema";
import type { Rng } from "./random";
import { availableAt, type Shift } from "./shifts";

/** Who works: the agents and the lead, on their teams. */
export interface Staff {
  members: Pick<typeof memberships.$inferSelect, "userId" | "role" | "availability">[];
  teams: { teamId: string; userId: string; name: string }[];
  lead: string;
  /** Initials per user: how a public reply on X is signed. */
  initials: Map<string, string>;
}

/** The workspace's agents and leads, or null when it has none (nothing to write a history for). */
export async function loadStaff(db: Db, workspaceId: string): Promise<Staff | null> {
  const members = await db
    .select({ userId: memberships.userId, role: memberships.role, availability: memberships.availability })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.role, ["agent", "lead"])));
  if (members.length === 0) return null;
  const teamRows = await db
    .select({ teamId: teamMembers.teamId, userId: teamMembers.userId, name: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.workspaceId, workspaceId));
  const nameRows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      inArray(
        users.id,
        members.map((s) => s.userId),
      ),
    );
  const lead = members.find((s) => s.role === "lead")?.userId ?? (members[0]?.userId as string);
  const initials = new Map(
    nameRows.map((u) => [
      u.id,
      u.name
        .split(/\s+/)
        .map((w) => w[0])
        .join(""),
    ]),
  );
  return { members, teams: teamRows, lead, initials };
}

/** How the history hands conversations out: to an agent on shift in the conversation's team. */
export interface Routing {
  pickAgent(teamId: string | null, at: number): string;
  lead: string;
  prTeam: string | null;
  careTeam: string | null;
  /** Each agent's first team other than PR & Escalations. */
  teamOfUser: Map<string, string>;
}

export function createRouting(rng: Rng, staff: Staff, shifts: Shift[]): Routing {
  const { members, lead } = staff;
  const shiftOf = new Map(shifts.map((s) => [s.userId, s]));
  const membersOf = new Map<string, string[]>();
  for (const t of staff.teams) {
    if (!members.some((s) => s.userId === t.userId)) continue;
    membersOf.set(t.teamId, [...(membersOf.get(t.teamId) ?? []), t.userId]);
  }
  const prTeam = staff.teams.find((t) => t.name === "PR & Escalations")?.teamId ?? null;
  const careTeam = staff.teams.find((t) => t.name === "Social Care")?.teamId ?? null;
  const teamOfUser = new Map<string, string>();
  for (const t of staff.teams)
    if (!teamOfUser.has(t.userId) && t.teamId !== prTeam) teamOfUser.set(t.userId, t.teamId);
  const load = new Map<string, number>();
  const pickAgent = (teamId: string | null, at: number) => {
    const inTeam = (teamId && membersOf.get(teamId)?.filter((u) => u !== lead)) || [];
    const pool = inTeam.length > 0 ? inTeam : members.map((s) => s.userId).filter((u) => u !== lead);
    const onShift = pool.filter((u) => availableAt(shiftOf.get(u) as Shift, at));
    const from = onShift.length > 0 ? onShift : pool;
    // Push routing hands it to whoever has the least on their plate.
    const chosen =
      [...from].sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || (rng.next() < 0.5 ? -1 : 1))[0] ??
      lead;
    load.set(chosen, (load.get(chosen) ?? 0) + 1);
    return chosen;
  };
  return { pickAgent, lead, prTeam, careTeam, teamOfUser };
}
