import { ClassifySpamRequest, Id, Message } from "@parley/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../platform/deps";
import { found } from "../../platform/http/problem";
import { recordAudit } from "../audit/audit.repo";
import { principalOf } from "../auth/principal";
import { classifySpam } from "./classify-spam";
import { findMessage } from "./messages.repo";

export const spamRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;

  app.post(
    "/messages/:id/spam",
    {
      config: { permission: "messages:classify" },
      schema: {
        tags: ["conversations"],
        summary: "Mark a customer message spam or not spam; the spam filter learns from it",
        description:
          "Stores the correction (every pipeline process learns it before its next batch, so the next " +
          "similar message is judged with it) and sets the message's `is_spam`. When the message started " +
          "its conversation, the conversation moves into the spam folder or back out of it (`new`, or " +
          "`open` once answered). Only inbound messages: 422 otherwise.",
        params: z.object({ id: Id }),
        body: ClassifySpamRequest,
        response: { 200: Message },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const now = clock.now();
      const result = await db.transaction(async (tx) => {
        const result = await classifySpam(tx, p, request.params.id, request.body.spam, now);
        await recordAudit(
          tx,
          p,
          request.ip,
          {
            action: request.body.spam ? "message.marked_spam" : "message.marked_not_spam",
            targetType: "message",
            targetId: request.params.id,
            data: { conversation_id: result.conversationId, status: result.status },
          },
          now,
        );
        return result;
      });
      deps.changes.publish({
        workspaceId: p.workspaceId,
        conversationIds: [result.conversationId],
        reasons: ["spam"],
      });
      return found(await findMessage(db, p.workspaceId, request.params.id), "Message");
    },
  );
};
