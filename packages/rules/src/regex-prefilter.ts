/**
 * Literals a regex cannot match without: `\b(?:refund|money back)s?\b` needs "refund" or
 * "money back" somewhere in the text. Testing those against the folded text (already computed
 * for `contains` leaves) with `includes` is several times cheaper than running the regex, and
 * most messages fail it, so `matches` leaves run their regex only when the prefilter passes.
 *
 * Soundness: only ASCII literals are used. Folding lower-cases ASCII, and the only non-ASCII
 * characters a case-insensitive Unicode regex equates with ASCII letters (K, ſ) fold to those
 * letters, so text the regex matches always contains the folded literal. Anything the parser is
 * unsure about (classes, escapes other than punctuation, backreferences, lookarounds) contributes
 * no literal, which only makes the prefilter weaker, never wrong.
 */

/** One of these (lower-case ASCII) literals appears in every match; null when nothing is known. */
export type Requirement = string[] | null;

interface Parser {
  src: string;
  i: number;
}

const PUNCTUATION_ESCAPE = /[\\^$.|?*+()[\]{}/\-=!:,<>'"#%&@`~;]/;
const ASCII_LITERAL = /[\x20-\x7e]/;

/** The requirement of a whole pattern, or null (run the regex on every message). */
export function requiredLiterals(pattern: string): Requirement {
  const parser: Parser = { src: pattern, i: 0 };
  const requirement = alternation(parser);
  return parser.i === pattern.length ? requirement : null;
}

function alternation(p: Parser): Requirement {
  const branches: Requirement[] = [sequence(p)];
  while (p.src[p.i] === "|") {
    p.i++;
    branches.push(sequence(p));
  }
  if (branches.some((b) => b === null)) return null;
  return [...new Set(branches.flat() as string[])];
}

/** The best candidate among the literal runs and required groups of a concatenation. */
function sequence(p: Parser): Requirement {
  const candidates: string[][] = [];
  let run = "";
  const endRun = () => {
    if (run) candidates.push([run]);
    run = "";
  };
  while (p.i < p.src.length && p.src[p.i] !== "|" && p.src[p.i] !== ")") {
    const atom = parseAtom(p);
    const count = quantifier(p);
    if (atom.kind === "char" && count === "once") {
      run += atom.char;
      continue;
    }
    if (atom.kind === "zero-width" && count === "once") continue;
    if (atom.kind === "char" && count === "repeated") {
      // `ab+c` holds "ab" and "bc" but not "abc": the run ends after one b and restarts at one.
      run += atom.char;
      endRun();
      run = atom.char;
      continue;
    }
    endRun();
    if (count === "optional") continue;
    if (atom.kind === "group" && atom.requirement) candidates.push(atom.requirement);
  }
  endRun();
  return best(candidates);
}

/** Prefer the set whose shortest literal is longest: it rejects the most text. */
function best(candidates: string[][]): Requirement {
  let chosen: string[] | null = null;
  let score = 0;
  for (const set of candidates) {
    const shortest = Math.min(...set.map((s) => s.length));
    if (shortest > score) {
      chosen = set;
      score = shortest;
    }
  }
  return chosen;
}

type Atom =
  | { kind: "char"; char: string }
  | { kind: "group"; requirement: Requirement }
  | { kind: "zero-width" }
  | { kind: "unknown" };

function parseAtom(p: Parser): Atom {
  const ch = p.src[p.i] as string;
  if (ch === "(") return parseGroup(p);
  if (ch === "[") {
    p.i = skipClass(p.src, p.i);
    return { kind: "unknown" };
  }
  p.i++;
  if (ch === "^" || ch === "$") return { kind: "zero-width" };
  if (ch === ".") return { kind: "unknown" };
  if (ch !== "\\")
    return ASCII_LITERAL.test(ch) ? { kind: "char", char: ch.toLowerCase() } : { kind: "unknown" };
  const next = p.src[p.i] ?? "";
  p.i++;
  if (next === "b" || next === "B") return { kind: "zero-width" };
  if (PUNCTUATION_ESCAPE.test(next)) return { kind: "char", char: next };
  skipEscapeBody(p, next);
  return { kind: "unknown" };
}

/** Moves past what follows `\x`, `\u`, `\c`, `\p{..}`, `\k<..>` or a backreference's digits. */
function skipEscapeBody(p: Parser, letter: string): void {
  const brace = p.src[p.i];
  if ("pPuk".includes(letter) && (brace === "{" || brace === "<")) {
    const close = p.src.indexOf(brace === "{" ? "}" : ">", p.i);
    p.i = close === -1 ? p.src.length : close + 1;
  } else if (letter === "x") p.i += 2;
  else if (letter === "u") p.i += 4;
  else if (letter === "c") p.i += 1;
  else if (/[0-9]/.test(letter)) while (/[0-9]/.test(p.src[p.i] ?? "")) p.i++;
}

function parseGroup(p: Parser): Atom {
  p.i++;
  let lookaround = false;
  if (p.src[p.i] === "?") {
    const named = /^\?<[^=!>]+>/.exec(p.src.slice(p.i));
    if (named) p.i += named[0].length;
    else {
      lookaround = p.src[p.i + 1] !== ":";
      p.i += p.src[p.i + 1] === "<" ? 3 : 2;
    }
  }
  const requirement = alternation(p);
  p.i++; // ")"
  return lookaround ? { kind: "zero-width" } : { kind: "group", requirement };
}

/** Reads the quantifier after an atom, if any: exactly once, at least once, or possibly never. */
function quantifier(p: Parser): "once" | "repeated" | "optional" {
  const ch = p.src[p.i];
  let count: "repeated" | "optional";
  if (ch === "*" || ch === "?") count = "optional";
  else if (ch === "+") count = "repeated";
  else if (ch === "{") {
    const braces = /^\{(\d+)(?:,\d*)?\}/.exec(p.src.slice(p.i));
    if (!braces) return "once";
    p.i += braces[0].length - 1;
    count = Number(braces[1]) === 0 ? "optional" : "repeated";
  } else return "once";
  p.i++;
  if (p.src[p.i] === "?") p.i++;
  return count;
}

function skipClass(src: string, i: number): number {
  let j = i + 1;
  while (j < src.length && src[j] !== "]") j = src[j] === "\\" ? j + 2 : j + 1;
  return j + 1;
}
