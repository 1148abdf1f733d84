import type { SupervisorOverview } from "@parley/contracts";
import { eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { teams, workspaces } from "../../platform/db/schema";
import { found } from "../../platform/http/problem";
import { agentsNow, type PresenceReader } from "./agents-now";
import { crisisNow } from "./crisis-now";
import { localDayStart } from "./local-day";
import { queueDepth } from "./queue-depth";
import { slaNow } from "./sla-now";

export interface LivePresence {
  /** Conversation ids someone is in (any workspace: the overview scopes them). */
  occupied: () => Iterable<string>;
  presence: PresenceReader;
}

/**
 * The desk right now (SPEC A5): queue depth, the SLA today and in the coming hour, every agent's
 * state and load, and any crisis. Read-only; each part is a few indexed queries, run side by side.
 */
export async function supervisorOverview(
  db: Queryable,
  workspaceId: string,
  live: LivePresence,
  now: Date,
): Promise<SupervisorOverview> {
  const [workspace] = await db
    .select({ timezone: workspaces.timezone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const { timezone } = found(workspace, "Workspace");
  const dayStart = localDayStart(now, timezone);
  const teamRows = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.workspaceId, workspaceId));
  const teamNames = new Map(teamRows.map((t) => [t.id, t.name]));
  const [{ queue, breached }, sla, agents, crisis] = await Promise.all([
    queueDepth(db, workspaceId, teamNames, now),
    slaNow(db, workspaceId, dayStart, now),
    agentsNow(db, workspaceId, live, dayStart, now),
    crisisNow(db, workspaceId),
  ]);
  return {
    generated_at: now.toISOString(),
    timezone,
    day_start: dayStart.toISOString(),
    queue,
    sla: { ...sla, breached_now: breached },
    agents,
    crisis,
  };
}
