import { BulkConversationRequest, BulkConversationResult } from "@parley/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../../platform/deps";
import { principalOf } from "../auth/principal";
import { bulkUpdate } from "./bulk-update";

export const bulkRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;

  app.post(
    "/conversations/bulk",
    {
      // Each conversation is checked with the permission of its single counterpart (below).
      config: { permission: "conversations:read" },
      schema: {
        tags: ["conversations"],
        summary: "Change status, assignee, tags, priority or spam verdict of up to 200 conversations",
        description:
          "Each conversation is changed in its own transaction with the same checks as the single route " +
          "(PATCH /conversations/:id, PUT /conversations/:id/tags, POST /messages/:id/spam on its first " +
          "customer message) and the permission that route needs; one that fails is reported with its " +
          "status, title and detail and never blocks the others. The answer is 200 even when some failed.",
        body: BulkConversationRequest,
        response: { 200: BulkConversationResult },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const outcome = await bulkUpdate(db, p, request.body.conversation_ids, request.body.action, {
        ip: request.ip,
        now: clock.now(),
        log: (error) => request.log.error({ err: error }, "bulk conversation change failed"),
      });
      if (outcome.changed.length > 0)
        deps.changes.publish({
          workspaceId: p.workspaceId,
          conversationIds: outcome.changed,
          reasons: outcome.reasons,
        });
      return { results: outcome.results };
    },
  );
};
