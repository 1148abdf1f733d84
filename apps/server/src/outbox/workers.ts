import type { Logger } from "pino";
import { createNetworkClient, type NetworkClient } from "../connectors/http";
import { startCrisisScanner } from "../modules/crisis/crisis-scanner";
import { PUBLISH_QUEUE, publishPostJob } from "../modules/posts/publish-post";
import { startReportRollup } from "../modules/reporting/rollup";
import { startRuleTimers } from "../modules/rules/rule-timers";
import { createRuleCache, type RuleCache } from "../modules/rules/rules.repo";
import type { SlaTransition } from "../modules/sla/evaluate-sla";
import { sharedSlaCache } from "../modules/sla/sla-cache";
import { startSlaScheduler } from "../modules/sla/sla-scheduler";
import { askSurveyJob } from "../modules/surveys/ask-survey";
import { startSurveyExpiry } from "../modules/surveys/expire-surveys";
import { SURVEY_QUEUE } from "../modules/surveys/schedule-survey";
import type { Classifiers } from "../nlp/classifier";
import { startPipelineConsumer } from "../pipeline/consumer";
import type { Deps } from "../platform/deps";
import { startJobWorker } from "../platform/jobs/worker";
import { SEND_QUEUE } from "./create-reply";
import { sendMessageJob } from "./send-message";

/**
 * The background work of a Parley process: the ingestion pipeline, the outbox, SLA checks,
 * time-based rules, the crisis scanner and the reporting rollup.
 */
export async function startBackgroundWork(
  deps: Deps,
  log: Pick<Logger, "error" | "warn">,
  opts: {
    http?: NetworkClient;
    autostart?: boolean;
    pollMs?: number;
    models?: Classifiers;
    rules?: RuleCache;
    /** After the SLA scheduler logs warnings and breaches (rules act on them). */
    onSlaTransition?: (transitions: SlaTransition[]) => void | Promise<void>;
  } = {},
) {
  const http = opts.http ?? createNetworkClient();
  const rules = opts.rules ?? createRuleCache(deps.db);
  const pipeline = await startPipelineConsumer(deps, log, {
    models: opts.models,
    rules,
    // PGlite is one connection in this process; PostgreSQL takes batches side by side.
    parallelBatches: deps.config.database.driver === "postgres" ? 3 : 1,
  });
  const jobs = startJobWorker({
    db: deps.db,
    clock: deps.clock,
    log,
    autostart: opts.autostart,
    pollMs: opts.pollMs,
    handlers: {
      [SEND_QUEUE]: sendMessageJob(deps, http),
      [PUBLISH_QUEUE]: publishPostJob(deps, http),
      [SURVEY_QUEUE]: askSurveyJob(deps), // surveys hook (SPEC M6)
    },
  });
  // Every process runs one: they share the due conversations (FOR UPDATE SKIP LOCKED).
  const sla = startSlaScheduler({
    db: deps.db,
    clock: deps.clock,
    log,
    cache: sharedSlaCache,
    autostart: opts.autostart,
    onTransition: opts.onSlaTransition,
    changes: deps.changes,
  });
  const timers = startRuleTimers({
    db: deps.db,
    clock: deps.clock,
    log,
    rules,
    changes: deps.changes,
    autostart: opts.autostart,
  });
  // Every process may run one; a transaction lock lets one scan at a time (SPEC W6).
  const crisis = startCrisisScanner({ db: deps.db, clock: deps.clock, log, autostart: opts.autostart });
  // Every process may run one; the state row's lock lets one round at a time (ADR 0017).
  const rollup = startReportRollup({ db: deps.db, clock: deps.clock, log, autostart: opts.autostart });
  // surveys hook (SPEC M6): unanswered surveys expire; idempotent, so every process may run it.
  const surveys = startSurveyExpiry({ db: deps.db, clock: deps.clock, log, autostart: opts.autostart });
  let seen = 0;
  return {
    pipeline,
    sla,
    timers,
    crisis,
    rollup,
    surveys,
    wake: jobs.wake,
    /**
     * In-process bus: waits for the pipeline to finish what it holds, then runs due jobs once.
     * Returns how many events and jobs that was (0 = nothing left to do).
     */
    async tick(): Promise<number> {
      await pipeline.idle();
      const events = pipeline.handled() - seen;
      seen = pipeline.handled();
      return events + (await jobs.tick());
    },
    async stop() {
      await pipeline.stop();
      await jobs.stop();
      await sla.stop();
      await timers.stop();
      await crisis.stop();
      await rollup.stop();
      await surveys.stop();
    },
  };
}
export type BackgroundWork = Awaited<ReturnType<typeof startBackgroundWork>>;
