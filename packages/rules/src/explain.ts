import type { CompiledRule, CompiledRuleSet } from "./compile";
import type { ConditionNode } from "./compile-condition";
import { formatPath } from "./conditions";
import { mergeActions, type SuppressedAction } from "./evaluate";
import type { RuleFacts } from "./facts";
import { type ClockField, FIELD_INDEX, type FieldName } from "./fields";
import type { Operator } from "./operators";
import type { Trigger } from "./rule-schema";
import { newScope, type Scope } from "./scope";

export interface LeafExplanation {
  /** Where the leaf is in the rule document: `conditions.all[1].any[0]`. */
  path: string;
  field: FieldName;
  op: Operator;
  value: unknown;
  /** The fact as given (undefined when unset), before any folding. */
  actual: unknown;
  matched: boolean;
}

export interface RuleExplanation {
  rule_id: string;
  name: string | null;
  trigger: Trigger;
  enabled: boolean;
  conditions_hold: boolean;
  /** For time_elapsed rules: the clock's reading and whether it has run long enough. */
  clock?: { field: ClockField; seconds: unknown; after_seconds: number; elapsed: boolean };
  /** Conditions hold and, for a timer, the clock has run. */
  matched: boolean;
  /** False when an earlier matching rule of the same trigger stopped processing. */
  reached: boolean;
  /** Enabled, reached and matched: its actions go into the merge. */
  fired: boolean;
  /** Every leaf, in document order, each evaluated (no short-circuit) so the UI can show all. */
  leaves: LeafExplanation[];
}

export interface Explanation {
  rules: RuleExplanation[];
  /** Actions of fired rules that the merge dropped (per trigger), and the rule that won. */
  suppressed: SuppressedAction[];
}

/**
 * Which leaves matched or failed in each rule, for the dry-run UI ("why did this rule not
 * fire?"), and which actions lost to an earlier rule. Disabled rules are explained too, marked
 * so. With a trigger, only that trigger's rules. Slower than `evaluate` by design: it skips
 * nothing.
 */
export function explain(compiled: CompiledRuleSet, facts: RuleFacts, trigger?: Trigger): Explanation {
  const scope = newScope(facts);
  const stopped = new Set<Trigger>();
  const fired = new Map<Trigger, CompiledRule[]>();
  const rules: RuleExplanation[] = [];
  for (const rule of compiled.rules) {
    if (trigger !== undefined && rule.trigger !== trigger) continue;
    const explanation = explainRule(rule, scope, !stopped.has(rule.trigger));
    if (explanation.fired) {
      fired.set(rule.trigger, [...(fired.get(rule.trigger) ?? []), rule]);
      if (rule.stop_processing) stopped.add(rule.trigger);
    }
    rules.push(explanation);
  }
  const suppressed = [...fired.values()].flatMap((hits) => mergeActions(hits).suppressed);
  return { rules, suppressed };
}

function explainRule(rule: CompiledRule, scope: Scope, reached: boolean): RuleExplanation {
  const leaves: LeafExplanation[] = [];
  const conditionsHold = explainNode(rule.condition, scope, leaves);
  const clock = rule.clock === null ? undefined : clockReading(rule.clock, rule.after_seconds ?? 0, scope);
  const matched = conditionsHold && (clock?.elapsed ?? true);
  return {
    rule_id: rule.id,
    name: rule.name,
    trigger: rule.trigger,
    enabled: rule.enabled,
    conditions_hold: conditionsHold,
    ...(clock ? { clock } : {}),
    matched,
    reached,
    fired: rule.enabled && reached && matched,
    leaves,
  };
}

function clockReading(field: ClockField, afterSeconds: number, scope: Scope) {
  const seconds = scope.values[FIELD_INDEX[field]];
  return {
    field,
    seconds,
    after_seconds: afterSeconds,
    elapsed: typeof seconds === "number" && seconds >= afterSeconds,
  };
}

function explainNode(node: ConditionNode, scope: Scope, leaves: LeafExplanation[]): boolean {
  switch (node.kind) {
    case "leaf": {
      const matched = node.test(scope);
      const { field, op, value } = node.leaf;
      leaves.push({
        path: formatPath(node.path),
        field,
        op,
        value,
        actual: scope.values[FIELD_INDEX[field]],
        matched,
      });
      return matched;
    }
    case "not":
      return !explainNode(node.child, scope, leaves);
    case "all":
      return node.children.map((child) => explainNode(child, scope, leaves)).every(Boolean);
    case "any":
      return node.children.map((child) => explainNode(child, scope, leaves)).some(Boolean);
  }
}
