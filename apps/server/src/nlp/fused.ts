/**
 * Scores all triage models in one pass. Separate Float32 matrices cost one cache miss per feature
 * per model (classify ran at ~5,000 texts/s); interleaving the models' weights for a feature into
 * one short row makes it one miss per feature for all of them. Models that read only the
 * word/dense prefix (`meta.featureScope === "words"`) get their own matrix, walked over that prefix.
 */
import type { FeatureVector } from "./features";
import type { SoftmaxModel } from "./model";

export interface FusedScorer {
  /** Offset of each model's classes in the shared output, in the order the models were given. */
  offsets: number[];
  readonly width: number;
  /** Class probabilities of every model into `out` (length `width`). */
  score(fv: FeatureVector, out: Float64Array): Float64Array;
}

/*
 * Softmax only depends on differences between a model's logits, so each model keeps C - 1 columns
 * (class k minus class 0): one column per binary model. Differences of Int8 weights need Int16.
 */
interface Group {
  fused: Int16Array;
  width: number;
  /** Where this group's columns start in the accumulator. */
  start: number;
  prefixOnly: boolean;
}

function buildGroup(models: SoftmaxModel[], start: number, prefixOnly: boolean): Group {
  const dim = models[0]?.dim ?? 0;
  const width = models.reduce((a, m) => a + m.labels.length - 1, 0);
  const fused = new Int16Array(dim * width);
  let off = 0;
  for (const m of models) {
    const c = m.labels.length;
    const q = (m.quantised as { q: Int8Array }).q;
    for (let f = 0; f < dim; f++)
      for (let k = 1; k < c; k++)
        fused[f * width + off + k - 1] = (q[f * c + k] as number) - (q[f * c] as number);
    off += c - 1;
  }
  return { fused, width, start, prefixOnly };
}

function accumulate(g: Group, fv: FeatureVector, acc: Float64Array): void {
  const { fused, width, start } = g;
  const n = g.prefixOnly ? fv.nWords : fv.n;
  for (let i = 0; i < n; i++) {
    const base = (fv.idx[i] as number) * width;
    const v = fv.val[i] as number;
    for (let k = 0; k < width; k++)
      acc[start + k] = (acc[start + k] as number) + v * (fused[base + k] as number);
  }
}

interface Slot {
  m: SoftmaxModel;
  /** First column in the accumulator, first class in the output. */
  col: number;
  out: number;
}

export function createFusedScorer(models: SoftmaxModel[]): FusedScorer {
  const dim = models[0]?.dim ?? 0;
  for (const m of models)
    if (m.dim !== dim || !m.quantised) throw new Error(`model ${m.task} cannot be fused`);
  const full = models.filter((m) => m.meta.featureScope !== "words");
  const prefix = models.filter((m) => m.meta.featureScope === "words");
  const fullCols = full.reduce((a, m) => a + m.labels.length - 1, 0);
  const groups = [buildGroup(full, 0, false), buildGroup(prefix, fullCols, true)];
  const slots: Slot[] = [];
  let col = 0;
  let width = 0;
  for (const m of [...full, ...prefix]) {
    slots.push({ m, col, out: width });
    col += m.labels.length - 1;
    width += m.labels.length;
  }
  const acc = new Float64Array(col);
  const offsets = models.map((m) => (slots.find((s) => s.m === m) as Slot).out);

  return {
    offsets,
    width,
    score(fv, out) {
      acc.fill(0);
      for (const g of groups) accumulate(g, fv, acc);
      for (const { m, col, out: o } of slots) {
        const scale = (m.quantised as { scale: number }).scale;
        const b0 = m.bias[0] as number;
        out[o] = 0;
        for (let k = 1; k < m.labels.length; k++)
          out[o + k] = (acc[col + k - 1] as number) * scale + (m.bias[k] as number) - b0;
        softmaxSlice(out, o, m.labels.length);
      }
      return out;
    },
  };
}

function softmaxSlice(z: Float64Array, from: number, n: number): void {
  let max = Number.NEGATIVE_INFINITY;
  for (let k = from; k < from + n; k++) max = Math.max(max, z[k] as number);
  let sum = 0;
  for (let k = from; k < from + n; k++) {
    z[k] = Math.exp((z[k] as number) - max);
    sum += z[k] as number;
  }
  for (let k = from; k < from + n; k++) z[k] = (z[k] as number) / sum;
}
