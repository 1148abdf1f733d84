import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { connectorFor } from "../connectors/registry";
import type { ChannelRow } from "../modules/channels/channels.repo";
import { createBatcher } from "../platform/batcher";
import { type Bus, InlineBus } from "../platform/bus";
import type { Db, Queryable } from "../platform/db";
import { bulkInsert, uuidArray } from "../platform/db/bulk";
import { channelAccounts, inboundEvents, inboundQueue } from "../platform/db/schema";
import { newId } from "../platform/ids";

/** The bus subject the pipeline consumes: one message per stored inbound event. */
export const INBOUND_SUBJECT = "pipeline.inbound";

export interface InboundEventInput {
  channel: ChannelRow;
  idempotencyKey: string;
  payload: unknown;
  headers?: Record<string, string>;
}

export interface Accepted {
  eventId: string | null;
  duplicate: boolean;
}

/**
 * Where every delivery enters Parley (webhooks, streams, polls, imports): stored exactly as
 * received, then handed to the pipeline. Storing is group-committed: concurrent deliveries share
 * one transaction, which is what lets one node take thousands of posts a second.
 */
export interface Inbound {
  accept(input: InboundEventInput): Promise<Accepted>;
  /** Hands already stored events (a replay, a sweep after a crash) to the pipeline again. */
  publish(events: { id: string; key: string }[], attempt?: string): Promise<void>;
  /**
   * In-process bus only: the event this process just stored, handed over once to this process's
   * pipeline so it need not read it back (null once taken, or with a bus to other processes).
   */
  take(eventId: string): StoredEvent | null;
}

/** An inbound event as stored: what the pipeline reads of it. */
export interface StoredEvent {
  id: string;
  workspaceId: string;
  channelAccountId: string;
  network: ChannelRow["network"];
  payload: unknown;
  receivedAt: Date;
}

/** Events handed over in process and not taken yet (a pipeline that is behind): the oldest go. */
const MAX_HANDOFF = 50_000;
/** `channel_accounts.last_event_at` is written at most this often per channel and process. */
const LAST_EVENT_EVERY_MS = 1000;

export function createInbound(deps: {
  db: Db;
  clock: { now(): Date };
  bus: Bus;
  /** Delivery groups stored at once (PostgreSQL: several connections). */
  parallelWrites?: number;
}): Inbound {
  const publish: Inbound["publish"] = async (events, attempt) => {
    await Promise.all(
      events.map((e) =>
        deps.bus.publish(
          INBOUND_SUBJECT,
          { event_id: e.id },
          { key: e.key, msgId: attempt ? `${e.id}:${attempt}` : e.id },
        ),
      ),
    );
  };
  type Stored = StoreResult | Error;
  // Only a pipeline in this process can take what is handed over: with a bus between processes
  // (NATS) the worker that gets the event reads it from the database.
  const handoff = deps.bus instanceof InlineBus ? new Map<string, StoredEvent>() : null;
  const lastEventAt = new Map<string, number>();
  const store = (inputs: InboundEventInput[]) => {
    const now = deps.clock.now();
    // A row every concurrent delivery group would otherwise lock and wait on, for a time to the second.
    const touch = [...new Set(inputs.map((i) => i.channel.id))].filter(
      (id) => now.getTime() - (lastEventAt.get(id) ?? 0) >= LAST_EVENT_EVERY_MS,
    );
    for (const id of touch) lastEventAt.set(id, now.getTime());
    return deps.db.transaction((tx) => storeInboundEvents(tx, inputs, now, touch));
  };
  const batcher = createBatcher<InboundEventInput, Stored>(
    async (inputs) => {
      try {
        return await store(inputs);
      } catch (err) {
        if (inputs.length === 1) return [err as Error];
        // One delivery the database refuses must not lose the others of its group: each alone.
        const results: Stored[] = [];
        for (const input of inputs)
          results.push(
            await store([input]).then(
              (r) => r[0] as Stored,
              (e: Error) => e,
            ),
          );
        return results;
      }
    },
    { maxConcurrent: deps.parallelWrites ?? 1 },
  );
  return {
    publish,
    async accept(input) {
      const stored = await batcher.add(input);
      if (stored instanceof Error) throw stored;
      if (stored.event && handoff) {
        handoff.set(stored.event.id, stored.event);
        if (handoff.size > MAX_HANDOFF) handoff.delete(handoff.keys().next().value as string);
      }
      if (stored.eventId) await publish([{ id: stored.eventId, key: stored.key }]);
      return { eventId: stored.eventId, duplicate: stored.duplicate };
    },
    take(eventId) {
      const event = handoff?.get(eventId);
      if (!event) return null;
      handoff?.delete(eventId);
      return event;
    },
  };
}

// NUL, and UTF-16 halves without their other half, as JSON.stringify writes them: PostgreSQL's
// jsonb refuses both, which would lose the whole delivery.
const UNSTORABLE =
  /\\u0000|\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/i;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The payload as PostgreSQL can store it: NULs removed, broken characters replaced (U+FFFD). */
export function storable(payload: unknown): unknown {
  const json = JSON.stringify(payload ?? null);
  if (!UNSTORABLE.test(json)) return payload;
  return JSON.parse(json, (_k, v) =>
    typeof v === "string" ? v.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD") : v,
  );
}

type StoreResult = Accepted & { key: string; event: StoredEvent | null };

/**
 * Persists deliveries in one statement. The idempotency key makes a redelivery a no-op
 * (`duplicate`); the result keeps the input order. `touchChannels` (default: the inputs') get
 * their `last_event_at`.
 */
export async function storeInboundEvents(
  db: Queryable,
  inputs: InboundEventInput[],
  now: Date,
  touchChannels: string[] = [...new Set(inputs.map((i) => i.channel.id))],
): Promise<StoreResult[]> {
  const rows = inputs.map((input) => ({
    id: newId(),
    workspaceId: input.channel.workspaceId,
    channelAccountId: input.channel.id,
    network: input.channel.network,
    idempotencyKey: input.idempotencyKey,
    payload: storable(input.payload),
    headers: input.headers ?? {},
    receivedAt: now,
  }));
  const unique = [...new Map(rows.map((r) => [`${r.workspaceId}|${r.idempotencyKey}`, r])).values()];
  const inserted = await bulkInsert(db, inboundEvents, unique, {
    onConflictDoNothing: true,
    returning: ["id"],
  });
  const insertedIds = new Set(inserted.map((r) => r.id as string));
  // In the same transaction: the pipeline owes each new event a pass (ADR 0020).
  if (insertedIds.size > 0)
    await db.execute(sql`insert into inbound_queue (event_id, received_at)
      select unnest(${uuidArray([...insertedIds])}::uuid[]), ${now}`);
  if (touchChannels.length > 0)
    await db
      .update(channelAccounts)
      .set({ lastEventAt: now })
      .where(
        and(
          inArray(channelAccounts.id, touchChannels),
          or(
            isNull(channelAccounts.lastEventAt),
            lt(channelAccounts.lastEventAt, new Date(now.getTime() - LAST_EVENT_EVERY_MS)),
          ),
        ),
      );
  return rows.map((row, i) => {
    const input = inputs[i] as InboundEventInput;
    const fresh = insertedIds.has(row.id);
    return {
      eventId: fresh ? row.id : null,
      duplicate: !fresh,
      key: fresh ? routingKey(input.channel, input.payload, row.id) : "",
      event: fresh
        ? {
            id: row.id,
            workspaceId: row.workspaceId,
            channelAccountId: row.channelAccountId,
            network: row.network,
            payload: row.payload,
            receivedAt: now,
          }
        : null,
    };
  });
}

/**
 * The bus ordering key: the customer the delivery is from (or, for the brand's own private
 * messages, to), so one customer's messages are threaded one at a time, in order, on any worker.
 */
export function routingKey(channel: ChannelRow, payload: unknown, fallback: string): string {
  try {
    const [item] = connectorFor(channel.network)?.parse(payload, channel) ?? [];
    const person = item ? (item.fromBrand ? item.recipient : item.author) : null;
    return `${channel.id}:${person?.externalId ?? item?.threadExternalId ?? fallback}`;
  } catch {
    return `${channel.id}:${fallback}`;
  }
}

/**
 * An inbound event's state in one word, for whoever looks: `pending` (queued for the pipeline),
 * `processed`, `dropped` (nothing in it to store) or `dead`.
 */
export const inboundState = sql<"pending" | "processed" | "dropped" | "dead">`case
  when exists (select 1 from inbound_queue q where q.event_id = ${inboundEvents.id}) then 'pending'
  when ${inboundEvents.status} = 'received' then 'processed' else ${inboundEvents.status} end`;

/** Events still waiting for the pipeline (a crash between store and publish, an in-memory bus lost). */
export async function pendingEvents(db: Queryable, receivedBefore: Date, limit = 1000) {
  const rows = await db
    .select({ id: inboundEvents.id, payload: inboundEvents.payload, channel: channelAccounts })
    .from(inboundQueue)
    .innerJoin(inboundEvents, eq(inboundEvents.id, inboundQueue.eventId))
    .innerJoin(channelAccounts, eq(channelAccounts.id, inboundEvents.channelAccountId))
    .where(lt(inboundQueue.receivedAt, receivedBefore))
    .orderBy(inboundQueue.receivedAt)
    .limit(limit);
  return rows.map((r) => ({ id: r.id, key: routingKey(r.channel as ChannelRow, r.payload, r.id) }));
}
