import type { Random } from "../shared/random";
import type { ResolvedOptions } from "./options";
import { asciiHandlePart } from "./profiles";
import { between, intBetween, weighted } from "./sampling";
import { type Lang, PACKS } from "./templates";
import type { CrisisInfo } from "./types";

/**
 * Crisis spikes [S001 "Crisis management plan"]: a burst of angry posts about one topic (an outage
 * in one city, a wave of double billing, the app being down) over a few minutes, on top of the
 * normal traffic. Volume rises fast, peaks about a quarter of the way in, then fades, which is the
 * shape a spike detector has to catch early.
 */
export type CrisisTopic = "outage" | "billing" | "app";

const TOPIC_WEIGHTS: Record<CrisisTopic, number> = { outage: 0.7, billing: 0.15, app: 0.15 };
const MIN_PEAK_PER_MINUTE = 30;
const PEAK_AT = 0.25;

export interface CrisisState {
  info: CrisisInfo;
  kind: CrisisTopic;
  peakPerMinute: number;
}

function minutesToSteps(options: ResolvedOptions, minutes: number): number {
  return Math.max(1, Math.round((minutes * 60_000) / options.tickMs));
}

/** The step the next spike starts at (jittered around `crisisEvery`), or undefined when off. */
export function nextCrisisStep(
  random: Random,
  options: ResolvedOptions,
  fromStep: number,
): number | undefined {
  if (options.crisisEvery <= 0) return undefined;
  return fromStep + minutesToSteps(options, options.crisisEvery * between(random, 0.5, 1.5));
}

function hashtag(kind: CrisisTopic, brand: string, city: string): string {
  if (kind === "billing") return `#${brand}Billing`;
  if (kind === "app") return `#${brand}AppDown`;
  const place = asciiHandlePart(city);
  return `#${brand}Down #${place.charAt(0).toUpperCase()}${place.slice(1)}Outage`;
}

function label(kind: CrisisTopic, city: string): string {
  if (kind === "billing") return "double billing";
  return kind === "app" ? "app down" : `outage in ${city}`;
}

export function newCrisis(input: {
  random: Random;
  options: ResolvedOptions;
  brand: string;
  step: number;
  topic?: CrisisTopic | undefined;
  city?: string | undefined;
  lang?: Lang | undefined;
}): CrisisState {
  const { random, options } = input;
  const kind = input.topic ?? weighted(random, TOPIC_WEIGHTS) ?? "outage";
  const lang = input.lang ?? weighted(random, options.languages) ?? "en";
  const city = input.city ?? random.pick(PACKS[lang].cities);
  const duration = minutesToSteps(options, intBetween(random, 3, 6));
  return {
    kind,
    peakPerMinute: Math.max(MIN_PEAK_PER_MINUTE, 8 * options.ratePerMinute),
    info: {
      topic: label(kind, city),
      city,
      lang,
      hashtag: hashtag(kind, input.brand, city),
      startStep: input.step,
      endStep: input.step + duration,
    },
  };
}

/** Mean crisis posts in this step: a triangle rising to the peak, then fading to the end. */
export function crisisMean(crisis: CrisisState, step: number, options: ResolvedOptions): number {
  const { startStep, endStep } = crisis.info;
  if (step < startStep || step >= endStep) return 0;
  const progress = (step - startStep + 0.5) / (endStep - startStep);
  const shape = progress < PEAK_AT ? progress / PEAK_AT : (1 - progress) / (1 - PEAK_AT);
  return (crisis.peakPerMinute * shape * options.tickMs) / 60_000;
}
