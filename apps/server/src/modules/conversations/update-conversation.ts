import { type ConversationStatus, can, type Priority } from "@parley/contracts";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import {
  type ConversationEventType,
  conversationEvents,
  conversations,
  teams,
} from "../../platform/db/schema";
import { badRequest, forbidden, found } from "../../platform/http/problem";
import { actorOf, type Principal } from "../auth/principal";
import { refreshSla } from "../sla/refresh-sla";
import { type SlaCache, sharedSlaCache } from "../sla/sla-cache";
import { scheduleSurvey } from "../surveys/schedule-survey";
import { findMember } from "../users/users.repo";
import { findConversation } from "./conversations.repo";

export interface ConversationChanges {
  status?: ConversationStatus | undefined;
  priority?: Priority | undefined;
  assignee_id?: string | null | undefined;
  team_id?: string | null | undefined;
  tags?: string[] | undefined;
}

const PRIORITY_SCORE: Record<Priority, number> = { urgent: 90, high: 70, normal: 50, low: 20 };

async function checkTargets(db: Queryable, p: Principal, changes: ConversationChanges) {
  if (changes.assignee_id) {
    if (changes.assignee_id !== p.userId && !can(p.role, "conversations:assign")) {
      throw forbidden(
        `The ${p.role} role may only assign conversations to themselves (needs conversations:assign).`,
      );
    }
    if (!(await findMember(db, p.workspaceId, changes.assignee_id))) {
      throw badRequest("The assignee is not a member of this workspace.", [
        { field: "body.assignee_id", message: "is not a member of this workspace" },
      ]);
    }
  }
  if (changes.team_id) {
    const [team] = await db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.workspaceId, p.workspaceId), eq(teams.id, changes.team_id)));
    if (!team)
      throw badRequest("The team does not exist in this workspace.", [
        { field: "body.team_id", message: "is not a team of this workspace" },
      ]);
  }
}

/**
 * Applies an agent's changes to a conversation and appends one event per change to the log, from
 * which the metrics are computed; a new status or priority recomputes its SLA. Run inside a
 * transaction.
 */
export async function updateConversation(
  db: Queryable,
  p: Principal,
  id: string,
  changes: ConversationChanges,
  now: Date,
  sla: SlaCache = sharedSlaCache,
) {
  const current = found(await findConversation(db, p.workspaceId, id), "Conversation").conversation;
  await checkTargets(db, p, changes);
  const set: Partial<typeof conversations.$inferInsert> = { updatedAt: now };
  const events: { type: ConversationEventType; data: Record<string, unknown> }[] = [];
  if (changes.status && changes.status !== current.status) {
    set.status = changes.status;
    if (changes.status === "resolved") set.resolvedAt = now;
    if (changes.status === "closed") set.closedAt = now;
    events.push({ type: "status_changed", data: { from: current.status, to: changes.status } });
  }
  if (changes.priority && changes.priority !== current.priority) {
    set.priority = changes.priority;
    set.priorityScore = PRIORITY_SCORE[changes.priority];
    set.priorityReasons = [`Priority set to ${changes.priority} by an agent`];
    events.push({ type: "priority_changed", data: { from: current.priority, to: changes.priority } });
  }
  if (changes.assignee_id !== undefined && changes.assignee_id !== current.assigneeId) {
    set.assigneeId = changes.assignee_id;
    events.push({ type: "assigned", data: { from: current.assigneeId, to: changes.assignee_id } });
  }
  if (changes.team_id !== undefined && changes.team_id !== current.teamId) {
    set.teamId = changes.team_id;
    events.push({ type: "team_changed", data: { from: current.teamId, to: changes.team_id } });
  }
  if (changes.tags) {
    const tags = [...new Set(changes.tags)];
    set.tags = tags;
    events.push({ type: "tags_changed", data: { from: current.tags, to: tags } });
  }
  await db.update(conversations).set(set).where(eq(conversations.id, current.id));
  if (events.length > 0) {
    const actor = actorOf(p);
    await db.insert(conversationEvents).values(
      events.map((e) => ({
        workspaceId: p.workspaceId,
        conversationId: current.id,
        ...actor,
        type: e.type,
        data: e.data,
        occurredAt: now,
        createdAt: now,
      })),
    );
  }
  // surveys hook (SPEC M6): an agent resolving it queues the satisfaction survey.
  if (set.status === "resolved")
    await scheduleSurvey(db, { conversation: current, resolvedBy: p.userId }, now);
  if (events.some((e) => e.type === "status_changed" || e.type === "priority_changed"))
    await refreshSla(db, { workspaceId: p.workspaceId, conversationIds: [current.id] }, now, sla);
  return events.map((e) => e.type);
}
