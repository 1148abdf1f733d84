/**
 * Multinomial logistic regression over hashed sparse features. Weights are laid out feature-major
 * (`w[feature * classes + class]`) so scoring one feature touches one cache line for all classes.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import type { FeatureVector } from "./features";

export interface SoftmaxModel {
  task: string;
  labels: string[];
  bits: number;
  dim: number;
  weights: Float32Array;
  bias: Float32Array;
  /** Extra metadata saved with the weights (decision threshold, validation scores, ...). */
  meta: Record<string, unknown>;
  /** Set on loaded models: the weights and this scale's Int8 form, for the fused scorer. */
  quantised?: { q: Int8Array; scale: number };
}

export function createModel(task: string, labels: string[], bits: number, dim: number): SoftmaxModel {
  const c = labels.length;
  return { task, labels, bits, dim, weights: new Float32Array(dim * c), bias: new Float32Array(c), meta: {} };
}

/** Class probabilities of one feature vector, written into `probs` (length = classes). */
export function predictInto(m: SoftmaxModel, fv: FeatureVector, probs: Float64Array): Float64Array {
  const c = m.labels.length;
  const w = m.weights;
  for (let k = 0; k < c; k++) probs[k] = m.bias[k] as number;
  for (let i = 0; i < fv.n; i++) {
    const base = (fv.idx[i] as number) * c;
    const v = fv.val[i] as number;
    for (let k = 0; k < c; k++) probs[k] = (probs[k] as number) + v * (w[base + k] as number);
  }
  return softmaxInPlace(probs, c);
}

function softmaxInPlace(z: Float64Array, c: number): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < c; k++) max = Math.max(max, z[k] as number);
  let sum = 0;
  for (let k = 0; k < c; k++) {
    z[k] = Math.exp((z[k] as number) - max);
    sum += z[k] as number;
  }
  for (let k = 0; k < c; k++) z[k] = (z[k] as number) / sum;
  return z;
}

export interface SgdState {
  /** AdaGrad sums of squared gradients, same layout as the weights. */
  g2: Float32Array;
  g2bias: Float64Array;
  probs: Float64Array;
}

export function createSgdState(m: SoftmaxModel): SgdState {
  const c = m.labels.length;
  return { g2: new Float32Array(m.weights.length), g2bias: new Float64Array(c), probs: new Float64Array(c) };
}

/**
 * One AdaGrad step on the cross-entropy of one example. L2 is applied lazily, only to the weights
 * the example touches, which keeps a step proportional to the example's size rather than the model's.
 */
export function sgdStep(
  m: SoftmaxModel,
  s: SgdState,
  fv: FeatureVector,
  label: number,
  opts: { lr: number; l2: number; weight?: number },
): void {
  const c = m.labels.length;
  const p = predictInto(m, fv, s.probs);
  const scale = opts.weight ?? 1;
  for (let k = 0; k < c; k++) {
    const g = ((p[k] as number) - (k === label ? 1 : 0)) * scale;
    s.g2bias[k] = (s.g2bias[k] as number) + g * g;
    m.bias[k] = (m.bias[k] as number) - (opts.lr * g) / Math.sqrt((s.g2bias[k] as number) + 1e-8);
  }
  for (let i = 0; i < fv.n; i++) {
    const base = (fv.idx[i] as number) * c;
    const v = fv.val[i] as number;
    for (let k = 0; k < c; k++) {
      const j = base + k;
      const wj = m.weights[j] as number;
      const g = ((p[k] as number) - (k === label ? 1 : 0)) * scale * v + opts.l2 * wj;
      s.g2[j] = (s.g2[j] as number) + g * g;
      m.weights[j] = wj - (opts.lr * g) / Math.sqrt((s.g2[j] as number) + 1e-8);
    }
  }
}

/*
 * File format: 4-byte little-endian header length, UTF-8 JSON header, then gzip of the weights
 * quantised to Int8 with one scale per model. Int8 keeps files small enough to commit.
 */
export function serializeModel(m: SoftmaxModel): Buffer {
  let max = 0;
  for (const w of m.weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 127 : 1;
  const q = new Int8Array(m.weights.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.round((m.weights[i] as number) / scale);
  const header = Buffer.from(
    JSON.stringify({
      format: "parley-softmax-int8/1",
      task: m.task,
      labels: m.labels,
      bits: m.bits,
      dim: m.dim,
      scale,
      bias: Array.from(m.bias),
      meta: m.meta,
    }),
  );
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  return Buffer.concat([len, header, gzipSync(Buffer.from(q.buffer), { level: 9 })]);
}

export function deserializeModel(buf: Buffer): SoftmaxModel {
  const len = buf.readUInt32LE(0);
  const h = JSON.parse(buf.subarray(4, 4 + len).toString("utf8"));
  if (h.format !== "parley-softmax-int8/1") throw new Error(`unknown model format ${h.format}`);
  const raw = gunzipSync(buf.subarray(4 + len));
  const q = Int8Array.from(new Int8Array(raw.buffer, raw.byteOffset, raw.length));
  const weights = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) weights[i] = (q[i] as number) * h.scale;
  if (weights.length !== h.dim * h.labels.length) throw new Error(`model ${h.task}: weights size mismatch`);
  return {
    task: h.task,
    labels: h.labels,
    bits: h.bits,
    dim: h.dim,
    weights,
    bias: Float32Array.from(h.bias),
    meta: h.meta,
    quantised: { q, scale: h.scale },
  };
}
