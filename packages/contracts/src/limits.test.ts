import { expect, it } from "vitest";
import { xWeightedLength } from "./limits";

it("counts X's weighted length: Latin 1, CJK 2, emoji 2, URLs 23", () => {
  expect(xWeightedLength("hello")).toBe(5);
  expect(xWeightedLength("日本")).toBe(4);
  expect(xWeightedLength("ok 😀")).toBe(5);
  expect(xWeightedLength("👍🏽")).toBe(2);
  expect(xWeightedLength("👨‍👩‍👧")).toBe(2);
  expect(xWeightedLength("see https://example.com/a/very/long/path?with=query")).toBe(4 + 23);
  expect(xWeightedLength("a".repeat(280))).toBe(280);
  expect(xWeightedLength("café")).toBe(4);
});
