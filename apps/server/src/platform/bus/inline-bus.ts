import {
  type Bus,
  type BusHandler,
  DEFAULT_MAX_ATTEMPTS,
  type DeadLetter,
  defaultRetryDelayMs,
  dlqSubject,
  encodePayload,
  type PublishOptions,
  type SubscribeOptions,
  type Subscription,
} from "./bus";
import { type Envelope, InlineGroup, toMessage } from "./inline-group";

export interface InlineBusOptions {
  /** Messages a group holds (queued, waiting for a retry or running) before publish waits. */
  maxQueued?: number;
  retryDelayMs?: (attempt: number) => number;
  /** Same role as JetStream's duplicate window: how long a msgId is remembered. */
  dedupeWindowMs?: number;
  /** Told of every dead letter (logs, metrics), besides the publish to `<subject>.dlq`. */
  onDead?: (dead: DeadLetter) => void | Promise<void>;
  now?: () => number;
}

/**
 * The embedded bus: everything in this process's memory, nothing persisted. That is enough because
 * in the embedded mode the database is the source of truth: events are committed to the event
 * store before they are published, so a message lost in a crash is rebuilt from the database, not
 * from the bus (ADR 0010).
 */
export class InlineBus implements Bus {
  private readonly groups = new Map<string, Map<string, InlineGroup>>();
  /** msgId -> forget-after time; insertion order is expiry order because the window is constant. */
  private readonly seen = new Map<string, number>();
  private seq = 0;
  private closed = false;

  constructor(private readonly opts: InlineBusOptions = {}) {}

  async publish(subject: string, payload: Uint8Array | object, opts: PublishOptions = {}): Promise<void> {
    if (this.closed) throw new Error("bus closed");
    if (opts.msgId !== undefined && this.isDuplicate(opts.msgId)) return;
    const data = encodePayload(payload);
    const groups = [...(this.groups.get(subject)?.values() ?? [])];
    // Each group gets its own envelope: attempts are counted per group.
    await Promise.all(
      groups.map((group) =>
        group.push({ seq: ++this.seq, subject, data, key: opts.key, msgId: opts.msgId, attempt: 1 }),
      ),
    );
  }

  async subscribe(
    subject: string,
    group: string,
    handler: BusHandler,
    opts: SubscribeOptions = {},
  ): Promise<Subscription> {
    if (this.closed) throw new Error("bus closed");
    const leave = this.groupFor(subject, group, opts).addMember(handler, opts.concurrency ?? 16);
    return { close: leave };
  }

  /** Messages of a subject not yet acked or dead-lettered, over all its groups (tests, benchmarks). */
  held(subject: string): number {
    let n = 0;
    for (const group of this.groups.get(subject)?.values() ?? []) n += group.size;
    return n;
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.groups.values()].flatMap((bySubject) => [...bySubject.values()]);
    await Promise.all(all.map((g) => g.close()));
  }

  /** The first subscription creates the group and fixes its settings, like a durable consumer. */
  private groupFor(subject: string, group: string, opts: SubscribeOptions): InlineGroup {
    const bySubject = this.groups.get(subject) ?? new Map<string, InlineGroup>();
    this.groups.set(subject, bySubject);
    let found = bySubject.get(group);
    if (!found) {
      found = new InlineGroup({
        group,
        maxQueued: this.opts.maxQueued ?? 10_000,
        maxAttempts: opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        retryDelayMs: this.opts.retryDelayMs ?? ((attempt) => defaultRetryDelayMs(attempt)),
        deadLetter: (env, reason) => this.deadLetter(group, env, reason),
      });
      bySubject.set(group, found);
    }
    return found;
  }

  private async deadLetter(group: string, env: Envelope, reason: string): Promise<void> {
    const message = toMessage(env);
    await this.opts.onDead?.({ subject: env.subject, group, attempts: env.attempt, reason, message });
    await this.publish(dlqSubject(env.subject), env.data, {
      key: env.key,
      msgId: `dlq:${group}:${env.seq}`,
    });
  }

  private isDuplicate(msgId: string): boolean {
    const now = this.opts.now?.() ?? Date.now();
    for (const [id, until] of this.seen) {
      if (until > now) break;
      this.seen.delete(id);
    }
    if (this.seen.has(msgId)) return true;
    this.seen.set(msgId, now + (this.opts.dedupeWindowMs ?? 120_000));
    return false;
  }
}
