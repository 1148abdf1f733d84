import { expect, it } from "vitest";
import { score } from "./metrics";

it("computes accuracy, per-label precision/recall/F1 and macro averages", () => {
  const gold = ["a", "a", "a", "b", "b", "c"];
  const pred = ["a", "a", "b", "b", "c", "c"];
  const s = score(gold, pred, ["a", "b", "c"]);
  expect(s.n).toBe(6);
  expect(s.accuracy).toBeCloseTo(4 / 6);
  expect(s.per_label.a).toEqual({ precision: 1, recall: 2 / 3, f1: 0.8, support: 3 });
  expect(s.per_label.b?.precision).toBeCloseTo(0.5);
  expect(s.per_label.b?.recall).toBeCloseTo(0.5);
  expect(s.per_label.c).toMatchObject({ precision: 0.5, recall: 1, support: 1 });
  expect(s.per_label.c?.f1).toBeCloseTo(2 / 3);
  expect(s.macro_recall).toBeCloseTo((2 / 3 + 0.5 + 1) / 3);
  expect(s.macro_f1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3);
});

it("scores a label never predicted nor present as zero, and counts it in the macro averages", () => {
  const s = score(["a", "a"], ["a", "a"], ["a", "b"]);
  expect(s.per_label.b).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
  expect(s.macro_recall).toBe(0.5);
});

it("rejects gold and predictions of different lengths", () => {
  expect(() => score(["a"], [], ["a"])).toThrow();
});
