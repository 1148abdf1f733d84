import { createSimulator } from "@parley/sandbox";
import type { Logger } from "pino";
import type { Sandbox } from "./sandbox";

/**
 * Simulated customers of the demo brand on the sandbox networks: questions, complaints, outages,
 * praise, spam, several languages, crisis spikes, and follow-ups to what agents answer.
 */
export function startDemoTraffic(
  sandbox: Sandbox,
  opts: { ratePerMinute: number; seed: number },
  log: Pick<Logger, "info" | "warn">,
) {
  const simulator = createSimulator({
    x: sandbox.x,
    meta: sandbox.meta,
    whatsapp: sandbox.whatsapp,
    seed: opts.seed,
    ratePerMinute: opts.ratePerMinute,
    languages: ["en", "es", "fr", "de"],
    log: (event) => {
      if (event.kind === "crisis_start") log.info({ event }, "simulated crisis spike begins");
      if (event.kind === "error") log.warn({ event }, "simulated customer could not act");
    },
  });
  simulator.start();
  return { stop: () => simulator.stop(), simulator };
}
