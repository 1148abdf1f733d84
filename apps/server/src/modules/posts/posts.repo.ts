import { TEXT_LIMITS, xWeightedLength } from "@parley/contracts";
import { and, desc, eq, inArray } from "drizzle-orm";
import { connectorFor } from "../../connectors/registry";
import type { Queryable } from "../../platform/db";
import { channelAccounts, outboundPosts } from "../../platform/db/schema";
import type { PostDto } from "./posts.schema";

export type PostRow = typeof outboundPosts.$inferSelect;

export function toPostDto(row: PostRow, network: string): PostDto {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: row.id,
    channel_id: row.channelAccountId,
    channel: network,
    text: row.text,
    status: row.status,
    external_id: row.externalId,
    error: row.error,
    author_user_id: row.authorUserId,
    approval_reason: row.approvalReason,
    reviewed_by: row.reviewedBy,
    reviewed_at: iso(row.reviewedAt),
    review_comment: row.reviewComment,
    sent_at: iso(row.sentAt),
    created_at: row.createdAt.toISOString(),
  };
}

export async function listPosts(db: Queryable, workspaceId: string, limit: number) {
  return db
    .select({ post: outboundPosts, network: channelAccounts.network })
    .from(outboundPosts)
    .innerJoin(channelAccounts, eq(channelAccounts.id, outboundPosts.channelAccountId))
    .where(eq(outboundPosts.workspaceId, workspaceId))
    .orderBy(desc(outboundPosts.createdAt), desc(outboundPosts.id))
    .limit(limit);
}

export async function lockPost(db: Queryable, workspaceId: string, id: string) {
  const [row] = await db
    .select({ post: outboundPosts, network: channelAccounts.network })
    .from(outboundPosts)
    .innerJoin(channelAccounts, eq(channelAccounts.id, outboundPosts.channelAccountId))
    .where(and(eq(outboundPosts.workspaceId, workspaceId), eq(outboundPosts.id, id)))
    .for("update", { of: outboundPosts });
  return row;
}

export function channelsOf(db: Queryable, workspaceId: string, ids: string[]) {
  return db
    .select()
    .from(channelAccounts)
    .where(and(eq(channelAccounts.workspaceId, workspaceId), inArray(channelAccounts.id, ids)));
}

/** Why this channel cannot publish this text, in words for the author, or null. */
export function publishRule(network: string, status: string, text: string): string | null {
  if (status === "disconnected") return "This channel is disconnected.";
  if (!connectorFor(network as never)?.publish)
    return `Parley cannot publish posts of its own on ${network} (only replies there).`;
  const limit = TEXT_LIMITS[network as keyof typeof TEXT_LIMITS]?.public;
  const length = network === "x" ? xWeightedLength(text) : [...text].length;
  if (limit && length > limit)
    return `Posts on ${network} are limited to ${limit} characters; this one counts ${length}.`;
  return null;
}
