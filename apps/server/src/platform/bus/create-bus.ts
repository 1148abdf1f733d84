import type { Bus, DeadLetter } from "./bus";
import { InlineBus, type InlineBusOptions } from "./inline-bus";
import { createNatsBus, type NatsBusOptions } from "./nats-bus";

/** Mirrors DatabaseConfig: the embedded default unless a server is configured. */
export type BusConfig =
  | ({ driver: "inline" } & InlineBusOptions)
  | ({ driver: "nats"; url: string } & Omit<NatsBusOptions, "servers">);

/**
 * `NATS_URL` selects JetStream (comma-separated for a cluster); without it the bus is in-process.
 * config.ts is meant to call this and keep the result beside `database` (ADR 0010).
 */
export function busConfigFromEnv(env: Record<string, string | undefined>): BusConfig {
  const url = env.NATS_URL?.trim();
  if (!url) return { driver: "inline" };
  // Several deployments (or test runs) can share one NATS server with their own stream names.
  const stream = env.NATS_STREAM?.trim();
  const subjectPrefix = env.NATS_SUBJECT_PREFIX?.trim();
  const ackWaitMs = env.NATS_ACK_WAIT_MS ? Number(env.NATS_ACK_WAIT_MS) : undefined;
  return {
    driver: "nats",
    url,
    ...(stream ? { stream } : {}),
    ...(subjectPrefix ? { subjectPrefix } : {}),
    ...(ackWaitMs && ackWaitMs > 0 ? { ackWaitMs } : {}),
  };
}

export async function createBus(
  config: BusConfig,
  extra: { onDead?: (dead: DeadLetter) => void | Promise<void> } = {},
): Promise<Bus> {
  if (config.driver === "inline") return new InlineBus({ ...config, ...extra });
  const { url, driver: _driver, ...rest } = config;
  return createNatsBus({ ...rest, ...extra, servers: url.split(",").map((s) => s.trim()) });
}
