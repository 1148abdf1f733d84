import {
  ApproveRequest,
  Id,
  ListApprovalsQuery,
  Message,
  PendingApproval,
  pageOf,
  RejectRequest,
} from "@parley/contracts";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Tx } from "../../platform/db";
import type { Deps } from "../../platform/deps";
import { found } from "../../platform/http/problem";
import { recordAudit } from "../audit/audit.repo";
import { type Principal, principalOf } from "../auth/principal";
import { findMessage } from "../conversations/messages.repo";
import { listPendingApprovals } from "./approvals.repo";
import { approveReply, type Decision, rejectReply } from "./decide-approval";

const Params = z.object({ id: Id });

/** SPEC W5: the queue of replies waiting for an approver, and the approve / reject decisions. */
export const approvalRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;

  /** Runs one decision and its audit row in one transaction; answers the message as it now is. */
  async function decide(
    request: FastifyRequest,
    run: (tx: Tx, p: Principal, now: Date) => Promise<Decision>,
  ) {
    const p = principalOf(request);
    const now = clock.now();
    const d = await db.transaction(async (tx) => {
      const d = await run(tx, p, now);
      await recordAudit(
        tx,
        p,
        request.ip,
        {
          action: d.decision === "approved" ? "message.approved" : "message.rejected",
          targetType: "message",
          targetId: d.message.id,
          data: {
            conversation_id: d.message.conversationId,
            edited: d.edited,
            comment: d.message.reviewComment,
            ...(d.originalText !== null ? { original_text: d.originalText } : {}),
          },
        },
        now,
      );
      return d;
    });
    deps.changes.publish({
      workspaceId: p.workspaceId,
      conversationIds: [d.message.conversationId],
      reasons: ["approval", "message"],
    });
    return found(await findMessage(db, p.workspaceId, d.message.id), "Message");
  }

  app.get(
    "/approvals",
    {
      config: { permission: "approvals:decide" },
      schema: {
        tags: ["approvals"],
        summary: "The approval queue: replies waiting for an approver, oldest first",
        description:
          "A reply waits when its conversation requires approval (a rule or crisis mode), when it was " +
          "sampled for a spot check (the author's `approval_sample_percent`), or when its author asked. " +
          "Nothing is posted before it is approved.",
        querystring: ListApprovalsQuery,
        response: { 200: pageOf(PendingApproval) },
      },
    },
    async (request) => listPendingApprovals(db, principalOf(request).workspaceId, request.query, clock.now()),
  );

  app.post(
    "/messages/:id/approve",
    {
      config: { permission: "approvals:decide" },
      schema: {
        tags: ["approvals"],
        summary: "Approve a waiting reply as it is, or with edits, and send it",
        description:
          "With `text`, the approver's version is posted instead, after the network's rules and the " +
          "personal-data guard are checked again on it (422 naming the rule). The reply is then queued " +
          "for the outbox like any other. 409 once decided; 403 for the reply's own author unless admin.",
        params: Params,
        body: ApproveRequest,
        response: { 200: Message },
      },
    },
    async (request) =>
      decide(request, (tx, p, now) => approveReply(tx, p, request.params.id, request.body, now)),
  );

  app.post(
    "/messages/:id/reject",
    {
      config: { permission: "approvals:decide" },
      schema: {
        tags: ["approvals"],
        summary: "Reject a waiting reply with a comment for its author; it is never sent",
        params: Params,
        body: RejectRequest,
        response: { 200: Message },
      },
    },
    async (request) =>
      decide(request, (tx, p, now) => rejectReply(tx, p, request.params.id, request.body.comment, now)),
  );
};
