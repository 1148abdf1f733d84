import { describe, expect, it } from "vitest";
import { seededRandom } from "./bench-fixtures";
import { requiredLiterals } from "./regex-prefilter";
import { compilePattern, foldText } from "./text";

describe("requiredLiterals", () => {
  it.each<[string, string[] | null]>([
    ["refund", ["refund"]],
    ["Refund", ["refund"]],
    ["\\b(?:refund|money back)s?\\b", ["refund", "money back"]],
    ["refund|chargeback", ["refund", "chargeback"]],
    ["refund|", null],
    ["devoluci[oó]n|reembolso", ["devoluci", "reembolso"]],
    ["r[üu]ckerstattung", ["ckerstattung"]],
    ["order #\\d+", ["order #"]],
    ["ab+c", ["ab"]],
    ["abc?d", ["ab"]],
    ["a(bc)*d", ["a"]],
    ["(refund){2}", ["refund"]],
    ["(refund){0,2}x", ["x"]],
    ["^cancel", ["cancel"]],
    ["cancel$", ["cancel"]],
    ["can(?=cel)", ["can"]],
    ["(?<!not )happy", ["happy"]],
    ["(?<name>help)", ["help"]],
    ["\\x41pple", ["pple"]],
    ["\\u0041pple", ["pple"]],
    ["\\u{41}pple", ["pple"]],
    ["(a)\\1b", ["a"]],
    ["\\p{L}+ing", ["ing"]],
    ["\\.com", [".com"]],
    ["ñandú", ["and"]],
    ["ab+cd", ["bcd"]],
    ["x+", ["x"]],
    ["caf[eé]", ["caf"]],
    [".*", null],
    ["\\d{4}", null],
    ["[a-z]+", null],
    ["(a|b)(cd|ef)", ["cd", "ef"]],
  ])("%s → %j", (pattern, expected) => {
    expect(() => new RegExp(pattern, "iu")).not.toThrow();
    expect(requiredLiterals(pattern)).toEqual(expected);
  });
});

/**
 * The prefilter may only reject text the regex would reject: over random patterns from a small
 * alphabet and random texts (with capitals, accents and the K/ſ oddities), whenever the regex
 * matches, the folded text must hold one of the literals.
 */
describe("prefilter soundness", () => {
  const rnd = seededRandom(7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)] as T;
  const atoms = ["a", "b", "c", "ab", "ba", "[ab]", ".", "\\w", "\\b", "é", "(a|bc)", "(?:ca)", "K", "s"];
  const quantifiers = ["", "", "", "?", "*", "+", "{2}", "{0,1}"];
  const chars = ["a", "b", "c", "A", "B", "C", "é", "É", " ", "\u212A", "k", "\u017F", "s", "S"];
  const randomPattern = () => {
    const branches = Array.from({ length: 1 + Math.floor(rnd() * 2) }, () =>
      Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(atoms) + pick(quantifiers)).join(""),
    );
    return branches.join("|");
  };
  const randomText = () => Array.from({ length: Math.floor(rnd() * 12) }, () => pick(chars)).join("");

  it("never rejects a text the regex matches (2000 patterns × 20 texts)", () => {
    let checked = 0;
    for (let p = 0; p < 2000; p++) {
      const pattern = randomPattern();
      for (const caseSensitive of [false, true]) {
        const compiled = compilePattern(pattern, caseSensitive);
        if (!compiled.ok) continue;
        const literals = requiredLiterals(pattern);
        if (literals === null) continue;
        for (let t = 0; t < 20; t++) {
          const text = randomText();
          if (!compiled.regex.test(text)) continue;
          const folded = foldText(text);
          expect(
            literals.some((l) => folded.includes(l)),
            `${pattern} on ${JSON.stringify(text)}`,
          ).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
