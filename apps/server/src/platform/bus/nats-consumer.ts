import type { ConsumerMessages, JetStreamClient, JsMsg } from "@nats-io/jetstream";
import { type BusHandler, type BusMessage, decodeJson, runHandler } from "./bus";

export const KEY_HEADER = "Parley-Key";
export const MSG_ID_HEADER = "Nats-Msg-Id";

export interface PartitionLoopSettings {
  js: JetStreamClient;
  stream: string;
  consumer: string;
  subject: string;
  group: string;
  handler: BusHandler;
  maxAttempts: number;
  ackWaitMs: number;
  retryDelayMs: (attempt: number) => number;
  deadLetter: (msg: BusMessage, seq: number, reason: string) => Promise<void>;
  slots: Semaphore;
}

/** Caps the handlers a subscription runs at once across its partitions. */
export class Semaphore {
  private waiters: Array<() => void> = [];
  constructor(private free: number) {}

  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.free++;
  }
}

/**
 * Consumes one partition's durable consumer. The consumer has `max_ack_pending: 1`, so the server
 * hands out the partition's next message only after this one is acked or terminated, whichever
 * process holds it: that is what gives per-key order across processes (ADR 0010).
 */
export async function startPartitionLoop(s: PartitionLoopSettings): Promise<() => Promise<void>> {
  const consumer = await s.js.consumers.get(s.stream, s.consumer);
  const messages: ConsumerMessages = await consumer.consume({ max_messages: 1 });
  let closing = false;
  const done = (async () => {
    for await (const m of messages) {
      // A message that arrives while closing goes straight back, rather than holding the partition for ack_wait.
      if (closing) m.nak();
      else await handleOne(s, m);
    }
  })();
  return async () => {
    closing = true;
    await messages.close();
    await done;
  };
}

async function handleOne(s: PartitionLoopSettings, m: JsMsg): Promise<void> {
  const msg = toBusMessage(s.subject, m);
  // Keeps the server from redelivering while the handler (or the wait for a slot) is slow.
  const keepAlive = setInterval(() => m.working(), Math.max(100, s.ackWaitMs / 2));
  try {
    await s.slots.acquire();
    try {
      await settle(s, m, msg);
    } finally {
      s.slots.release();
    }
  } finally {
    clearInterval(keepAlive);
  }
}

async function settle(s: PartitionLoopSettings, m: JsMsg, msg: BusMessage): Promise<void> {
  // Past max attempts only after crashes or ack_wait timeouts: the last try never reached a verdict.
  if (msg.attempt > s.maxAttempts) {
    await dead(s, m, msg, `redelivered ${msg.attempt - 1} times without an outcome`);
    return;
  }
  const { outcome, error } = await runHandler(s.handler, msg);
  if (outcome === "ack") {
    // ackAck waits for the server, so a lost ack shows up here rather than as a silent redelivery.
    await m.ackAck().catch(() => false);
  } else if (outcome === "retry" && msg.attempt < s.maxAttempts) {
    m.nak(s.retryDelayMs(msg.attempt));
  } else {
    const reason = outcome === "dead" ? "handler dead-lettered it" : `gave up after ${msg.attempt} attempts`;
    await dead(s, m, msg, error ? `${reason}: ${error}` : reason);
  }
}

/** Publish to the DLQ first, then terminate: a crash in between re-runs this, deduped by msgId. */
async function dead(s: PartitionLoopSettings, m: JsMsg, msg: BusMessage, reason: string): Promise<void> {
  try {
    await s.deadLetter(msg, m.seq, reason);
    m.term(reason);
  } catch {
    m.nak(s.retryDelayMs(msg.attempt));
  }
}

function toBusMessage(subject: string, m: JsMsg): BusMessage {
  return {
    subject,
    data: m.data,
    key: m.headers?.get(KEY_HEADER) || undefined,
    msgId: m.headers?.get(MSG_ID_HEADER) || undefined,
    attempt: m.info.deliveryCount,
    json: <T>() => decodeJson<T>(m.data),
  };
}
