import {
  Conversation,
  CreateReplyRequest,
  Id,
  ListConversationsQuery,
  ListQuery,
  Message,
  pageOf,
  UpdateConversationRequest,
} from "@parley/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createReply } from "../../outbox/create-reply";
import { ReplyConflictProblem } from "../../outbox/reply-collision";
import type { Deps } from "../../platform/deps";
import { found } from "../../platform/http/problem";
import { recordAudit } from "../audit/audit.repo";
import { principalOf } from "../auth/principal";
import { remindToCloseLoop } from "../escalations/close-loop";
import { reasonsFor } from "../live/change-reasons";
import { findConversation, listConversations, toConversationDto } from "./conversations.repo";
import { findMessage, listMessages } from "./messages.repo";
import { updateConversation } from "./update-conversation";

const Params = z.object({ id: Id });

export const conversationRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;

  app.get(
    "/conversations",
    {
      config: { permission: "conversations:read" },
      schema: {
        tags: ["conversations"],
        summary: "The inbox: conversations in priority order (or newest/oldest), filtered",
        querystring: ListConversationsQuery,
        response: { 200: pageOf(Conversation) },
      },
    },
    async (request) => {
      const p = principalOf(request);
      return listConversations(db, p.workspaceId, request.query, p.userId);
    },
  );

  app.get(
    "/conversations/:id",
    {
      config: { permission: "conversations:read" },
      schema: {
        tags: ["conversations"],
        summary: "One conversation",
        params: Params,
        response: { 200: Conversation },
      },
    },
    async (request) =>
      toConversationDto(
        found(
          await findConversation(db, principalOf(request).workspaceId, request.params.id),
          "Conversation",
        ),
      ),
  );

  app.patch(
    "/conversations/:id",
    {
      config: { permission: "conversations:update" },
      schema: {
        tags: ["conversations"],
        summary:
          "Change status, priority, assignee, team or tags; each change is logged as a conversation event",
        params: Params,
        body: UpdateConversationRequest,
        response: { 200: Conversation },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const now = clock.now();
      const changed = await db.transaction(async (tx) => {
        const changed = await updateConversation(tx, p, request.params.id, request.body, now);
        // SPEC W4: resolved in private after a public start → a close-the-loop reminder event.
        if (request.body.status === "resolved" && changed.includes("status_changed"))
          await remindToCloseLoop(tx, p, request.params.id, now);
        if (changed.length > 0) {
          await recordAudit(
            tx,
            p,
            request.ip,
            {
              action: "conversation.updated",
              targetType: "conversation",
              targetId: request.params.id,
              data: request.body,
            },
            now,
          );
        }
        return changed;
      });
      if (changed.length > 0)
        deps.changes.publish({
          workspaceId: p.workspaceId,
          conversationIds: [request.params.id],
          reasons: reasonsFor(changed),
        });
      return toConversationDto(
        found(await findConversation(db, p.workspaceId, request.params.id), "Conversation"),
      );
    },
  );

  app.get(
    "/conversations/:id/messages",
    {
      config: { permission: "conversations:read" },
      schema: {
        tags: ["conversations"],
        summary: "The conversation's messages, oldest first",
        params: Params,
        querystring: ListQuery,
        response: { 200: pageOf(Message) },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const conversation = found(await findConversation(db, workspaceId, request.params.id), "Conversation");
      return listMessages(
        db,
        workspaceId,
        conversation.conversation.id,
        request.query.limit,
        request.query.cursor,
      );
    },
  );

  app.post(
    "/conversations/:id/replies",
    {
      config: { permission: "conversations:reply" },
      schema: {
        tags: ["conversations"],
        summary: "Answer the customer publicly or privately in the conversation's channel",
        description:
          "Checks the network's rules first (length, messaging windows) and answers 422 naming the rule. " +
          "The reply is queued (202) and posted by the outbox; follow `delivery_status` (queued → sending → sent | failed) " +
          "on the conversation's messages. Once sent, `external_id` is the network's id. A reply that needs an approver " +
          "(the conversation requires it, the member's spot-check sample, or `request_approval`) is `awaiting_approval` " +
          "with `approval_reason` and is posted only once approved (see /approvals). With `seen_message_id`, a reply " +
          "another agent created after that message answers 409 of type `.../reply-conflict` with `conflicting_message` " +
          "(their reply) unless `force` is true; other 409s mean the channel cannot be answered in.",
        params: Params,
        body: CreateReplyRequest,
        response: { 202: Message, 409: ReplyConflictProblem },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const now = clock.now();
      const message = await db.transaction(async (tx) => {
        const created = await createReply(tx, p, request.params.id, request.body, now, deps.random);
        await recordAudit(
          tx,
          p,
          request.ip,
          {
            action: created.approvalReason ? "conversation.reply_awaiting_approval" : "conversation.replied",
            targetType: "conversation",
            targetId: request.params.id,
            data: {
              message_id: created.id,
              visibility: created.visibility,
              ...(created.approvalReason ? { approval_reason: created.approvalReason } : {}),
            },
          },
          now,
        );
        return created;
      });
      deps.changes.publish({
        workspaceId: p.workspaceId,
        conversationIds: [request.params.id],
        reasons: message.approvalReason ? ["message", "approval"] : ["message"],
      });
      return reply.status(202).send(found(await findMessage(db, p.workspaceId, message.id), "Message"));
    },
  );
};
