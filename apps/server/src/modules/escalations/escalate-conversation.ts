import type { EscalateRequest } from "@parley/contracts";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { conversationEvents, teams } from "../../platform/db/schema";
import { badRequest, found } from "../../platform/http/problem";
import { actorOf, type Principal } from "../auth/principal";
import { findConversation } from "../conversations/conversations.repo";
import { updateConversation } from "../conversations/update-conversation";

async function checkTeam(db: Queryable, workspaceId: string, teamId: string) {
  const [team] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)));
  if (!team)
    throw badRequest("The team does not exist in this workspace.", [
      { field: "body.to.team_id", message: "is not a team of this workspace" },
    ]);
}

/**
 * SPEC W4: escalates a conversation, with its whole history (nothing is copied), to another team
 * or to a lead, PR or legal. The status becomes `escalated` and the team changes through the same
 * update as an agent's edit (so its events and side effects are the usual ones); the `escalated`
 * event keeps the full reason, the target and any callback or email hand-off. Run in a transaction.
 * Returns the event's seq, the escalation's id.
 */
export async function escalateConversation(
  db: Queryable,
  p: Principal,
  id: string,
  input: EscalateRequest,
  now: Date,
): Promise<number> {
  const current = found(await findConversation(db, p.workspaceId, id), "Conversation").conversation;
  const teamId = "team_id" in input.to ? input.to.team_id : undefined;
  if (teamId) await checkTeam(db, p.workspaceId, teamId);
  await updateConversation(db, p, current.id, { status: "escalated", team_id: teamId }, now);
  const [event] = await db
    .insert(conversationEvents)
    .values({
      workspaceId: p.workspaceId,
      conversationId: current.id,
      ...actorOf(p),
      type: "escalated",
      data: {
        to: input.to,
        reason: input.reason,
        callback: input.callback ?? null,
        email_handoff: input.email_handoff ?? null,
        from: { status: current.status, team_id: current.teamId, assignee_id: current.assigneeId },
      },
      occurredAt: now,
      createdAt: now,
    })
    .returning({ seq: conversationEvents.seq });
  return found(event, "Escalation").seq;
}
