import { can, Id } from "@parley/contracts";
import { eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Queryable } from "../../platform/db";
import { outboundPosts } from "../../platform/db/schema";
import type { Deps } from "../../platform/deps";
import { badRequest, conflict, forbidden, found, HttpProblem } from "../../platform/http/problem";
import { newId } from "../../platform/ids";
import { enqueue } from "../../platform/jobs/queue";
import { recordAudit } from "../audit/audit.repo";
import { type Principal, principalOf } from "../auth/principal";
import { channelsOf, listPosts, lockPost, type PostRow, publishRule, toPostDto } from "./posts.repo";
import { CreatePostRequest, DecidePostRequest, PostDto, RejectPostRequest } from "./posts.schema";
import { PUBLISH_QUEUE } from "./publish-post";

const Params = z.object({ id: Id });
const TAGS = ["posts"];

const queuePost = (db: Queryable, post: PostRow, now: Date) =>
  enqueue(
    db,
    {
      queue: PUBLISH_QUEUE,
      workspaceId: post.workspaceId,
      payload: { post_id: post.id },
      key: post.id,
      maxAttempts: 12,
    },
    now,
  );

/** Who must look before a post goes out: everyone's, unless its author may approve posts. */
function approvalReason(p: Principal, requested: boolean | undefined): string | null {
  if (requested) return "The author asked for a review.";
  if (p.kind === "user" && can(p.role, "approvals:decide")) return null;
  return "Posts on the brand's own accounts are approved before they go out.";
}

/**
 * Proactive posts (SPEC W7): an alert or update published on one or more of the brand's accounts,
 * one post per channel, through the outbox; approval applies as to replies.
 */
export const postRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;

  app.post(
    "/posts",
    {
      config: { permission: "conversations:reply" },
      schema: {
        tags: TAGS,
        summary: "Publish a post of the brand's own (an outage alert, an update) on one or more channels",
        description:
          "Each channel gets its own post. Agents' posts (and any with request_approval) wait for an approver; leads', " +
          "approvers' and admins' go out at once. X and Facebook pages can publish; other networks answer 422.",
        body: CreatePostRequest,
        response: { 201: z.object({ items: z.array(PostDto) }) },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const { channel_ids: ids, text, request_approval: requested } = request.body;
      const channels = await channelsOf(db, p.workspaceId, [...new Set(ids)]);
      const missing = ids.filter((id) => !channels.some((c) => c.id === id));
      if (missing.length > 0)
        throw badRequest(
          "Some channels are not this workspace's.",
          missing.map((id) => ({
            field: "body.channel_ids",
            message: `${id} is not a channel of this workspace`,
          })),
        );
      const broken = channels.flatMap((c) => {
        const rule = publishRule(c.network, c.status, text);
        return rule ? [{ field: "body.channel_ids", message: `${c.name}: ${rule}` }] : [];
      });
      if (broken.length > 0)
        throw new HttpProblem(422, "Unprocessable Entity", broken.map((b) => b.message).join(" "), broken);
      const reason = approvalReason(p, requested);
      const now = clock.now();
      const posts = await db.transaction(async (tx) => {
        const rows = await tx
          .insert(outboundPosts)
          .values(
            channels.map((c) => ({
              id: newId(),
              workspaceId: p.workspaceId,
              channelAccountId: c.id,
              text,
              status: reason ? ("awaiting_approval" as const) : ("queued" as const),
              authorUserId: p.userId,
              approvalReason: reason,
              createdAt: now,
              updatedAt: now,
            })),
          )
          .returning();
        if (!reason) for (const row of rows) await queuePost(tx, row, now);
        await recordAudit(
          tx,
          p,
          request.ip,
          {
            action: "post.created",
            targetType: "post",
            targetId: rows[0]?.id,
            data: { channel_ids: ids, awaiting_approval: Boolean(reason) },
          },
          now,
        );
        return rows;
      });
      const network = new Map(channels.map((c) => [c.id, c.network]));
      return reply
        .status(201)
        .send({ items: posts.map((r) => toPostDto(r, network.get(r.channelAccountId) ?? "")) });
    },
  );

  app.get(
    "/posts",
    {
      config: { permission: "conversations:read" },
      schema: {
        tags: TAGS,
        summary: "The brand's proactive posts, newest first (the latest 200)",
        response: { 200: z.object({ items: z.array(PostDto), next_cursor: z.null() }) },
      },
    },
    async (request) => ({
      items: (await listPosts(db, principalOf(request).workspaceId, 200)).map((r) =>
        toPostDto(r.post, r.network),
      ),
      next_cursor: null,
    }),
  );

  for (const decision of ["approve", "reject"] as const) {
    app.post(
      `/posts/:id/${decision}`,
      {
        config: { permission: "approvals:decide" },
        schema: {
          tags: TAGS,
          summary:
            decision === "approve"
              ? "Approve a post: it is published"
              : "Reject a post, with a comment for its author",
          params: Params,
          body: decision === "approve" ? DecidePostRequest : RejectPostRequest,
          response: { 200: PostDto },
        },
      },
      async (request) => {
        const p = principalOf(request);
        const now = clock.now();
        return db.transaction(async (tx) => {
          const row = found(await lockPost(tx, p.workspaceId, request.params.id), "Post");
          if (row.post.status !== "awaiting_approval")
            throw conflict("This post is not waiting for approval.");
          if (row.post.authorUserId && row.post.authorUserId === p.userId && p.role !== "admin")
            throw forbidden("You wrote this post, so another approver must review it.");
          const [updated] = await tx
            .update(outboundPosts)
            .set({
              status: decision === "approve" ? "queued" : "rejected",
              reviewedBy: p.userId,
              reviewedAt: now,
              reviewComment: request.body.comment ?? null,
              updatedAt: now,
            })
            .where(eq(outboundPosts.id, row.post.id))
            .returning();
          const post = updated as PostRow;
          if (decision === "approve") await queuePost(tx, post, now);
          await recordAudit(
            tx,
            p,
            request.ip,
            {
              action: `post.${decision === "approve" ? "approved" : "rejected"}`,
              targetType: "post",
              targetId: post.id,
              data: { comment: request.body.comment ?? null },
            },
            now,
          );
          return toPostDto(post, row.network);
        });
      },
    );
  }
};
