import { expect, it } from "vitest";
import { createFeaturizer, EXTRA_FEATURES, fnv1a } from "./features";
import { capsRatio, tokenize } from "./text";

it("replaces URLs, mentions and numbers with placeholder tokens", () => {
  expect(tokenize("@AcmeHelp see https://t.co/xyz, order 12,345 now")).toEqual([
    "<user>",
    "see",
    "<url>",
    "order",
    "<num>",
    "now",
  ]);
});

it("lowercases, squashes repeated letters, keeps emoji and splits camelCase hashtags", () => {
  expect(tokenize("Soooo GOOOD 😍😍 #CustomerService!!")).toEqual([
    "soo",
    "good",
    "😍",
    "😍",
    "#",
    "customer",
    "service",
    "!!",
  ]);
});

it("keeps contractions whole so negations are recognised", () => {
  expect(tokenize("I don't like it")).toEqual(["i", "don't", "like", "it"]);
});

it("measures the share of capital letters, ignoring very short texts", () => {
  expect(capsRatio("THIS IS BAD")).toBe(1);
  expect(capsRatio("Hello there")).toBeCloseTo(1 / 10);
  expect(capsRatio("OK")).toBe(0);
});

it("hashes with FNV-1a", () => {
  expect(fnv1a("")).toBe(0x811c9dc5);
  expect(fnv1a("a")).toBe(0xe40c292c);
});

it("extracts bounded, deterministic features with negation changing the word features", () => {
  const f = createFeaturizer(16);
  const a = f.extract("this is good");
  const first = Array.from(a.idx.slice(0, a.n));
  expect(a.n).toBeGreaterThan(10);
  expect(first.every((i) => i >= 0 && i < f.dim)).toBe(true);
  expect(Array.from(f.extract("this is good").idx.slice(0, a.n))).toEqual(first);
  const negated = f.extract("this is not good");
  const negationSlot = (1 << 16) + EXTRA_FEATURES.indexOf("negation");
  expect(Array.from(negated.idx.slice(0, negated.n))).toContain(negationSlot);
  expect(f.extract("x".repeat(100_000)).n).toBeLessThan(4000);
});

it("scores AFINN valence with VADER's negation, intensifier and contrast rules", () => {
  const f = createFeaturizer(16);
  const dense = (text: string) => {
    const fv = f.extract(text);
    const get = (name: (typeof EXTRA_FEATURES)[number]) => {
      const slot = (1 << 16) + EXTRA_FEATURES.indexOf(name);
      for (let i = 0; i < fv.nWords; i++) if (fv.idx[i] === slot) return fv.val[i] as number;
      return 0;
    };
    return { pos: get("afinn_positive"), neg: get("afinn_negative"), compound: get("afinn_compound") };
  };
  expect(dense("what a lovely day").compound).toBeGreaterThan(0);
  expect(dense("this is not good").neg).toBeGreaterThan(0);
  expect(dense("this is not good").pos).toBe(0);
  // Inflections AFINN does not list inherit their base word's valence.
  expect(dense("it disappoints me").compound).toBeLessThan(0);
  expect(dense("very good").pos).toBeGreaterThan(dense("good").pos);
  // "but" halves what came before: the clause after it decides.
  expect(dense("the food was great but the service was terrible").compound).toBeLessThan(0);
  expect(dense("the tickets").compound).toBe(0);
});
