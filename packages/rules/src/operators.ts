import type { FieldSpec, FieldType } from "./fields";
import { compilePattern } from "./text";

/**
 * Operators, and how each treats an unset fact (undefined, null, NaN, or a value of the wrong
 * type, which only a caller bug produces):
 * - positive tests (eq, in, contains, starts_with, matches, gt, gte, lt, lte, between,
 *   includes_any, includes_all) are false: an unset field equals, contains and exceeds nothing;
 * - their negations (neq, not_in, not_contains) are exactly `not` of them, so true when unset.
 *   "language neq en" matches a message of unknown language; add `is_set` to exclude it;
 * - is_set is false; is_empty is true (also for "", whitespace only, and []).
 * Text, keyword and list comparisons are case- and accent-insensitive unless the leaf says
 * `case_sensitive: true` (see text.ts); `matches` is a Unicode regex, case-insensitive by default.
 * `between` is inclusive at both ends. Lists hold strings; `contains` on a list tests one element.
 */
export const OPERATORS = [
  "eq",
  "neq",
  "in",
  "not_in",
  "contains",
  "not_contains",
  "starts_with",
  "matches",
  "gt",
  "gte",
  "lt",
  "lte",
  "between",
  "is_set",
  "is_empty",
  "includes_any",
  "includes_all",
] as const;
export type Operator = (typeof OPERATORS)[number];

const STRING_OPS = [
  "eq",
  "neq",
  "in",
  "not_in",
  "contains",
  "not_contains",
  "starts_with",
  "matches",
  "is_set",
  "is_empty",
] as const satisfies readonly Operator[];

/** Which operators each field type takes; the validator and the rule builder both read this. */
export const OPERATORS_BY_TYPE: Readonly<Record<FieldType, readonly Operator[]>> = {
  text: STRING_OPS,
  keyword: STRING_OPS,
  enum: ["eq", "neq", "in", "not_in", "is_set"],
  number: ["eq", "neq", "in", "not_in", "gt", "gte", "lt", "lte", "between", "is_set"],
  boolean: ["eq", "neq", "is_set"],
  list: ["contains", "not_contains", "includes_any", "includes_all", "is_set", "is_empty"],
};

/** Operators that take `case_sensitive`. */
export const CASE_OPERATORS: ReadonlySet<Operator> = new Set([
  "eq",
  "neq",
  "in",
  "not_in",
  "contains",
  "not_contains",
  "starts_with",
  "matches",
  "includes_any",
  "includes_all",
]);

/** What went wrong with a leaf's value; `at` continues the path below `value`. */
export interface ValueProblem {
  at: (string | number)[];
  message: string;
}

/**
 * Checks a leaf's value for its operator and field, or returns null when it is fine. The regex of
 * `matches` is compiled here too, so a bad pattern fails when the rule is saved, not when a
 * message arrives.
 */
export function valueProblem(
  name: string,
  spec: FieldSpec,
  op: Operator,
  value: unknown,
  caseSensitive: boolean,
): ValueProblem | null {
  switch (op) {
    case "eq":
    case "neq":
      return scalarProblem(name, spec, value);
    case "in":
    case "not_in":
      return arrayProblem(value, (v) => scalarProblem(name, spec, v));
    case "contains":
    case "not_contains":
      if (spec.type === "list") return memberProblem(name, spec, value);
      return needleProblem(value);
    case "starts_with":
      return needleProblem(value);
    case "includes_any":
    case "includes_all":
      return arrayProblem(value, (v) => memberProblem(name, spec, v));
    case "matches":
      return patternProblem(value, caseSensitive);
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return isFiniteNumber(value) ? null : problem("expected a finite number");
    case "between":
      return rangeProblem(value);
    case "is_set":
    case "is_empty":
      return value === undefined ? null : problem(`${op} takes no value`);
  }
}

function problem(message: string, at: (string | number)[] = []): ValueProblem {
  return { at, message };
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function scalarProblem(name: string, spec: FieldSpec, value: unknown): ValueProblem | null {
  switch (spec.type) {
    case "number":
      return isFiniteNumber(value) ? null : problem("expected a finite number");
    case "boolean":
      return typeof value === "boolean" ? null : problem("expected true or false");
    case "enum":
      return enumProblem(name, spec, value);
    default:
      return typeof value === "string" ? null : problem("expected a string");
  }
}

function enumProblem(name: string, spec: FieldSpec, value: unknown): ValueProblem | null {
  if (typeof value !== "string") return problem("expected a string");
  if (!spec.values || spec.values.includes(value)) return null;
  return problem(
    `${JSON.stringify(value)} is not a valid ${name}; expected one of ${spec.values.join(", ")}`,
  );
}

function memberProblem(name: string, spec: FieldSpec, value: unknown): ValueProblem | null {
  if (typeof value !== "string" || value.length === 0) return problem("expected a non-empty string");
  return enumProblem(name, spec, value);
}

function needleProblem(value: unknown): ValueProblem | null {
  if (typeof value === "string") return value.length > 0 ? null : problem("expected a non-empty string");
  if (!Array.isArray(value)) return problem("expected a non-empty string or a list of them");
  return arrayProblem(value, (v) =>
    typeof v === "string" && v.length > 0 ? null : problem("expected a non-empty string"),
  );
}

function arrayProblem(value: unknown, each: (v: unknown) => ValueProblem | null): ValueProblem | null {
  if (!Array.isArray(value) || value.length === 0) return problem("expected a non-empty list");
  for (const [i, v] of value.entries()) {
    const found = each(v);
    if (found) return { at: [i, ...found.at], message: found.message };
  }
  return null;
}

function patternProblem(value: unknown, caseSensitive: boolean): ValueProblem | null {
  if (typeof value !== "string") return problem("expected a regular expression as a string");
  const compiled = compilePattern(value, caseSensitive);
  return compiled.ok ? null : problem(compiled.problem);
}

function rangeProblem(value: unknown): ValueProblem | null {
  if (!Array.isArray(value) || value.length !== 2 || !value.every(isFiniteNumber)) {
    return problem("expected [min, max], two finite numbers");
  }
  const [min, max] = value as [number, number];
  return min <= max ? null : problem(`min ${min} is greater than max ${max}`);
}
