import { and, eq, inArray, sql } from "drizzle-orm";
import type { ConnectorContext } from "../connectors/connector";
import {
  type NetworkClient,
  RateLimitedError,
  RejectedError,
  TransientError,
  UncertainError,
} from "../connectors/http";
import { connectorFor } from "../connectors/registry";
import { type ChannelRow, credentialsOf } from "../modules/channels/channels.repo";
import { refreshSla } from "../modules/sla/refresh-sla";
import { sharedSlaCache } from "../modules/sla/sla-cache";
import { channelAccounts, conversationEvents, conversations, messages } from "../platform/db/schema";
import type { Deps } from "../platform/deps";
import type { JobHandler, JobOutcome } from "../platform/jobs/worker";
import { backoff } from "../platform/jobs/worker";
import { outboundRequestFor } from "./outbound-request";

type MessageRow = typeof messages.$inferSelect;

/**
 * The outbox: posts one queued message to its network. Never posts twice: the message is marked
 * `sending` (committed) before the call; an attempt that finds it still `sending` (the worker died
 * or the call timed out) first asks the network whether it was posted (`findSent`).
 */
export function sendMessageJob(
  deps: Pick<Deps, "db" | "clock" | "secrets" | "changes">,
  http: NetworkClient,
): JobHandler {
  return async (job) => {
    const messageId = String(job.payload.message_id);
    const [message] = await deps.db.select().from(messages).where(eq(messages.id, messageId));
    if (!message || !["queued", "sending"].includes(message.deliveryStatus)) return { status: "done" };
    const [channel] = message.channelAccountId
      ? await deps.db.select().from(channelAccounts).where(eq(channelAccounts.id, message.channelAccountId))
      : [];
    const connector = channel && connectorFor(channel.network);
    if (!channel || !connector || channel.status === "disconnected")
      return fail(deps, message, "The channel was disconnected before the message could be sent.");
    const request = await outboundRequestFor(deps.db, message);
    if (!request) return fail(deps, message, "The customer message this answers is gone.");
    const now = deps.clock.now();
    const ctx: ConnectorContext = {
      channel: channel as ChannelRow,
      credentials: credentialsOf(channel as ChannelRow, deps.secrets),
      http,
      now,
    };

    try {
      // The network's echo already told us its id (record-inbound adoptEcho): it was posted.
      if (message.deliveryStatus === "sending" && message.externalId)
        return markSent(deps, message, message.externalId);
      if (message.deliveryStatus === "sending" || job.recovered) {
        const earlier = await connector.findSent(ctx, request);
        if (earlier === "unknown") {
          return fail(
            deps,
            message,
            `Parley lost track of this message while sending it and ${channel.network} cannot tell whether it arrived. Check the customer's thread before sending it again.`,
          );
        }
        if (earlier) return markSent(deps, message, earlier.externalId);
      }
      const rule = connector.policy(request, now);
      if (rule) return fail(deps, message, rule);
      await deps.db.update(messages).set({ deliveryStatus: "sending" }).where(eq(messages.id, message.id));
      deliveryChanged(deps, message);
      const sent = await connector.send(ctx, request);
      return markSent(deps, message, sent.externalId);
    } catch (err) {
      return afterError(deps, message, job.attempts, err);
    }
  };
}

async function afterError(
  deps: Pick<Deps, "db" | "clock" | "changes">,
  message: MessageRow,
  attempt: number,
  err: unknown,
): Promise<JobOutcome> {
  const now = deps.clock.now();
  const reason = err instanceof Error ? err.message : String(err);
  if (err instanceof RejectedError) return fail(deps, message, reason);
  if (err instanceof UncertainError) return { status: "retry", at: backoff(attempt, now), error: reason }; // stays `sending`: reconcile first
  const at = err instanceof RateLimitedError ? err.resetAt : backoff(attempt, now);
  if (err instanceof RateLimitedError || err instanceof TransientError) {
    await deps.db
      .update(messages)
      .set({ deliveryStatus: "queued", deliveryError: reason })
      .where(eq(messages.id, message.id));
    deliveryChanged(deps, message);
    return { status: "retry", at: new Date(Math.max(at.getTime(), now.getTime())), error: reason };
  }
  throw err; // a bug, not the network: the worker retries with backoff and logs it
}

async function fail(
  deps: Pick<Deps, "db" | "changes">,
  message: MessageRow,
  reason: string,
): Promise<JobOutcome> {
  await deps.db
    .update(messages)
    .set({ deliveryStatus: "failed", deliveryError: reason })
    .where(eq(messages.id, message.id));
  deliveryChanged(deps, message);
  return { status: "dead", error: reason };
}

async function markSent(
  deps: Pick<Deps, "db" | "clock" | "changes">,
  message: MessageRow,
  externalId: string,
): Promise<JobOutcome> {
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    // A late failure (e.g. a WhatsApp status webhook) that landed meanwhile is not overwritten.
    const updated = await tx
      .update(messages)
      .set({ deliveryStatus: "sent", deliveryError: null, externalId, sentAt: at })
      .where(and(eq(messages.id, message.id), inArray(messages.deliveryStatus, ["queued", "sending"])))
      .returning({ id: messages.id });
    if (updated.length === 0) return;
    await tx
      .update(conversations)
      .set({
        messageCount: sql`${conversations.messageCount} + 1`,
        lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${at})`,
        lastAgentMessageAt: at,
        firstResponseAt: sql`coalesce(${conversations.firstResponseAt}, ${at})`,
        preview: message.text.slice(0, 200),
        hasPublic: sql`${conversations.hasPublic} or ${message.visibility === "public"}`,
        hasPrivate: sql`${conversations.hasPrivate} or ${message.visibility === "private"}`,
        updatedAt: at,
      })
      .where(eq(conversations.id, message.conversationId));
    await tx.insert(conversationEvents).values({
      workspaceId: message.workspaceId,
      conversationId: message.conversationId,
      type: "message_out",
      actorType: message.authorUserId ? "user" : "system",
      actorId: message.authorUserId,
      messageId: message.id,
      data: { external_id: externalId, visibility: message.visibility, via: "parley" },
      occurredAt: at,
      createdAt: at,
    });
    // The reply meets the first or next response target: the clocks stop now, not at the next check.
    const conversationIds = [message.conversationId];
    await refreshSla(tx, { workspaceId: message.workspaceId, conversationIds }, at, sharedSlaCache);
  });
  deliveryChanged(deps, message);
  return { status: "done" };
}

/** The desk shows delivery states live (queued → sending → sent | failed); told after each commit. */
function deliveryChanged(deps: Pick<Deps, "changes">, message: MessageRow) {
  deps.changes.publish({
    workspaceId: message.workspaceId,
    conversationIds: [message.conversationId],
    reasons: ["delivery"],
  });
}
