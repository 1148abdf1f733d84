import type { DeadLetter } from "@parley/contracts";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { routingKey } from "../../ingest/inbound";
import type { Queryable } from "../../platform/db";
import { channelAccounts, inboundEvents, inboundQueue } from "../../platform/db/schema";
import type { ChannelRow } from "../channels/channels.repo";

/** Enough of the raw payload to recognise it in a table; the database cuts it, not Node. */
const PREVIEW_CHARS = 240;

/** Replay-all hands the pipeline at most this many events per call, oldest first. */
export const REPLAY_ALL_LIMIT = 1000;

/** The workspace's dead letters, newest first (keyset on received_at, id). */
export async function listDeadLetters(
  db: Queryable,
  workspaceId: string,
  limit: number,
  after: (string | number)[] | null,
) {
  return db
    .select({
      id: inboundEvents.id,
      network: inboundEvents.network,
      channelId: inboundEvents.channelAccountId,
      channelName: channelAccounts.name,
      receivedAt: inboundEvents.receivedAt,
      failedStep: inboundEvents.failedStep,
      error: inboundEvents.error,
      attempts: inboundEvents.attempts,
      preview: sql<string>`left(${inboundEvents.payload}::text, ${PREVIEW_CHARS})`,
    })
    .from(inboundEvents)
    .leftJoin(
      channelAccounts,
      and(
        eq(channelAccounts.id, inboundEvents.channelAccountId),
        eq(channelAccounts.workspaceId, workspaceId),
      ),
    )
    .where(
      and(
        eq(inboundEvents.workspaceId, workspaceId),
        eq(inboundEvents.status, "dead"),
        after
          ? sql`(${inboundEvents.receivedAt}, ${inboundEvents.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(inboundEvents.receivedAt), desc(inboundEvents.id))
    .limit(limit + 1);
}

type DeadLetterRow = Awaited<ReturnType<typeof listDeadLetters>>[number];

export function toDeadLetterDto(r: DeadLetterRow): DeadLetter {
  return {
    id: r.id,
    network: r.network,
    channel_id: r.channelId,
    channel_name: r.channelName,
    received_at: r.receivedAt.toISOString(),
    failed_step: r.failedStep,
    error: r.error,
    attempts: r.attempts,
    payload_preview: r.preview,
  };
}

/**
 * Sets dead letters back as if just received (attempts, error and step cleared, queued for the
 * pipeline again) and returns them with their bus ordering keys. Only dead ones: replaying twice,
 * or an event that was processed meanwhile, changes nothing.
 */
export async function resurrect(db: Queryable, workspaceId: string, ids: string[] | "all") {
  const dead = await db
    .select({ id: inboundEvents.id })
    .from(inboundEvents)
    .where(
      and(
        eq(inboundEvents.workspaceId, workspaceId),
        eq(inboundEvents.status, "dead"),
        ids === "all" ? undefined : inArray(inboundEvents.id, ids),
      ),
    )
    .orderBy(inboundEvents.receivedAt)
    .limit(REPLAY_ALL_LIMIT);
  if (dead.length === 0) return [];
  const rows = await db
    .update(inboundEvents)
    .set({ status: "received", attempts: 0, error: null, failedStep: null, processedAt: null })
    .where(
      and(
        eq(inboundEvents.workspaceId, workspaceId),
        inArray(
          inboundEvents.id,
          dead.map((d) => d.id),
        ),
      ),
    )
    .returning({
      id: inboundEvents.id,
      payload: inboundEvents.payload,
      channelId: inboundEvents.channelAccountId,
      receivedAt: inboundEvents.receivedAt,
    });
  await db
    .insert(inboundQueue)
    .values(rows.map((r) => ({ eventId: r.id, receivedAt: r.receivedAt })))
    .onConflictDoNothing();
  return withKeys(db, workspaceId, rows);
}

async function withKeys(
  db: Queryable,
  workspaceId: string,
  rows: { id: string; payload: unknown; channelId: string | null }[],
) {
  const channelIds = [...new Set(rows.flatMap((r) => (r.channelId ? [r.channelId] : [])))];
  const channels =
    channelIds.length === 0
      ? []
      : await db
          .select()
          .from(channelAccounts)
          .where(and(eq(channelAccounts.workspaceId, workspaceId), inArray(channelAccounts.id, channelIds)));
  const byId = new Map<string, ChannelRow>(channels.map((c) => [c.id, c]));
  return rows.map((r) => {
    const channel = r.channelId ? byId.get(r.channelId) : undefined;
    // Without its channel the pipeline dead-letters it again, with that reason; any key will do.
    return { id: r.id, key: channel ? routingKey(channel, r.payload, r.id) : `${r.channelId}:${r.id}` };
  });
}
