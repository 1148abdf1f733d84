import { describe, expect, it } from "vitest";
import { benchRules } from "./bench";
import { benchFacts, seededRandom } from "./bench-fixtures";
import { benchRuleSet } from "./bench-rules";
import { compileRules } from "./compile";
import { evaluate } from "./evaluate";
import type { RuleFacts } from "./facts";
import { readFacts } from "./facts-reader";
import { FIELD_INDEX, FIELD_NAMES } from "./fields";

describe("readFacts", () => {
  it("reads every catalogue field at its FIELD_INDEX position", () => {
    const facts: Record<string, Record<string, string>> = {};
    for (const name of FIELD_NAMES) {
      const [group, key] = name.split(".") as [string, string];
      facts[group] = { ...facts[group], [key]: `value of ${name}` };
    }
    const values = readFacts(facts as RuleFacts);
    expect(values).toHaveLength(FIELD_NAMES.length);
    for (const name of FIELD_NAMES) expect(values[FIELD_INDEX[name]]).toBe(`value of ${name}`);
  });

  it("reads nothing from absent groups", () => {
    expect(readFacts({}).every((v) => v === undefined)).toBe(true);
  });
});

describe("bench workload", () => {
  it("builds valid, deterministic rules that match a realistic share of messages", () => {
    const rules = benchRuleSet(48, seededRandom(1));
    expect(benchRuleSet(48, seededRandom(1))).toEqual(rules);
    const compiled = compileRules(rules);
    const facts = benchFacts(200, seededRandom(2));
    const matched = facts.map((f) => evaluate(compiled, f).matched.length);
    const average = matched.reduce((a, b) => a + b, 0) / matched.length;
    expect(average).toBeGreaterThan(1);
    expect(average).toBeLessThan(24);
  });

  it("benchRules reports its workload (the figure itself is not asserted)", () => {
    const result = benchRules({ rules: 24, messages: 200 });
    expect(result).toMatchObject({ rules: 24, messages: 200 });
    expect(result.msgs_per_s).toBeGreaterThan(0);
    expect(result.matched_per_message).toBeGreaterThan(0);
  });
});
