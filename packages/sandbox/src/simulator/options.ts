import { type Clock, systemClock } from "../shared/clock";
import { DEFAULT_LANGUAGES, DEFAULT_MIX, NETWORK_WEIGHTS } from "./mix";
import { LANGS, type Lang } from "./templates";
import { type Intent, NETWORKS, type Network, type RegularIntent, type SimulatorOptions } from "./types";

export interface ResolvedOptions {
  clock: Clock;
  seed: number | string;
  ratePerMinute: number;
  spamShare: number;
  languages: Partial<Record<Lang, number>>;
  crisisEvery: number;
  mix: Record<RegularIntent, number>;
  /** Per-intent network weights with unavailable networks at zero. */
  networkWeights: Record<Intent, Partial<Record<Network, number>>>;
  tickMs: number;
  pollEvery: number;
  maxCustomers: number;
  forgetAfterSteps: number;
}

function languageWeights(input: SimulatorOptions["languages"]): Partial<Record<Lang, number>> {
  if (input === undefined) return { ...DEFAULT_LANGUAGES };
  const weights: Partial<Record<Lang, number>> = Array.isArray(input)
    ? Object.fromEntries(
        (input as readonly Lang[]).map((lang, i) => [
          lang,
          input.length === 1 ? 1 : i === 0 ? 0.7 : 0.3 / (input.length - 1),
        ]),
      )
    : { ...(input as Partial<Record<Lang, number>>) };
  for (const lang of Object.keys(weights)) {
    if (!(LANGS as readonly string[]).includes(lang)) throw new Error(`no templates for language "${lang}"`);
  }
  if (!Object.values(weights).some((w) => (w ?? 0) > 0)) throw new Error("languages: give at least one");
  return weights;
}

function availableNetworks(options: SimulatorOptions): Set<Network> {
  const available = new Set<Network>();
  if (options.x) available.add("x");
  if (options.meta) {
    available.add("facebook");
    available.add("instagram");
  }
  if (options.whatsapp) available.add("whatsapp");
  return available;
}

function networkWeights(options: SimulatorOptions): ResolvedOptions["networkWeights"] {
  const available = availableNetworks(options);
  const out = {} as ResolvedOptions["networkWeights"];
  for (const [intent, weights] of Object.entries(NETWORK_WEIGHTS) as [Intent, Record<Network, number>][]) {
    out[intent] = {};
    for (const network of NETWORKS) {
      const scale = available.has(network) ? (options.networks?.[network] ?? 1) : 0;
      out[intent][network] = weights[network] * scale;
    }
  }
  return out;
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  if (!options.x && !options.meta && !options.whatsapp) throw new Error("give at least one emulator");
  if (!Number.isFinite(options.ratePerMinute) || options.ratePerMinute < 0)
    throw new Error("ratePerMinute must be a number >= 0");
  const spamShare = options.spamShare ?? 0.4;
  if (spamShare < 0 || spamShare > 1) throw new Error("spamShare must be within [0, 1]");
  const tickMs = positive("tickMs", options.tickMs ?? 1000);
  return {
    clock:
      options.clock ??
      options.x?.network.clock ??
      options.meta?.store.clock ??
      options.whatsapp?.store.clock ??
      systemClock,
    seed: options.seed,
    ratePerMinute: options.ratePerMinute,
    spamShare,
    languages: languageWeights(options.languages),
    crisisEvery: Math.max(0, options.crisisEvery ?? 60),
    mix: { ...DEFAULT_MIX, ...options.mix },
    networkWeights: networkWeights(options),
    tickMs,
    pollEvery: Math.max(1, Math.round(options.pollEvery ?? 5)),
    maxCustomers: Math.max(10, Math.round(options.maxCustomers ?? 1000)),
    forgetAfterSteps: Math.round(
      (positive("forgetAfterMinutes", options.forgetAfterMinutes ?? 180) * 60_000) / tickMs,
    ),
  };
}

/** Simulated seconds to whole steps (at least one, so a reaction always lands in a later step). */
export function secondsToSteps(options: ResolvedOptions, seconds: number): number {
  return Math.max(1, Math.round((seconds * 1000) / options.tickMs));
}
