import { randomUUID } from "node:crypto";
import { jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import type { Bus } from "../bus";
import { InlineBus } from "../inline-bus";
import { createNatsBus, type NatsBusOptions } from "../nats-bus";

/** A bus deployment under test; `open()` is one more process attached to it. */
export interface BusHarness {
  open(): Promise<Bus>;
  cleanup(): Promise<void>;
}

export interface BusDriver {
  name: string;
  start(): Promise<BusHarness>;
}

const fastRetry = () => 30;

export const inlineDriver: BusDriver = {
  name: "inline",
  start: async () => {
    // One process: every "process" of a group is another subscription on the same bus.
    const bus = new InlineBus({ retryDelayMs: fastRetry });
    return { open: async () => bus, cleanup: () => bus.close() };
  },
};

/** Stream and prefix unique to this run, so parallel runs on one server never meet. */
export function uniqueNatsNames(): Pick<NatsBusOptions, "stream" | "subjectPrefix"> {
  const id = randomUUID().replaceAll("-", "").slice(0, 12);
  return { stream: `PARLEY_TEST_${id}`, subjectPrefix: `parleytest${id}` };
}

export async function deleteStream(url: string, stream: string): Promise<void> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.delete(stream).catch(() => false);
  } finally {
    await nc.close();
  }
}

export function natsDriver(url: string): BusDriver {
  return {
    name: "nats",
    start: async () => {
      const names = uniqueNatsNames();
      const opened: Bus[] = [];
      const open = async () => {
        const bus = await createNatsBus({
          servers: url,
          ...names,
          partitions: 4,
          ackWaitMs: 5_000,
          retryDelayMs: fastRetry,
        });
        opened.push(bus);
        return bus;
      };
      const cleanup = async () => {
        await Promise.all(opened.map((bus) => bus.close()));
        await deleteStream(url, names.stream as string);
      };
      return { open, cleanup };
    },
  };
}

export async function waitFor(check: () => boolean, timeoutMs = 10_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
