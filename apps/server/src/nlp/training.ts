/** Fitting, stratified splitting and threshold tuning: the pure parts of the training script. */
import type { LabelledText } from "./datasets";
import type { FeatureScope, FeatureVector, Featurizer } from "./features";
import { createModel, createSgdState, predictInto, type SoftmaxModel, sgdStep } from "./model";

export interface Example {
  fv: FeatureVector;
  y: number;
  source: string;
  /** Per-example loss weight (class balance times source weight). */
  w: number;
}

export interface Hyper {
  epochs: number;
  lr: number;
  l2: number;
  /** Weight classes inversely to their frequency (helps macro recall on skewed data). */
  balanced: boolean;
  /** Extra loss weight per source file, e.g. to favour general tweets over airline tweets. */
  sourceWeight?: Record<string, number>;
}

/** Mulberry32: a small seeded PRNG so training and splits are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
  }
  return xs;
}

/** Featurises once (only the word/dense prefix for `words` scope), copying out of the featurizer's reused buffer. */
export function toExamples(
  rows: LabelledText[],
  labels: readonly string[],
  f: Featurizer,
  scope: FeatureScope = "all",
): Example[] {
  return rows.map((r) => {
    const fv = f.extract(r.text);
    const copy = { ...fv, idx: fv.idx.slice(0, fv.n), val: fv.val.slice(0, fv.n), tokens: [] };
    if (scope === "words") copy.n = copy.nWords;
    return { fv: copy, y: labels.indexOf(r.label), source: r.source, w: 1 };
  });
}

/** Split keeping each (source, label) group's share in both parts. */
export function stratifiedSplit<T extends { y: number; source: string }>(
  xs: T[],
  holdout: number,
  seed: number,
): { train: T[]; valid: T[] } {
  const groups = new Map<string, T[]>();
  for (const x of xs) {
    const key = `${x.source}\u0000${x.y}`;
    groups.set(key, [...(groups.get(key) ?? []), x]);
  }
  const rand = rng(seed);
  const train: T[] = [];
  const valid: T[] = [];
  for (const key of [...groups.keys()].sort()) {
    const g = shuffle([...(groups.get(key) as T[])], rand);
    const cut = Math.round(g.length * holdout);
    valid.push(...g.slice(0, cut));
    train.push(...g.slice(cut));
  }
  return { train, valid };
}

/*
 * Class balance is computed within each source file: the airline data is two-thirds negative while
 * general tweets are mostly neutral or positive, and balancing the pooled counts would leave the
 * rarer class of each source under-weighted.
 */
function weigh(xs: Example[], classes: number, h: Hyper): Example[] {
  const counts = new Map<string, number>();
  const sizes = new Map<string, number>();
  for (const x of xs) {
    counts.set(`${x.source}\u0000${x.y}`, (counts.get(`${x.source}\u0000${x.y}`) ?? 0) + 1);
    sizes.set(x.source, (sizes.get(x.source) ?? 0) + 1);
  }
  return xs.map((x) => {
    const n = counts.get(`${x.source}\u0000${x.y}`) as number;
    const cw = h.balanced ? (sizes.get(x.source) as number) / (classes * n) : 1;
    return { ...x, w: cw * (h.sourceWeight?.[x.source] ?? 1) };
  });
}

export function fit(
  task: string,
  labels: readonly string[],
  f: Featurizer,
  data: Example[],
  h: Hyper,
  seed: number,
): SoftmaxModel {
  const m = createModel(task, [...labels], f.bits, f.dim);
  const s = createSgdState(m);
  const xs = weigh(data, labels.length, h);
  const rand = rng(seed);
  for (let e = 0; e < h.epochs; e++) {
    for (const x of shuffle(xs, rand)) sgdStep(m, s, x.fv, x.y, { lr: h.lr, l2: h.l2, weight: x.w });
  }
  m.meta = { hyperparameters: h, trainingExamples: data.length };
  return m;
}

/** Probability of each class for each example, as one flat array (row-major). */
export function predictAll(m: SoftmaxModel, xs: Example[]): Float64Array {
  const c = m.labels.length;
  const out = new Float64Array(xs.length * c);
  const buf = new Float64Array(c);
  xs.forEach((x, i) => {
    out.set(predictInto(m, x.fv, buf), i * c);
  });
  return out;
}

/**
 * Highest-F1 threshold on P(class 1) among those flagging at most `maxFalsePositiveRate` of class 0
 * (for spam: the share of legitimate messages hidden from agents).
 */
export function tuneThreshold(probs: Float64Array, ys: number[], maxFalsePositiveRate = 1): number {
  const p1 = ys.map((_, i) => probs[i * 2 + 1] as number);
  const negatives = ys.filter((y) => y === 0).length;
  const positives = ys.length - negatives;
  let best = { f1: -1, t: 0.5 };
  // Integer percents, so the threshold returned is exactly the one evaluated.
  for (let pct = 5; pct <= 99; pct++) {
    const t = pct / 100;
    let tp = 0;
    let fp = 0;
    for (let i = 0; i < ys.length; i++) {
      if ((p1[i] as number) < t) continue;
      if (ys[i] === 1) tp++;
      else fp++;
    }
    if (fp > negatives * maxFalsePositiveRate) continue;
    const f1 = (2 * tp) / (tp + fp + positives || 1);
    if (f1 > best.f1) best = { f1, t };
  }
  // No threshold meets the cap: flag only the surest cases rather than fall back to 0.5.
  return best.f1 < 0 ? 0.99 : best.t;
}
