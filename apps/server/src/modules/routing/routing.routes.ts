import { ACTIVE_STATUSES, Availability, Conversation, User } from "@parley/contracts";
import { eq, sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Queryable, queryRows } from "../../platform/db";
import { conversationEvents, conversations } from "../../platform/db/schema";
import type { Deps } from "../../platform/deps";
import { forbidden, found } from "../../platform/http/problem";
import { actorOf, type Principal, principalOf } from "../auth/principal";
import { findConversation, toConversationDto } from "../conversations/conversations.repo";
import { changeAvailability, publishAvailability } from "../users/availability-history";
import { findMember, toUserDto } from "../users/users.repo";

const AvailabilityRequest = z.strictObject({ availability: Availability });

function userOf(p: Principal): string {
  if (!p.userId) throw forbidden("Only a signed-in user has an availability and takes conversations.");
  return p.userId;
}

/**
 * The agent's side of routing (SPEC W2): saying whether they can take conversations (push
 * assignment only picks available agents), and pulling the next best one themselves.
 */
export const routingRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;

  app.put(
    "/me/availability",
    {
      config: { permission: "conversations:read" },
      schema: {
        tags: ["routing"],
        summary: "Set my availability: only available agents are assigned conversations",
        body: AvailabilityRequest,
        response: { 200: User },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const userId = userOf(p);
      const input = { workspaceId: p.workspaceId, userId, availability: request.body.availability };
      // The membership, its availability history and the audit row, in one transaction.
      const result = await db.transaction((tx) =>
        changeAvailability(tx, { ...input, via: "self" }, clock.now(), { principal: p, ip: request.ip }),
      );
      if (result?.changed) publishAvailability(deps.changes, p.workspaceId, [userId]);
      return toUserDto(found(await findMember(db, p.workspaceId, userId), "User"));
    },
  );

  app.post(
    "/conversations/next",
    {
      config: { permission: "conversations:update" },
      schema: {
        tags: ["routing"],
        summary: "Take the next best conversation: the highest-priority unassigned one in my teams' queues",
        description:
          "Assigns it to the caller and answers it; 204 when every queue of the caller's teams (or, for an agent in no team, " +
          "the workspace's conversations outside any team) is empty. Two agents pulling at once never get the same one.",
        response: { 200: Conversation, 204: z.null() },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const userId = userOf(p);
      const now = clock.now();
      const id = await db.transaction((tx) => takeNext(tx, p, userId, now));
      if (!id) return reply.status(204).send(null);
      deps.changes.publish({ workspaceId: p.workspaceId, conversationIds: [id], reasons: ["assignment"] });
      return toConversationDto(found(await findConversation(db, p.workspaceId, id), "Conversation"));
    },
  );
};

/** Locks and assigns the best waiting conversation, skipping those another agent is taking. */
async function takeNext(tx: Queryable, p: Principal, userId: string, now: Date): Promise<string | null> {
  const active = sql.join(
    ACTIVE_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const [next] = await queryRows<{ id: string }>(
    tx,
    sql`select c.id from conversations c
        where c.workspace_id = ${p.workspaceId} and c.assignee_id is null and c.status in (${active})
          and (c.team_id in (select team_id from team_members where workspace_id = ${p.workspaceId} and user_id = ${userId})
               or (c.team_id is null and not exists
                    (select 1 from team_members where workspace_id = ${p.workspaceId} and user_id = ${userId})))
        order by c.priority_score desc, c.last_message_at asc, c.id
        limit 1
        for update skip locked`,
  );
  if (!next) return null;
  await tx
    .update(conversations)
    .set({ assigneeId: userId, updatedAt: now })
    .where(eq(conversations.id, next.id));
  await tx.insert(conversationEvents).values({
    workspaceId: p.workspaceId,
    conversationId: next.id,
    type: "assigned",
    ...actorOf(p),
    data: { from: null, to: userId, via: "pull" },
    occurredAt: now,
    createdAt: now,
  });
  return next.id;
}
