import { expect, it } from "vitest";
import { createFeaturizer } from "./features";
import { deserializeModel, predictInto, serializeModel } from "./model";
import { fit, sourceFolds, stratifiedSplit, toExamples, tuneThreshold } from "./training";

const f = createFeaturizer(12);
const rows = [
  ...["great service, thanks", "love it", "thank you so much", "awesome help"].map((text) => ({
    text,
    label: "good",
    source: "toy",
  })),
  ...["terrible, still broken", "worst support ever", "this is awful", "broken again"].map((text) => ({
    text,
    label: "bad",
    source: "toy",
  })),
];
const labels = ["bad", "good"];

it("fits a separable toy task and survives the Int8 round trip", () => {
  const model = fit(
    "toy",
    labels,
    f,
    toExamples(rows, labels, f),
    { epochs: 20, lr: 0.3, l2: 0, balanced: true },
    1,
  );
  const loaded = deserializeModel(serializeModel(model));
  expect(loaded.labels).toEqual(labels);
  const p = predictInto(loaded, f.extract("thanks, love it"), new Float64Array(2));
  expect(p[1]).toBeGreaterThan(0.5);
  expect(predictInto(loaded, f.extract("awful, broken"), new Float64Array(2))[0]).toBeGreaterThan(0.5);
});

it("is deterministic for a seed", () => {
  const a = fit(
    "toy",
    labels,
    f,
    toExamples(rows, labels, f),
    { epochs: 3, lr: 0.1, l2: 0, balanced: false },
    7,
  );
  const b = fit(
    "toy",
    labels,
    f,
    toExamples(rows, labels, f),
    { epochs: 3, lr: 0.1, l2: 0, balanced: false },
    7,
  );
  expect(serializeModel(a).equals(serializeModel(b))).toBe(true);
});

it("splits each (source, label) group in the same proportion", () => {
  const xs = Array.from({ length: 100 }, (_, i) => ({ y: i < 80 ? 0 : 1, source: i % 2 ? "a" : "b" }));
  const { train, valid } = stratifiedSplit(xs, 0.2, 3);
  expect(valid).toHaveLength(20);
  expect(train).toHaveLength(80);
  expect(valid.filter((x) => x.y === 1)).toHaveLength(4);
});

it("picks the best-F1 threshold that flags no more negatives than allowed", () => {
  // P(class 1) per example; the negative at 0.9 must stay unflagged when the cap is 0.
  const p1 = [0.95, 0.85, 0.6, 0.9, 0.2, 0.1];
  const ys = [1, 1, 1, 0, 0, 0];
  const probs = new Float64Array(p1.flatMap((p) => [1 - p, p]));
  expect(tuneThreshold(probs, ys, 0)).toBeGreaterThan(0.9);
  expect(tuneThreshold(probs, ys, 1)).toBeLessThanOrEqual(0.6);
});

it("holds the false-positive cap within each group of negatives", () => {
  // Group 1's many negatives would let the pooled cap absorb group 0's negative at 0.7.
  const p1 = [0.9, 0.6, 0.7, ...Array.from({ length: 99 }, () => 0.1)];
  const ys = [1, 1, 0, ...Array.from({ length: 99 }, () => 0)];
  const groups = [0, 0, 0, ...Array.from({ length: 99 }, () => 1)];
  const probs = new Float64Array(p1.flatMap((p) => [1 - p, p]));
  expect(tuneThreshold(probs, ys, 0.01)).toBeLessThanOrEqual(0.6);
  const t = tuneThreshold(probs, ys, 0.01, groups);
  expect(t).toBeGreaterThan(0.7);
  expect(t).toBeLessThanOrEqual(0.9);
});

it("averages several SGD runs into one deterministic model", () => {
  const h = { epochs: 3, lr: 0.1, l2: 0, balanced: true };
  const xs = () => toExamples(rows, labels, f);
  const one = fit("toy", labels, f, xs(), h, 7);
  const avg = fit("toy", labels, f, xs(), { ...h, average: 3 }, 7);
  expect(
    serializeModel(avg).equals(serializeModel(fit("toy", labels, f, xs(), { ...h, average: 3 }, 7))),
  ).toBe(true);
  expect(serializeModel(avg).equals(serializeModel(one))).toBe(false);
  expect(predictInto(avg, f.extract("love it"), new Float64Array(2))[1]).toBeGreaterThan(0.5);
});

it("folds one source's examples by label and leaves the other sources in training", () => {
  const xs = Array.from({ length: 55 }, (_, i) => ({ y: i % 3, source: i < 45 ? "a" : "b" }));
  const fold = sourceFolds(xs, "a", 5, 1);
  expect(fold.slice(45).every((k) => k === -1)).toBe(true);
  for (let k = 0; k < 5; k++) expect(fold.filter((x) => x === k)).toHaveLength(9);
  expect(new Set(xs.filter((_, i) => fold[i] === 0).map((x) => x.y)).size).toBe(3);
});
