import { CHANNELS } from "@parley/contracts";
import { pick, type Random, some } from "./bench-fixtures";
import { ISSUES, LANGS, PROFILES, TAGS, TEAMS, WORDS } from "./bench-vocabulary";
import type { RuleInput } from "./rule-schema";

type RuleBody = Omit<RuleInput, "id" | "position">;

/** 200 rules look like a mature workspace: keyword categorisers, regexes, routing, influence, nesting. */
export function benchRuleSet(count: number, rnd: Random): RuleInput[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `r${i}`,
    position: i,
    ...(TEMPLATES[i % TEMPLATES.length] as (rnd: Random) => RuleBody)(rnd),
  }));
}

const between = (rnd: Random, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));

/** One generator per kind of rule, cycled: substring, regex, set, numeric and nested conditions. */
const TEMPLATES: ((rnd: Random) => RuleBody)[] = [
  (rnd) => ({
    conditions: { all: [{ field: "message.direction", op: "eq", value: "inbound" }, textAny(rnd, 3)] },
    actions: [{ type: "set_category", category: pick(rnd, ["billing", "delivery", "technical"]) }],
  }),
  (rnd) => ({
    conditions: {
      field: "message.text",
      op: "matches",
      value: `\\b(?:${some(rnd, WORDS, 3).join("|")})s?\\b`,
    },
    actions: [{ type: "add_tag", tag: pick(rnd, TAGS) }],
  }),
  (rnd) => ({
    conditions: {
      all: [
        { field: "message.channel", op: "in", value: some(rnd, CHANNELS, 3) },
        { field: "message.language", op: "in", value: some(rnd, LANGS, 2) },
      ],
    },
    actions: [{ type: "route_to_team", team_id: pick(rnd, TEAMS) }],
  }),
  (rnd) => ({
    conditions: {
      any: [
        { field: "customer.followers", op: "gte", value: 10_000 * between(rnd, 1, 3) },
        { field: "customer.verified", op: "eq", value: true },
        { field: "customer.vip_tier", op: "in", value: ["gold", "platinum"] },
      ],
    },
    actions: [{ type: "set_priority", priority: pick(rnd, ["urgent", "high"] as const) }],
  }),
  (rnd) => ({
    conditions: {
      all: [
        { field: "message.sentiment", op: "eq", value: "negative" },
        { field: "message.sentiment_score", op: "lt", value: -0.2 - rnd() * 0.6 },
        { not: { field: "conversation.tags", op: "includes_any", value: some(rnd, TAGS, 2) } },
        { any: [textAny(rnd, 2), { field: "message.tier", op: "eq", value: "first" }] },
      ],
    },
    actions: [{ type: "escalate", to: { role: "lead" }, reason: "angry customer" }],
  }),
  () => ({
    conditions: {
      all: [
        { field: "message.visibility", op: "eq", value: "public" },
        { field: "message.sensitive", op: "includes_any", value: ["card", "ssn", "account_number"] },
      ],
    },
    actions: [{ type: "require_approval", reason: "sensitive data in public" }],
  }),
  (rnd) => ({
    conditions: {
      all: [
        { field: "message.listening", op: "includes_any", value: some(rnd, PROFILES, 2) },
        { not: { field: "message.is_spam", op: "eq", value: true } },
      ],
    },
    actions: [{ type: "notify", teams: [pick(rnd, TEAMS)], message: "listening hit" }],
  }),
  () => ({
    conditions: {
      all: [
        { field: "time.business_hours_open", op: "eq", value: false },
        { field: "message.tier", op: "eq", value: "first" },
        { field: "conversation.is_new", op: "eq", value: true },
      ],
    },
    actions: [{ type: "send_acknowledgement", template_id: "tpl-after-hours", visibility: "private" }],
  }),
  (rnd) => ({
    conditions: {
      all: [
        { field: "message.language", op: "starts_with", value: pick(rnd, ["es", "pt", "fr", "de"]) },
        {
          field: "message.text",
          op: "matches",
          value: "devoluci[oó]n|reembolso|rembourse|r[üu]ckerstattung",
        },
      ],
    },
    actions: [{ type: "set_category", category: "billing" }],
  }),
  (rnd) => ({
    conditions: {
      all: [
        {
          field: "conversation.priority_score",
          op: "between",
          value: [20 + rnd() * 20, 60 + rnd() * 30],
        },
        { field: "conversation.status", op: "in", value: ["new", "open"] },
        {
          any: [
            { field: "message.intent", op: "in", value: ["question", "urgent"] },
            { field: "message.category", op: "eq", value: pick(rnd, ["billing", "delivery"]) },
          ],
        },
      ],
    },
    actions: [{ type: "suggest_template", template_id: `tpl-${Math.floor(rnd() * 50)}` }],
  }),
  () => ({
    conditions: {
      any: [
        { field: "message.is_spam", op: "eq", value: true },
        {
          all: [
            { field: "message.spam_score", op: "gte", value: 0.8 },
            { field: "customer.followers", op: "lt", value: 5 },
            { field: "customer.prior_posts", op: "lte", value: 1 },
          ],
        },
      ],
    },
    actions: [{ type: "mark_spam" }],
  }),
  () => ({
    conditions: {
      all: [
        { field: "message.kind", op: "in", value: ["dm", "chat"] },
        { field: "message.text", op: "starts_with", value: ["hi", "hello", "hola", "bonjour"] },
        { field: "message.text", op: "not_contains", value: ["thanks", "gracias"] },
      ],
    },
    actions: [{ type: "suggest_action", text: "Greet and ask for the order number" }],
  }),
];

function textAny(rnd: Random, n: number) {
  return { field: "message.text" as const, op: "contains" as const, value: some(rnd, ISSUES, n) };
}
