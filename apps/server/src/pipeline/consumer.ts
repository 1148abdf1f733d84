import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import { INBOUND_SUBJECT, type Inbound, pendingEvents } from "../ingest/inbound";
import type { RuleCache } from "../modules/rules/rules.repo";
import type { Classifiers } from "../nlp/classifier";
import { createBatcher } from "../platform/batcher";
import { type Bus, type ChangeFeed, type DeadLetter, InlineBus } from "../platform/bus";
import type { Db } from "../platform/db";
import { createIngestPipeline } from "./ingest.pipeline";
import type { EventOutcome } from "./result";

/** The consumer group every pipeline process joins: they share the inbound events between them. */
export const PIPELINE_GROUP = "pipeline";
/** Deliveries of one event before it is dead-lettered. */
export const PIPELINE_MAX_ATTEMPTS = 5;
/** Events still pending after this long were lost between store and bus: published again. */
export const SWEEP_AFTER_MS = 60_000;

export interface PipelineConsumer {
  /** Events this process has handled so far. */
  handled(): number;
  /** In-process bus only: resolves when no inbound event is queued, running or waiting for a retry. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the ingestion pipeline on this process: takes inbound events from the bus (acking each only
 * after its batch committed), batches those that arrive together, and sweeps up events that were
 * stored but never reached the bus (a crash in between, the in-process bus lost at restart).
 */
export async function startPipelineConsumer(
  deps: { db: Db; clock: { now(): Date }; bus: Bus; inbound: Inbound; changes?: ChangeFeed },
  log: Pick<Logger, "warn" | "error">,
  opts: {
    concurrency?: number;
    maxBatch?: number;
    /** Batches committed at once: more than one only pays on a database server (PostgreSQL). */
    parallelBatches?: number;
    models?: Classifiers;
    /** The workspaces' compiled rules (tests pass one that rereads at once). */
    rules?: RuleCache;
    sweepEveryMs?: number;
    /** Told once an event's outcome is committed (benchmarks measure receipt → inbox with it). */
    onOutcome?: (eventId: string, outcome: EventOutcome) => void;
  } = {},
): Promise<PipelineConsumer> {
  const run = createIngestPipeline({
    db: deps.db,
    clock: deps.clock,
    models: opts.models,
    rules: opts.rules,
    changes: deps.changes,
    handoff: (id) => deps.inbound.take(id),
  });
  const maxBatch = opts.maxBatch ?? 500;
  const parallelBatches = opts.parallelBatches ?? 1;
  const batcher = createBatcher(run, { maxBatch, maxConcurrent: parallelBatches });
  let handled = 0;
  const subscription = await deps.bus.subscribe(
    INBOUND_SUBJECT,
    PIPELINE_GROUP,
    async (msg) => {
      const { event_id: eventId } = msg.json<{ event_id: string }>();
      const outcome = await batcher.add({ eventId, attempt: msg.attempt });
      handled++;
      opts.onOutcome?.(eventId, outcome);
      if (outcome.status !== "retry") return "ack";
      log.warn(
        { event: eventId, step: outcome.step, reason: outcome.reason, attempt: msg.attempt },
        "inbound event will be retried",
      );
      return "retry";
    },
    // Enough events in flight for every parallel batch to be full with as many waiting behind them:
    // fewer kept PostgreSQL's three batches at a third of their size in a flood (~8% fewer msgs/s).
    { concurrency: opts.concurrency ?? 2 * maxBatch * parallelBatches, maxAttempts: PIPELINE_MAX_ATTEMPTS },
  );
  const inline = deps.bus instanceof InlineBus ? deps.bus : null;
  const sweep = async (olderThanMs: number) => {
    const events = await pendingEvents(deps.db, new Date(deps.clock.now().getTime() - olderThanMs));
    if (events.length > 0) await deps.inbound.publish(events, `sweep-${Date.now()}`);
  };
  // The in-process bus starts empty: everything still pending is this process's to redo.
  await sweep(inline ? 0 : SWEEP_AFTER_MS);
  const timer = setInterval(
    () => void sweep(SWEEP_AFTER_MS).catch((err) => log.error({ err }, "pipeline sweep failed")),
    opts.sweepEveryMs ?? 30_000,
  );
  timer.unref();
  return {
    handled: () => handled,
    async idle() {
      if (!inline) throw new Error("idle() needs the in-process bus");
      while (inline.held(INBOUND_SUBJECT) > 0) await new Promise((r) => setTimeout(r, 2));
      await batcher.idle();
    },
    async stop() {
      clearInterval(timer);
      await subscription.close();
    },
  };
}

/** The bus gave up on an inbound event (every retry failed): the event shows as dead, with why. */
export async function recordDeadLetter(db: Db, dead: DeadLetter): Promise<void> {
  if (dead.subject !== INBOUND_SUBJECT) return;
  const { event_id: eventId } = dead.message.json<{ event_id: string }>();
  // Only one still queued (not handled meanwhile), which leaves the queue in the same statement.
  await db.execute(sql`with q as (delete from inbound_queue where event_id = ${eventId} returning event_id)
    update inbound_events set status = 'dead', error = ${dead.reason},
      failed_step = coalesce(failed_step, 'bus'), processed_at = now()
    where id in (select event_id from q)`);
}
