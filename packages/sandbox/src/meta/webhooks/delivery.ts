import type { Clock } from "../core/clock";
import { hubSignature256, hubSignatureSha1, serializeMetaJson } from "../core/signature";

export interface DeliveryAttempt {
  at: string;
  status?: number;
  error?: string;
}

export interface DeliveryRecord {
  id: number;
  object: string;
  callbackUrl: string;
  /** The exact bytes sent and signed. */
  body: string;
  signature256: string;
  entries: number;
  state: "pending" | "delivered" | "failed";
  attempts: DeliveryAttempt[];
  nextAttemptAt?: string | undefined;
}

export interface DeliveryOptions {
  clock: Clock;
  appSecret: string;
  /** Waits before each redelivery; the first retry is immediate on Meta (§2.3). */
  retryDelaysMs: number[];
  timeoutMs: number;
  /** > 0: entries published within this window go out together in one POST. */
  batchWindowMs: number;
}

/** Meta batches up to 1000 updates per POST (§2.3). */
const MAX_ENTRIES_PER_POST = 1000;

interface Pending {
  object: string;
  callbackUrl: string;
  entries: unknown[];
  timer?: NodeJS.Timeout;
}

/**
 * Signs and POSTs webhook bodies, redelivering on non-2xx or timeout along `retryDelaysMs`.
 * `idle()` lets tests and the simulator wait until every delivery has settled.
 */
export class WebhookDeliverer {
  private readonly records: DeliveryRecord[] = [];
  private readonly pending = new Map<string, Pending>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly retries = new Map<number, () => void>();
  private outstanding = 0;
  private waiters: (() => void)[] = [];
  private holding = false;
  private nextId = 1;
  /** Bumped by reset(): attempts in flight from before it must not schedule retries. */
  private generation = 0;

  constructor(private readonly options: DeliveryOptions) {}

  /** Queues one `entry` item; resolves after the first delivery attempt of the POST carrying it. */
  publish(args: { object: string; callbackUrl: string; entry: unknown }): Promise<void> {
    const key = `${args.object} ${args.callbackUrl}`;
    let batch = this.pending.get(key);
    if (!batch) {
      batch = { object: args.object, callbackUrl: args.callbackUrl, entries: [] };
      this.pending.set(key, batch);
    }
    batch.entries.push(args.entry);
    if (this.holding) return Promise.resolve();
    if (this.options.batchWindowMs <= 0) return this.flush(key);
    if (!batch.timer) {
      this.outstanding++;
      batch.timer = this.later(this.options.batchWindowMs, () => void this.flush(key));
    }
    return Promise.resolve();
  }

  /** Holds deliveries so the next `release()` sends them batched (several entries per POST). */
  hold(): void {
    this.holding = true;
  }

  async release(): Promise<void> {
    this.holding = false;
    await Promise.all([...this.pending.keys()].map((key) => this.flush(key)));
  }

  /** Runs every scheduled redelivery now instead of waiting for its delay. */
  async retryNow(): Promise<void> {
    const due = [...this.retries.values()];
    this.retries.clear();
    for (const run of due) run();
    await this.idle();
  }

  idle(): Promise<void> {
    if (this.outstanding === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  list(): DeliveryRecord[] {
    return this.records.map((r) => ({ ...r, attempts: [...r.attempts] }));
  }

  /** Drops queued and scheduled work (plugin close, control reset). */
  reset(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.retries.clear();
    this.pending.clear();
    this.records.length = 0;
    this.holding = false;
    this.outstanding = 0;
    this.generation++;
    this.settle();
  }

  private async flush(key: string): Promise<void> {
    const batch = this.pending.get(key);
    if (!batch) return;
    this.pending.delete(key);
    if (batch.timer) {
      this.clearTimer(batch.timer);
      this.outstanding--;
    }
    const sends: Promise<void>[] = [];
    for (let i = 0; i < batch.entries.length; i += MAX_ENTRIES_PER_POST) {
      const entries = batch.entries.slice(i, i + MAX_ENTRIES_PER_POST);
      sends.push(this.send(this.createRecord(batch.object, batch.callbackUrl, entries)));
    }
    await Promise.all(sends);
  }

  private createRecord(object: string, callbackUrl: string, entries: unknown[]): DeliveryRecord {
    const body = serializeMetaJson({ object, entry: entries });
    const record: DeliveryRecord = {
      id: this.nextId++,
      object,
      callbackUrl,
      body,
      signature256: hubSignature256(this.options.appSecret, body),
      entries: entries.length,
      state: "pending",
      attempts: [],
    };
    this.records.push(record);
    return record;
  }

  private async send(record: DeliveryRecord): Promise<void> {
    const generation = this.generation;
    this.outstanding++;
    try {
      const attempt = await this.attempt(record);
      if (generation !== this.generation) return;
      record.attempts.push(attempt);
      const ok = attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300;
      if (ok) record.state = "delivered";
      else this.scheduleRetry(record);
    } finally {
      if (generation === this.generation) {
        this.outstanding--;
        this.settle();
      }
    }
  }

  private async attempt(record: DeliveryRecord): Promise<DeliveryAttempt> {
    const at = this.options.clock.now().toISOString();
    try {
      const response = await fetch(record.callbackUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "facebookexternalua",
          "x-hub-signature-256": record.signature256,
          "x-hub-signature": hubSignatureSha1(this.options.appSecret, record.body),
        },
        body: record.body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      return { at, status: response.status };
    } catch (error) {
      return { at, error: (error as Error).name === "TimeoutError" ? "timeout" : (error as Error).message };
    }
  }

  private scheduleRetry(record: DeliveryRecord): void {
    const delay = this.options.retryDelaysMs[record.attempts.length - 1];
    if (delay === undefined) {
      record.state = "failed";
      record.nextAttemptAt = undefined;
      return;
    }
    record.nextAttemptAt = new Date(this.options.clock.now().getTime() + delay).toISOString();
    this.outstanding++;
    const run = () => {
      this.retries.delete(record.id);
      this.clearTimer(timer);
      this.outstanding--;
      record.nextAttemptAt = undefined;
      void this.send(record);
    };
    const timer = this.later(delay, run);
    this.retries.set(record.id, run);
  }

  private later(ms: number, run: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    timer.unref();
    this.timers.add(timer);
    return timer;
  }

  private clearTimer(timer: NodeJS.Timeout): void {
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  private settle(): void {
    if (this.outstanding > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** About 34 h of redelivery: immediate, then ever longer gaps (Graph retries for up to 36 h). */
export const GRAPH_RETRY_DELAYS_MS = [
  0, 15_000, 60_000, 300_000, 900_000, 3_600_000, 10_800_000, 21_600_000, 43_200_000, 43_200_000,
];

/** WhatsApp redelivers for up to 7 days (§2.3): the Graph schedule, then daily. */
export const WHATSAPP_RETRY_DELAYS_MS = [...GRAPH_RETRY_DELAYS_MS, ...Array<number>(5).fill(86_400_000)];
