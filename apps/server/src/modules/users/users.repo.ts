import type { User } from "@parley/contracts";
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { memberships, teamMembers, users } from "../../platform/db/schema";

const memberColumns = {
  user: users,
  role: memberships.role,
  availability: memberships.availability,
  capacity: memberships.capacity,
  skills: memberships.skills,
  languages: memberships.languages,
  approvalSamplePercent: memberships.approvalSamplePercent,
};

type MemberRow = {
  user: typeof users.$inferSelect;
  role: User["role"];
  availability: User["availability"];
  capacity: number;
  skills: string[];
  languages: string[];
  approvalSamplePercent: number;
};

/** Members of a workspace by id order (UUIDv7, so creation order); `after` is the last id seen. */
export async function listMembers(db: Queryable, workspaceId: string, limit: number, after: string | null) {
  const rows = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), after ? gt(users.id, after) : undefined))
    .orderBy(asc(users.id))
    .limit(limit + 1);
  return withTeams(db, workspaceId, rows);
}

/** One member of the workspace, or undefined when the user is not in it (callers answer 404). */
export async function findMember(db: Queryable, workspaceId: string, userId: string) {
  const rows = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .limit(1);
  return (await withTeams(db, workspaceId, rows))[0];
}

export async function countAdmins(db: Queryable, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "admin")));
  return row?.n ?? 0;
}

async function withTeams(db: Queryable, workspaceId: string, rows: MemberRow[]) {
  if (rows.length === 0) return [];
  const links = await db
    .select({ userId: teamMembers.userId, teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(
      and(
        eq(teamMembers.workspaceId, workspaceId),
        inArray(
          teamMembers.userId,
          rows.map((r) => r.user.id),
        ),
      ),
    );
  return rows.map((r) => ({
    ...r,
    teamIds: links.filter((l) => l.userId === r.user.id).map((l) => l.teamId),
  }));
}

export type Member = MemberRow & { teamIds: string[] };

export function toUserDto(m: Member): User {
  return {
    id: m.user.id,
    email: m.user.email,
    name: m.user.name,
    role: m.role,
    availability: m.availability,
    capacity: m.capacity,
    skills: m.skills,
    languages: m.languages,
    approval_sample_percent: m.approvalSamplePercent,
    team_ids: m.teamIds,
    last_login_at: m.user.lastLoginAt?.toISOString() ?? null,
    created_at: m.user.createdAt.toISOString(),
  };
}
