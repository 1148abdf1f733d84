import type { Random } from "../shared/random";

/**
 * Distributions on top of the shared seeded generator. Every draw goes through the one `Random`,
 * so a seed and the sequence of ticks fully determine what the simulator does.
 */
export function chance(random: Random, probability: number): boolean {
  return random.next() < probability;
}

export function between(random: Random, min: number, max: number): number {
  return min + random.next() * (max - min);
}

export function intBetween(random: Random, min: number, maxInclusive: number): number {
  return min + random.int(maxInclusive - min + 1);
}

/** A key drawn in proportion to its weight; undefined when every weight is zero. */
export function weighted<K extends string>(
  random: Random,
  weights: Readonly<Partial<Record<K, number>>>,
): K | undefined {
  const entries = (Object.entries(weights) as [K, number | undefined][]).filter(([, w]) => (w ?? 0) > 0);
  const total = entries.reduce((sum, [, w]) => sum + (w ?? 0), 0);
  if (total <= 0) return undefined;
  let roll = random.next() * total;
  for (const [key, w] of entries) {
    roll -= w ?? 0;
    if (roll < 0) return key;
  }
  return entries.at(-1)?.[0];
}

/** Standard normal (Box-Muller). */
export function gaussian(random: Random): number {
  const u = 1 - random.next();
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Arrivals in one step of a Poisson process: exact (Knuth) for small means, normal approximation
 * above 30 where Knuth's loop would be slow and the approximation is good.
 */
export function poisson(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random.next();
  while (product > limit) {
    count++;
    product *= random.next();
  }
  return count;
}

/** Heavy-tailed (Pareto) value: most draws near `min`, a few orders of magnitude above. */
export function pareto(random: Random, min: number, alpha: number): number {
  return min / (1 - random.next()) ** (1 / alpha);
}

export function logUniform(random: Random, min: number, max: number): number {
  return Math.exp(between(random, Math.log(min), Math.log(max)));
}
