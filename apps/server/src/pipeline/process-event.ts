import { and, eq, inArray } from "drizzle-orm";
import type { DeliveryUpdate } from "../connectors/connector";
import { connectorFor } from "../connectors/registry";
import type { ChannelRow } from "../modules/channels/channels.repo";
import { recordInbound } from "../modules/conversations/record-inbound";
import type { Queryable } from "../platform/db";
import { channelAccounts, inboundEvents, messages } from "../platform/db/schema";
import type { Deps } from "../platform/deps";
import type { JobHandler } from "../platform/jobs/worker";
import { triage } from "./triage";

/**
 * The pipeline's entry point: one stored inbound event → its messages in their conversations.
 * This is the minimal path (parse → classify → identity → thread → store); the triage pipeline (issue 4)
 * replaces the body of this function with its steps, keeping the entry point.
 */
export function processInboundEventJob(deps: Pick<Deps, "db" | "clock">): JobHandler {
  return async (job) => {
    const eventId = String(job.payload.event_id);
    const [event] = await deps.db.select().from(inboundEvents).where(eq(inboundEvents.id, eventId));
    if (event?.status !== "pending") return { status: "done" };
    const [channel] = event.channelAccountId
      ? await deps.db.select().from(channelAccounts).where(eq(channelAccounts.id, event.channelAccountId))
      : [];
    const connector = connectorFor(event.network);
    if (!channel || !connector) return dead(deps, eventId, `no connector or channel for ${event.network}`);
    let items: ReturnType<typeof connector.parse>;
    let updates: DeliveryUpdate[];
    try {
      items = connector.parse(event.payload, channel as ChannelRow);
      updates = connector.deliveryUpdates?.(event.payload, channel as ChannelRow) ?? [];
    } catch (err) {
      return dead(deps, eventId, `unreadable payload: ${(err as Error).message}`);
    }
    await deps.db.transaction(async (tx) => {
      for (const item of items) {
        await recordInbound(tx, channel as ChannelRow, item, eventId, triage(channel.workspaceId, item));
      }
      for (const update of updates) await recordDeliveryUpdate(tx, channel as ChannelRow, update);
      await tx
        .update(inboundEvents)
        .set({
          status: items.length || updates.length ? "processed" : "dropped",
          attempts: job.attempts,
          processedAt: deps.clock.now(),
        })
        .where(eq(inboundEvents.id, eventId));
    });
    return { status: "done" };
  };
}

/**
 * A network's late word on a message Parley sent. Only a failure changes it (Parley's delivery
 * statuses end at `sent`); updates for messages sent outside Parley match nothing.
 */
async function recordDeliveryUpdate(db: Queryable, channel: ChannelRow, update: DeliveryUpdate) {
  if (update.status !== "failed") return;
  await db
    .update(messages)
    .set({ deliveryStatus: "failed", deliveryError: update.error })
    .where(
      and(
        eq(messages.workspaceId, channel.workspaceId),
        eq(messages.channelAccountId, channel.id),
        eq(messages.externalId, update.externalId),
        eq(messages.direction, "outbound"),
        inArray(messages.deliveryStatus, ["sending", "sent"]),
      ),
    );
}

async function dead(deps: Pick<Deps, "db" | "clock">, eventId: string, error: string) {
  await deps.db
    .update(inboundEvents)
    .set({ status: "dead", error, processedAt: deps.clock.now() })
    .where(eq(inboundEvents.id, eventId));
  return { status: "dead" as const, error };
}
