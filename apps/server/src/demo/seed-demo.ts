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

/**
 * The rest of Acme's care floor (agents, password DEMO_PASSWORD too), so the supervisor view and
 * per-agent reports have a team to show. `teams` names the demo teams each one works in.
 */
export const DEMO_AGENTS: { email: string; name: string; languages: string[]; teams: string[] }[] = [
  { email: "maya.chen@acme.example", name: "Maya Chen", languages: ["en"], teams: ["Social Care"] },
  {
    email: "jordan.reyes@acme.example",
    name: "Jordan Reyes",
    languages: ["en", "es"],
    teams: ["Social Care"],
  },
  {
    email: "priya.nair@acme.example",
    name: "Priya Nair",
    languages: ["en"],
    teams: ["Social Care", "Network & Outages"],
  },
  {
    email: "tomas.garcia@acme.example",
    name: "Tomás García",
    languages: ["es", "en"],
    teams: ["Social Care"],
  },
  { email: "sam.okafor@acme.example", name: "Sam Okafor", languages: ["en"], teams: ["Network & Outages"] },
  {
    email: "elena.petrova@acme.example",
    name: "Elena Petrova",
    languages: ["en", "de"],
    teams: ["Network & Outages"],
  },
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
 * Creates the demo workspace, one user per role plus six more agents, three teams and their workflow (business hours,
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
  const agentIds: Record<string, string> = {};
  for (const a of DEMO_AGENTS) {
    const existing = await findUserByEmail(db, a.email);
    const [member] = existing
      ? await db
          .select()
          .from(memberships)
          .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, existing.id)))
      : [];
    const user =
      member && existing
        ? existing
        : await createUser(
            db,
            {
              workspaceId,
              email: a.email,
              name: a.name,
              role: "agent",
              password: DEMO_PASSWORD,
              languages: a.languages,
            },
            now,
          );
    agentIds[a.email] = user.id;
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
        t.name === "PR & Escalations"
          ? [userIds.lead, userIds.approver]
          : [
              userIds.agent,
              userIds.lead,
              ...DEMO_AGENTS.filter((a) => a.teams.includes(t.name)).map((a) => agentIds[a.email]),
            ];
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
