import pino from "pino";
import { type Config, ConfigError } from "./config";
import { startBackgroundWork } from "./outbox/workers";
import { openRuntime } from "./runtime";

/**
 * `parley worker`: a pipeline (and outbox) process without HTTP. Workers join the same JetStream
 * consumer group as every other Parley process, so adding processes, on this machine or others,
 * spreads the inbound work; a worker killed mid-batch loses nothing (its unacked events are
 * redelivered to the others).
 */
export async function runWorker(config: Config): Promise<void> {
  if (config.bus.driver !== "nats")
    throw new ConfigError(
      "parley worker shares work over NATS JetStream: set NATS_URL (e.g. nats://127.0.0.1:4222). " +
        "Without it, `parley start` runs the pipeline in its own process.",
    );
  const log = pino({ level: config.logLevel, name: "parley-worker" });
  const runtime = await openRuntime(config);
  const work = await startBackgroundWork(runtime.deps, log);
  log.info({ pid: process.pid, database: runtime.database.driver }, "pipeline worker started");
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, "worker stopping: finishing the batch in hand");
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    await work.stop();
    await runtime.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}
