import { and, eq, inArray } from "drizzle-orm";
import { storeInboundEvents } from "../../ingest/inbound";
import type { ChannelRow } from "../../modules/channels/channels.repo";
import type { createIngestPipeline, PipelineInput } from "../../pipeline/ingest.pipeline";
import type { Db, Queryable } from "../../platform/db";
import { conversations, messages } from "../../platform/db/schema";
import type { Inbound } from "./payloads";
import type { Planned } from "./plan";

/** A planned conversation as the desk has it now: the row and its latest customer message. */
export interface ConvState {
  id: string;
  contactId: string;
  status: string;
  assigneeId: string | null;
  teamId: string | null;
  tags: string[];
  channelAccountId: string | null;
  lastInbound: {
    id: string;
    externalId: string | null;
    threadId: string | null;
    visibility: string;
    kind: string;
  };
}

/** Stores the posts as received and runs them through the pipeline, batch by batch, in time order. */
export async function ingest(
  db: Db,
  run: ReturnType<typeof createIngestPipeline>,
  items: { channel: ChannelRow; m: Inbound }[],
  setClock: (at: number) => void,
) {
  // One batch a round: the pipeline's cost on PGlite is mostly per batch (1,100 posts: 37 s in
  // batches of 100, 4.6 s in one).
  const size = 5000;
  for (let i = 0; i < items.length; i += size) {
    const chunk = items.slice(i, i + size);
    setClock(chunk[0]?.m.at ?? Date.now());
    const stored = await db.transaction((tx) =>
      storeInboundEvents(
        tx,
        chunk.map(({ channel, m }) => ({ channel, idempotencyKey: m.key, payload: m.payload })),
        new Date(chunk[0]?.m.at ?? Date.now()),
      ),
    );
    let batch: PipelineInput[] = stored.flatMap((s) =>
      s.eventId ? [{ eventId: s.eventId, attempt: 1 }] : [],
    );
    while (batch.length > 0) {
      const outcomes = await run(batch);
      batch = batch
        .filter((b, j) => outcomes[j]?.status === "retry" && b.attempt < 3)
        .map((b) => ({ ...b, attempt: b.attempt + 1 }));
    }
  }
}

/** Each planned conversation's row and latest customer message, as the pipeline left them. */
export async function loadState(
  db: Queryable,
  workspaceId: string,
  arriving: { p: Planned; m: Inbound }[],
  state: Map<number, ConvState>,
) {
  for (const net of ["x", "facebook", "instagram", "whatsapp"] as const) {
    const mine = arriving.filter(({ p }) => p.network === net);
    for (let i = 0; i < mine.length; i += 1000) {
      const part = mine.slice(i, i + 1000);
      const rows = await db
        .select({
          externalId: messages.externalId,
          messageId: messages.id,
          threadId: messages.externalThreadId,
          visibility: messages.visibility,
          kind: messages.kind,
          id: conversations.id,
          contactId: conversations.contactId,
          status: conversations.status,
          assigneeId: conversations.assigneeId,
          teamId: conversations.teamId,
          tags: conversations.tags,
          channelAccountId: conversations.channelAccountId,
        })
        .from(messages)
        .innerJoin(conversations, eq(conversations.id, messages.conversationId))
        .where(
          and(
            eq(messages.workspaceId, workspaceId),
            eq(messages.channel, net),
            inArray(
              messages.externalId,
              part.map(({ m }) => m.externalId),
            ),
          ),
        );
      const byExternal = new Map(rows.map((r) => [r.externalId, r]));
      for (const { p, m } of part) {
        const row = byExternal.get(m.externalId);
        if (!row) continue;
        state.set(p.index, {
          id: row.id,
          contactId: row.contactId,
          status: row.status,
          assigneeId: row.assigneeId,
          teamId: row.teamId,
          tags: row.tags,
          channelAccountId: row.channelAccountId,
          lastInbound: {
            id: row.messageId,
            externalId: row.externalId,
            threadId: row.threadId,
            visibility: row.visibility,
            kind: row.kind,
          },
        });
      }
    }
  }
}
