import type { Channel } from "@parley/contracts";
import { eq } from "drizzle-orm";
import type { Queryable } from "../platform/db";
import { channelAccounts, inboundEvents } from "../platform/db/schema";
import { newId } from "../platform/ids";
import { enqueue } from "../platform/jobs/queue";

export const INBOUND_QUEUE = "inbound-event";

/**
 * Persists a delivery exactly as received and schedules its processing, in one transaction. The
 * idempotency key makes a redelivery a no-op (returns `duplicate`).
 */
export async function storeInboundEvent(
  db: Queryable,
  input: {
    channel: { id: string; workspaceId: string; network: Channel };
    idempotencyKey: string;
    payload: unknown;
    headers?: Record<string, string>;
  },
  now: Date,
): Promise<{ eventId: string | null; duplicate: boolean }> {
  const id = newId();
  const [row] = await db
    .insert(inboundEvents)
    .values({
      id,
      workspaceId: input.channel.workspaceId,
      channelAccountId: input.channel.id,
      network: input.channel.network,
      idempotencyKey: input.idempotencyKey,
      payload: input.payload,
      headers: input.headers ?? {},
      receivedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: inboundEvents.id });
  await db.update(channelAccounts).set({ lastEventAt: now }).where(eq(channelAccounts.id, input.channel.id));
  if (!row) return { eventId: null, duplicate: true };
  await enqueue(
    db,
    { queue: INBOUND_QUEUE, workspaceId: input.channel.workspaceId, payload: { event_id: id }, key: id },
    now,
  );
  return { eventId: id, duplicate: false };
}
