import type { CompileContext, Predicate } from "./compile-leaf";
import type { LeafCondition } from "./conditions";
import { FIELDS } from "./fields";
import { type NeedleIndex, needleId } from "./needle-index";
import { requiredLiterals } from "./regex-prefilter";
import { foldedString, type Scope, scannedNeedles } from "./scope";
import { compilePattern, foldText } from "./text";

const NON_SPACE = /\S/;

/** A leaf's value as a list of needles, folded unless it is case sensitive. */
export function needlesOf(leaf: LeafCondition, fold: boolean): string[] {
  const values = (Array.isArray(leaf.value) ? leaf.value : [leaf.value]) as string[];
  return fold ? values.map(foldText) : values;
}

/** Leaves on text and keyword fields. */
export function stringTest(leaf: LeafCondition, at: number, context: CompileContext): Predicate {
  switch (leaf.op) {
    case "matches":
      return regexTest(leaf, at, context);
    case "is_set":
      return (s) => typeof s.values[at] === "string";
    case "is_empty":
      return (s) => {
        const v = s.values[at];
        return typeof v !== "string" || !NON_SPACE.test(v);
      };
    case "contains":
      if (!leaf.case_sensitive && FIELDS[leaf.field].type === "text") {
        return indexedContains(at, context.needles(leaf.field), needlesOf(leaf, true));
      }
      return comparison(leaf, textOf(leaf, at));
    default:
      return comparison(leaf, textOf(leaf, at));
  }
}

function textOf(leaf: LeafCondition, at: number): (s: Scope) => string | null {
  if (leaf.case_sensitive) {
    return (s) => {
      const v = s.values[at];
      return typeof v === "string" ? v : null;
    };
  }
  return (s) => foldedString(s, at);
}

/** Substrings of long text come from the field's one-pass needle scan, not from `includes`. */
function indexedContains(at: number, index: NeedleIndex, needles: string[]): Predicate {
  const ids = needles.map((needle) => needleId(index, needle));
  return (s) => {
    const found = scannedNeedles(s, at, index);
    if (found === null) return false;
    for (const id of ids) if (found[id] === 1) return true;
    return false;
  };
}

/**
 * The regex, run only on text holding one of the literals it needs (see regex-prefilter.ts);
 * the literals join the field's needle scan, so the prefilter is nearly free.
 */
function regexTest(leaf: LeafCondition, at: number, context: CompileContext): Predicate {
  const compiled = compilePattern(leaf.value as string, leaf.case_sensitive === true);
  if (!compiled.ok) throw new Error(`${leaf.field}: ${compiled.problem}`);
  const regex = compiled.regex;
  const literals = requiredLiterals(leaf.value as string);
  const run: Predicate = (s) => {
    const v = s.values[at];
    return typeof v === "string" && regex.test(v);
  };
  if (literals === null) return run;
  const prefilter =
    FIELDS[leaf.field].type === "text"
      ? indexedContains(at, context.needles(leaf.field), literals)
      : comparison({ ...leaf, op: "contains", value: literals, case_sensitive: false }, textOf(leaf, at));
  return (s) => prefilter(s) && run(s);
}

/** eq, in, contains and starts_with on a string, folded unless the leaf is case sensitive. */
function comparison(leaf: LeafCondition, value: (s: Scope) => string | null): Predicate {
  const needles = needlesOf(leaf, !leaf.case_sensitive);
  const first = needles[0] as string;
  switch (leaf.op) {
    case "eq":
      return (s) => value(s) === first;
    case "in": {
      const set = new Set(needles);
      return (s) => {
        const v = value(s);
        return v !== null && set.has(v);
      };
    }
    case "starts_with":
      return (s) => {
        const v = value(s);
        if (v === null) return false;
        for (const n of needles) if (v.startsWith(n)) return true;
        return false;
      };
    default:
      return (s) => {
        const v = value(s);
        if (v === null) return false;
        for (const n of needles) if (v.includes(n)) return true;
        return false;
      };
  }
}
