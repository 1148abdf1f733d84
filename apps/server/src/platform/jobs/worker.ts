import type { Logger } from "pino";
import type { Clock } from "../clock";
import type { Db } from "../db";
import { newId } from "../ids";
import { type ClaimedJob, claimJobs, settleJob } from "./queue";

export type JobOutcome =
  | { status: "done" }
  | { status: "retry"; at: Date; error: string }
  | { status: "dead"; error: string };

export type JobHandler = (job: ClaimedJob) => Promise<JobOutcome>;

/** Exponential backoff with full jitter: 1 s, 2 s, 4 s ... capped at 10 minutes. */
export function backoff(attempt: number, now: Date, random = Math.random): Date {
  const ceiling = Math.min(600_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return new Date(now.getTime() + Math.round(ceiling / 2 + (random() * ceiling) / 2));
}

export interface JobWorker {
  /** Claims and runs due jobs now (tests call this instead of waiting for the poll). */
  tick(): Promise<number>;
  wake(): void;
  stop(): Promise<void>;
}

/**
 * Polls the jobs table and runs handlers. A handler that throws is retried with backoff until
 * `maxAttempts`, then dead-lettered; the worker itself never stops on a job's failure.
 */
export function startJobWorker(opts: {
  db: Db;
  clock: Clock;
  handlers: Record<string, JobHandler>;
  log: Pick<Logger, "error" | "warn">;
  pollMs?: number;
  batch?: number;
  lockMs?: number;
  autostart?: boolean;
}): JobWorker {
  const workerId = `w-${newId()}`;
  const queues = Object.keys(opts.handlers);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function runOne(job: ClaimedJob): Promise<void> {
    const handler = opts.handlers[job.queue];
    let outcome: JobOutcome;
    try {
      outcome = handler ? await handler(job) : { status: "dead", error: `no handler for queue ${job.queue}` };
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      outcome = { status: "retry", at: backoff(job.attempts, opts.clock.now()), error };
    }
    if (outcome.status === "retry" && job.attempts >= job.maxAttempts) {
      outcome = { status: "dead", error: `gave up after ${job.attempts} attempts: ${outcome.error}` };
    }
    if (outcome.status === "dead")
      opts.log.warn({ job: job.id, queue: job.queue, error: outcome.error }, "job dead-lettered");
    await settleJob(opts.db, { id: job.id, workerId }, outcome, opts.clock.now());
  }

  async function tick(): Promise<number> {
    const claimed = await claimJobs(opts.db, {
      queues,
      limit: opts.batch ?? 20,
      workerId,
      lockMs: opts.lockMs ?? 60_000,
      now: opts.clock.now(),
    });
    await Promise.all(
      claimed.map((job) =>
        runOne(job).catch((err) => opts.log.error({ err, job: job.id }, "job bookkeeping failed")),
      ),
    );
    return claimed.length;
  }

  function schedule(delay: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(loop, delay);
  }

  async function loop() {
    if (running || stopped) return;
    running = tick().catch((err) => {
      opts.log.error({ err }, "job poll failed");
      return 0;
    });
    const n = await running;
    running = undefined;
    // Drain quickly while there is work, then poll.
    schedule(n > 0 ? 0 : (opts.pollMs ?? 500));
  }

  if (opts.autostart !== false) schedule(0);
  return {
    tick,
    wake: () => schedule(0),
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
