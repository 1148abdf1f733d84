import { describe, expect, it } from "vitest";
import type { Condition } from "./conditions";
import { factsWith, holds } from "./rules.fixture";
import { compilePattern, foldText, MAX_PATTERN_LENGTH, nestedQuantifierAt } from "./text";

describe("foldText", () => {
  it.each<[string, string, string]>([
    ["ASCII lower-cases", "Refund NOW", "refund now"],
    ["accents drop", "Crème Brûlée", "creme brulee"],
    ["Spanish", "DEVOLUCIÓN, ¿Dónde?", "devolucion, ¿donde?"],
    ["Portuguese", "Não funciona", "nao funciona"],
    ["German ß becomes ss", "Straße", "strasse"],
    ["capital ẞ too", "STRAẞE", "strasse"],
    ["decomposed input", "cafe\u0301", "cafe"],
    ["Turkish dotted capital İ folds to i", "İSTANBUL", "istanbul"],
    ["Turkish dotless ı stays distinct (documented)", "ılık", "ılık"],
    ["ligatures expand (NFKD)", "ﬁnally", "finally"],
    ["full-width letters (NFKD)", "ＲＥＦＵＮＤ", "refund"],
    ["styled math letters spam uses (NFKD)", "𝐑𝐄𝐅𝐔𝐍𝐃", "refund"],
    ["emoji are kept", "love it ❤️ 😡", "love it ❤️ 😡"],
    ["Greek capitals", "ΚΑΛΗΜΕΡΑ", "καλημερα"],
    ["Cyrillic capitals", "ПРИВЕТ", "привет"],
    ["Devanagari vowel signs are kept", "नमस्ते", "नमस्ते"],
    ["æ is not ae (documented)", "Æble", "æble"],
  ])("%s", (_name, input, folded) => {
    expect(foldText(input)).toBe(folded);
  });
});

const contains = (value: string): Condition => ({ field: "message.text", op: "contains", value });
const matches = (value: string, caseSensitive = false): Condition =>
  caseSensitive
    ? { field: "message.text", op: "matches", value, case_sensitive: true }
    : { field: "message.text", op: "matches", value };

describe("unicode and case-insensitive matching through rules", () => {
  it.each<[string, Condition, string, boolean]>([
    ["needle accents ignored", contains("devolución"), "quiero una DEVOLUCION", true],
    ["text accents ignored", contains("devolucion"), "Quiero una devolución", true],
    ["upper-case accented text", contains("ñandú"), "EL ÑANDÚ", true],
    ["İ in text", contains("istanbul"), "İstanbul office", true],
    ["ı is not i", contains("kapi"), "kapı", false],
    ["ß ~ ss", contains("strasse"), "Hauptstraße 5", true],
    ["styled spam text", contains("free money"), "𝐅𝐑𝐄𝐄 𝐌𝐎𝐍𝐄𝐘 click", true],
    ["emoji needle", contains("😡"), "so angry 😡😡", true],
    ["needle spanning an emoji", contains("a😡b"), "xa😡by", true],
    ["regex: i flag covers accented capitals", matches("ñandú"), "EL ÑANDÚ", true],
    ["regex: accents matter", matches("nandu"), "ñandú", false],
    ["regex: class for both spellings", matches("devoluci[oó]n"), "devolucion", true],
    ["regex: case sensitive", matches("ÑANDÚ", true), "ñandú", false],
    ["regex: \\p{L} works (u flag)", matches("^\\p{Lu}{3}\\b"), "ABC!", true],
    ["regex: . is a code point (u flag)", matches("^a.b$"), "a😡b", true],
    [
      "regex: unicode-aware word edges",
      matches("(?<![\\p{L}\\p{N}])café(?![\\p{L}\\p{N}])"),
      "un café, por favor",
      true,
    ],
    ["regex: \\b is ASCII-only (documented)", matches("\\bcafé\\b"), "un café, por favor", false],
    ["regex: Kelvin sign matches k with iu", matches("kelvin"), "\u212Aelvin", true],
    ["regex: long s matches s with iu", matches("sale"), "\u017Fale", true],
  ])("%s", (_name, condition, text, expected) => {
    expect(holds(condition, factsWith("message.text", text))).toBe(expected);
  });

  it("the regex is stateless: matching twice gives the same answer (no g/y flags)", () => {
    const compiled = compilePattern("refund", false);
    expect(compiled.ok && compiled.regex.flags).toBe("iu");
    const facts = factsWith("message.text", "refund");
    expect([holds(matches("refund"), facts), holds(matches("refund"), facts)]).toEqual([true, true]);
  });
});

describe("compilePattern", () => {
  it.each<[string, string, boolean, string | null]>([
    ["plain", "refund", false, null],
    ["case sensitive drops i", "Refund", true, null],
    ["empty", "", false, "the pattern is empty"],
    [
      "too long",
      "a".repeat(MAX_PATTERN_LENGTH + 1),
      false,
      `the pattern is longer than ${MAX_PATTERN_LENGTH} characters`,
    ],
    ["syntax error", "(", false, "invalid regular expression"],
    ["u-mode rejects identity escapes", "\\-", false, "invalid regular expression"],
    ["nested quantifier", "(\\w+\\s?)+$", false, "a group repeated without bound"],
  ])("%s", (_name, pattern, caseSensitive, problem) => {
    const compiled = compilePattern(pattern, caseSensitive);
    if (problem === null) {
      expect(compiled.ok).toBe(true);
      if (compiled.ok) expect(compiled.regex.flags).toBe(caseSensitive ? "u" : "iu");
    } else {
      expect(compiled.ok).toBe(false);
      if (!compiled.ok) expect(compiled.problem).toMatch(new RegExp(`^${problem.replace(/[()]/g, "\\$&")}`));
    }
  });
});

describe("nestedQuantifierAt: the backtracking guard", () => {
  it.each<[string, number | null]>([
    ["refund", null],
    ["(a+)+", 4],
    ["(a*)*", 4],
    ["(?:a+)+", 6],
    ["(a+){2,}", 4],
    ["(\\w+\\s?)*$", 8],
    ["((ab)+c)+", 8],
    ["(x(a|b)+y)+", 10],
    ["(a+)?", null],
    ["(a+){3}", null],
    ["(\\d{1,3}\\.){3}\\d{1,3}", null],
    ["(ab)+", null],
    ["(a{2})+", null],
    ["[(a+)]+", null],
    ["\\(a+\\)+", null],
    ["(?<word>a+)b+", null],
    ["(?<=a+)b", null],
    ["(a+?)+", 5],
    ["\\p{L}+(\\p{L}+)*", 14],
    ["(\\d{1,3}\\.)+", 11],
  ])("%s → %s", (pattern, at) => {
    expect(() => new RegExp(pattern, "u")).not.toThrow();
    expect(nestedQuantifierAt(pattern)).toBe(at);
  });
});
