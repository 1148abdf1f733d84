import type { Role } from "@parley/contracts";
import { and, eq } from "drizzle-orm";
import { findUserByEmail } from "../modules/auth/auth.repo";
import { replaceMembers } from "../modules/teams/teams.repo";
import { createUser } from "../modules/users/create-user";
import { createWorkspace } from "../modules/workspaces/create-workspace";
import { findWorkspaceBySlug } from "../modules/workspaces/workspaces.repo";
import type { Queryable } from "../platform/db";
import { memberships, teams } from "../platform/db/schema";
import { newId } from "../platform/ids";
import { seedDemoContent } from "./seed-content";
import { seedDemoWorkflow } from "./seed-workflow";

export const DEMO_WORKSPACE = { slug: "acme", name: "Acme Telecom", timezone: "America/New_York" };
/** Demo only: printed at start and listed in the README. */
export const DEMO_PASSWORD = "parley-demo";

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "agent@acme.example", name: "Alex Agent", role: "agent" },
  { email: "lead@acme.example", name: "Lee Lead", role: "lead" },
  { email: "approver@acme.example", name: "Avery Approver", role: "approver" },
  { email: "admin@acme.example", name: "Ada Admin", role: "admin" },
  { email: "analyst@acme.example", name: "Ana Analyst", role: "analyst" },
];

const DEMO_TEAMS = [
  {
    name: "Social Care",
    description: "First line for every public mention and DM",
    skills: ["general", "billing"],
    languages: ["en", "es"],
  },
  {
    name: "Network & Outages",
    description: "Service outages, coverage and technical faults",
    skills: ["technical", "outage"],
    languages: ["en"],
  },
  {
    name: "PR & Escalations",
    description: "Crises, influencers, legal-sensitive replies",
    skills: ["pr", "legal"],
    languages: ["en"],
  },
];

/**
 * Creates the demo workspace, one user per role, three teams and their workflow (business hours,
 * SLA policies, rules). Idempotent: whatever already exists is left alone, so starting twice
 * duplicates nothing.
 */
export async function seedDemo(db: Queryable, now: Date): Promise<{ created: boolean }> {
  let workspace = await findWorkspaceBySlug(db, DEMO_WORKSPACE.slug);
  const created = !workspace;
  workspace ??= await createWorkspace(db, DEMO_WORKSPACE, now);
  const workspaceId = workspace.id;
  const userIds: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    const existing = await findUserByEmail(db, u.email);
    const [member] = existing
      ? await db
          .select()
          .from(memberships)
          .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, existing.id)))
      : [];
    const user =
      member && existing
        ? existing
        : await createUser(db, { workspaceId, ...u, password: DEMO_PASSWORD, languages: ["en"] }, now);
    userIds[u.role] = user.id;
  }
  const haveTeams = await db
    .select({ id: teams.id })
    .from(teams)
    .where(eq(teams.workspaceId, workspaceId))
    .limit(1);
  if (haveTeams.length === 0) {
    for (const t of DEMO_TEAMS) {
      const id = newId();
      await db.insert(teams).values({ id, workspaceId, ...t, createdAt: now, updatedAt: now });
      const members =
        t.name === "PR & Escalations" ? [userIds.lead, userIds.approver] : [userIds.agent, userIds.lead];
      await replaceMembers(
        db,
        workspaceId,
        id,
        members.filter((m): m is string => Boolean(m)),
        now,
      );
    }
  }
  await seedDemoWorkflow(db, workspaceId, now);
  await seedDemoContent(db, workspaceId, now);
  return { created };
}
