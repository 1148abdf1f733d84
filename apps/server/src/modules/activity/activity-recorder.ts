import { ACTIVITY_MIN_INTERVAL_MS, type ActivityKind } from "@parley/contracts";
import type { Clock } from "../../platform/clock";
import type { Db } from "../../platform/db";
import { type ActivityBeat, insertActivity } from "./record-activity";

export interface ActivityRecorderOptions {
  db: Db;
  clock: Clock;
  log?: { warn(obj: object, msg: string): void };
  /** Beats wait this long to be written together. */
  flushMs?: number;
  /** A batch this big is written at once. */
  maxBatch?: number;
  /** At most one stored beat per user and conversation this often; faster ones are coalesced. */
  minIntervalMs?: number;
}

export type RecordOutcome = "accepted" | "coalesced";

/**
 * Takes agents' heartbeats from the live channel without ever making the socket wait: `record` is
 * synchronous (rate limit and queue in memory), and the queue is written in batches, one
 * statement each, one batch at a time. The rate limit lives in this process: with several HTTP
 * processes, one agent's two tabs on two of them may store two beats in the same 10 s, which the
 * handling-time segments merge anyway.
 */
export class ActivityRecorder {
  private readonly last = new Map<string, number>();
  private queue: (ActivityBeat & { retried?: boolean })[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private readonly flushMs: number;
  private readonly maxBatch: number;
  private readonly minIntervalMs: number;
  private closed = false;

  constructor(private readonly opts: ActivityRecorderOptions) {
    this.flushMs = opts.flushMs ?? 1_000;
    this.maxBatch = opts.maxBatch ?? 500;
    this.minIntervalMs = opts.minIntervalMs ?? ACTIVITY_MIN_INTERVAL_MS;
  }

  /** Queues one beat at the server's time, unless this user's last one here is too recent. */
  record(beat: {
    workspaceId: string;
    conversationId: string;
    userId: string;
    kind: ActivityKind;
  }): RecordOutcome {
    const at = this.opts.clock.now();
    const key = `${beat.workspaceId}:${beat.userId}:${beat.conversationId}`;
    const previous = this.last.get(key);
    if (this.closed || (previous !== undefined && at.getTime() - previous < this.minIntervalMs))
      return "coalesced";
    this.last.set(key, at.getTime());
    this.queue.push({ ...beat, at });
    if (this.queue.length >= this.maxBatch) void this.flush();
    else this.schedule();
    return "accepted";
  }

  /** Writes what is queued (after any write in progress); resolves when it is stored. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.writing = this.writing.then(() => this.writeQueued());
    return this.writing;
  }

  /** Stops taking beats and writes the last ones. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  /** Beats waiting to be written (for tests and metrics). */
  get pending(): number {
    return this.queue.length;
  }

  private schedule() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.flushMs);
    this.timer.unref?.();
  }

  private async writeQueued(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        await insertActivity(this.opts.db, batch);
      } catch (err) {
        // A database hiccup costs a few seconds of handling time, not the socket: retry once.
        const again = batch.filter((b) => !b.retried).map((b) => ({ ...b, retried: true }));
        this.opts.log?.warn({ err, beats: batch.length }, "could not store activity heartbeats");
        if (again.length > 0 && !this.closed) {
          this.queue.unshift(...again);
          this.schedule();
        }
        break;
      }
    }
    this.forgetOld();
  }

  /** Keeps the rate-limit map to the users active in the last interval. */
  private forgetOld() {
    const horizon = this.opts.clock.now().getTime() - this.minIntervalMs;
    for (const [key, t] of this.last) if (t < horizon) this.last.delete(key);
  }
}
