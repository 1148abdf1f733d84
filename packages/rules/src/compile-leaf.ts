import { needlesOf, stringTest } from "./compile-text-leaf";
import type { LeafCondition } from "./conditions";
import { FIELD_INDEX, FIELDS, type FieldName } from "./fields";
import type { NeedleIndex } from "./needle-index";
import type { Operator } from "./operators";
import { foldedList, type Scope } from "./scope";

/** A compiled test: closures over precomputed needles, sets and regexes. */
export type Predicate = (scope: Scope) => boolean;

/** What compiling one rule set shares across its leaves. */
export interface CompileContext {
  /** The single-pass substring index of a text field (see needle-index.ts). */
  needles(field: FieldName): NeedleIndex;
}

const NEGATION: Partial<Record<Operator, Operator>> = { neq: "eq", not_in: "in", not_contains: "contains" };

/**
 * Turns a validated leaf into a predicate. Negative operators are the negation of their positive
 * twin, which is what makes an unset fact satisfy `neq` (see operators.ts). Closures capture
 * the field's position and the leaf's value, never the leaf object, so each reads one slot.
 */
export function compileLeaf(leaf: LeafCondition, context: CompileContext): Predicate {
  const positive = NEGATION[leaf.op];
  if (positive) {
    const test = compileLeaf({ ...leaf, op: positive }, context);
    return (scope) => !test(scope);
  }
  const at = FIELD_INDEX[leaf.field];
  switch (FIELDS[leaf.field].type) {
    case "number":
      return numberTest(leaf, at);
    case "boolean":
    case "enum":
      return exactTest(leaf, at);
    case "list":
      return leaf.case_sensitive ? exactListTest(leaf, at) : listTest(leaf, at);
    default:
      return stringTest(leaf, at, context);
  }
}

/** A rough relative cost, so `all`/`any` can try cheap leaves first; evaluation is pure, so order is free. */
export function leafCost(leaf: LeafCondition): number {
  const type = FIELDS[leaf.field].type;
  if (leaf.op === "matches") return 40;
  const needles = Array.isArray(leaf.value) ? leaf.value.length : 1;
  if (type === "text") return 6 + needles;
  if (type === "keyword" || type === "list") return 3 + needles;
  return 1;
}

/** Comparisons check the type first: `null > -1` and `"5" > 3` are true in JavaScript. */
function numberTest(leaf: LeafCondition, at: number): Predicate {
  const n = leaf.value as number;
  switch (leaf.op) {
    case "gt":
      return (s) => typeof s.values[at] === "number" && (s.values[at] as number) > n;
    case "gte":
      return (s) => typeof s.values[at] === "number" && (s.values[at] as number) >= n;
    case "lt":
      return (s) => typeof s.values[at] === "number" && (s.values[at] as number) < n;
    case "lte":
      return (s) => typeof s.values[at] === "number" && (s.values[at] as number) <= n;
    case "between": {
      const [min, max] = leaf.value as [number, number];
      return (s) => {
        const v = s.values[at];
        return typeof v === "number" && v >= min && v <= max;
      };
    }
    default:
      return exactTest(leaf, at);
  }
}

/** eq, in and is_set on numbers, booleans and enums: plain identity, no folding. */
function exactTest(leaf: LeafCondition, at: number): Predicate {
  const type = FIELDS[leaf.field].type;
  const expected = leaf.value;
  switch (leaf.op) {
    case "eq":
      return (s) => s.values[at] === expected;
    case "in":
      return membership(expected as unknown[], at);
    default:
      if (type === "number") return (s) => typeof s.values[at] === "number" && !Number.isNaN(s.values[at]);
      if (type === "boolean") return (s) => typeof s.values[at] === "boolean";
      return (s) => typeof s.values[at] === "string";
  }
}

/** A short list compared in a loop beats hashing into a Set; long lists get the Set. */
function membership(values: unknown[], at: number): Predicate {
  if (values.length > 6) {
    const set = new Set(values);
    return (s) => set.has(s.values[at]);
  }
  return (s) => {
    const v = s.values[at];
    for (const candidate of values) if (candidate === v) return true;
    return false;
  };
}

function listTest(leaf: LeafCondition, at: number): Predicate {
  if (leaf.op === "is_set") return (s) => Array.isArray(s.values[at]);
  if (leaf.op === "is_empty") return (s) => (foldedList(s, at)?.size ?? 0) === 0;
  const needles = needlesOf(leaf, true);
  if (leaf.op === "includes_all") {
    return (s) => {
      const values = foldedList(s, at);
      if (values === null) return false;
      for (const n of needles) if (!values.has(n)) return false;
      return true;
    };
  }
  return (s) => {
    const values = foldedList(s, at);
    if (values === null) return false;
    for (const n of needles) if (values.has(n)) return true;
    return false;
  };
}

function exactListTest(leaf: LeafCondition, at: number): Predicate {
  const list = (s: Scope): readonly unknown[] => {
    const v = s.values[at];
    return Array.isArray(v) ? v : [];
  };
  const needles = needlesOf(leaf, false);
  if (leaf.op === "includes_all") return (s) => needles.every((n) => list(s).includes(n));
  return (s) => needles.some((n) => list(s).includes(n));
}
