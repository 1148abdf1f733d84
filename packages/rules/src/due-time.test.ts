import { describe, expect, it } from "vitest";
import { seededRandom } from "./bench-fixtures";
import { type CompiledRule, compileRules } from "./compile";
import type { Condition } from "./conditions";
import { dueTimeFor, nextDueTime, secondsUntilDue } from "./due-time";
import { evaluate } from "./evaluate";
import type { ConversationFacts, RuleFacts } from "./facts";
import { ALWAYS, ruleDoc } from "./rules.fixture";

function timer(conditions: Condition, after: number, more: Record<string, unknown> = {}): CompiledRule {
  const compiled = compileRules([
    ruleDoc("t", conditions, { trigger: "time_elapsed", after_seconds: after, ...more }),
  ]);
  return compiled.rules[0] as CompiledRule;
}

const open: Condition = { field: "conversation.status", op: "in", value: ["new", "open"] };
const conv = (c: ConversationFacts, extra: RuleFacts = {}): RuleFacts => ({ conversation: c, ...extra });

describe("secondsUntilDue", () => {
  it.each<
    [string, Condition, number, ConversationFacts | RuleFacts, number | null, Record<string, unknown>?]
  >([
    ["no reply for an hour: just started", open, 3600, { status: "new", waiting_seconds: 0 }, 3600],
    ["part way", open, 3600, { status: "open", waiting_seconds: 1000 }, 2600],
    ["exactly due", open, 3600, { status: "open", waiting_seconds: 3600 }, 0],
    ["overdue stays due", open, 3600, { status: "open", waiting_seconds: 5000 }, 0],
    [
      "fractional clock rounds up to a whole second",
      open,
      3600,
      { status: "open", waiting_seconds: 1000.5 },
      2600,
    ],
    ["agent spoke last: no clock, never", open, 3600, { status: "open", waiting_seconds: null }, null],
    ["conditions fail on held facts: never", open, 3600, { status: "pending", waiting_seconds: 10 }, null],
    [
      "another clock must also pass",
      { all: [open, { field: "conversation.age_seconds", op: "gt", value: 86_400 }] },
      600,
      { status: "open", waiting_seconds: 100, age_seconds: 80_000 },
      6401,
    ],
    [
      "a window that is still open",
      { field: "conversation.waiting_seconds", op: "lt", value: 7200 },
      3600,
      { waiting_seconds: 0 },
      3600,
    ],
    [
      "a window that has closed",
      { field: "conversation.waiting_seconds", op: "lt", value: 7200 },
      3600,
      { waiting_seconds: 7200 },
      null,
    ],
    [
      "between, inside",
      { field: "conversation.waiting_seconds", op: "between", value: [3600, 3700] },
      0,
      { waiting_seconds: 3650 },
      0,
    ],
    [
      "between, ahead",
      { field: "conversation.waiting_seconds", op: "between", value: [3600, 3700] },
      0,
      { waiting_seconds: 100 },
      3500,
    ],
    [
      "between, passed",
      { field: "conversation.waiting_seconds", op: "between", value: [3600, 3700] },
      0,
      { waiting_seconds: 3701 },
      null,
    ],
    [
      "eq, ahead",
      { field: "conversation.age_seconds", op: "eq", value: 4000 },
      0,
      { waiting_seconds: 0, age_seconds: 3990 },
      10,
    ],
    [
      "eq, missed by a fraction",
      { field: "conversation.age_seconds", op: "eq", value: 4000 },
      0,
      { waiting_seconds: 0, age_seconds: 3990.5 },
      null,
    ],
    [
      "in, the next point",
      { field: "conversation.age_seconds", op: "in", value: [100, 50] },
      0,
      { waiting_seconds: 0, age_seconds: 60 },
      40,
    ],
    [
      "neq, now",
      { field: "conversation.age_seconds", op: "neq", value: 10 },
      0,
      { waiting_seconds: 0, age_seconds: 10 },
      1,
    ],
    [
      "not_in, after the run",
      { field: "conversation.age_seconds", op: "not_in", value: [0, 1, 2] },
      0,
      { waiting_seconds: 0, age_seconds: 0 },
      3,
    ],
    [
      "not(gte) is a window",
      { not: { field: "conversation.waiting_seconds", op: "gte", value: 100 } },
      50,
      { waiting_seconds: 10 },
      40,
    ],
    [
      "lte, window",
      { field: "conversation.waiting_seconds", op: "lte", value: 100 },
      100,
      { waiting_seconds: 10 },
      90,
    ],
    [
      "any: the earlier branch",
      {
        any: [
          { field: "conversation.age_seconds", op: "gte", value: 10_000 },
          { field: "customer.verified", op: "eq", value: true },
        ],
      },
      0,
      { conversation: { waiting_seconds: 0, age_seconds: 9000 }, customer: { verified: false } },
      1000,
    ],
    [
      "any: a held fact already true",
      {
        any: [
          { field: "conversation.age_seconds", op: "gte", value: 10_000 },
          { field: "customer.verified", op: "eq", value: true },
        ],
      },
      0,
      { conversation: { waiting_seconds: 0, age_seconds: 9000 }, customer: { verified: true } },
      0,
    ],
    [
      "SLA remaining seconds are held (documented: wake on the SLA's own transitions)",
      { field: "sla.first_response_remaining_seconds", op: "lt", value: 600 },
      0,
      { conversation: { waiting_seconds: 0 }, sla: { first_response_remaining_seconds: 900 } },
      null,
    ],
    [
      "pending for a day on the idle clock: close the loop",
      { field: "conversation.status", op: "eq", value: "pending" },
      86_400,
      { status: "pending", idle_seconds: 80_000, waiting_seconds: null },
      6400,
      { clock: "conversation.idle_seconds" },
    ],
    [
      "an unset clock in a condition is held unset",
      { field: "conversation.age_seconds", op: "gt", value: 5 },
      0,
      { waiting_seconds: 0, age_seconds: null },
      null,
    ],
  ])("%s", (_name, conditions, after, facts, expected, more = {}) => {
    const rule = timer(conditions, after, more);
    const asFacts =
      "conversation" in facts || "customer" in facts
        ? (facts as RuleFacts)
        : conv(facts as ConversationFacts);
    expect(secondsUntilDue(rule, asFacts)).toBe(expected);
  });

  it("is null for rules that are not timers, and for disabled timers", () => {
    const message = compileRules([ruleDoc("m", ALWAYS)]).rules[0] as CompiledRule;
    expect(secondsUntilDue(message, conv({ waiting_seconds: 10 }))).toBeNull();
    expect(secondsUntilDue(timer(ALWAYS, 5, { enabled: false }), conv({ waiting_seconds: 10 }))).toBeNull();
  });
});

describe("dueTimeFor and nextDueTime", () => {
  const asOf = new Date("2026-03-02T10:00:00Z");

  it("turns the offset into an instant and names the clock's run", () => {
    const due = dueTimeFor(timer(open, 3600), {
      ...conv({ status: "open", waiting_seconds: 600 }),
      as_of: asOf,
    });
    expect(due).toEqual({
      rule_id: "t",
      at: new Date("2026-03-02T10:50:00Z"),
      clock_started_at: new Date("2026-03-02T09:50:00Z"),
    });
  });

  it("picks the earliest enabled timer", () => {
    const compiled = compileRules([
      ruleDoc("late", open, { trigger: "time_elapsed", after_seconds: 7200 }),
      ruleDoc(
        "never",
        { field: "conversation.status", op: "eq", value: "closed" },
        { trigger: "time_elapsed", after_seconds: 1 },
      ),
      ruleDoc("off", open, { trigger: "time_elapsed", after_seconds: 1, enabled: false }),
      ruleDoc("soon", open, { trigger: "time_elapsed", after_seconds: 1800 }),
      ruleDoc("message", ALWAYS),
    ]);
    const facts = { ...conv({ status: "open", waiting_seconds: 600 }), as_of: asOf };
    expect(nextDueTime(compiled, facts)?.rule_id).toBe("soon");
    expect(
      nextDueTime(compiled, { ...conv({ status: "closed", waiting_seconds: null }), as_of: asOf }),
    ).toBeNull();
  });
});

describe("due times agree with evaluate", () => {
  const rnd = seededRandom(11);
  const clocks = [
    "conversation.waiting_seconds",
    "conversation.age_seconds",
    "conversation.idle_seconds",
  ] as const;
  const ops = ["gt", "gte", "lt", "lte", "eq", "neq", "between"] as const;
  const leaf = (): Condition => {
    const field = clocks[Math.floor(rnd() * clocks.length)] as (typeof clocks)[number];
    const op = ops[Math.floor(rnd() * ops.length)] as (typeof ops)[number];
    const a = Math.floor(rnd() * 200);
    return { field, op, value: op === "between" ? [a, a + Math.floor(rnd() * 50)] : a };
  };
  const tree = (depth: number): Condition => {
    const roll = rnd();
    if (depth === 0 || roll < 0.4) return leaf();
    if (roll < 0.55) return { not: tree(depth - 1) };
    const children = [tree(depth - 1), tree(depth - 1)];
    return roll < 0.8 ? { all: children } : { any: children };
  };
  const advance = (c: ConversationFacts, d: number): RuleFacts => ({
    conversation: {
      waiting_seconds: (c.waiting_seconds as number) + d,
      age_seconds: (c.age_seconds as number) + d,
      idle_seconds: (c.idle_seconds as number) + d,
    },
  });

  it("fires at the due second and not the second before (500 random timers)", () => {
    let due = 0;
    for (let i = 0; i < 500; i++) {
      const after = Math.floor(rnd() * 150);
      const compiled = compileRules([
        ruleDoc("t", tree(3), { trigger: "time_elapsed", after_seconds: after }),
      ]);
      const rule = compiled.rules[0] as CompiledRule;
      const now: ConversationFacts = {
        waiting_seconds: Math.floor(rnd() * 100),
        age_seconds: Math.floor(rnd() * 300),
        idle_seconds: Math.floor(rnd() * 100),
      };
      const seconds = secondsUntilDue(rule, { conversation: now });
      const fires = (d: number) => evaluate(compiled, advance(now, d), "time_elapsed").matched.length === 1;
      if (seconds === null) {
        for (const d of [0, 1, 50, 100, 400, 1000]) expect(fires(d)).toBe(false);
        continue;
      }
      due++;
      expect(fires(seconds)).toBe(true);
      for (let d = 0; d < seconds; d++) expect(fires(d)).toBe(false);
    }
    expect(due).toBeGreaterThan(100);
  });
});
