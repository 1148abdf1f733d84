import { ACTIVE_STATUSES } from "@parley/contracts";
import { sql } from "drizzle-orm";
import { recordset } from "../../pipeline/steps/batch";
import { type Queryable, queryRows } from "../../platform/db";
import { bulkInsert } from "../../platform/db/bulk";
import { conversationEvents } from "../../platform/db/schema";

/** A conversation waiting for an owner in a team's queue (SPEC W2). */
export interface AssignmentRequest {
  workspaceId: string;
  conversationId: string;
  teamId: string;
  /** Conversation language: members who list languages must list this one. */
  language: string | null;
  /** A skill the conversation needs (its category): members who have it go first. */
  skill: string | null;
  /** Who asked: a rule (with its id) or the routing of a team. */
  actor: { type: "rule" | "system"; id: string | null };
}

export interface Candidate {
  team_id: string;
  user_id: string;
  routing: "round_robin" | "load_balanced" | "manual";
  capacity: number;
  languages: string[];
  skills: string[];
  load: number;
  last_assigned_at: Date | null;
}

/**
 * Push assignment: gives each waiting conversation to an available member of its team with room
 * under their capacity, round robin (the member assigned longest ago) or load balanced (the lowest
 * share of capacity in use), as the team is set. Members who speak the conversation's language
 * and have the needed skill go first. The members' rows are locked for the transaction, so two
 * batches committed side by side never both fill an agent's last slot. Returns who got what.
 */
export async function autoAssign(
  db: Queryable,
  requests: AssignmentRequest[],
  now: Date,
): Promise<Map<string, string>> {
  const assigned = new Map<string, string>();
  if (requests.length === 0) return assigned;
  const byTeam = await candidatesOf(db, [...new Set(requests.map((r) => r.teamId))]);
  for (const request of requests) {
    const member = pick(byTeam.get(request.teamId) ?? [], request);
    if (!member) continue;
    member.load++;
    member.last_assigned_at = now;
    assigned.set(request.conversationId, member.user_id);
  }
  if (assigned.size === 0) return assigned;
  const rows = requests.flatMap((r) => {
    const user = assigned.get(r.conversationId);
    return user ? [{ c: r.conversationId, u: user, t: r.teamId }] : [];
  });
  // Only conversations nobody took meanwhile (an agent, another worker).
  const taken = await queryRows<{ id: string; u: string; t: string }>(
    db,
    sql`update conversations c set assignee_id = v.u, updated_at = ${now}
        from ${recordset(rows, "c uuid, u uuid, t uuid")}
        where c.id = v.c and c.assignee_id is null
        returning c.id, v.u, v.t`,
  );
  const requestOf = new Map(requests.map((r) => [r.conversationId, r]));
  await bulkInsert(
    db,
    conversationEvents,
    taken.map((t) => {
      const r = requestOf.get(t.id) as AssignmentRequest;
      return {
        workspaceId: r.workspaceId,
        conversationId: t.id,
        type: "assigned" as const,
        actorType: r.actor.type,
        actorId: r.actor.id,
        data: { from: null, to: t.u, team_id: t.t, via: "routing" },
        occurredAt: now,
        createdAt: now,
      };
    }),
  );
  await db.execute(sql`update team_members tm set last_assigned_at = ${now}
    from ${recordset(taken, "u uuid, t uuid")}
    where tm.team_id = v.t and tm.user_id = v.u`);
  return new Map(taken.map((t) => [t.id, t.u]));
}

async function candidatesOf(db: Queryable, teamIds: string[]): Promise<Map<string, Candidate[]>> {
  const active = sql.join(
    ACTIVE_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const rows = await queryRows<Candidate>(
    db,
    sql`select tm.team_id, tm.user_id, t.routing, m.capacity, m.languages, m.skills, tm.last_assigned_at,
          (select count(*)::int from conversations c
            where c.workspace_id = tm.workspace_id and c.assignee_id = tm.user_id
              and c.status in (${active})) as load
        from team_members tm
        join teams t on t.id = tm.team_id
        join memberships m on m.workspace_id = tm.workspace_id and m.user_id = tm.user_id
        where tm.team_id in (${sql.join(
          teamIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) and m.availability = 'available' and t.routing <> 'manual'
        order by tm.team_id, tm.user_id
        for update of tm`,
  );
  const byTeam = new Map<string, Candidate[]>();
  for (const r of rows) {
    const c = { ...r, last_assigned_at: r.last_assigned_at ? new Date(r.last_assigned_at) : null };
    byTeam.set(r.team_id, [...(byTeam.get(r.team_id) ?? []), c]);
  }
  return byTeam;
}

/** The member a conversation goes to, or null when nobody available has room. */
export function pick(members: Candidate[], request: Pick<AssignmentRequest, "language" | "skill">) {
  const speaks = (m: Candidate) =>
    !request.language || m.languages.length === 0 || m.languages.includes(request.language);
  const open = members.filter((m) => m.load < m.capacity && speaks(m));
  if (open.length === 0) return null;
  const skilled = request.skill ? open.filter((m) => m.skills.includes(request.skill as string)) : [];
  const pool = skilled.length > 0 ? skilled : open;
  const lastAt = (m: Candidate) => m.last_assigned_at?.getTime() ?? 0;
  const byTurn = (a: Candidate, b: Candidate) => lastAt(a) - lastAt(b) || a.user_id.localeCompare(b.user_id);
  const sorted = [...pool].sort((a, b) =>
    a.routing === "load_balanced" ? a.load / a.capacity - b.load / b.capacity || byTurn(a, b) : byTurn(a, b),
  );
  return sorted[0] ?? null;
}
