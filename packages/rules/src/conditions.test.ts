import { describe, expect, it } from "vitest";
import type { Condition } from "./conditions";
import type { RuleFacts } from "./facts";
import { ALWAYS, angryTweet, holds } from "./rules.fixture";

const T: Condition = { field: "message.channel", op: "eq", value: "x" };
const F: Condition = { field: "message.channel", op: "eq", value: "email" };

describe("all / any / not", () => {
  it.each<[string, Condition, boolean]>([
    ["empty all is always true", ALWAYS, true],
    ["all of true", { all: [T, T] }, true],
    ["all with one false", { all: [T, F, T] }, false],
    ["single-child all", { all: [F] }, false],
    ["any of false", { any: [F, F] }, false],
    ["any with one true", { any: [F, F, T] }, true],
    ["single-child any", { any: [T] }, true],
    ["not true", { not: T }, false],
    ["not false", { not: F }, true],
    ["double negation", { not: { not: T } }, true],
    ["not of an empty all", { not: ALWAYS }, false],
    ["any of alls", { any: [{ all: [T, F] }, { all: [T, T] }] }, true],
    ["all of anys", { all: [{ any: [F, T] }, { any: [F, F] }] }, false],
    [
      "de Morgan: not(any) = all(not)",
      { all: [{ not: { any: [F, F] } }, { all: [{ not: F }, { not: F }] }] },
      true,
    ],
    [
      "deep mix",
      { all: [{ any: [F, { not: { all: [T, F] } }] }, { not: { any: [F, { all: [F] }] } }] },
      true,
    ],
  ])("%s", (_name, condition, expected) => {
    expect(holds(condition, angryTweet)).toBe(expected);
  });

  it("a realistic nested rule: angry, influential or VIP, not already escalated, public", () => {
    const rule: Condition = {
      all: [
        { field: "message.visibility", op: "eq", value: "public" },
        {
          any: [
            { field: "message.sentiment", op: "eq", value: "negative" },
            { field: "message.is_complaint", op: "eq", value: true },
          ],
        },
        {
          any: [
            { field: "customer.followers", op: "gte", value: 10_000 },
            { field: "customer.vip_tier", op: "in", value: ["gold"] },
          ],
        },
        { not: { field: "conversation.tags", op: "contains", value: "escalated" } },
        { field: "message.text", op: "matches", value: "\\b(refund|charged)\\b" },
      ],
    };
    expect(holds(rule, angryTweet)).toBe(true);
    const escalated = { ...angryTweet, conversation: { ...angryTweet.conversation, tags: ["Escalated"] } };
    expect(holds(rule, escalated)).toBe(false);
    const small = { ...angryTweet, customer: { ...angryTweet.customer, followers: 12 } };
    expect(holds(rule, small)).toBe(false);
  });

  it("cheap-first reordering never changes the answer", () => {
    const expensive: Condition = { field: "message.text", op: "matches", value: "refund" };
    const cheap: Condition = { field: "customer.verified", op: "eq", value: true };
    for (const c of [
      { all: [expensive, cheap] },
      { all: [cheap, expensive] },
      { any: [expensive, cheap] },
      { any: [cheap, expensive] },
      { any: [{ not: expensive }, cheap] },
    ] as Condition[]) {
      const verified = { ...angryTweet, customer: { verified: true } };
      const a = holds(c, angryTweet);
      const b = holds(c, verified);
      expect([a, b]).toEqual([
        evaluateByHand(c, angryTweet, { expensive: true, cheap: false }),
        evaluateByHand(c, verified, { expensive: true, cheap: true }),
      ]);
    }
  });
});

function evaluateByHand(
  c: Condition,
  _facts: RuleFacts,
  leaves: { expensive: boolean; cheap: boolean },
): boolean {
  if ("all" in c) return c.all.every((x) => evaluateByHand(x, _facts, leaves));
  if ("any" in c) return c.any.some((x) => evaluateByHand(x, _facts, leaves));
  if ("not" in c) return !evaluateByHand(c.not, _facts, leaves);
  return c.op === "matches" ? leaves.expensive : leaves.cheap;
}

describe("missing facts", () => {
  const empties: [string, RuleFacts][] = [
    ["no facts at all", {}],
    ["null groups", { message: null, conversation: null, customer: null, time: null, sla: null }],
    ["empty groups", { message: {}, conversation: {}, customer: {}, time: {}, sla: {} }],
  ];
  it.each<[string, Condition, boolean]>([
    ["eq is false", { field: "message.channel", op: "eq", value: "x" }, false],
    ["neq is true", { field: "message.channel", op: "neq", value: "x" }, true],
    ["in is false", { field: "message.language", op: "in", value: ["en"] }, false],
    ["not_in is true", { field: "message.language", op: "not_in", value: ["en"] }, true],
    ["contains is false", { field: "message.text", op: "contains", value: "a" }, false],
    ["not_contains is true", { field: "message.text", op: "not_contains", value: "a" }, true],
    ["starts_with is false", { field: "message.text", op: "starts_with", value: "a" }, false],
    ["matches is false", { field: "message.text", op: "matches", value: ".*" }, false],
    ["gt is false", { field: "customer.followers", op: "gt", value: -1 }, false],
    ["lte is false", { field: "customer.followers", op: "lte", value: 1 }, false],
    ["between is false", { field: "time.hour", op: "between", value: [0, 23] }, false],
    ["eq false is false", { field: "customer.verified", op: "eq", value: false }, false],
    ["includes_any is false", { field: "conversation.tags", op: "includes_any", value: ["a"] }, false],
    ["includes_all is false", { field: "conversation.tags", op: "includes_all", value: ["a"] }, false],
    ["is_set is false", { field: "sla.first_response_state", op: "is_set" }, false],
    ["is_empty is true", { field: "conversation.tags", op: "is_empty" }, true],
    ["not(eq) is true", { not: { field: "message.channel", op: "eq", value: "x" } }, true],
    ["empty all is still true", ALWAYS, true],
  ])("%s", (_name, condition, expected) => {
    for (const [, facts] of empties) expect(holds(condition, facts)).toBe(expected);
  });
});
