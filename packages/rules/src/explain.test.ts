import { describe, expect, it } from "vitest";
import { compileRules } from "./compile";
import { explain } from "./explain";
import { ALWAYS, angryTweet, ruleDoc } from "./rules.fixture";

describe("explain", () => {
  const compiled = compileRules([
    ruleDoc("spam", { field: "message.is_spam", op: "eq", value: true }, { stop_processing: true }),
    ruleDoc(
      "angry-influencer",
      {
        all: [
          { field: "message.sentiment", op: "eq", value: "negative" },
          {
            any: [
              { field: "customer.verified", op: "eq", value: true },
              { field: "customer.followers", op: "gte", value: 10_000 },
            ],
          },
          { not: { field: "conversation.tags", op: "contains", value: "escalated" } },
        ],
      },
      { actions: [{ type: "set_priority", priority: "urgent" }], stop_processing: true },
    ),
    ruleDoc("after-stop", ALWAYS, { actions: [{ type: "set_priority", priority: "low" }] }),
    ruleDoc("off", ALWAYS, { enabled: false }),
    ruleDoc("timer", ALWAYS, { trigger: "time_elapsed", after_seconds: 3600 }),
  ]);

  it("reports every leaf in document order, with the fact it saw", () => {
    const [, angry] = explain(compiled, angryTweet).rules;
    expect(angry?.leaves).toEqual([
      {
        path: "conditions.all[0]",
        field: "message.sentiment",
        op: "eq",
        value: "negative",
        actual: "negative",
        matched: true,
      },
      {
        path: "conditions.all[1].any[0]",
        field: "customer.verified",
        op: "eq",
        value: true,
        actual: false,
        matched: false,
      },
      {
        path: "conditions.all[1].any[1]",
        field: "customer.followers",
        op: "gte",
        value: 10_000,
        actual: 25_000,
        matched: true,
      },
      {
        path: "conditions.all[2].not",
        field: "conversation.tags",
        op: "contains",
        value: "escalated",
        actual: [],
        matched: false,
      },
    ]);
    expect(angry).toMatchObject({ conditions_hold: true, matched: true, reached: true, fired: true });
  });

  it("marks rules after a stop as not reached, and disabled rules as not fired", () => {
    const rules = explain(compiled, angryTweet, "message_received").rules;
    expect(rules.map((r) => [r.rule_id, r.matched, r.reached, r.fired])).toEqual([
      ["spam", false, true, false],
      ["angry-influencer", true, true, true],
      ["after-stop", true, false, false],
      ["off", true, false, false],
    ]);
    expect(rules[3]?.enabled).toBe(false);
  });

  it("explains timers with their clock", () => {
    const [timer] = explain(compiled, { conversation: { waiting_seconds: 600 } }, "time_elapsed").rules;
    expect(timer).toMatchObject({
      rule_id: "timer",
      conditions_hold: true,
      clock: { field: "conversation.waiting_seconds", seconds: 600, after_seconds: 3600, elapsed: false },
      matched: false,
      fired: false,
    });
  });

  it("lists the actions an earlier rule overrode", () => {
    const overlapping = compileRules([
      ruleDoc("a", ALWAYS, { actions: [{ type: "set_priority", priority: "high" }] }),
      ruleDoc("b", ALWAYS, {
        actions: [
          { type: "set_priority", priority: "low" },
          { type: "add_tag", tag: "b" },
        ],
      }),
    ]);
    expect(explain(overlapping, angryTweet).suppressed).toEqual([
      {
        rule_id: "b",
        action: { type: "set_priority", priority: "low" },
        reason: "conflict",
        winner_rule_id: "a",
      },
    ]);
  });

  it("the leaf results are those evaluate uses, unset facts included", () => {
    const rules = explain(compiled, {}).rules;
    expect(
      rules.find((r) => r.rule_id === "angry-influencer")?.leaves.map((l) => [l.actual, l.matched]),
    ).toEqual([
      [undefined, false],
      [undefined, false],
      [undefined, false],
      [undefined, false],
    ]);
  });
});
