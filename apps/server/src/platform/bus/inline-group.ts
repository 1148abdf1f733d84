import { type BusHandler, type BusMessage, decodeJson, type HandlerOutcome, runHandler } from "./bus";

/** A message held by the in-process bus for one group. */
export interface Envelope {
  seq: number;
  subject: string;
  data: Uint8Array;
  key?: string;
  msgId?: string;
  attempt: number;
}

interface Member {
  handler: BusHandler;
  concurrency: number;
  running: Set<Promise<void>>;
}

export interface GroupSettings {
  group: string;
  maxQueued: number;
  maxAttempts: number;
  retryDelayMs: (attempt: number) => number;
  deadLetter: (env: Envelope, reason: string) => Promise<void>;
}

/** A FIFO with O(1) push and shift (an array's shift is O(n) once thousands are queued). */
class Fifo<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

/**
 * One subscription group of the in-process bus: a bounded queue shared by the group's members
 * (competing consumers). A key is "owned" by its oldest unsettled message, and later messages with
 * that key wait behind it until it is acked or dead-lettered, including while it waits for a
 * retry: that is what keeps per-key order through retries. Different keys run concurrently.
 * Messages whose key is free wait in `ready`; the others in their key's line, so handing out the
 * next message never scans past blocked ones.
 */
export class InlineGroup {
  /** Retries first (they are the oldest of their key), then messages in arrival order. */
  private readonly retried = new Fifo<Envelope>();
  private readonly ready = new Fifo<Envelope>();
  /** Later messages of an owned key, in order. */
  private readonly behind = new Map<string, Envelope[]>();
  private readonly keyOwner = new Map<string, Envelope>();
  private readonly members: Member[] = [];
  private readonly roomWaiters: Array<() => void> = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private held = 0;
  private nextMember = 0;
  private closed = false;

  constructor(private readonly settings: GroupSettings) {}

  /** Messages queued, running or waiting for a retry. */
  get size(): number {
    return this.held;
  }

  /** Waits for room when the group holds `maxQueued` messages: backpressure instead of memory growth. */
  async push(env: Envelope): Promise<void> {
    while (this.held >= this.settings.maxQueued && !this.closed) {
      await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    }
    if (this.closed) throw new Error("bus closed");
    this.held++;
    if (env.key === undefined || !this.keyOwner.has(env.key)) {
      if (env.key !== undefined) this.keyOwner.set(env.key, env);
      this.ready.push(env);
    } else {
      const line = this.behind.get(env.key);
      if (line) line.push(env);
      else this.behind.set(env.key, [env]);
    }
    this.dispatch();
  }

  addMember(handler: BusHandler, concurrency: number): () => Promise<void> {
    const member: Member = { handler, concurrency, running: new Set() };
    this.members.push(member);
    this.dispatch();
    return async () => {
      const at = this.members.indexOf(member);
      if (at >= 0) this.members.splice(at, 1);
      await Promise.all(member.running);
    };
  }

  /** Drops what is not running (no persistence, see ADR 0010) and waits for running handlers. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const wake of this.roomWaiters.splice(0)) wake();
    const members = this.members.splice(0);
    await Promise.all(members.flatMap((m) => [...m.running]));
  }

  private dispatch(): void {
    while (!this.closed && this.retried.length + this.ready.length > 0) {
      const member = this.freeMember();
      if (!member) return;
      const env = (this.retried.shift() ?? this.ready.shift()) as Envelope;
      this.start(member, env);
    }
  }

  /** Round-robin over members with spare capacity, so each member of a group gets a share. */
  private freeMember(): Member | undefined {
    for (let n = 0; n < this.members.length; n++) {
      const member = this.members[(this.nextMember + n) % this.members.length] as Member;
      if (member.running.size < member.concurrency) {
        this.nextMember = (this.nextMember + n + 1) % this.members.length;
        return member;
      }
    }
    return undefined;
  }

  private start(member: Member, env: Envelope): void {
    const run = (async () => {
      const { outcome, error } = await runHandler(member.handler, toMessage(env));
      await this.settle(env, outcome, error);
    })();
    member.running.add(run);
    void run.finally(() => {
      member.running.delete(run);
      this.dispatch();
    });
  }

  private async settle(env: Envelope, outcome: HandlerOutcome, error?: string): Promise<void> {
    if (this.closed) return;
    if (outcome === "retry" && env.attempt < this.settings.maxAttempts) {
      this.scheduleRetry(env);
      return;
    }
    if (outcome !== "ack") {
      const reason =
        outcome === "dead" ? "handler dead-lettered it" : `gave up after ${env.attempt} attempts`;
      await this.settings.deadLetter(env, error ? `${reason}: ${error}` : reason).catch(() => {});
    }
    this.release(env);
  }

  private scheduleRetry(env: Envelope): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      env.attempt++;
      // Still the owner of its key, and the oldest of the group.
      this.retried.push(env);
      this.dispatch();
    }, this.settings.retryDelayMs(env.attempt));
    this.timers.add(timer);
  }

  /** Settled for good: the next message of its key (if any) becomes ready. */
  private release(env: Envelope): void {
    if (env.key !== undefined && this.keyOwner.get(env.key) === env) {
      const line = this.behind.get(env.key);
      const next = line?.shift();
      if (next) {
        this.keyOwner.set(env.key, next);
        this.ready.push(next);
      } else this.keyOwner.delete(env.key);
      if (line && line.length === 0) this.behind.delete(env.key);
    }
    this.held--;
    this.roomWaiters.shift()?.();
  }
}

export function toMessage(env: Envelope): BusMessage {
  return {
    subject: env.subject,
    data: env.data,
    key: env.key,
    msgId: env.msgId,
    attempt: env.attempt,
    json: <T>() => decodeJson<T>(env.data),
  };
}
