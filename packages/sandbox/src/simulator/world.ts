import type { Random } from "../shared/random";
import type { NetworkAdapter } from "./adapters/types";
import type { CrisisState } from "./crisis";
import type { SimMemory } from "./memory";
import type { ResolvedOptions } from "./options";
import type { Customer } from "./profiles";
import type { PendingSurveyAnswer } from "./surveys";
import { TOPICS } from "./templates";
import { NETWORKS, type Network, type SimEvent, type SimulatorStats } from "./types";

/**
 * The simulator's state, shared by the arrival, follow-up and crisis steps. Only the functions in
 * this folder touch it; callers see `Simulator`.
 */
export interface World {
  options: ResolvedOptions;
  random: Random;
  memory: SimMemory;
  /** In a fixed order, so runs are reproducible. */
  adapters: Map<Network, NetworkAdapter>;
  /** The brand's short name as customers write it ("Acme"). */
  brand: string;
  step: number;
  crisis?: CrisisState;
  nextCrisisStep?: number;
  /** Spam accounts per network, a small rotating ring. */
  bots: Map<Network, Customer[]>;
  /** The last spam text per network and who posted it, for bot repeats. */
  lastSpam: Map<Network, { text: string; botId: string }>;
  serial: number;
  counters: Counters;
  /** Survey answers planned, not posted yet (surveys.ts). */
  surveys: PendingSurveyAnswer[];
  /** Events of the tick in progress. */
  events: SimEvent[];
  log?: ((event: SimEvent) => void) | undefined;
  now(): Date;
}

export type Counters = Pick<
  SimulatorStats,
  | "arrivals"
  | "spam"
  | "followUps"
  | "brandRepliesSeen"
  | "surveyAnswers"
  | "errors"
  | "byNetwork"
  | "byIntent"
  | "byLanguage"
  | "byFollowUp"
  | "crises"
>;

export function newCounters(): Counters {
  const zero = <K extends string>(keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  return {
    arrivals: 0,
    spam: 0,
    followUps: 0,
    brandRepliesSeen: 0,
    surveyAnswers: 0,
    errors: 0,
    byNetwork: zero(NETWORKS),
    byIntent: zero(Object.keys(TOPICS) as (keyof typeof TOPICS)[]),
    byLanguage: {},
    byFollowUp: {},
    crises: 0,
  };
}

function count(counters: Counters, event: SimEvent): void {
  const c = counters;
  if (event.kind === "error") c.errors++;
  if (event.kind === "crisis_start") c.crises++;
  if (event.kind === "survey_answer") c.surveyAnswers++;
  if (event.kind !== "arrival" && event.kind !== "follow_up") return;
  if (event.network) c.byNetwork[event.network]++;
  if (event.kind === "follow_up") {
    c.followUps++;
    if (event.followUp) c.byFollowUp[event.followUp] = (c.byFollowUp[event.followUp] ?? 0) + 1;
    return;
  }
  c.arrivals++;
  if (event.spam) c.spam++;
  if (event.intent) c.byIntent[event.intent]++;
  if (event.lang) c.byLanguage[event.lang] = (c.byLanguage[event.lang] ?? 0) + 1;
}

export function emit(world: World, event: Omit<SimEvent, "step" | "at">): void {
  const full: SimEvent = { ...event, step: world.step, at: world.now().toISOString() };
  count(world.counters, full);
  world.events.push(full);
  world.log?.(full);
}

/**
 * Runs one emulator action; a refusal (duplicate post, unknown object after a reset...) becomes an
 * `error` event instead of stopping the simulation, as a real customer would just give up.
 */
export function attempt<T>(world: World, network: Network, action: () => T): T | undefined {
  try {
    return action();
  } catch (error) {
    emit(world, { kind: "error", network, error: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}
