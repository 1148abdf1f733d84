/**
 * The message bus port. Two drivers implement it: the in-process bus (embedded default) and NATS
 * JetStream (scale-out). See docs/adr/0010-bus-nats-jetstream.md for the semantics and why.
 *
 * Delivery is at-least-once: a handler may see a message again (after a crash, a timeout, a
 * retry), so handlers must be idempotent (upserts keyed by the message's id, ADR 0006).
 */

/** What a handler decides; the bus, not the handler, acks, schedules the retry or dead-letters. */
export type HandlerOutcome = "ack" | "retry" | "dead";

export interface BusMessage {
  subject: string;
  data: Uint8Array;
  /** Ordering key given at publish: messages with the same key are handled one at a time, in order. */
  key?: string;
  msgId?: string;
  /** 1 on first delivery; grows with every retry or redelivery after a crash. */
  attempt: number;
  /** Decodes a payload published as an object. */
  json<T = unknown>(): T;
}

export interface PublishOptions {
  /** Ordering key (a conversation or customer id). Unkeyed messages have no order between them. */
  key?: string;
  /** Dedupe: a second publish with the same id within the dedupe window is dropped. */
  msgId?: string;
}

export interface SubscribeOptions {
  /** Handlers running at once in this process for this subscription (different keys only). */
  concurrency?: number;
  /** Deliveries before a message is dead-lettered. Part of the group's config: keep it equal across processes. */
  maxAttempts?: number;
}

export type BusHandler = (msg: BusMessage) => Promise<HandlerOutcome>;

export interface Subscription {
  /** Stops taking messages and waits for the handlers running now; unacked ones are redelivered later. */
  close(): Promise<void>;
}

export interface Bus {
  /** Resolves once the bus holds the message (JetStream: stored and acknowledged by the stream). */
  publish(subject: string, payload: Uint8Array | object, opts?: PublishOptions): Promise<void>;
  /**
   * Every group receives every message; the subscriptions of one group (in this process or in
   * others) share its messages as competing consumers. A handler that throws counts as "retry".
   */
  subscribe(
    subject: string,
    group: string,
    handler: BusHandler,
    opts?: SubscribeOptions,
  ): Promise<Subscription>;
  close(): Promise<void>;
}

/** Why a message reached `<subject>.dlq`; the dead-lettered message keeps its key, data and msgId. */
export interface DeadLetter {
  subject: string;
  group: string;
  attempts: number;
  reason: string;
  message: BusMessage;
}

export const dlqSubject = (subject: string): string => `${subject}.dlq`;

export const DEFAULT_MAX_ATTEMPTS = 5;

/** Exponential backoff with jitter between retries: 1 s, 2 s, 4 s ... capped at 5 minutes. */
export function defaultRetryDelayMs(attempt: number, random = Math.random): number {
  const ceiling = Math.min(300_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodePayload(payload: Uint8Array | object): Uint8Array {
  return payload instanceof Uint8Array ? payload : encoder.encode(JSON.stringify(payload));
}

export function decodeJson<T>(data: Uint8Array): T {
  return JSON.parse(decoder.decode(data)) as T;
}

/** FNV-1a: a stable, fast string hash so every process maps a key to the same partition. */
export function partitionOf(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}

/** Runs the handler and maps a throw to "retry", so one failing message never stops a consumer. */
export async function runHandler(
  handler: BusHandler,
  msg: BusMessage,
): Promise<{ outcome: HandlerOutcome; error?: string }> {
  try {
    return { outcome: await handler(msg) };
  } catch (err) {
    return { outcome: "retry", error: err instanceof Error ? err.message : String(err) };
  }
}
