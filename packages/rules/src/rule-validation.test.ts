import { describe, expect, it } from "vitest";
import { compileRules } from "./compile";
import { FIELD_TYPES, FIELDS, type FieldName, type FieldType } from "./fields";
import { OPERATORS, OPERATORS_BY_TYPE, type Operator } from "./operators";
import { formatIssue, RulesValidationError, validateRule } from "./rule-schema";

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

/** A representative field of each type, and a value each applicable operator accepts. */
const SAMPLE_FIELD: Record<FieldType, FieldName> = {
  text: "message.text",
  keyword: "message.language",
  enum: "message.channel",
  number: "customer.followers",
  boolean: "customer.verified",
  list: "conversation.tags",
};
const SAMPLE_VALUE: Record<FieldType, unknown> = {
  text: "a",
  keyword: "en",
  enum: "x",
  number: 1,
  boolean: true,
  list: "a",
};

function sampleValue(type: FieldType, op: Operator): unknown {
  if (op === "is_set" || op === "is_empty") return undefined;
  if (op === "between") return [1, 2];
  if (op === "in" || op === "not_in" || op === "includes_any" || op === "includes_all")
    return [SAMPLE_VALUE[type]];
  if (op === "matches") return "^a";
  if (["gt", "gte", "lt", "lte"].includes(op)) return 1;
  return SAMPLE_VALUE[type];
}

const combinations = FIELD_TYPES.flatMap((type) => OPERATORS.map((op) => [type, op] as const));

describe("operator catalogue", () => {
  it.each(combinations)("%s field with %s: accepted exactly when the catalogue lists it", (type, op) => {
    const field = SAMPLE_FIELD[type];
    const value = sampleValue(type, op);
    const leaf = value === undefined ? { field, op } : { field, op, value };
    const found = problems(rule(leaf));
    if (OPERATORS_BY_TYPE[type].includes(op)) expect(found).toEqual([]);
    else
      expect(found).toEqual([
        `conditions.op: "${op}" does not apply to ${type} field ${field} (it takes ${OPERATORS_BY_TYPE[type].join(", ")})`,
      ]);
  });

  it("every field has a known type and a doc", () => {
    for (const spec of Object.values(FIELDS)) {
      expect(FIELD_TYPES).toContain(spec.type);
      expect(spec.doc.length).toBeGreaterThan(5);
    }
  });
});

describe("rule and action validation", () => {
  it.each<[string, Record<string, unknown>, string]>([
    ["missing id", { id: "" }, "id: Too small"],
    ["unknown rule key", { stop_procesing: true }, 'Unrecognized key: "stop_procesing"'],
    ["unknown trigger", { trigger: "hourly" }, "trigger: Invalid option"],
    [
      "timer without after_seconds",
      { trigger: "time_elapsed" },
      "after_seconds: a time_elapsed rule needs after_seconds",
    ],
    [
      "after_seconds on a message rule",
      { after_seconds: 60 },
      "after_seconds: after_seconds only applies to time_elapsed rules",
    ],
    [
      "clock on a message rule",
      { clock: "conversation.age_seconds" },
      "clock: clock only applies to time_elapsed rules",
    ],
    [
      "clock that is not a clock",
      { trigger: "time_elapsed", after_seconds: 1, clock: "customer.followers" },
      "clock: Invalid option",
    ],
    ["negative after_seconds", { trigger: "time_elapsed", after_seconds: -1 }, "after_seconds: Too small"],
    [
      "unknown action",
      { actions: [{ type: "delete_everything" }] },
      "actions[0].type: Invalid discriminator value",
    ],
    [
      "action missing a field",
      { actions: [{ type: "set_priority" }] },
      "actions[0].priority: Invalid option",
    ],
    [
      "bad priority",
      { actions: [{ type: "set_priority", priority: "p1" }] },
      "actions[0].priority: Invalid option",
    ],
    [
      "extra action key",
      { actions: [{ type: "mark_spam", reason: "x" }] },
      'actions[0]: Unrecognized key: "reason"',
    ],
    [
      "notify without recipients",
      { actions: [{ type: "notify", message: "hi" }] },
      "actions[0].users: notify needs at least one user or team",
    ],
    ["assign to nobody", { actions: [{ type: "assign", to: { team_id: "t" } }] }, "actions[0].to"],
    [
      "escalate to an unknown role",
      { actions: [{ type: "escalate", to: { role: "ceo" }, reason: "x" }] },
      "actions[0].to",
    ],
    [
      "acknowledgement visibility",
      { actions: [{ type: "send_acknowledgement", template_id: "t", visibility: "dm" }] },
      "actions[0].visibility: Invalid option",
    ],
    ["blank tag", { actions: [{ type: "add_tag", tag: "  " }] }, "actions[0].tag: Too small"],
    [
      "status outside the life cycle",
      { actions: [{ type: "set_status", status: "done" }] },
      "actions[0].status: Invalid option",
    ],
  ])("%s", (_name, patch, message) => {
    const found = problems({ ...rule({ all: [] }), ...patch });
    expect(
      found.some((p) => p.startsWith(message)),
      found.join("\n"),
    ).toBe(true);
  });

  it("accepts every action type and fills defaults", () => {
    const result = validateRule(
      rule(
        { all: [] },
        {
          actions: [
            { type: "set_category", category: "billing" },
            { type: "add_tag", tag: "vip" },
            { type: "remove_tag", tag: "new" },
            { type: "set_priority", priority: "urgent" },
            { type: "route_to_team", team_id: "team-1" },
            { type: "assign", to: "auto" },
            { type: "assign", to: { user_id: "u-1" } },
            { type: "archive_no_response" },
            { type: "mark_spam" },
            { type: "require_approval", reason: "legal" },
            { type: "suggest_template", template_id: "tpl-1" },
            { type: "suggest_action", text: "Offer a callback" },
            { type: "notify", teams: ["team-pr"], message: "Influencer complaint" },
            { type: "send_acknowledgement", template_id: "tpl-ack", visibility: "private" },
            { type: "escalate", to: { role: "lead" }, reason: "angry VIP" },
            { type: "escalate", to: { team_id: "team-legal" }, reason: "legal threat" },
            { type: "set_status", status: "pending" },
          ],
        },
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rule).toMatchObject({ enabled: true, trigger: "message_received", stop_processing: false });
    expect(result.rule.actions[12]).toEqual({
      type: "notify",
      users: [],
      teams: ["team-pr"],
      message: "Influencer complaint",
    });
  });

  it("compileRules throws every problem with the rule's index in the path", () => {
    const inputs = [
      rule({ all: [] }),
      rule({ field: "message.text", op: "gt", value: 1 }, { id: "r2" }),
      rule({ all: [] }),
      { id: "r3", actions: [] },
    ];
    let error: unknown;
    try {
      compileRules(inputs);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RulesValidationError);
    const issues = (error as RulesValidationError).issues.map(formatIssue);
    expect(issues).toEqual([
      '[1].conditions.op: "gt" does not apply to text field message.text (it takes eq, neq, in, not_in, contains, not_contains, starts_with, matches, is_set, is_empty)',
      '[2].id: duplicate rule id "r1"',
      expect.stringMatching(/^\[3\]\.conditions: expected a condition/),
    ]);
    expect((error as Error).message).toMatch(/^invalid rules: \[1\]\.conditions\.op/);
  });
});
