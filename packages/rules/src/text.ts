/**
 * Text comparison for rules. Case-insensitive comparisons (the default) fold both sides the
 * same way: compatibility decomposition (NFKD), Latin/Greek/Cyrillic diacritics dropped,
 * lower-cased, German ß as "ss". So "CAFÉ" equals "cafe", the styled "𝐫𝐞𝐟𝐮𝐧𝐝" spam loves contains "refund", and
 * Turkish "İ" folds to "i". Folding is locale-independent on purpose (one answer for every
 * workspace): Turkish dotless "ı" stays distinct from "i", as do "æ" and "ae". Needles fold once
 * at compile time and message text once per evaluation.
 *
 * Regexes (`matches`) run on the text as received, not folded, so a pattern means what its author
 * wrote: Unicode mode (flag `u`) and case-insensitive (`i`) unless the leaf is case sensitive,
 * never `g`/`y`, whose `lastIndex` would make `test` stateful. Accents are significant there:
 * write `devoluci[oó]n`. JavaScript's `\b` only knows ASCII word characters; use
 * `(?<![\p{L}\p{N}])word(?![\p{L}\p{N}])` around accented words.
 */

const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/;
/**
 * The Combining Diacritical Marks block: the accents NFKD splits off Latin, Greek and Cyrillic
 * letters. Not every mark (\p{M}): Devanagari vowel signs, for one, are letters of the word, and
 * a `\p{M}` regex costs four times as much as this range on every message.
 */
const DIACRITICS = /[\u0300-\u036f]+/g;
const HAS_DIACRITIC = /[\u0300-\u036f]/;

/** The folded form case-insensitive comparisons use on both sides. */
export function foldText(text: string): string {
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  let folded = text.normalize("NFKD");
  if (HAS_DIACRITIC.test(folded)) folded = folded.replace(DIACRITICS, "");
  folded = folded.toLowerCase();
  return folded.includes("ß") ? folded.replaceAll("ß", "ss") : folded;
}

/** Longer patterns are refused: rules are written by people, and long patterns hide backtracking. */
export const MAX_PATTERN_LENGTH = 500;

/** Compiles a rule pattern, or says in words why it will not be accepted. */
export function compilePattern(
  pattern: string,
  caseSensitive: boolean,
): { ok: true; regex: RegExp } | { ok: false; problem: string } {
  if (pattern.length === 0) return { ok: false, problem: "the pattern is empty" };
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return { ok: false, problem: `the pattern is longer than ${MAX_PATTERN_LENGTH} characters` };
  }
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, caseSensitive ? "u" : "iu");
  } catch (error) {
    return { ok: false, problem: `invalid regular expression: ${(error as Error).message}` };
  }
  const nested = nestedQuantifierAt(pattern);
  if (nested !== null) {
    return {
      ok: false,
      problem: `a group repeated without bound that holds a quantifier (at character ${nested}) can take exponential time; rewrite it without nesting`,
    };
  }
  return { ok: true, regex };
}

interface Frame {
  quantified: boolean;
}

/**
 * Where a group that repeats without bound holds a variable quantifier (`(a+)+`, `(\w*\s?)*`),
 * the classic shape of catastrophic backtracking; null when there is none. A heuristic, not a
 * proof: overlapping alternatives such as `(a|a)*` pass, and `(\d{1,3}\.)+` is refused though
 * harmless. Bounded outer repeats (`(\d{1,3}\.){3}`) are allowed. The pattern is a valid regex.
 */
export function nestedQuantifierAt(pattern: string): number | null {
  const stack: Frame[] = [{ quantified: false }];
  let lastGroupQuantified = false;
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    const top = stack[stack.length - 1] as Frame;
    if (ch === "\\") {
      i = skipEscape(pattern, i);
      lastGroupQuantified = false;
    } else if (ch === "[") {
      i = skipClass(pattern, i);
      lastGroupQuantified = false;
    } else if (ch === "(") {
      stack.push({ quantified: false });
      i = skipGroupPrefix(pattern, i + 1);
      lastGroupQuantified = false;
    } else if (ch === ")") {
      const closed = stack.pop() as Frame;
      lastGroupQuantified = closed.quantified;
      if (closed.quantified) (stack[stack.length - 1] as Frame).quantified = true;
      i++;
    } else {
      const end = quantifierEnd(pattern, i);
      if (end === i) {
        lastGroupQuantified = false;
        i++;
        continue;
      }
      const kind = quantifierKind(pattern.slice(i, end));
      if (lastGroupQuantified && kind === "unbounded") return i;
      if (kind !== "fixed") top.quantified = true;
      lastGroupQuantified = false;
      i = pattern[end] === "?" ? end + 1 : end;
    }
  }
  return null;
}

/** `{3}` repeats a fixed count, `?` and `{1,3}` a bounded one, `*`, `+` and `{2,}` without end. */
function quantifierKind(quantifier: string): "fixed" | "bounded" | "unbounded" {
  if (quantifier === "?") return "bounded";
  const braces = /^\{(\d+)(,?)(\d*)\}$/.exec(quantifier);
  if (!braces) return "unbounded";
  if (braces[2] === "") return "fixed";
  return braces[3] === "" ? "unbounded" : "bounded";
}

/** The index after a quantifier starting at `i`, or `i` when there is none. */
function quantifierEnd(pattern: string, i: number): number {
  const ch = pattern[i];
  if (ch === "*" || ch === "+" || ch === "?") return i + 1;
  if (ch !== "{") return i;
  const brace = /^\{\d+(?:,\d*)?\}/.exec(pattern.slice(i));
  return brace ? i + brace[0].length : i;
}

function skipEscape(pattern: string, i: number): number {
  const next = pattern[i + 1];
  if ((next === "p" || next === "P" || next === "u" || next === "k") && "{<".includes(pattern[i + 2] ?? "")) {
    const close = pattern.indexOf(pattern[i + 2] === "{" ? "}" : ">", i + 3);
    return close === -1 ? pattern.length : close + 1;
  }
  return i + 2;
}

function skipClass(pattern: string, i: number): number {
  let j = i + 1;
  while (j < pattern.length && pattern[j] !== "]") j = pattern[j] === "\\" ? j + 2 : j + 1;
  return j + 1;
}

/** Skips `?:`, `?=`, `?!`, `?<=`, `?<!` and `?<name>` so their `?` is not read as a quantifier. */
function skipGroupPrefix(pattern: string, i: number): number {
  if (pattern[i] !== "?") return i;
  const named = /^\?<[^=!>]+>/.exec(pattern.slice(i));
  if (named) return i + named[0].length;
  return pattern[i + 1] === "<" ? i + 3 : i + 2;
}
