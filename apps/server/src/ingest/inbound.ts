import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { connectorFor } from "../connectors/registry";
import type { ChannelRow } from "../modules/channels/channels.repo";
import { createBatcher } from "../platform/batcher";
import type { Bus } from "../platform/bus";
import type { Db, Queryable } from "../platform/db";
import { bulkInsert } from "../platform/db/bulk";
import { channelAccounts, inboundEvents } from "../platform/db/schema";
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
}

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
  type Stored = (Accepted & { key: string }) | Error;
  const store = (inputs: InboundEventInput[]) =>
    deps.db.transaction((tx) => storeInboundEvents(tx, inputs, deps.clock.now()));
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
      if (stored.eventId) await publish([{ id: stored.eventId, key: stored.key }]);
      return { eventId: stored.eventId, duplicate: stored.duplicate };
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

/**
 * Persists deliveries in one statement. The idempotency key makes a redelivery a no-op
 * (`duplicate`); the result keeps the input order.
 */
export async function storeInboundEvents(
  db: Queryable,
  inputs: InboundEventInput[],
  now: Date,
): Promise<(Accepted & { key: string })[]> {
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
  const insertedIds = new Set(inserted.map((r) => r.id));
  const channelIds = [...new Set(inputs.map((i) => i.channel.id))];
  // At most once a second per channel: a row every concurrent delivery group would otherwise lock.
  await db
    .update(channelAccounts)
    .set({ lastEventAt: now })
    .where(
      and(
        inArray(channelAccounts.id, channelIds),
        or(
          isNull(channelAccounts.lastEventAt),
          lt(channelAccounts.lastEventAt, new Date(now.getTime() - 1000)),
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

/** Events still waiting for the pipeline (a crash between store and publish, an in-memory bus lost). */
export async function pendingEvents(db: Queryable, receivedBefore: Date, limit = 1000) {
  const rows = await db
    .select({ id: inboundEvents.id, payload: inboundEvents.payload, channel: channelAccounts })
    .from(inboundEvents)
    .innerJoin(channelAccounts, eq(channelAccounts.id, inboundEvents.channelAccountId))
    .where(sql`${inboundEvents.status} = 'pending' and ${inboundEvents.receivedAt} < ${receivedBefore}`)
    .orderBy(inboundEvents.receivedAt)
    .limit(limit);
  return rows.map((r) => ({ id: r.id, key: routingKey(r.channel as ChannelRow, r.payload, r.id) }));
}
