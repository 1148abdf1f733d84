import { type MetaEmulator, metaEmulator } from "../meta/emulator";
import { ManualClock } from "../shared/clock";
import { type WhatsAppEmulator, whatsappEmulator } from "../whatsapp/emulator";
import { type XEmulator, xEmulator } from "../x/plugin";
import { createSimulator } from "./simulator";
import type { SimEvent, Simulator, SimulatorOptions } from "./types";

/**
 * Test helpers: the three emulators on one manual clock, and a runner that moves the clock by one
 * step's worth of time before each tick (so the networks' timestamps advance like in real use).
 */
export interface SimHarness {
  clock: ManualClock;
  x: XEmulator;
  meta: MetaEmulator;
  whatsapp: WhatsAppEmulator;
  sim: Simulator;
  /** Runs `steps` ticks, advancing the clock 1 s before each; returns all events. */
  run(steps: number): SimEvent[];
}

export function createSimHarness(
  options: Partial<SimulatorOptions> & {
    emulators?: Partial<Pick<SimHarness, "x" | "meta" | "whatsapp" | "clock">>;
  } = {},
): SimHarness {
  const { emulators = {}, ...simOptions } = options;
  const clock = emulators.clock ?? new ManualClock("2025-03-05T16:00:00.000Z");
  const x = emulators.x ?? xEmulator({ clock, seed: "sim-test" });
  const meta = emulators.meta ?? metaEmulator({ clock, seed: "sim-test" });
  const whatsapp = emulators.whatsapp ?? whatsappEmulator({ clock, seed: "sim-test" });
  const sim = createSimulator({
    x,
    meta,
    whatsapp,
    clock,
    seed: 42,
    ratePerMinute: 60,
    crisisEvery: 0,
    ...simOptions,
  });
  const run = (steps: number) => {
    const events: SimEvent[] = [];
    for (let i = 0; i < steps; i++) {
      clock.advance(1000);
      events.push(...sim.tick());
    }
    return events;
  };
  return { clock, x, meta, whatsapp, sim, run };
}
