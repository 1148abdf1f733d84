import { sql } from "drizzle-orm";
import client from "prom-client";
import type { Db, Tx } from "../platform/db";
import { dlq, type StepResult } from "./result";
import type { EventWork, ItemWork } from "./work";

/**
 * The pipeline runner: times every step, turns a step's verdict (or a throw) into the event's
 * outcome, and isolates failures so one bad message never holds back the rest of its batch. Steps
 * do none of this themselves (ENGINEERING.md, style rule 4).
 */
export const pipelineRegistry = new client.Registry();
const stepSeconds = new client.Histogram({
  name: "parley_pipeline_step_seconds",
  help: "Time a pipeline step took for one batch",
  labelNames: ["step"] as const,
  buckets: [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
  registers: [pipelineRegistry],
});
export const eventsTotal = new client.Counter({
  name: "parley_pipeline_events_total",
  help: "Inbound events by the pipeline's outcome",
  labelNames: ["outcome"] as const,
  registers: [pipelineRegistry],
});
export const receiptToInbox = new client.Histogram({
  name: "parley_pipeline_receipt_to_inbox_seconds",
  help: "From receipt of a delivery to its messages being visible in the inbox",
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [pipelineRegistry],
});

function timed<T>(step: string, f: () => T): T {
  const end = stepSeconds.startTimer({ step });
  try {
    return f();
  } finally {
    end();
  }
}

function settle(work: EventWork, step: string, r: StepResult, it?: ItemWork) {
  if (r.kind === "ok") return;
  if (r.kind === "drop") {
    if (it) it.skip = r.reason;
    else work.outcome = { status: "dropped" };
  } else work.outcome = { status: r.kind === "retry" ? "retry" : "dead", step, reason: r.reason };
}

const failed = (err: unknown) => dlq(err instanceof Error ? err.message : String(err));

/** Runs a pure step on each event still going; a throw dead-letters that event only. */
export function eachEvent(works: EventWork[], step: string, f: (w: EventWork) => StepResult) {
  timed(step, () => {
    for (const w of works) {
      if (w.outcome) continue;
      let r: StepResult;
      try {
        r = f(w);
      } catch (err) {
        r = failed(err);
      }
      settle(w, step, r);
    }
  });
}

/** Runs a pure step on each message still going; a throw dead-letters its event only. */
export function eachItem(works: EventWork[], step: string, f: (w: EventWork, it: ItemWork) => StepResult) {
  timed(step, () => {
    for (const w of works) {
      for (const it of w.items) {
        if (w.outcome) break;
        if (it.skip) continue;
        let r: StepResult;
        try {
          r = f(w, it);
        } catch (err) {
          r = failed(err);
        }
        settle(w, step, r, it);
      }
    }
  });
}

export type Stage = <T>(step: string, f: () => Promise<T>) => Promise<T>;

/**
 * Runs the database steps for the batch in one transaction. If it fails, each event is run alone
 * in its own transaction, so only the events that really fail are retried (by the bus, later).
 */
export async function inTransaction(
  db: Db,
  works: EventWork[],
  f: (tx: Tx, live: EventWork[], stage: Stage) => Promise<void>,
): Promise<void> {
  const live = works.filter((w) => !w.outcome);
  if (live.length === 0) return;
  let current = "store";
  const stage: Stage = async (step, g) => {
    current = step;
    const end = stepSeconds.startTimer({ step });
    try {
      return await g();
    } finally {
      end();
    }
  };
  try {
    await db.transaction(async (tx) => {
      await pointLookups(tx);
      await f(tx, live, stage);
    });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    if (live.length === 1) {
      reset(live[0] as EventWork);
      (live[0] as EventWork).outcome = { status: "retry", step: current, reason };
      return;
    }
    for (const w of live) {
      reset(w);
      await inTransaction(db, [w], f);
    }
  }
}

/**
 * The pipeline's statements join a batch (`jsonb_to_recordset`, which the planner takes for 100
 * rows whatever its size) to the rows it touches by key. On tables of up to ~100k rows the planner
 * then prefers hashing a sequential scan of the whole table over index lookups, so every batch
 * cost grew with the table. Index lookups are always right for a batch: say so for this
 * transaction only (ADR 0011).
 */
async function pointLookups(tx: Tx) {
  await tx.execute(
    sql`select set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true),
          set_config('synchronous_commit', 'off', true)`,
  );
}

/** Forgets what a rolled-back transaction decided about an event. */
function reset(w: EventWork) {
  w.outcome = undefined;
  w.deliveryChanged = undefined;
  for (const it of w.items) {
    it.skip = undefined;
    it.identity = undefined;
    it.contact = undefined;
    it.conversationId = undefined;
    it.opensConversation = undefined;
    it.messageId = undefined;
    it.priority = undefined;
  }
}
