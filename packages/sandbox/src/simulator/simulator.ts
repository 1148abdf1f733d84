import { createRandom } from "../shared/random";
import { metaAdapters } from "./adapters/meta";
import type { AdapterDeps, NetworkAdapter } from "./adapters/types";
import { whatsappAdapter } from "./adapters/whatsapp";
import { xAdapter } from "./adapters/x";
import { crisisArrival, regularArrival } from "./arrivals";
import { crisisMean, newCrisis, nextCrisisStep } from "./crisis";
import { pollBrand, runFollowUp } from "./follow-ups";
import { SimMemory } from "./memory";
import { type ResolvedOptions, resolveOptions } from "./options";
import { poisson } from "./sampling";
import { answerSurveys } from "./surveys";
import type { Network, SimEvent, Simulator, SimulatorOptions, SimulatorStats } from "./types";
import { emit, newCounters, type World } from "./world";

/**
 * The traffic simulator: simulated customers of the demo brand talking to it on X, Facebook,
 * Instagram and WhatsApp through the emulators' in-process APIs, and reacting to its replies.
 * A step stands for `tickMs` of simulated time; `tick()` runs steps synchronously, `start()` runs
 * as many steps as the clock says have passed.
 */
const SWEEP_EVERY = 60;
/** After a long stall (laptop asleep), catch up at most this many steps and drop the rest. */
const MAX_CATCH_UP = 120;

function buildAdapters(input: SimulatorOptions, deps: AdapterDeps): Map<Network, NetworkAdapter> {
  const adapters = new Map<Network, NetworkAdapter>();
  if (input.x) adapters.set("x", xAdapter(input.x, deps));
  if (input.meta) {
    const [facebook, instagram] = metaAdapters(input.meta, deps);
    adapters.set("facebook", facebook);
    adapters.set("instagram", instagram);
  }
  if (input.whatsapp) adapters.set("whatsapp", whatsappAdapter(input.whatsapp, deps));
  return adapters;
}

function createWorld(input: SimulatorOptions, options: ResolvedOptions): World {
  const random = createRandom(options.seed);
  const brandName = input.x?.network.config.brand.name ?? "Acme Telecom";
  return {
    options,
    random,
    memory: new SimMemory({ maxCustomers: options.maxCustomers, forgetAfterSteps: options.forgetAfterSteps }),
    adapters: buildAdapters(input, { random, clock: options.clock }),
    brand: brandName.split(/\s+/)[0] ?? brandName,
    step: 0,
    nextCrisisStep: nextCrisisStep(random, options, 0),
    bots: new Map(),
    lastSpam: new Map(),
    serial: 0,
    counters: newCounters(),
    surveys: [],
    events: [],
    log: input.log,
    now: () => options.clock.now(),
  };
}

function startCrisis(world: World, input: Parameters<Simulator["triggerCrisis"]>[0] = {}) {
  if (world.crisis) emit(world, { kind: "crisis_end", topic: world.crisis.info.topic });
  world.crisis = newCrisis({
    random: world.random,
    options: world.options,
    brand: world.brand,
    step: world.step,
    ...input,
  });
  const { topic, city, hashtag } = world.crisis.info;
  emit(world, {
    kind: "crisis_start",
    topic,
    lang: world.crisis.info.lang,
    text: `${topic} ${hashtag} (${city})`,
  });
  return world.crisis.info;
}

/** Ends a finished spike and starts a scheduled one. */
function advanceCrisis(world: World): void {
  if (world.crisis && world.step >= world.crisis.info.endStep) {
    emit(world, { kind: "crisis_end", topic: world.crisis.info.topic });
    world.crisis = undefined;
    world.nextCrisisStep = nextCrisisStep(world.random, world.options, world.step);
  }
  if (!world.crisis && world.nextCrisisStep !== undefined && world.step >= world.nextCrisisStep) {
    world.nextCrisisStep = undefined;
    startCrisis(world);
  }
}

function step(world: World): void {
  const { options, random } = world;
  world.step++;
  if (world.step === 1) for (const adapter of world.adapters.values()) adapter.prepare?.();
  advanceCrisis(world);
  if (world.step % options.pollEvery === 0) pollBrand(world);
  for (const conversation of world.memory.takeDue(world.step)) runFollowUp(world, conversation);
  answerSurveys(world);
  const arrivals = poisson(random, (options.ratePerMinute * options.tickMs) / 60_000);
  for (let i = 0; i < arrivals; i++) regularArrival(world);
  if (world.crisis) {
    const crisisPosts = poisson(random, crisisMean(world.crisis, world.step, options));
    for (let i = 0; i < crisisPosts; i++) crisisArrival(world);
  }
  if (world.step % SWEEP_EVERY === 0) world.memory.sweep(world.step);
}

function stats(world: World, running: boolean): SimulatorStats {
  const c = world.counters;
  return {
    ...structuredClone(c),
    steps: world.step,
    simulatedMinutes: (world.step * world.options.tickMs) / 60_000,
    running,
    ...(world.crisis ? { crisis: { ...world.crisis.info } } : {}),
    customers: world.memory.customers.size,
    conversations: world.memory.conversations.size,
    pending: world.memory.pendingCount(),
  };
}

export function createSimulator(input: SimulatorOptions): Simulator {
  const options = resolveOptions(input);
  const world = createWorld(input, options);
  let timer: NodeJS.Timeout | undefined;
  let anchor = { ms: 0, step: 0 };

  const tick = (n = 1): SimEvent[] => {
    const events: SimEvent[] = [];
    world.events = events;
    for (let i = 0; i < n; i++) step(world);
    world.events = [];
    return events;
  };

  // Steps owed by the clock since start(); a ManualClock that does not move owes none.
  const catchUp = () => {
    const now = options.clock.now().getTime();
    let owed = anchor.step + Math.floor((now - anchor.ms) / options.tickMs) - world.step;
    if (owed > MAX_CATCH_UP) {
      anchor = { ms: now, step: world.step + MAX_CATCH_UP };
      owed = MAX_CATCH_UP;
    }
    if (owed > 0) tick(owed);
  };

  return {
    start() {
      if (timer) return;
      anchor = { ms: options.clock.now().getTime(), step: world.step };
      timer = setInterval(() => {
        try {
          catchUp();
        } catch (error) {
          // A bug must not take the host process down with it; report and keep going.
          emit(world, { kind: "error", error: error instanceof Error ? error.message : String(error) });
        }
      }, options.tickMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    tick,
    stats: () => stats(world, timer !== undefined),
    triggerCrisis: (crisis) => startCrisis(world, crisis),
  };
}
