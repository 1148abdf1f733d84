import { FIELD_NAMES, FIELDS, type FieldName, isFieldName } from "./fields";
import { CASE_OPERATORS, OPERATORS, OPERATORS_BY_TYPE, type Operator, valueProblem } from "./operators";

/** A condition tree: all/any/not nested to any depth (up to MAX_CONDITION_DEPTH), with leaves. */
export type Condition = AllCondition | AnyCondition | NotCondition | LeafCondition;

/** True when every child is; `{all: []}` is always true (a rule for every message). */
export interface AllCondition {
  all: Condition[];
}
/** True when some child is; must have at least one child. */
export interface AnyCondition {
  any: Condition[];
}
export interface NotCondition {
  not: Condition;
}
export interface LeafCondition {
  field: FieldName;
  op: Operator;
  value?: unknown;
  /** Compare exactly rather than folded; for `matches`, drop the `i` flag. */
  case_sensitive?: boolean;
}

/** Deeper trees are refused: no rule a person writes needs it, and it bounds evaluation's stack. */
export const MAX_CONDITION_DEPTH = 32;

export type Path = (string | number)[];

/** One problem in a rule document, where `path` leads from the rule to the bad part. */
export interface RuleIssue {
  path: Path;
  message: string;
}

const LEAF_KEYS = new Set(["field", "op", "value", "case_sensitive"]);

/**
 * Every problem in a condition tree, each at its path (`conditions.all[2].op`). Hand-written
 * rather than a zod union: a union can only say "no branch matched", where the admin needs to
 * hear which operator does not fit which field.
 */
export function conditionIssues(input: unknown, path: Path = ["conditions"]): RuleIssue[] {
  const issues: RuleIssue[] = [];
  walk(input, path, 1, issues);
  return issues;
}

function walk(node: unknown, path: Path, depth: number, issues: RuleIssue[]): void {
  if (depth > MAX_CONDITION_DEPTH) {
    issues.push({ path, message: `conditions nest deeper than ${MAX_CONDITION_DEPTH} levels` });
    return;
  }
  if (typeof node !== "object" || node === null || Array.isArray(node)) {
    issues.push({
      path,
      message: "expected a condition: {all: [...]}, {any: [...]}, {not: ...} or {field, op, value}",
    });
    return;
  }
  const keys = Object.keys(node);
  const record = node as Record<string, unknown>;
  for (const group of ["all", "any", "not"] as const) {
    if (!(group in record)) continue;
    if (keys.length !== 1) {
      issues.push({ path, message: `${group} cannot be combined with ${otherKeys(keys, group)}` });
      return;
    }
    if (group === "not") walk(record.not, [...path, "not"], depth + 1, issues);
    else walkGroup(group, record[group], [...path, group], depth, issues);
    return;
  }
  leafIssues(record, path, issues);
}

function otherKeys(keys: string[], except: string): string {
  return keys
    .filter((k) => k !== except)
    .map((k) => JSON.stringify(k))
    .join(", ");
}

function walkGroup(group: "all" | "any", children: unknown, path: Path, depth: number, issues: RuleIssue[]) {
  if (!Array.isArray(children)) {
    issues.push({ path, message: `${group} takes a list of conditions` });
    return;
  }
  if (group === "any" && children.length === 0) {
    issues.push({ path, message: "any needs at least one condition (an empty any is never true)" });
  }
  children.forEach((child, i) => {
    walk(child, [...path, i], depth + 1, issues);
  });
}

function leafIssues(leaf: Record<string, unknown>, path: Path, issues: RuleIssue[]): void {
  for (const key of Object.keys(leaf)) {
    if (!LEAF_KEYS.has(key))
      issues.push({ path: [...path, key], message: `unknown key ${JSON.stringify(key)}` });
  }
  const { field, op, value, case_sensitive: caseSensitive } = leaf;
  if (!isFieldName(field)) {
    issues.push({ path: [...path, "field"], message: unknownField(field) });
    return;
  }
  if (!OPERATORS.includes(op as Operator)) {
    const message = op === undefined ? "an operator is required" : `unknown operator ${JSON.stringify(op)}`;
    issues.push({ path: [...path, "op"], message: `${message}; ${field} takes ${takes(field)}` });
    return;
  }
  const spec = FIELDS[field];
  const operator = op as Operator;
  if (!OPERATORS_BY_TYPE[spec.type].includes(operator)) {
    const message = `"${operator}" does not apply to ${spec.type} field ${field} (it takes ${takes(field)})`;
    issues.push({ path: [...path, "op"], message });
    return;
  }
  if (caseSensitive !== undefined && (typeof caseSensitive !== "boolean" || !CASE_OPERATORS.has(operator))) {
    const message =
      typeof caseSensitive !== "boolean" ? "expected true or false" : `"${operator}" ignores case`;
    issues.push({ path: [...path, "case_sensitive"], message });
  }
  const found = valueProblem(field, spec, operator, value, caseSensitive === true);
  if (found) issues.push({ path: [...path, "value", ...found.at], message: found.message });
}

function takes(field: FieldName): string {
  return OPERATORS_BY_TYPE[FIELDS[field].type].join(", ");
}

function unknownField(field: unknown): string {
  if (field === undefined) return "a field is required";
  if (typeof field !== "string") return "expected a field name such as message.text";
  const group = field.split(".")[0] ?? "";
  const siblings = FIELD_NAMES.filter((name) => name.startsWith(`${group}.`));
  if (siblings.length === 0) {
    const groups = [...new Set(FIELD_NAMES.map((name) => name.split(".")[0]))].join(", ");
    return `unknown field ${JSON.stringify(field)}; fields start with ${groups}`;
  }
  const names = siblings.map((name) => name.slice(group.length + 1)).join(", ");
  return `unknown field ${JSON.stringify(field)}; ${group} fields are ${names}`;
}

/** `["conditions", "all", 2, "op"]` → `conditions.all[2].op`, the form error messages use. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}
