import { FIELD_NAMES, FIELDS, type FieldName, type Operator } from "@parley/rules";

/** Labels of the rule builder: the catalogue's field names said as a person would. */
export const OPERATOR_LABELS: Record<Operator, string> = {
  eq: "is",
  neq: "is not",
  in: "is any of",
  not_in: "is none of",
  contains: "contains",
  not_contains: "does not contain",
  starts_with: "starts with",
  matches: "matches regex",
  gt: "greater than",
  gte: "at least",
  lt: "less than",
  lte: "at most",
  between: "between",
  is_set: "is set",
  is_empty: "is empty",
  includes_any: "includes any of",
  includes_all: "includes all of",
};

const GROUPS: Record<string, string> = {
  message: "Message",
  conversation: "Conversation",
  customer: "Customer",
  time: "Time",
  sla: "SLA",
};

/** "message.sentiment_score" -> "Sentiment score"; "conversation.team_id" -> "Team". */
export function fieldLabel(name: string): string {
  const key = name.split(".")[1] ?? name;
  const words = key.replace(/_id$/, "").replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The field picker's options, grouped by what the field belongs to. */
export const FIELD_OPTIONS = Object.entries(GROUPS).map(([prefix, group]) => ({
  group,
  items: FIELD_NAMES.filter((f) => f.startsWith(`${prefix}.`)).map((f) => ({
    value: f,
    label: `${group}: ${fieldLabel(f)}`,
  })),
}));

export function fieldDoc(name: FieldName | ""): string {
  return name ? FIELDS[name].doc : "";
}

export function fieldValues(name: FieldName | ""): readonly string[] {
  if (!name) return [];
  const spec = FIELDS[name];
  return "values" in spec && spec.values ? spec.values : [];
}
