import {
  CLOCK_FIELDS,
  type ClockField,
  FIELDS,
  type FieldName,
  isFieldName,
  OPERATORS_BY_TYPE,
  type Operator,
  type TRIGGERS,
} from "@parley/rules";

/*
 * The rule editor's structured form and its conversion to and from the rule document the API
 * stores. The form covers what most rules are: one all/any list of field/op/value rows. A
 * document with nested groups or `not` is still editable, in the Advanced (JSON) view only.
 */

export type Trigger = (typeof TRIGGERS)[number];
export type MatchMode = "all" | "any";

export interface ConditionRow {
  field: FieldName | "";
  op: Operator | "";
  value: unknown;
  case_sensitive: boolean;
}

export type ActionDraft = Record<string, unknown> & { type: string };

export interface RuleForm {
  name: string;
  enabled: boolean;
  trigger: Trigger;
  after_seconds: number | null;
  clock: ClockField | null;
  stop_processing: boolean;
  match: MatchMode;
  conditions: ConditionRow[];
  actions: ActionDraft[];
}

/** The writable part of a rule as the API takes it (POST /rules, PATCH /rules/:id). */
export interface RuleDocument {
  name: string;
  enabled: boolean;
  trigger: Trigger;
  after_seconds: number | null;
  clock: string | null;
  stop_processing: boolean;
  conditions: Record<string, unknown>;
  actions: Record<string, unknown>[];
}

export const EMPTY_RULE: RuleDocument = {
  name: "",
  enabled: true,
  trigger: "message_received",
  after_seconds: null,
  clock: null,
  stop_processing: false,
  conditions: { all: [] },
  actions: [],
};

const LEAF_KEYS = new Set(["field", "op", "value", "case_sensitive"]);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function leafToRow(node: unknown): ConditionRow | null {
  if (!isRecord(node) || !Object.keys(node).every((k) => LEAF_KEYS.has(k))) return null;
  if (!("field" in node)) return null;
  return {
    field: isFieldName(node.field) ? node.field : "",
    op: typeof node.op === "string" ? (node.op as Operator) : "",
    value: node.value,
    case_sensitive: node.case_sensitive === true,
  };
}

/** The rows of a flat all/any list (or one leaf), or null when the tree is deeper than a form shows. */
export function conditionsToRows(conditions: unknown): { match: MatchMode; rows: ConditionRow[] } | null {
  if (!isRecord(conditions)) return null;
  const keys = Object.keys(conditions);
  const group = keys.length === 1 && (keys[0] === "all" || keys[0] === "any") ? keys[0] : null;
  if (!group) {
    const row = leafToRow(conditions);
    return row ? { match: "all", rows: [row] } : null;
  }
  const children = conditions[group];
  if (!Array.isArray(children)) return null;
  const rows = children.map(leafToRow);
  if (rows.some((r) => r === null)) return null;
  return { match: group, rows: rows as ConditionRow[] };
}

export function rowToLeaf(row: ConditionRow): Record<string, unknown> {
  const leaf: Record<string, unknown> = { field: row.field, op: row.op };
  if (row.op !== "is_set" && row.op !== "is_empty") leaf.value = row.value;
  if (row.case_sensitive) leaf.case_sensitive = true;
  return leaf;
}

/** The form for a document, or null when its conditions need the JSON view. */
export function documentToForm(doc: RuleDocument): RuleForm | null {
  const parsed = conditionsToRows(doc.conditions);
  if (!parsed) return null;
  return {
    name: doc.name,
    enabled: doc.enabled,
    trigger: doc.trigger,
    after_seconds: doc.after_seconds,
    clock: CLOCK_FIELDS.includes(doc.clock as ClockField) ? (doc.clock as ClockField) : null,
    stop_processing: doc.stop_processing,
    match: parsed.match,
    conditions: parsed.rows,
    actions: doc.actions.map((a) => ({ ...a, type: String(a.type ?? "") })),
  };
}

export function formToDocument(form: RuleForm): RuleDocument {
  const timed = form.trigger === "time_elapsed";
  return {
    name: form.name.trim(),
    enabled: form.enabled,
    trigger: form.trigger,
    after_seconds: timed ? form.after_seconds : null,
    clock: timed ? form.clock : null,
    stop_processing: form.stop_processing,
    conditions: { [form.match]: form.conditions.map(rowToLeaf) },
    actions: form.actions.map((a) => ({ ...a })),
  };
}

/** How a row's value is edited, from its field's type and its operator. */
export type ValueKind =
  | "none"
  | "text"
  | "texts"
  | "needles"
  | "number"
  | "numbers"
  | "range"
  | "boolean"
  | "enum"
  | "enums";

export function valueKind(field: FieldName | "", op: Operator | ""): ValueKind {
  if (!field || !op || op === "is_set" || op === "is_empty") return "none";
  const spec = FIELDS[field];
  const many = op === "in" || op === "not_in" || op === "includes_any" || op === "includes_all";
  if (spec.type === "number") {
    if (op === "between") return "range";
    return many ? "numbers" : "number";
  }
  if (spec.type === "boolean") return "boolean";
  if ("values" in spec && spec.values) return many ? "enums" : "enum";
  if (many) return "texts";
  if ((op === "contains" || op === "not_contains") && spec.type !== "list") return "needles";
  return "text";
}

/** A value of the right shape for the kind, kept from the old one where it still fits. */
export function coerceValue(kind: ValueKind, old: unknown): unknown {
  const list = Array.isArray(old) ? old : old === undefined || old === "" ? [] : [old];
  switch (kind) {
    case "none":
      return undefined;
    case "boolean":
      return typeof old === "boolean" ? old : true;
    case "number":
      return typeof old === "number" ? old : 0;
    case "numbers":
      return list.filter((v) => typeof v === "number");
    case "range":
      return Array.isArray(old) && old.length === 2 && old.every((v) => typeof v === "number") ? old : [0, 0];
    case "texts":
    case "enums":
      return list.filter((v) => typeof v === "string");
    case "needles":
      return Array.isArray(old) || typeof old === "string" ? old : "";
    default:
      return typeof old === "string" ? old : "";
  }
}

export function operatorsFor(field: FieldName | ""): readonly Operator[] {
  return field ? OPERATORS_BY_TYPE[FIELDS[field].type] : [];
}

/** A row after its field changed: the operator is kept if the new field takes it. */
export function withField(row: ConditionRow, field: FieldName): ConditionRow {
  const ops = operatorsFor(field);
  const op = row.op && ops.includes(row.op) ? row.op : (ops[0] ?? "");
  return { field, op, value: coerceValue(valueKind(field, op), row.value), case_sensitive: false };
}

export function withOperator(row: ConditionRow, op: Operator): ConditionRow {
  return { ...row, op, value: coerceValue(valueKind(row.field, op), row.value) };
}

export const NEW_ROW: ConditionRow = withField(
  { field: "", op: "", value: undefined, case_sensitive: false },
  "message.text",
);

/** The JSON view's text as a document, or the reason it is not one. Missing envelope fields get defaults. */
export function parseRuleJson(text: string): { doc: RuleDocument } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `Not valid JSON: ${(e as Error).message}` };
  }
  if (!isRecord(value)) return { error: "The rule must be a JSON object." };
  if ("conditions" in value && !isRecord(value.conditions))
    return { error: 'conditions must be an object, such as {"all": []}.' };
  if ("actions" in value && !Array.isArray(value.actions)) return { error: "actions must be a list." };
  return { doc: { ...EMPTY_RULE, ...value } as RuleDocument };
}

export function ruleToJson(doc: RuleDocument): string {
  return JSON.stringify(doc, null, 2);
}
