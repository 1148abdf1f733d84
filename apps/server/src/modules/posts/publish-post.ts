import { eq } from "drizzle-orm";
import { type NetworkClient, RateLimitedError, RejectedError, TransientError } from "../../connectors/http";
import { connectorFor } from "../../connectors/registry";
import { type ChannelRow, credentialsOf } from "../../modules/channels/channels.repo";
import { channelAccounts, outboundPosts } from "../../platform/db/schema";
import type { Deps } from "../../platform/deps";
import { backoff, type JobHandler, type JobOutcome } from "../../platform/jobs/worker";

export const PUBLISH_QUEUE = "publish-post";

/**
 * The outbox for proactive posts (SPEC W7). Never posts twice: the post is marked `sending`
 * (committed) before the call, and an attempt that finds it still `sending` (a crash or timeout
 * mid-call) does not post again: a brand timeline has no reply thread to search, so it is failed
 * with a note to check the network instead.
 */
export function publishPostJob(
  deps: Pick<Deps, "db" | "clock" | "secrets">,
  http: NetworkClient,
): JobHandler {
  return async (job) => {
    const id = String(job.payload.post_id);
    const [row] = await deps.db
      .select({ post: outboundPosts, channel: channelAccounts })
      .from(outboundPosts)
      .innerJoin(channelAccounts, eq(channelAccounts.id, outboundPosts.channelAccountId))
      .where(eq(outboundPosts.id, id));
    if (!row || !["queued", "sending"].includes(row.post.status)) return { status: "done" };
    const set = (values: Partial<typeof outboundPosts.$inferInsert>) =>
      deps.db
        .update(outboundPosts)
        .set({ ...values, updatedAt: deps.clock.now() })
        .where(eq(outboundPosts.id, id));
    const fail = async (error: string): Promise<JobOutcome> => {
      await set({ status: "failed", error });
      return { status: "dead", error };
    };
    if (row.post.status === "sending")
      return fail(
        `Parley lost track of this post while publishing it: check ${row.channel.network} before posting again.`,
      );
    const connector = connectorFor(row.channel.network);
    if (!connector?.publish || row.channel.status === "disconnected")
      return fail("The channel cannot publish posts any more (disconnected or unsupported).");
    await set({ status: "sending" });
    try {
      const sent = await connector.publish(
        {
          channel: row.channel as ChannelRow,
          credentials: credentialsOf(row.channel as ChannelRow, deps.secrets),
          http,
          now: deps.clock.now(),
        },
        { text: row.post.text },
      );
      await set({ status: "sent", externalId: sent.externalId, sentAt: deps.clock.now(), error: null });
      return { status: "done" };
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (err instanceof RejectedError) return fail(reason);
      if (err instanceof RateLimitedError || err instanceof TransientError) {
        // Refused before posting: safe to try again.
        await set({ status: "queued", error: reason });
        const at = err instanceof RateLimitedError ? err.resetAt : backoff(job.attempts, deps.clock.now());
        return { status: "retry", at, error: reason };
      }
      return fail(`Publishing may or may not have happened (${reason}): check ${row.channel.network}.`);
    }
  };
}
