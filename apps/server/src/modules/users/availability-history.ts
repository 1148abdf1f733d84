/*
 * Agents' availability over time (SPEC A5; M7 occupancy reads it): every change of a member's
 * `memberships.availability` closes their open agent_availability_history row and opens the next,
 * in the caller's transaction, with the membership update and its audit row.
 *
 * Automatic rules (the desk's and the session's, beside the agent's own choice):
 * - logging in while offline (or never tracked) makes the agent available; any other state is kept;
 * - logging out of the last session in the workspace makes them offline;
 * - the desk closed (the last live connection gone for the grace period, and no session of theirs
 *   seen since) makes them offline as of the moment it closed; reopening the desk does not restore
 *   a state, the agent picks it in the user menu;
 * - leaving the workspace closes the open row (read as offline from then on).
 */
import { type Availability, can, type Role } from "@parley/contracts";
import { and, asc, eq, gt, isNull, lt, ne, or } from "drizzle-orm";
import type { ChangeFeed } from "../../platform/bus";
import type { Clock } from "../../platform/clock";
import type { Db, Queryable } from "../../platform/db";
import { agentAvailabilityHistory, memberships, sessions, users } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { recordAudit } from "../audit/audit.repo";
import type { Principal } from "../auth/principal";

/** The shape reporting/occupancy.ts reads: the state a user entered at `at`. */
export interface AvailabilityChange {
  userId: string;
  at: Date;
  availability: string;
}

/** Why a change happened, kept in its audit row. */
export type AvailabilityVia = "self" | "manager" | "login" | "logout" | "desk_closed";

export interface AvailabilityResult {
  previous: Availability;
  availability: Availability;
  /** The membership's state or its history changed: publish it. */
  changed: boolean;
}

const open = (workspaceId: string, userId: string) =>
  and(
    eq(agentAvailabilityHistory.workspaceId, workspaceId),
    eq(agentAvailabilityHistory.userId, userId),
    isNull(agentAvailabilityHistory.endedAt),
  );

/**
 * Sets a member's availability and its history; undefined when they are not a member. Locks the
 * membership row so two changes of one agent serialise. A repeat of the current state changes
 * nothing (no zero-length rows); a member never tracked before gets their first row. `now` before
 * the open row's start (a back-dated automatic change) is clamped to it, keeping rows in order.
 * With `audit`, writes the `user.availability` audit row too (callers that audit the whole
 * request themselves leave it out).
 */
export async function changeAvailability(
  tx: Queryable,
  input: { workspaceId: string; userId: string; availability: Availability; via: AvailabilityVia },
  now: Date,
  audit?: { principal: Principal; ip: string | null },
): Promise<AvailabilityResult | undefined> {
  const { workspaceId, userId, availability } = input;
  const [member] = await tx
    .select({ availability: memberships.availability })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .for("update");
  if (!member) return undefined;
  const [current] = await tx.select().from(agentAvailabilityHistory).where(open(workspaceId, userId));
  const previous = member.availability;
  if (previous === availability && current?.availability === availability)
    return { previous, availability, changed: false };
  const at = current && current.startedAt > now ? current.startedAt : now;
  if (previous !== availability)
    await tx
      .update(memberships)
      .set({ availability })
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  if (current)
    await tx
      .update(agentAvailabilityHistory)
      .set({ endedAt: at })
      .where(eq(agentAvailabilityHistory.id, current.id));
  await tx
    .insert(agentAvailabilityHistory)
    .values({ id: newId(), workspaceId, userId, availability, startedAt: at });
  if (audit)
    await recordAudit(
      tx,
      audit.principal,
      audit.ip,
      {
        action: "user.availability",
        targetType: "user",
        targetId: userId,
        data: { availability, previous, via: input.via },
      },
      now,
    );
  return { previous, availability, changed: true };
}

/**
 * Logging in: an offline (or never tracked) agent becomes available; busy or away is kept (a
 * second tab or device does not reset a chosen state).
 */
export async function availabilityOnLogin(
  tx: Queryable,
  p: Principal & { userId: string },
  ip: string | null,
  now: Date,
): Promise<AvailabilityResult | undefined> {
  const [member] = await tx
    .select({ availability: memberships.availability })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, p.workspaceId), eq(memberships.userId, p.userId)));
  // Only those who take conversations become available; an analyst's login changes nothing.
  if (!member || !can(p.role, "conversations:reply")) return undefined;
  const availability = member.availability === "offline" ? "available" : member.availability;
  return changeAvailability(
    tx,
    { workspaceId: p.workspaceId, userId: p.userId, availability, via: "login" },
    now,
    { principal: p, ip },
  );
}

/** Another live session of this user in the workspace (besides `except`)? */
async function hasOtherSession(
  db: Queryable,
  workspaceId: string,
  userId: string,
  now: Date,
  opts: { except?: string; seenAfter?: Date },
): Promise<boolean> {
  const rows = await db
    .select({ tokenHash: sessions.tokenHash })
    .from(sessions)
    .where(
      and(
        eq(sessions.workspaceId, workspaceId),
        eq(sessions.userId, userId),
        gt(sessions.expiresAt, now),
        opts.except ? ne(sessions.tokenHash, opts.except) : undefined,
        opts.seenAfter ? gt(sessions.lastSeenAt, opts.seenAfter) : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Logging out of the last session in the workspace: offline. Call before deleting the session. */
export async function availabilityOnLogout(
  tx: Queryable,
  p: Principal & { userId: string },
  ip: string | null,
  now: Date,
): Promise<AvailabilityResult | undefined> {
  const except = p.sessionTokenHash ?? undefined;
  if (await hasOtherSession(tx, p.workspaceId, p.userId, now, { except })) return undefined;
  return changeAvailability(
    tx,
    { workspaceId: p.workspaceId, userId: p.userId, availability: "offline", via: "logout" },
    now,
    { principal: p, ip },
  );
}

/**
 * The desk closed at `closedAt` (the user's last live connection went away) and stayed closed:
 * offline as of then, unless a session of theirs in the workspace was seen since (another tab,
 * on this process or another, touches its session every 30 s).
 */
export async function availabilityOnDeskClosed(
  tx: Queryable,
  input: { workspaceId: string; userId: string },
  closedAt: Date,
  now: Date,
): Promise<AvailabilityResult | undefined> {
  const { workspaceId, userId } = input;
  const [member] = await tx
    .select({ role: memberships.role, availability: memberships.availability })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  if (!member || member.availability === "offline") return undefined;
  if (await hasOtherSession(tx, workspaceId, userId, now, { seenAfter: closedAt })) return undefined;
  // The agent's own doing (they closed the desk), so it is audited as theirs.
  const principal: Principal = {
    kind: "user",
    workspaceId,
    role: member.role,
    userId,
    apiKeyId: null,
    sessionTokenHash: null,
  };
  return changeAvailability(
    tx,
    { workspaceId, userId, availability: "offline", via: "desk_closed" },
    closedAt,
    { principal, ip: null },
  );
}

/** A member leaves the workspace: their open row ends (offline from then on, for occupancy). */
export async function closeAvailability(tx: Queryable, workspaceId: string, userId: string, now: Date) {
  await tx.update(agentAvailabilityHistory).set({ endedAt: now }).where(open(workspaceId, userId));
}

export interface CurrentAvailability {
  userId: string;
  name: string;
  role: Role;
  availability: Availability;
  /** When they entered this state; null when it predates the history (never changed since). */
  since: Date | null;
}

/** Each member's current availability and since when, by name (the supervisor view). */
export async function currentAvailability(
  db: Queryable,
  workspaceId: string,
): Promise<CurrentAvailability[]> {
  const rows = await db
    .select({
      userId: memberships.userId,
      name: users.name,
      role: memberships.role,
      availability: memberships.availability,
      historyAvailability: agentAvailabilityHistory.availability,
      startedAt: agentAvailabilityHistory.startedAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      agentAvailabilityHistory,
      and(
        eq(agentAvailabilityHistory.workspaceId, memberships.workspaceId),
        eq(agentAvailabilityHistory.userId, memberships.userId),
        isNull(agentAvailabilityHistory.endedAt),
      ),
    )
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.name), asc(memberships.userId));
  return rows.map((r) => ({
    userId: r.userId,
    name: r.name,
    role: r.role,
    availability: r.availability,
    // A state set behind the history's back (an old seed) has no known start.
    since: r.historyAvailability === r.availability ? r.startedAt : null,
  }));
}

/**
 * Every availability change in [from, to) for occupancy (reporting/occupancy.ts), oldest first per
 * user, starting with the state each user was in at `from` (dated `from`). A row that ended with no
 * successor (the member left the workspace) ends in "offline". Users with no row covering `from`
 * start at their first change: before it their state is unknown, which occupancy counts as not staffed.
 */
export async function availabilityChanges(
  db: Queryable,
  workspaceId: string,
  from: Date,
  to: Date,
): Promise<AvailabilityChange[]> {
  const rows = await db
    .select({
      userId: agentAvailabilityHistory.userId,
      availability: agentAvailabilityHistory.availability,
      startedAt: agentAvailabilityHistory.startedAt,
      endedAt: agentAvailabilityHistory.endedAt,
    })
    .from(agentAvailabilityHistory)
    .where(
      and(
        eq(agentAvailabilityHistory.workspaceId, workspaceId),
        lt(agentAvailabilityHistory.startedAt, to),
        or(isNull(agentAvailabilityHistory.endedAt), gt(agentAvailabilityHistory.endedAt, from)),
      ),
    )
    .orderBy(
      asc(agentAvailabilityHistory.userId),
      asc(agentAvailabilityHistory.startedAt),
      asc(agentAvailabilityHistory.id),
    );
  const changes: AvailabilityChange[] = [];
  rows.forEach((row, i) => {
    const at = row.startedAt < from ? from : row.startedAt;
    // Zero-length rows (two changes in one instant) say nothing about any span of time.
    if (row.endedAt && row.endedAt <= at) return;
    changes.push({ userId: row.userId, at, availability: row.availability });
    const next = rows[i + 1];
    const continued =
      next && next.userId === row.userId && next.startedAt.getTime() <= (row.endedAt?.getTime() ?? 0);
    if (row.endedAt && row.endedAt < to && !continued)
      changes.push({ userId: row.userId, at: row.endedAt, availability: "offline" });
  });
  return changes;
}

/**
 * Runs the login or logout rule in its own transaction and tells open desks when it changed
 * something (auth routes call this; API keys have no availability).
 */
/** The desk-closed rule in its own transaction, published when it changed something. */
export async function applyDeskClosedRule(
  deps: { db: Db; clock: Clock; changes: ChangeFeed },
  workspaceId: string,
  userId: string,
  closedAt: Date,
): Promise<void> {
  const now = deps.clock.now();
  const result = await deps.db.transaction((tx) =>
    availabilityOnDeskClosed(tx, { workspaceId, userId }, closedAt, now),
  );
  if (result?.changed) publishAvailability(deps.changes, workspaceId, [userId]);
}

export async function applyAvailabilityRule(
  deps: { db: Db; clock: Clock; changes: ChangeFeed },
  rule: "login" | "logout",
  p: Principal,
  ip: string | null,
): Promise<void> {
  const userId = p.userId;
  if (p.kind !== "user" || !userId) return;
  const now = deps.clock.now();
  const apply = rule === "login" ? availabilityOnLogin : availabilityOnLogout;
  const result = await deps.db.transaction((tx) => apply(tx, { ...p, userId }, ip, now));
  if (result?.changed) publishAvailability(deps.changes, p.workspaceId, [userId]);
}

/** After commit: members' availability changed (the supervisor view and their own menus refetch). */
export function publishAvailability(changes: ChangeFeed, workspaceId: string, userIds: readonly string[]) {
  changes.publish({ workspaceId, conversationIds: [], userIds, reasons: ["availability"] });
}
