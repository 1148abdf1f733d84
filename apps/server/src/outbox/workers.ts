import type { Logger } from "pino";
import { createNetworkClient, type NetworkClient } from "../connectors/http";
import { INBOUND_QUEUE } from "../ingest/store-event";
import { processInboundEventJob } from "../pipeline/process-event";
import type { Deps } from "../platform/deps";
import { startJobWorker } from "../platform/jobs/worker";
import { SEND_QUEUE } from "./create-reply";
import { sendMessageJob } from "./send-message";

/** The background work of a Parley process: processing inbound events and the outbox. */
export function startBackgroundWork(
  deps: Deps,
  log: Pick<Logger, "error" | "warn">,
  opts: { http?: NetworkClient; autostart?: boolean; pollMs?: number } = {},
) {
  const http = opts.http ?? createNetworkClient();
  return startJobWorker({
    db: deps.db,
    clock: deps.clock,
    log,
    autostart: opts.autostart,
    pollMs: opts.pollMs,
    handlers: {
      [INBOUND_QUEUE]: processInboundEventJob(deps),
      [SEND_QUEUE]: sendMessageJob(deps, http),
    },
  });
}
