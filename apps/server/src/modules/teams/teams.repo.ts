import type { Team } from "@parley/contracts";
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { memberships, teamMembers, teams } from "../../platform/db/schema";

type TeamRow = typeof teams.$inferSelect;

export async function listTeams(db: Queryable, workspaceId: string, limit: number, after: string | null) {
  const rows = await db
    .select()
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), after ? gt(teams.id, after) : undefined))
    .orderBy(asc(teams.id))
    .limit(limit + 1);
  return withMembers(db, rows);
}

export async function findTeam(db: Queryable, workspaceId: string, id: string) {
  const rows = await db
    .select()
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, id)))
    .limit(1);
  return (await withMembers(db, rows))[0];
}

/** Which of `userIds` are not members of the workspace (a team may only hold members). */
export async function nonMembers(db: Queryable, workspaceId: string, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, userIds)));
  const known = new Set(rows.map((r) => r.userId));
  return userIds.filter((id) => !known.has(id));
}

export async function replaceMembers(
  db: Queryable,
  workspaceId: string,
  teamId: string,
  userIds: string[],
  now: Date,
) {
  await db.delete(teamMembers).where(eq(teamMembers.teamId, teamId));
  const unique = [...new Set(userIds)];
  if (unique.length > 0) {
    await db
      .insert(teamMembers)
      .values(unique.map((userId) => ({ workspaceId, teamId, userId, createdAt: now })));
  }
}

async function withMembers(db: Queryable, rows: TeamRow[]) {
  if (rows.length === 0) return [];
  const links = await db
    .select({ teamId: teamMembers.teamId, userId: teamMembers.userId })
    .from(teamMembers)
    .where(
      inArray(
        teamMembers.teamId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({ ...r, memberIds: links.filter((l) => l.teamId === r.id).map((l) => l.userId) }));
}

export function toTeamDto(t: TeamRow & { memberIds: string[] }): Team {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    skills: t.skills,
    languages: t.languages,
    routing: t.routing,
    member_ids: t.memberIds,
    created_at: t.createdAt.toISOString(),
  };
}
