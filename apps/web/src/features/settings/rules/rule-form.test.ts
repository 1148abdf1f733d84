import { validateRule } from "@parley/rules";
import { describe, expect, it } from "vitest";
import { moveBy } from "./reorder";
import {
  coerceValue,
  conditionsToRows,
  documentToForm,
  EMPTY_RULE,
  formToDocument,
  parseRuleJson,
  type RuleDocument,
  valueKind,
  withField,
  withOperator,
} from "./rule-form";
import { parseIssuePath, sortIssues } from "./rule-issues";

const legal: RuleDocument = {
  name: "Legal threats",
  enabled: true,
  trigger: "message_received",
  after_seconds: null,
  clock: null,
  stop_processing: true,
  conditions: {
    all: [
      { field: "message.is_spam", op: "eq", value: false },
      { field: "message.text", op: "matches", value: "\\blawsuit\\b", case_sensitive: true },
      { field: "conversation.team_id", op: "is_empty" },
    ],
  },
  actions: [{ type: "set_priority", priority: "urgent" }],
};

describe("rule form <-> document", () => {
  it("round-trips a flat all list, keeping case_sensitive and leaving value out of is_empty", () => {
    const form = documentToForm(legal);
    expect(form?.match).toBe("all");
    expect(form?.conditions).toHaveLength(3);
    expect(form && formToDocument(form)).toEqual(legal);
  });

  it("reads a single leaf as an all list of one", () => {
    const parsed = conditionsToRows({ field: "conversation.priority", op: "in", value: ["urgent"] });
    expect(parsed?.match).toBe("all");
    expect(parsed?.rows[0]?.value).toEqual(["urgent"]);
  });

  it("refuses trees the form cannot show (nested groups, not)", () => {
    expect(conditionsToRows({ any: [{ all: [] }] })).toBeNull();
    expect(conditionsToRows({ not: { field: "message.is_spam", op: "eq", value: true } })).toBeNull();
    expect(documentToForm({ ...legal, conditions: { all: [{ any: [] }] } })).toBeNull();
  });

  it("drops timer settings from rules that are not timed", () => {
    const form = documentToForm({ ...legal, trigger: "time_elapsed", after_seconds: 600 });
    if (!form) throw new Error("form expected");
    expect(formToDocument({ ...form, trigger: "message_received" })).toMatchObject({
      after_seconds: null,
      clock: null,
    });
    expect(formToDocument(form)).toMatchObject({ after_seconds: 600, trigger: "time_elapsed" });
  });

  it("makes documents the rules package accepts", () => {
    const form = documentToForm(legal);
    if (!form) throw new Error("form expected");
    const doc = formToDocument(form);
    const present = Object.fromEntries(Object.entries(doc).filter(([, v]) => v !== null));
    expect(validateRule({ ...present, id: "draft" }).ok).toBe(true);
  });
});

describe("row editing", () => {
  it("keeps an operator the new field takes and reshapes the value", () => {
    const row = withOperator(
      withField({ field: "", op: "", value: undefined, case_sensitive: false }, "message.text"),
      "eq",
    );
    expect(withField(row, "message.language").op).toBe("eq");
    const onNumber = withField(row, "customer.followers");
    expect(onNumber.op).toBe("eq");
    expect(onNumber.value).toBe(0);
    expect(withField(row, "message.is_spam")).toMatchObject({ op: "eq", value: true });
    expect(withOperator(onNumber, "between").value).toEqual([0, 0]);
  });

  it("picks the editor by field type and operator", () => {
    expect(valueKind("message.sentiment", "in")).toBe("enums");
    expect(valueKind("message.sentiment", "eq")).toBe("enum");
    expect(valueKind("message.text", "contains")).toBe("needles");
    expect(valueKind("conversation.tags", "contains")).toBe("text");
    expect(valueKind("conversation.tags", "includes_any")).toBe("texts");
    expect(valueKind("customer.followers", "in")).toBe("numbers");
    expect(valueKind("message.text", "is_set")).toBe("none");
  });

  it("wraps a single value into a list when the operator takes many", () => {
    expect(coerceValue("texts", "billing")).toEqual(["billing"]);
    expect(coerceValue("text", ["a"])).toBe("");
    expect(coerceValue("none", "x")).toBeUndefined();
  });
});

describe("JSON view", () => {
  it("fills missing envelope fields and names what is wrong", () => {
    expect(parseRuleJson('{"name":"x","conditions":{"all":[]},"actions":[]}')).toEqual({
      doc: { ...EMPTY_RULE, name: "x" },
    });
    expect(parseRuleJson("{nope")).toHaveProperty("error");
    expect(parseRuleJson("[]")).toEqual({ error: "The rule must be a JSON object." });
    expect(parseRuleJson('{"actions":{}}')).toEqual({ error: "actions must be a list." });
  });
});

describe("server issues on the form", () => {
  it("parses problem paths, dropping body. and a dry run's rule.", () => {
    expect(parseIssuePath("body.conditions.all[2].op")).toEqual(["conditions", "all", 2, "op"]);
    expect(parseIssuePath("body.rule.actions[0].priority")).toEqual(["actions", 0, "priority"]);
  });

  it("puts each message on its row and part", () => {
    const issues = sortIssues([
      { field: "body.conditions.any[1].value", message: "expected a finite number" },
      { field: "body.actions[0].team_id", message: "too short" },
      { field: "body.name", message: "required" },
      { field: "body.conditions.any", message: "any needs at least one condition" },
    ]);
    expect(issues.conditions[1]).toEqual({ value: "Expected a finite number" });
    expect(issues.actions[0]).toEqual({ team_id: "Too short" });
    expect(issues.rule).toEqual({ name: "Required", conditions: "Any needs at least one condition" });
    expect(issues.all[0]).toBe("conditions.any[1].value: expected a finite number");
  });
});

describe("reordering", () => {
  const rules = [
    { id: "a", position: 0 },
    { id: "b", position: 10 },
    { id: "c", position: 20 },
  ];
  it("swaps distinct positions with the neighbour", () => {
    expect(moveBy(rules, 1, -1)).toEqual([
      { id: "b", position: 0 },
      { id: "a", position: 10 },
    ]);
    expect(moveBy(rules, 0, -1)).toEqual([]);
    expect(moveBy(rules, 2, 1)).toEqual([]);
  });
  it("renumbers ties, writing only what changes", () => {
    const tied = [
      { id: "a", position: 0 },
      { id: "b", position: 0 },
      { id: "c", position: 20 },
    ];
    // b keeps 0, a moves to 10: only one write.
    expect(moveBy(tied, 0, 1)).toEqual([{ id: "a", position: 10 }]);
    const allTied = tied.map((r) => ({ ...r, position: 0 }));
    expect(moveBy(allTied, 2, -1)).toEqual([
      { id: "c", position: 10 },
      { id: "b", position: 20 },
    ]);
  });
});
