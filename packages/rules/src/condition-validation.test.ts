import { describe, expect, it } from "vitest";
import { MAX_CONDITION_DEPTH } from "./conditions";
import { formatIssue, validateRule } from "./rule-schema";

const rule = (conditions: unknown, more: Record<string, unknown> = {}) => ({
  id: "r1",
  conditions,
  actions: [{ type: "add_tag", tag: "x" }],
  ...more,
});

function problems(input: unknown): string[] {
  const result = validateRule(input);
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe("condition validation names the path of the bad part", () => {
  it.each<[string, unknown, string]>([
    [
      "operator on the wrong field type",
      {
        all: [
          { field: "message.channel", op: "eq", value: "x" },
          {},
          { field: "message.text", op: "gt", value: 3 },
        ],
      },
      'conditions.all[2].op: "gt" does not apply to text field message.text (it takes eq, neq, in, not_in, contains, not_contains, starts_with, matches, is_set, is_empty)',
    ],
    [
      "not an object",
      "message.text",
      "conditions: expected a condition: {all: [...]}, {any: [...]}, {not: ...} or {field, op, value}",
    ],
    ["an array", [], "conditions: expected a condition"],
    ["empty leaf", {}, "conditions.field: a field is required"],
    [
      "unknown field in a known group",
      { field: "message.txt", op: "eq", value: "a" },
      'conditions.field: unknown field "message.txt"; message fields are channel, visibility, kind, direction, text',
    ],
    [
      "unknown group",
      { field: "ticket.id", op: "eq", value: "a" },
      'conditions.field: unknown field "ticket.id"; fields start with message, conversation, customer, time, sla',
    ],
    [
      "field not a string",
      { field: 3, op: "eq", value: "a" },
      "conditions.field: expected a field name such as message.text",
    ],
    [
      "missing operator",
      { field: "message.text", value: "a" },
      "conditions.op: an operator is required; message.text takes eq",
    ],
    [
      "unknown operator",
      { field: "customer.followers", op: "greater", value: 1 },
      'conditions.op: unknown operator "greater"; customer.followers takes eq, neq, in, not_in, gt',
    ],
    [
      "unknown leaf key",
      { field: "message.text", op: "eq", value: "a", vlaue: "b" },
      'conditions.vlaue: unknown key "vlaue"',
    ],
    [
      "group mixed with leaf keys",
      { all: [], field: "message.text" },
      'conditions: all cannot be combined with "field"',
    ],
    ["all not a list", { all: { field: "message.text" } }, "conditions.all: all takes a list of conditions"],
    ["empty any", { any: [] }, "conditions.any: any needs at least one condition"],
    [
      "deep in a not",
      { not: { any: [{ field: "customer.verified", op: "eq", value: "yes" }] } },
      "conditions.not.any[0].value: expected true or false",
    ],
    [
      "enum value not in the set",
      { field: "message.channel", op: "eq", value: "twitter" },
      'conditions.value: "twitter" is not a valid message.channel; expected one of x, facebook, instagram',
    ],
    [
      "enum list member",
      { field: "conversation.status", op: "in", value: ["open", "opened"] },
      'conditions.value[1]: "opened" is not a valid conversation.status',
    ],
    [
      "empty in list",
      { field: "message.language", op: "in", value: [] },
      "conditions.value: expected a non-empty list",
    ],
    [
      "in needs a list",
      { field: "message.language", op: "in", value: "en" },
      "conditions.value: expected a non-empty list",
    ],
    [
      "number as string",
      { field: "customer.followers", op: "gt", value: "1000" },
      "conditions.value: expected a finite number",
    ],
    [
      "infinite number",
      { field: "customer.followers", op: "lt", value: Number.POSITIVE_INFINITY },
      "conditions.value: expected a finite number",
    ],
    [
      "between shape",
      { field: "time.hour", op: "between", value: [9] },
      "conditions.value: expected [min, max], two finite numbers",
    ],
    [
      "between order",
      { field: "time.hour", op: "between", value: [17, 9] },
      "conditions.value: min 17 is greater than max 9",
    ],
    [
      "is_set with a value",
      { field: "message.text", op: "is_set", value: true },
      "conditions.value: is_set takes no value",
    ],
    [
      "empty needle",
      { field: "message.text", op: "contains", value: "" },
      "conditions.value: expected a non-empty string",
    ],
    [
      "empty needle in a list",
      { field: "message.text", op: "contains", value: ["a", ""] },
      "conditions.value[1]: expected a non-empty string",
    ],
    [
      "list member of an enum list",
      { field: "message.listening_kinds", op: "contains", value: "rival" },
      'conditions.value: "rival" is not a valid message.listening_kinds; expected one of brand, product, competitor, care',
    ],
    [
      "bad regex",
      { field: "message.text", op: "matches", value: "(refund" },
      "conditions.value: invalid regular expression",
    ],
    [
      "catastrophic regex",
      { field: "message.text", op: "matches", value: "(a+)+$" },
      "conditions.value: a group repeated without bound that holds a quantifier (at character 4)",
    ],
    [
      "regex not a string",
      { field: "message.text", op: "matches", value: 3 },
      "conditions.value: expected a regular expression as a string",
    ],
    [
      "case_sensitive not boolean",
      { field: "message.text", op: "eq", value: "a", case_sensitive: "yes" },
      "conditions.case_sensitive: expected true or false",
    ],
    [
      "case_sensitive on numbers",
      { field: "customer.followers", op: "gt", value: 1, case_sensitive: true },
      'conditions.case_sensitive: "gt" ignores case',
    ],
  ])("%s", (_name, conditions, message) => {
    const found = problems(rule(conditions));
    expect(
      found.some((p) => p.startsWith(message)),
      found.join("\n"),
    ).toBe(true);
  });

  it("reports every problem, not just the first", () => {
    const found = problems(
      rule({
        any: [
          { field: "message.text", op: "gt", value: 1 },
          { field: "message.tier", op: "eq", value: "third" },
          { not: { field: "nope.x", op: "eq" } },
        ],
      }),
    );
    expect(found.map((p) => p.split(":")[0])).toEqual([
      "conditions.any[0].op",
      "conditions.any[1].value",
      "conditions.any[2].not.field",
    ]);
  });

  it(`refuses trees deeper than ${MAX_CONDITION_DEPTH}`, () => {
    let deep: unknown = { field: "message.text", op: "is_set" };
    for (let i = 0; i < MAX_CONDITION_DEPTH; i++) deep = { not: deep };
    expect(problems(rule(deep)).join()).toContain(
      `conditions nest deeper than ${MAX_CONDITION_DEPTH} levels`,
    );
    let ok: unknown = { field: "message.text", op: "is_set" };
    for (let i = 0; i < MAX_CONDITION_DEPTH - 1; i++) ok = { all: [ok] };
    expect(problems(rule(ok))).toEqual([]);
  });
});
