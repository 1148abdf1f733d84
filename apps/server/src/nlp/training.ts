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
  /** Extra loss weight per class index, e.g. to keep a rare class heard among many added negatives. */
  classWeight?: readonly number[];
  /**
   * Number of SGD runs (shuffle seeds) whose weights are averaged into the model: the average of
   * linear models is one linear model, so this lowers the variance of SGD at no scoring cost.
   */
  average?: number;
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
  exclude?: ReadonlySet<number>,
): Example[] {
  return rows.map((r) => {
    const fv = f.extract(r.text);
    const copy = { ...fv, idx: fv.idx.slice(0, fv.n), val: fv.val.slice(0, fv.n), tokens: [] };
    if (exclude) dropFeatures(copy, exclude);
    if (scope === "words") copy.n = copy.nWords;
    return { fv: copy, y: labels.indexOf(r.label), source: r.source, w: 1 };
  });
}

/*
 * Features a model is trained without keep a zero weight, so the shared extraction can still
 * produce them at scoring time at no effect on that model (bar the rare hash collision).
 */
function dropFeatures(fv: FeatureVector, exclude: ReadonlySet<number>): void {
  let n = 0;
  let nWords = 0;
  for (let i = 0; i < fv.n; i++) {
    if (exclude.has(fv.idx[i] as number)) continue;
    fv.idx[n] = fv.idx[i] as number;
    fv.val[n++] = fv.val[i] as number;
    if (i < fv.nWords) nWords = n;
  }
  fv.n = n;
  fv.nWords = nWords;
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
    return { ...x, w: cw * (h.sourceWeight?.[x.source] ?? 1) * (h.classWeight?.[x.y] ?? 1) };
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
  const runs = Math.max(1, h.average ?? 1);
  const xs = weigh(data, labels.length, h);
  let m: SoftmaxModel | null = null;
  for (let r = 0; r < runs; r++) {
    const one = createModel(task, [...labels], f.bits, f.dim);
    const s = createSgdState(one);
    const rand = rng(seed + r);
    for (let e = 0; e < h.epochs; e++) {
      for (const x of shuffle(xs, rand)) sgdStep(one, s, x.fv, x.y, { lr: h.lr, l2: h.l2, weight: x.w });
    }
    if (!m) m = one;
    else {
      for (let i = 0; i < m.weights.length; i++)
        m.weights[i] = (m.weights[i] as number) + (one.weights[i] as number);
      for (let k = 0; k < m.bias.length; k++) m.bias[k] = (m.bias[k] as number) + (one.bias[k] as number);
    }
  }
  const model = m as SoftmaxModel;
  if (runs > 1) {
    for (let i = 0; i < model.weights.length; i++) model.weights[i] = (model.weights[i] as number) / runs;
    for (let k = 0; k < model.bias.length; k++) model.bias[k] = (model.bias[k] as number) / runs;
  }
  model.meta = { hyperparameters: h, trainingExamples: data.length };
  return model;
}

/**
 * K stratified folds of the examples of one source (each label spread evenly over the folds):
 * fold index per example, -1 for examples of other sources (always in training).
 */
export function sourceFolds(
  xs: { y: number; source: string }[],
  source: string,
  k: number,
  seed: number,
): number[] {
  const fold = xs.map(() => -1);
  const rand = rng(seed);
  const labels = [...new Set(xs.filter((x) => x.source === source).map((x) => x.y))].sort((a, b) => a - b);
  for (const y of labels) {
    const ids = xs.map((x, i) => (x.source === source && x.y === y ? i : -1)).filter((i) => i >= 0);
    shuffle(ids, rand).forEach((i, j) => {
      fold[i] = j % k;
    });
  }
  return fold;
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
 * (for spam: the share of legitimate messages hidden from agents). With `groups` (a group id per
 * example) the cap holds within every group, so a large, easy group of negatives cannot hide the
 * false positives of a small one.
 */
export function tuneThreshold(
  probs: Float64Array,
  ys: number[],
  maxFalsePositiveRate = 1,
  groups?: readonly number[],
): number {
  const p1 = ys.map((_, i) => probs[i * 2 + 1] as number);
  const g = (i: number) => groups?.[i] ?? 0;
  const nGroups = 1 + Math.max(0, ...ys.map((_, i) => g(i)));
  const negatives = new Array<number>(nGroups).fill(0);
  ys.forEach((y, i) => {
    if (y === 0) negatives[g(i)] = (negatives[g(i)] as number) + 1;
  });
  const positives = ys.length - negatives.reduce((a, b) => a + b, 0);
  let best = { f1: -1, t: 0.5 };
  // Integer percents, so the threshold returned is exactly the one evaluated.
  for (let pct = 5; pct <= 99; pct++) {
    const t = pct / 100;
    let tp = 0;
    const fp = new Array<number>(nGroups).fill(0);
    for (let i = 0; i < ys.length; i++) {
      if ((p1[i] as number) < t) continue;
      if (ys[i] === 1) tp++;
      else fp[g(i)] = (fp[g(i)] as number) + 1;
    }
    if (fp.some((n, k) => n > (negatives[k] as number) * maxFalsePositiveRate)) continue;
    const allFp = fp.reduce((a, b) => a + b, 0);
    const f1 = (2 * tp) / (tp + allFp + positives || 1);
    if (f1 > best.f1) best = { f1, t };
  }
  // No threshold meets the cap: flag only the surest cases rather than fall back to 0.5.
  return best.f1 < 0 ? 0.99 : best.t;
}
