/** Classification scores from gold and predicted labels. Pure functions. */

export interface LabelScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Scores {
  n: number;
  accuracy: number;
  macro_recall: number;
  macro_f1: number;
  per_label: Record<string, LabelScores>;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/**
 * Scores over `labels`. Macro averages count every label, including ones absent from the gold data
 * (whose recall is 0): a label set is part of the task, so leaving one out would flatter a model.
 */
export function score(
  gold: readonly string[],
  predicted: readonly string[],
  labels: readonly string[],
): Scores {
  if (gold.length !== predicted.length) throw new Error("gold and predicted differ in length");
  const tp = new Map<string, number>();
  const goldCount = new Map<string, number>();
  const predCount = new Map<string, number>();
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i] as string;
    const p = predicted[i] as string;
    goldCount.set(g, (goldCount.get(g) ?? 0) + 1);
    predCount.set(p, (predCount.get(p) ?? 0) + 1);
    if (g === p) {
      correct++;
      tp.set(g, (tp.get(g) ?? 0) + 1);
    }
  }
  const per_label: Record<string, LabelScores> = {};
  for (const label of labels) {
    const t = tp.get(label) ?? 0;
    const precision = ratio(t, predCount.get(label) ?? 0);
    const recall = ratio(t, goldCount.get(label) ?? 0);
    const f1 = ratio(2 * precision * recall, precision + recall);
    per_label[label] = { precision, recall, f1, support: goldCount.get(label) ?? 0 };
  }
  const all = Object.values(per_label);
  const mean = (f: (s: LabelScores) => number) =>
    ratio(
      all.reduce((a, s) => a + f(s), 0),
      all.length,
    );
  return {
    n: gold.length,
    accuracy: ratio(correct, gold.length),
    macro_recall: mean((s) => s.recall),
    macro_f1: mean((s) => s.f1),
    per_label,
  };
}
