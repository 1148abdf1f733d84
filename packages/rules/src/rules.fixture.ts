import type { ActionInput } from "./actions";
import { type CompiledRuleSet, compileRules } from "./compile";
import type { Condition } from "./conditions";
import { evaluate } from "./evaluate";
import type { RuleFacts } from "./facts";
import type { FieldName } from "./fields";
import type { RuleInput } from "./rule-schema";

/** Facts with one field set (`undefined` leaves the field out, `null` sets it to null). */
export function factsWith(field: FieldName, value: unknown): RuleFacts {
  const [group, key] = field.split(".") as [string, string];
  return { [group]: value === undefined ? {} : { [key]: value } } as RuleFacts;
}

/** A rule document with defaults, for tests that care about one part of it. */
export function ruleDoc(id: string, conditions: Condition, more: Partial<RuleInput> = {}): RuleInput {
  return { id, conditions, actions: [{ type: "add_tag", tag: id }], ...more };
}

/** Whether a condition holds for the facts, through the public compile + evaluate path. */
export function holds(conditions: Condition, facts: RuleFacts): boolean {
  const compiled = compileRules([ruleDoc("r", conditions)]);
  return evaluate(compiled, facts).matched.length === 1;
}

/** Compiles rules each with one action, named by their id. */
export function ruleSet(
  ...rules: [id: string, conditions: Condition, actions: ActionInput[]][]
): CompiledRuleSet {
  return compileRules(rules.map(([id, conditions, actions]) => ({ id, conditions, actions })));
}

/** A message most rules in the tests can reason about. */
export const angryTweet: RuleFacts = {
  message: {
    channel: "x",
    visibility: "public",
    kind: "post",
    direction: "inbound",
    text: "@AcmeCare I was charged TWICE and want a refund!!! 😡",
    language: "en",
    sentiment: "negative",
    sentiment_score: -0.82,
    intent: "dissatisfaction",
    tier: "first",
    category: "billing",
    is_complaint: true,
    is_spam: false,
    spam_score: 0.97,
    is_offensive: false,
    sensitive: [],
    listening: ["p-brand", "Acme brand"],
    listening_kinds: ["brand"],
  },
  conversation: {
    status: "new",
    priority: "normal",
    priority_score: 64,
    tags: [],
    message_count: 1,
    is_new: true,
  },
  customer: { followers: 25_000, verified: false, vip_tier: null, prior_posts: 3, is_troll: false },
  time: { business_hours_open: false, weekday: "sat", hour: 22 },
};

export const ALWAYS: Condition = { all: [] };
