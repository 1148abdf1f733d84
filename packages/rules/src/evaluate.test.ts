import { describe, expect, it } from "vitest";
import type { Action, ActionInput } from "./actions";
import { compileRules } from "./compile";
import type { Condition } from "./conditions";
import { evaluate, mergeActions } from "./evaluate";
import { ALWAYS, angryTweet, ruleDoc, ruleSet } from "./rules.fixture";

const NEVER: Condition = { field: "message.channel", op: "eq", value: "email" };
const tag = (t: string): ActionInput => ({ type: "add_tag", tag: t });

describe("order and stop_processing", () => {
  it("runs rules by position, ties in the given order, and reports matches in that order", () => {
    const compiled = compileRules([
      ruleDoc("c", ALWAYS, { position: 3 }),
      ruleDoc("a", ALWAYS, { position: 1 }),
      ruleDoc("b1", ALWAYS, { position: 2 }),
      ruleDoc("b2", ALWAYS, { position: 2 }),
      ruleDoc("z", ALWAYS),
    ]);
    const result = evaluate(compiled, angryTweet);
    expect(result.matched.map((m) => m.rule_id)).toEqual(["z", "a", "b1", "b2", "c"]);
    expect(result.actions).toEqual(["z", "a", "b1", "b2", "c"].map((t) => ({ type: "add_tag", tag: t })));
    expect(result.stopped_by).toBeUndefined();
  });

  it.each<[string, boolean[], boolean[], string[], string | undefined]>([
    ["no stop", [true, true, true], [false, false, false], ["r0", "r1", "r2"], undefined],
    ["first stops", [true, true, true], [true, false, false], ["r0"], "r0"],
    ["middle stops", [true, true, true], [false, true, false], ["r0", "r1"], "r1"],
    [
      "a stop rule that does not match does not stop",
      [true, false, true],
      [false, true, false],
      ["r0", "r2"],
      undefined,
    ],
    ["only the first matching stop counts", [false, true, true], [true, true, true], ["r1"], "r1"],
    ["stop on the last rule", [true, true, true], [false, false, true], ["r0", "r1", "r2"], "r2"],
    ["nothing matches", [false, false, false], [true, true, true], [], undefined],
  ])("%s", (_name, matching, stops, expected, stoppedBy) => {
    const compiled = compileRules(
      matching.map((m, i) => ruleDoc(`r${i}`, m ? ALWAYS : NEVER, { stop_processing: stops[i] })),
    );
    const result = evaluate(compiled, angryTweet);
    expect(result.matched.map((m) => m.rule_id)).toEqual(expected);
    expect(result.stopped_by).toBe(stoppedBy);
    expect(result.actions).toEqual(expected.map((t) => ({ type: "add_tag", tag: t })));
  });

  it("a stopping rule with no actions just ends the run (e.g. leave VIPs to people)", () => {
    const compiled = compileRules([
      ruleDoc("vip", ALWAYS, { actions: [], stop_processing: true }),
      ruleDoc("later", ALWAYS),
    ]);
    expect(evaluate(compiled, angryTweet)).toEqual({
      matched: [{ rule_id: "vip", actions: [] }],
      actions: [],
      stopped_by: "vip",
    });
  });

  it("skips disabled rules and rules of other triggers", () => {
    const compiled = compileRules([
      ruleDoc("off", ALWAYS, { enabled: false, stop_processing: true }),
      ruleDoc("update", ALWAYS, { trigger: "conversation_updated" }),
      ruleDoc("timer", ALWAYS, { trigger: "time_elapsed", after_seconds: 0 }),
      ruleDoc("message", ALWAYS),
    ]);
    const ids = (trigger?: "message_received" | "conversation_updated" | "time_elapsed") =>
      evaluate(compiled, { ...angryTweet, conversation: { waiting_seconds: 5 } }, trigger).matched.map(
        (m) => m.rule_id,
      );
    expect(ids()).toEqual(["message"]);
    expect(ids("message_received")).toEqual(["message"]);
    expect(ids("conversation_updated")).toEqual(["update"]);
    expect(ids("time_elapsed")).toEqual(["timer"]);
    expect(compiled.rules.map((r) => r.id)).toEqual(["off", "update", "timer", "message"]);
  });

  it("is pure: the same facts give the same answer, and facts are not touched", () => {
    const compiled = ruleSet(["a", { field: "message.text", op: "contains", value: "refund" }, [tag("a")]]);
    const facts = structuredClone(angryTweet);
    const first = evaluate(compiled, facts);
    expect(evaluate(compiled, facts)).toEqual(first);
    expect(facts).toEqual(angryTweet);
  });
});

describe("merging actions: the first matching rule wins single-valued decisions", () => {
  const cases: [string, ActionInput[][], Action[], [string, string, string][]][] = [
    [
      "two priorities",
      [[{ type: "set_priority", priority: "urgent" }], [{ type: "set_priority", priority: "low" }]],
      [{ type: "set_priority", priority: "urgent" }],
      [["r1", "conflict", "r0"]],
    ],
    [
      "same priority twice is a duplicate",
      [[{ type: "set_priority", priority: "high" }], [{ type: "set_priority", priority: "high" }]],
      [{ type: "set_priority", priority: "high" }],
      [["r1", "duplicate", "r0"]],
    ],
    [
      "category, team and assignee each keep the first",
      [
        [
          { type: "set_category", category: "billing" },
          { type: "route_to_team", team_id: "t1" },
        ],
        [
          { type: "set_category", category: "delivery" },
          { type: "assign", to: "auto" },
          { type: "route_to_team", team_id: "t2" },
        ],
        [{ type: "assign", to: { user_id: "u1" } }],
      ],
      [
        { type: "set_category", category: "billing" },
        { type: "route_to_team", team_id: "t1" },
        { type: "assign", to: "auto" },
      ],
      [
        ["r1", "conflict", "r0"],
        ["r1", "conflict", "r0"],
        ["r2", "conflict", "r1"],
      ],
    ],
    [
      "mark_spam, archive and set_status share the status slot",
      [[{ type: "mark_spam" }], [{ type: "archive_no_response" }, { type: "set_status", status: "open" }]],
      [{ type: "mark_spam" }],
      [
        ["r1", "conflict", "r0"],
        ["r1", "conflict", "r0"],
      ],
    ],
    [
      "tags: each tag is its own slot, case-insensitively; different tags accumulate",
      [
        [tag("VIP"), tag("billing")],
        [{ type: "remove_tag", tag: "vip" }, tag("press")],
      ],
      [
        { type: "add_tag", tag: "VIP" },
        { type: "add_tag", tag: "billing" },
        { type: "add_tag", tag: "press" },
      ],
      [["r1", "conflict", "r0"]],
    ],
    [
      "approvals, suggestions and notifications accumulate, duplicates dropped",
      [
        [
          { type: "require_approval", reason: "legal" },
          { type: "suggest_template", template_id: "t1" },
        ],
        [
          { type: "require_approval", reason: "influencer" },
          { type: "suggest_template", template_id: "t1" },
          { type: "suggest_action", text: "Call them" },
          { type: "notify", teams: ["pr"], message: "heads up" },
        ],
        [{ type: "notify", message: "heads up", teams: ["pr"] }],
      ],
      [
        { type: "require_approval", reason: "legal" },
        { type: "suggest_template", template_id: "t1" },
        { type: "require_approval", reason: "influencer" },
        { type: "suggest_action", text: "Call them" },
        { type: "notify", users: [], teams: ["pr"], message: "heads up" },
      ],
      [
        ["r1", "duplicate", "r0"],
        ["r2", "duplicate", "r1"],
      ],
    ],
    [
      "one acknowledgement and one escalation per evaluation",
      [
        [{ type: "send_acknowledgement", template_id: "a1", visibility: "private" }],
        [
          { type: "send_acknowledgement", template_id: "a2", visibility: "public" },
          { type: "escalate", to: { role: "lead" }, reason: "x" },
        ],
        [{ type: "escalate", to: { team_id: "legal" }, reason: "y" }],
      ],
      [
        { type: "send_acknowledgement", template_id: "a1", visibility: "private" },
        { type: "escalate", to: { role: "lead" }, reason: "x" },
      ],
      [
        ["r1", "conflict", "r0"],
        ["r2", "conflict", "r1"],
      ],
    ],
    [
      "a rule repeating itself",
      [[tag("a"), tag("a")]],
      [{ type: "add_tag", tag: "a" }],
      [["r0", "duplicate", "r0"]],
    ],
  ];

  it.each(cases)("%s", (_name, perRule, expected, suppressed) => {
    const compiled = compileRules(
      perRule.map((actions, i) => ({ id: `r${i}`, conditions: ALWAYS, actions })),
    );
    const result = evaluate(compiled, angryTweet);
    expect(result.actions).toEqual(expected);
    expect(result.matched.map((m) => m.actions.length)).toEqual(perRule.map((a) => a.length));
    const merged = mergeActions(compiled.by_trigger.message_received);
    expect(merged.actions).toEqual(expected);
    expect(merged.suppressed.map((s) => [s.rule_id, s.reason, s.winner_rule_id])).toEqual(suppressed);
  });

  it("a stopped run never merges the actions of later rules", () => {
    const compiled = compileRules([
      { id: "a", conditions: ALWAYS, actions: [tag("x")], stop_processing: true },
      { id: "b", conditions: ALWAYS, actions: [{ type: "set_priority", priority: "low" }] },
    ]);
    expect(evaluate(compiled, angryTweet).actions).toEqual([{ type: "add_tag", tag: "x" }]);
  });
});
