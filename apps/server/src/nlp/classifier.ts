/**
 * The triage classifier the pipeline uses: one feature extraction per text feeding five small
 * models, scored together by the fused scorer. Weights are read once from `models/`; `classify`
 * allocates only its result. A workspace whose agents corrected the spam filter scores spam with its
 * own copy instead (one more pass over the features): see `forWorkspace`.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TaskName } from "./datasets";
import { createFeaturizer, type FeatureVector } from "./features";
import { createFusedScorer } from "./fused";
import { detectLanguage } from "./language";
import {
  createSgdState,
  deserializeModel,
  predictInto,
  type SgdState,
  type SoftmaxModel,
  sgdStep,
} from "./model";

export const MODELS_DIR = join(dirname(fileURLToPath(import.meta.url)), "models");

export interface LabelResult {
  label: string;
  prob: number;
}

export interface Classification {
  language: string;
  /** `score` is P(positive) - P(negative), in -1..1. */
  sentiment: { label: string; score: number; probs: Record<string, number> };
  spam: LabelResult;
  complaint: LabelResult;
  offensive: LabelResult;
  category: LabelResult;
}

export interface SpamFilter {
  /** One online update from an agent's correction, kept in this process's overlay. */
  learn(text: string, label: "spam" | "ham"): void;
}

/** Classification with one workspace's spam corrections applied. */
export interface WorkspaceClassifier {
  classify(text: string): Classification;
  spam: SpamFilter;
}

/** The shared models; `classify`/`spam` use no workspace's corrections. */
export interface Classifiers extends WorkspaceClassifier {
  forWorkspace(workspaceId: string): WorkspaceClassifier;
  models: Record<TaskName, SoftmaxModel>;
}

export function loadModel(task: TaskName, dir = MODELS_DIR): SoftmaxModel {
  return deserializeModel(readFileSync(join(dir, `${task}.bin`)));
}

const TASK_ORDER = ["sentiment", "spam", "complaint", "offensive", "category"] as const;

/** `p` holds the model's probabilities from `off`; a binary model's positive label is its second. */
function binary(m: SoftmaxModel, p: Float64Array, off: number): LabelResult {
  const prob = p[off + 1] as number;
  const threshold = typeof m.meta.threshold === "number" ? m.meta.threshold : 0.5;
  return { label: (prob >= threshold ? m.labels[1] : m.labels[0]) as string, prob };
}

function argmax(p: Float64Array, off: number, n: number): number {
  let best = 0;
  for (let k = 1; k < n; k++) if ((p[off + k] as number) > (p[off + best] as number)) best = k;
  return best;
}

function sentiment(m: SoftmaxModel, p: Float64Array, off: number): Classification["sentiment"] {
  const probs: Record<string, number> = {};
  for (let k = 0; k < m.labels.length; k++) probs[m.labels[k] as string] = p[off + k] as number;
  const score = (probs.positive ?? 0) - (probs.negative ?? 0);
  return { label: m.labels[argmax(p, off, m.labels.length)] as string, score, probs };
}

function category(m: SoftmaxModel, p: Float64Array, off: number): LabelResult {
  const k = argmax(p, off, m.labels.length);
  return { label: m.labels[k] as string, prob: p[off + k] as number };
}

export function loadClassifiers(dir = MODELS_DIR): Classifiers {
  const models = Object.fromEntries(TASK_ORDER.map((t) => [t, loadModel(t, dir)])) as Record<
    TaskName,
    SoftmaxModel
  >;
  const featurizer = createFeaturizer(models.sentiment.bits);
  for (const m of Object.values(models))
    if (m.bits !== featurizer.bits) throw new Error(`model ${m.task} uses ${m.bits} hash bits`);
  const scorer = createFusedScorer(TASK_ORDER.map((t) => models[t]));
  const [sOff, spamOff, cOff, oOff, catOff] = scorer.offsets as [number, number, number, number, number];
  const probs = new Float64Array(scorer.width);
  const spamProbs = new Float64Array(2);
  const overlays = new Map<string, Overlay>();

  function classify(text: string, overlay: Overlay): Classification {
    const fv = featurizer.extract(text);
    const p = scorer.score(fv, probs);
    const own = overlay.model;
    return {
      language: detectLanguage(text, fv.tokens),
      sentiment: sentiment(models.sentiment, p, sOff),
      spam: own ? binary(models.spam, predictInto(own, fv, spamProbs), 0) : binary(models.spam, p, spamOff),
      complaint: binary(models.complaint, p, cOff),
      offensive: binary(models.offensive, p, oOff),
      category: category(models.category, p, catOff),
    };
  }

  function bind(overlay: Overlay): WorkspaceClassifier {
    return {
      classify: (text) => classify(text, overlay),
      spam: { learn: (text, label) => overlay.learn(featurizer.extract(text), label) },
    };
  }

  return {
    models,
    ...bind(createOverlay(models.spam)),
    forWorkspace(workspaceId) {
      let overlay = overlays.get(workspaceId);
      if (!overlay) {
        overlay = createOverlay(models.spam);
        overlays.set(workspaceId, overlay);
      }
      return bind(overlay);
    },
  };
}

/** Most gradient steps one correction takes (each is cheap: one sparse update). */
const MAX_CORRECTION_STEPS = 8;

interface Overlay {
  /** The workspace's corrected spam model, or null until its first correction. */
  readonly model: SoftmaxModel | null;
  learn(fv: FeatureVector, label: "spam" | "ham"): void;
}

/*
 * Agents' corrections update a workspace's own Float32 copy of the spam model, made on the first
 * correction so untouched workspaces share the fused weights. In memory only: persisting the
 * corrections is the pipeline's job (pipeline/spam-learning.ts replays them from the database).
 */
function createOverlay(base: SoftmaxModel): Overlay {
  let model: SoftmaxModel | null = null;
  let state: SgdState | null = null;
  return {
    get model() {
      return model;
    },
    learn(fv: FeatureVector, label: "spam" | "ham") {
      if (!model || !state) {
        model = { ...base, weights: Float32Array.from(base.weights), bias: Float32Array.from(base.bias) };
        state = createSgdState(model);
      }
      const y = model.labels.indexOf(label);
      if (y < 0) throw new Error(`unknown spam label ${label}`);
      // A correction must hold for this text and its near twins: step until the model agrees
      // with a margin (AdaGrad shrinks repeated steps on the same words, so one may not be enough).
      const probs = new Float64Array(model.labels.length);
      const threshold = typeof base.meta.threshold === "number" ? base.meta.threshold : 0.5;
      const spamAt = model.labels.indexOf("spam");
      for (let i = 0; i < MAX_CORRECTION_STEPS; i++) {
        sgdStep(model, state, fv, y, { lr: 0.1, l2: 0 });
        const p = predictInto(model, fv, probs)[spamAt] ?? 0;
        if (label === "spam" ? p >= Math.min(0.95, threshold + 0.25) : p <= threshold / 2) break;
      }
    },
  };
}
