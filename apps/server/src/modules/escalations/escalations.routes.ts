import {
  EscalateRequest,
  EscalateResult,
  Escalation,
  Id,
  ListEscalationsQuery,
  pageOf,
  ResolveResult,
} from "@parley/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../platform/deps";
import { found } from "../../platform/http/problem";
import { recordAudit } from "../audit/audit.repo";
import { principalOf } from "../auth/principal";
import { findConversation, toConversationDto } from "../conversations/conversations.repo";
import { updateConversation } from "../conversations/update-conversation";
import { closeLoopNeeded, remindToCloseLoop } from "./close-loop";
import { escalateConversation } from "./escalate-conversation";
import { findEscalation, listEscalations } from "./escalations.repo";

const Params = z.object({ id: Id });

/** SPEC W4: the escalation map (escalate, list open escalations) and closing the loop on resolve. */
export const escalationRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;

  app.post(
    "/conversations/:id/escalate",
    {
      config: { permission: "conversations:update" },
      schema: {
        tags: ["escalations"],
        summary: "Escalate a conversation, with its whole history, to a team or to a lead, PR or legal",
        description:
          "The status becomes `escalated`; with `to.team_id` the conversation moves to that team. The " +
          "`escalated` event keeps the reason and target. A `callback` phone or an `email_handoff` address " +
          "records a cross-channel hand-off linked to the conversation (listed by GET /escalations).",
        params: Params,
        body: EscalateRequest,
        response: { 201: EscalateResult },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const now = clock.now();
      const seq = await db.transaction(async (tx) => {
        const escalation = await escalateConversation(tx, p, request.params.id, request.body, now);
        await recordAudit(
          tx,
          p,
          request.ip,
          {
            action: "conversation.escalated",
            targetType: "conversation",
            targetId: request.params.id,
            data: { ...request.body, event_id: escalation },
          },
          now,
        );
        return escalation;
      });
      deps.changes.publish({
        workspaceId: p.workspaceId,
        conversationIds: [request.params.id],
        reasons: ["escalation", "status", "assignment"],
      });
      const conversation = found(
        await findConversation(db, p.workspaceId, request.params.id),
        "Conversation",
      );
      return reply.status(201).send({
        conversation: toConversationDto(conversation),
        escalation: found(await findEscalation(db, p.workspaceId, seq), "Escalation"),
      });
    },
  );

  app.get(
    "/escalations",
    {
      config: { permission: "conversations:read" },
      schema: {
        tags: ["escalations"],
        summary: "Escalations with their callback requests and email hand-offs, oldest first",
        description: "`status=open` (default): the conversation still needs work; `closed`: resolved since.",
        querystring: ListEscalationsQuery,
        response: { 200: pageOf(Escalation) },
      },
    },
    async (request) => listEscalations(db, principalOf(request).workspaceId, request.query),
  );

  app.post(
    "/conversations/:id/resolve",
    {
      config: { permission: "conversations:update" },
      schema: {
        tags: ["escalations"],
        summary: "Resolve a conversation; answers a close-the-loop reminder when it was resolved in private",
        description:
          "When the customer first wrote in public and the brand's latest reply was private, `close_loop` " +
          "asks for a public reply (and a `close_loop_reminder` event is logged); null otherwise.",
        params: Params,
        response: { 200: ResolveResult },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const now = clock.now();
      let resolvedNow = false;
      const closeLoop = await db.transaction(async (tx) => {
        const changed = await updateConversation(tx, p, request.params.id, { status: "resolved" }, now);
        // Already resolved: the reminder is answered again, but logged only when it resolves now.
        if (!changed.includes("status_changed")) return closeLoopNeeded(tx, p.workspaceId, request.params.id);
        resolvedNow = true;
        const reminder = await remindToCloseLoop(tx, p, request.params.id, now);
        await recordAudit(
          tx,
          p,
          request.ip,
          {
            action: "conversation.resolved",
            targetType: "conversation",
            targetId: request.params.id,
            data: { close_loop_reminder: reminder !== null },
          },
          now,
        );
        return reminder;
      });
      if (resolvedNow)
        deps.changes.publish({
          workspaceId: p.workspaceId,
          conversationIds: [request.params.id],
          reasons: ["status"],
        });
      const conversation = found(
        await findConversation(db, p.workspaceId, request.params.id),
        "Conversation",
      );
      return { conversation: toConversationDto(conversation), close_loop: closeLoop };
    },
  );
};
