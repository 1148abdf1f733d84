import type { Logger } from "pino";
import { createNetworkClient, type NetworkClient } from "../connectors/http";
import type { Classifiers } from "../nlp/classifier";
import { startPipelineConsumer } from "../pipeline/consumer";
import type { Deps } from "../platform/deps";
import { startJobWorker } from "../platform/jobs/worker";
import { SEND_QUEUE } from "./create-reply";
import { sendMessageJob } from "./send-message";

/** The background work of a Parley process: the ingestion pipeline and the outbox. */
export async function startBackgroundWork(
  deps: Deps,
  log: Pick<Logger, "error" | "warn">,
  opts: { http?: NetworkClient; autostart?: boolean; pollMs?: number; models?: Classifiers } = {},
) {
  const http = opts.http ?? createNetworkClient();
  const pipeline = await startPipelineConsumer(deps, log, {
    models: opts.models,
    // PGlite is one connection in this process; PostgreSQL takes batches side by side.
    parallelBatches: deps.config.database.driver === "postgres" ? 3 : 1,
  });
  const jobs = startJobWorker({
    db: deps.db,
    clock: deps.clock,
    log,
    autostart: opts.autostart,
    pollMs: opts.pollMs,
    handlers: { [SEND_QUEUE]: sendMessageJob(deps, http) },
  });
  let seen = 0;
  return {
    pipeline,
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
    },
  };
}
export type BackgroundWork = Awaited<ReturnType<typeof startBackgroundWork>>;
