import { describe, expect, it } from "vitest";
import { compileRules } from "./compile";
import type { LeafCondition } from "./conditions";
import { explain } from "./explain";
import type { FieldName } from "./fields";
import type { Operator } from "./operators";
import { factsWith, holds, ruleDoc } from "./rules.fixture";

type Row = [field: FieldName, op: Operator, value: unknown, fact: unknown, expected: boolean, note?: string];
const cs = "case sensitive";

const TEXT: Row[] = [
  ["message.text", "eq", "Hello", "hello", true, "folded"],
  ["message.text", "eq", "hello", "HELLO ", false, "no trimming"],
  ["message.text", "eq", "hello", null, false],
  ["message.text", "eq", "hello", undefined, false],
  ["message.text", "neq", "hello", "bye", true],
  ["message.text", "neq", "hello", "HELLO", false],
  ["message.text", "neq", "hello", null, true, "unset is not equal"],
  ["message.text", "in", ["hi", "hello"], "HELLO", true],
  ["message.text", "in", ["hi", "hello"], "hey", false],
  ["message.text", "in", ["hi"], null, false],
  ["message.text", "not_in", ["hi"], "hey", true],
  ["message.text", "not_in", ["hi"], "HI", false],
  ["message.text", "not_in", ["hi"], null, true],
  ["message.text", "contains", "refund", "I want a REFUND now", true],
  ["message.text", "contains", "refund", "refun", false],
  ["message.text", "contains", "refund", null, false],
  ["message.text", "contains", ["refund", "money back"], "give me my Money Back", true],
  ["message.text", "contains", ["refund", "money back"], "nothing to see", false],
  ["message.text", "contains", "café", "CAFE au lait", true, "accent-insensitive"],
  ["message.text", "contains", "cafe", "un Café", true, "accent-insensitive"],
  ["message.text", "not_contains", "thanks", "Thanks a lot", false],
  ["message.text", "not_contains", "thanks", "hello", true],
  ["message.text", "not_contains", "thanks", null, true],
  ["message.text", "starts_with", "hi", "Hi there", true],
  ["message.text", "starts_with", "hi", "oh hi", false],
  ["message.text", "starts_with", ["hola", "hi"], "HOLA amigo", true],
  ["message.text", "starts_with", "hi", null, false],
  ["message.text", "matches", "refunds?\\b", "REFUNDS please", true, "i flag by default"],
  ["message.text", "matches", "devoluci[oó]n", "DEVOLUCIÓN ya", true, "unicode case-insensitive"],
  ["message.text", "matches", "devolucion", "devolución", false, "regexes are accent-sensitive"],
  ["message.text", "matches", "^\\d{4}$", "1234", true],
  ["message.text", "matches", "^\\d{4}$", "12345", false],
  ["message.text", "matches", "refund", null, false],
  ["message.text", "is_set", undefined, "", true, "empty is set"],
  ["message.text", "is_set", undefined, null, false],
  ["message.text", "is_set", undefined, undefined, false],
  ["message.text", "is_empty", undefined, "", true],
  ["message.text", "is_empty", undefined, " \n\t", true],
  ["message.text", "is_empty", undefined, null, true],
  ["message.text", "is_empty", undefined, "x", false],
];

const KEYWORD: Row[] = [
  ["message.language", "eq", "EN", "en", true],
  ["message.language", "eq", "en", "en-GB", false],
  ["message.language", "neq", "en", null, true, "unknown language is not en"],
  ["message.language", "in", ["pt", "es"], "ES", true],
  ["message.language", "not_in", ["pt", "es"], "fr", true],
  ["message.language", "starts_with", "pt", "pt-BR", true],
  ["message.language", "starts_with", "pt", "en", false],
  ["message.language", "matches", "^pt(-|$)", "pt-BR", true],
  ["message.language", "matches", "^pt(-|$)", "ptx", false],
  ["message.language", "is_empty", undefined, null, true],
  ["message.language", "is_set", undefined, "de", true],
  ["message.category", "contains", "bill", "Billing", true],
  ["message.category", "not_contains", "bill", "delivery", true],
  ["message.category", "eq", "facturación", "Facturacion", true],
  ["conversation.team_id", "eq", "team-1", "team-1", true],
  ["conversation.team_id", "in", ["team-1", "team-2"], null, false],
  ["customer.vip_tier", "in", ["gold", "platinum"], "Gold", true],
  ["customer.location", "starts_with", "São", "sao paulo", true],
];

const ENUMS: Row[] = [
  ["message.channel", "eq", "x", "x", true],
  ["message.channel", "eq", "x", "facebook", false],
  ["message.channel", "eq", "x", null, false],
  ["message.channel", "eq", "x", "X", false, "enums compare exactly"],
  ["message.channel", "neq", "x", null, true],
  ["message.channel", "neq", "x", "email", true],
  ["message.channel", "in", ["x", "facebook"], "facebook", true],
  ["message.channel", "in", ["x", "facebook"], "email", false],
  [
    "message.channel",
    "in",
    ["x", "facebook", "instagram", "whatsapp", "email", "webchat", "rss"],
    "rss",
    true,
  ],
  ["message.channel", "not_in", ["x"], null, true],
  ["message.channel", "not_in", ["x"], "x", false],
  ["message.channel", "is_set", undefined, "x", true],
  ["message.channel", "is_set", undefined, null, false],
  ["conversation.status", "in", ["new", "open"], "open", true],
  ["conversation.sla_state", "eq", "breached", "breached", true],
  ["time.weekday", "in", ["sat", "sun"], "sun", true],
  ["sla.first_response_state", "neq", "breached", "warning", true],
];

const NUMBERS: Row[] = [
  ["customer.followers", "eq", 10, 10, true],
  ["customer.followers", "eq", 10, 11, false],
  ["customer.followers", "eq", 10, null, false],
  ["customer.followers", "eq", 10, "10", false, "wrong type is unset"],
  ["customer.followers", "neq", 10, null, true],
  ["customer.followers", "in", [1, 2, 3], 2, true],
  ["customer.followers", "in", [1, 2, 3], 4, false],
  ["customer.followers", "in", [1, 2, 3, 4, 5, 6, 7, 8], 8, true, "long lists use a Set"],
  ["customer.followers", "not_in", [1], null, true],
  ["customer.followers", "gt", 100, 101, true],
  ["customer.followers", "gt", 100, 100, false],
  ["customer.followers", "gt", 100, null, false],
  ["customer.followers", "gt", -1, null, false, "null > -1 is true in JavaScript, not here"],
  ["customer.followers", "gt", 100, Number.NaN, false],
  ["customer.followers", "gt", 100, "200", false, "no string coercion"],
  ["customer.followers", "gte", 100, 100, true],
  ["customer.followers", "gte", 100, 99, false],
  ["message.sentiment_score", "lt", 0, -0.5, true],
  ["message.sentiment_score", "lt", 1, null, false, "null < 1 is true in JavaScript, not here"],
  ["message.sentiment_score", "lt", 0, 0, false],
  ["message.sentiment_score", "lte", 0, 0, true],
  ["message.sentiment_score", "lte", 0, undefined, false],
  ["conversation.priority_score", "between", [10, 20], 10, true, "inclusive"],
  ["conversation.priority_score", "between", [10, 20], 20, true, "inclusive"],
  ["conversation.priority_score", "between", [10, 20], 20.01, false],
  ["conversation.priority_score", "between", [10, 20], 9.99, false],
  ["conversation.priority_score", "between", [10, 20], null, false],
  ["conversation.priority_score", "between", [5, 5], 5, true],
  ["customer.followers", "is_set", undefined, 0, true],
  ["customer.followers", "is_set", undefined, Number.NaN, false],
  ["customer.followers", "is_set", undefined, null, false],
  ["time.hour", "between", [9, 17], 12, true],
  ["sla.first_response_remaining_seconds", "lt", 600, -30, true, "negative once breached"],
];

const BOOLEANS: Row[] = [
  ["customer.verified", "eq", true, true, true],
  ["customer.verified", "eq", true, false, false],
  ["customer.verified", "eq", true, null, false],
  ["customer.verified", "eq", false, false, true],
  ["customer.verified", "eq", false, null, false, "unset is not false"],
  ["customer.verified", "neq", true, null, true],
  ["customer.verified", "neq", true, false, true],
  ["customer.verified", "neq", true, true, false],
  ["customer.verified", "is_set", undefined, false, true],
  ["customer.verified", "is_set", undefined, null, false],
  ["time.business_hours_open", "eq", false, false, true],
  ["message.is_spam", "eq", true, 1, false, "no truthiness"],
];

const LISTS: Row[] = [
  ["conversation.tags", "contains", "vip", ["VIP", "x"], true],
  ["conversation.tags", "contains", "vip", [], false],
  ["conversation.tags", "contains", "vip", null, false],
  ["conversation.tags", "contains", "vip", ["vip-gold"], false, "whole elements, not substrings"],
  ["conversation.tags", "not_contains", "vip", null, true],
  ["conversation.tags", "not_contains", "vip", ["vip"], false],
  ["conversation.tags", "includes_any", ["a", "b"], ["b"], true],
  ["conversation.tags", "includes_any", ["a", "b"], ["c"], false],
  ["conversation.tags", "includes_any", ["a", "b"], null, false],
  ["conversation.tags", "includes_all", ["a", "b"], ["c", "B", "a"], true],
  ["conversation.tags", "includes_all", ["a", "b"], ["a"], false],
  ["conversation.tags", "includes_all", ["a"], null, false],
  ["conversation.tags", "is_set", undefined, [], true],
  ["conversation.tags", "is_set", undefined, null, false],
  ["conversation.tags", "is_empty", undefined, [], true],
  ["conversation.tags", "is_empty", undefined, null, true],
  ["conversation.tags", "is_empty", undefined, ["x"], false],
  ["conversation.tags", "contains", "x", [1, "x"], true, "non-strings are skipped"],
  ["message.listening", "contains", "Acme Care", ["p-1", "acme care"], true],
  ["message.listening", "includes_any", ["p-1"], ["p-1", "Acme Care"], true],
  ["message.sensitive", "includes_any", ["card", "ssn"], ["email", "ssn"], true],
  ["message.listening_kinds", "contains", "competitor", ["brand"], false],
];

const CASE_SENSITIVE: Row[] = [
  ["message.text", "eq", "Hello", "hello", false, cs],
  ["message.text", "eq", "Hello", "Hello", true, cs],
  ["message.text", "contains", "Refund", "refund", false, cs],
  ["message.text", "contains", "Refund", "a Refund", true, cs],
  ["message.text", "contains", "cafe", "café", false, cs],
  ["message.text", "starts_with", "Hi", "hi", false, cs],
  ["message.text", "in", ["Hi"], "Hi", true, cs],
  ["message.text", "matches", "Refund", "refund", false, cs],
  ["message.text", "matches", "Refund", "Refund", true, cs],
  ["message.text", "not_contains", "Refund", "refund", true, cs],
  ["conversation.tags", "contains", "vip", ["VIP"], false, cs],
  ["conversation.tags", "includes_all", ["A"], ["A"], true, cs],
  ["conversation.tags", "includes_all", ["A"], ["a"], false, cs],
  ["conversation.tags", "includes_any", ["A", "b"], ["b"], true, cs],
];

function leafOf([field, op, value, , , note]: Row): LeafCondition {
  const leaf: LeafCondition = value === undefined ? { field, op } : { field, op, value };
  return note === cs ? { ...leaf, case_sensitive: true } : leaf;
}

describe.each([
  ["text", TEXT],
  ["keyword", KEYWORD],
  ["enum", ENUMS],
  ["number", NUMBERS],
  ["boolean", BOOLEANS],
  ["list", LISTS],
  ["case sensitive", CASE_SENSITIVE],
])("%s operators", (_name, rows) => {
  it.each(rows)("%s %s %j on %j → %s (%s)", (...row) => {
    const [field, , , fact, expected] = row;
    const facts = factsWith(field, fact);
    expect(holds(leafOf(row), facts)).toBe(expected);
  });

  it.each(rows)("explain agrees: %s %s %j on %j", (...row) => {
    const [field, , , fact, expected] = row;
    const compiled = compileRules([ruleDoc("r", leafOf(row))]);
    const [rule] = explain(compiled, factsWith(field, fact)).rules;
    expect(rule?.leaves.map((l) => l.matched)).toEqual([expected]);
    expect(rule?.matched).toBe(expected);
  });
});
