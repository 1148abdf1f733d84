import { DEFAULT_BASE_URLS } from "@parley/contracts";
import { and, eq, inArray } from "drizzle-orm";
import { storeInboundEvents } from "../ingest/inbound";
import type { ChannelRow } from "../modules/channels/channels.repo";
import { createIngestPipeline, type PipelineInput } from "../pipeline/ingest.pipeline";
import type { EventOutcome } from "../pipeline/result";
import type { Db } from "../platform/db";
import { channelAccounts } from "../platform/db/schema";
import { newId } from "../platform/ids";
import { brandUserId, loadTwcs, planTwcsImport } from "./twcs";

export interface TwcsImportResult {
  rows: number;
  unreadable: number;
  brands: number;
  skipped: number;
  stored: number;
  duplicates: number;
  outcomes: Record<EventOutcome["status"], number>;
}

/**
 * `parley import twcs` (SPEC L5): a "Customer Support on Twitter" file through the same pipeline as
 * live traffic. Brand handles become the workspace's X accounts (import-only: no credentials, so
 * nothing is polled or sent), brand tweets agent replies and customer tweets inbound mentions, all
 * with their original times. Idempotent: importing a file again stores nothing twice.
 */
export async function importTwcs(
  deps: { db: Db; clock: { now(): Date } },
  input: { file: string; workspaceId: string; batchSize?: number },
): Promise<TwcsImportResult> {
  const { rows, errors } = await loadTwcs(input.file);
  const plan = planTwcsImport(rows);
  const channels = await ensureBrandChannels(deps.db, input.workspaceId, plan.brands);
  const run = createIngestPipeline(deps);
  const result: TwcsImportResult = {
    rows: rows.length,
    unreadable: errors.length,
    brands: plan.brands.length,
    skipped: plan.skipped.length,
    stored: 0,
    duplicates: 0,
    outcomes: { processed: 0, dropped: 0, retry: 0, dead: 0 },
  };
  const size = input.batchSize ?? 500;
  // In time order, one batch after the other, so what a tweet answers is always stored first.
  for (let i = 0; i < plan.events.length; i += size) {
    const chunk = plan.events.slice(i, i + size);
    const stored = await deps.db.transaction((tx) =>
      storeInboundEvents(
        tx,
        chunk.map((e) => ({
          channel: channels.get(e.brand) as ChannelRow,
          idempotencyKey: `x:post:${e.tweetId}`,
          payload: e.payload,
        })),
        deps.clock.now(),
      ),
    );
    const ids = stored.flatMap((s) => (s.eventId ? [s.eventId] : []));
    result.stored += ids.length;
    result.duplicates += stored.length - ids.length;
    let batch: PipelineInput[] = ids.map((eventId) => ({ eventId, attempt: 1 }));
    while (batch.length > 0) {
      const outcomes = await run(batch);
      const again = batch.filter((_b, j) => outcomes[j]?.status === "retry");
      for (const o of outcomes) if (o.status !== "retry") result.outcomes[o.status]++;
      const stuck = again.filter((b) => b.attempt >= 3);
      result.outcomes.retry += stuck.length;
      batch = again.filter((b) => b.attempt < 3).map((b) => ({ ...b, attempt: b.attempt + 1 }));
    }
  }
  return result;
}

/** One X channel per brand handle, created on first import. */
async function ensureBrandChannels(db: Db, workspaceId: string, brands: string[]) {
  if (brands.length > 0)
    await db
      .insert(channelAccounts)
      .values(
        brands.map((handle) => ({
          id: newId(),
          workspaceId,
          network: "x" as const,
          name: `@${handle}`,
          handle,
          externalAccountId: brandUserId(handle),
          baseUrl: DEFAULT_BASE_URLS.x,
          settings: { source: "import:twcs" },
        })),
      )
      .onConflictDoNothing();
  const rows = brands.length
    ? await db
        .select()
        .from(channelAccounts)
        .where(
          and(
            eq(channelAccounts.workspaceId, workspaceId),
            eq(channelAccounts.network, "x"),
            inArray(channelAccounts.externalAccountId, brands.map(brandUserId)),
          ),
        )
    : [];
  return new Map(rows.map((r) => [r.handle ?? r.externalAccountId, r as ChannelRow]));
}
