import { type Action, actionKey, actionSlot } from "./actions";
import { buildNode, type ConditionNode, fieldsOf, toPredicate } from "./compile-condition";
import type { CompileContext, Predicate } from "./compile-leaf";
import type { RuleIssue } from "./conditions";
import type { RuleMatch } from "./evaluate";
import { type ClockField, FIELD_INDEX, type FieldName } from "./fields";
import { type NeedleIndex, newNeedleIndex, sealNeedleIndex } from "./needle-index";
import { type Rule, RulesValidationError, TRIGGERS, type Trigger, validateRule } from "./rule-schema";

/** An action with what merging needs, worked out once. */
export interface CompiledAction {
  readonly action: Action;
  /** See actionSlot: null for actions that accumulate. */
  readonly slot: string | null;
  readonly key: string;
  /** `slot` and `key` numbered within the rule set (slot -1 when null): merging compares small ints. */
  readonly slot_id: number;
  readonly key_id: number;
}

export interface CompiledRule {
  readonly id: string;
  readonly name: string | null;
  readonly enabled: boolean;
  readonly trigger: Trigger;
  readonly stop_processing: boolean;
  /** For time_elapsed rules: the clock and how far it must run; null otherwise. */
  readonly after_seconds: number | null;
  readonly clock: ClockField | null;
  readonly actions: readonly Action[];
  /** This rule's entry in an evaluation's `matched`, built once and frozen. */
  readonly match: RuleMatch;
  readonly compiled_actions: readonly CompiledAction[];
  /** The fields the conditions read (the clock included), e.g. to know who depends on time.*. */
  readonly fields: ReadonlySet<FieldName>;
  readonly condition: ConditionNode;
  /** The conditions alone. */
  readonly conditions_hold: Predicate;
  /** The conditions and, for a time_elapsed rule, its clock having run `after_seconds`. */
  readonly matches: Predicate;
  readonly source: Rule;
}

/** Rules in evaluation order; `by_trigger` holds the enabled ones only. */
export interface CompiledRuleSet {
  readonly rules: readonly CompiledRule[];
  readonly by_trigger: Readonly<Record<Trigger, readonly CompiledRule[]>>;
}

/** The clock a time_elapsed rule counts unless it names another: "no agent reply for". */
export const DEFAULT_CLOCK: ClockField = "conversation.waiting_seconds";

/**
 * Validates and compiles rule documents (rows' JSON as stored) once, so evaluating a message is
 * only closure calls: regexes compiled (with their literal prefilter), needles folded, long `in`
 * lists made Sets, and every substring the rules look for in a text field gathered into one
 * automaton that scans the message once (needle-index.ts). Rules run by
 * `position`, ties (and rules without one) in the given order. Throws RulesValidationError with
 * every problem, paths from the list (`[3].conditions.all[0].op`); duplicate ids are refused
 * because results and suppressions name rules by id.
 */
export function compileRules(inputs: readonly unknown[]): CompiledRuleSet {
  const issues: RuleIssue[] = [];
  const valid: { rule: Rule; index: number }[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const result = validateRule(input);
    if (!result.ok) {
      issues.push(...result.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] })));
      return;
    }
    if (seen.has(result.rule.id)) {
      issues.push({ path: [index, "id"], message: `duplicate rule id ${JSON.stringify(result.rule.id)}` });
    }
    seen.add(result.rule.id);
    valid.push({ rule: result.rule, index });
  });
  if (issues.length > 0) throw new RulesValidationError(issues);
  valid.sort((a, b) => (a.rule.position ?? 0) - (b.rule.position ?? 0) || a.index - b.index);
  const ids = { slots: new Map<string, number>(), keys: new Map<string, number>() };
  const needles = new Map<FieldName, NeedleIndex>();
  const context: CompileContext = {
    needles: (field) =>
      needles.get(field) ?? (needles.set(field, newNeedleIndex()).get(field) as NeedleIndex),
  };
  const rules = valid.map(({ rule }) => compileRule(rule, ids, context));
  for (const index of needles.values()) sealNeedleIndex(index);
  const by_trigger = Object.fromEntries(
    TRIGGERS.map((trigger) => [trigger, rules.filter((r) => r.enabled && r.trigger === trigger)]),
  ) as Record<Trigger, CompiledRule[]>;
  return { rules, by_trigger };
}

interface Numbering {
  slots: Map<string, number>;
  keys: Map<string, number>;
}

function numbered(map: Map<string, number>, name: string): number {
  let id = map.get(name);
  if (id === undefined) {
    id = map.size;
    map.set(name, id);
  }
  return id;
}

function compileAction(action: Action, ids: Numbering): CompiledAction {
  const slot = actionSlot(action);
  const key = actionKey(action);
  const slot_id = slot === null ? -1 : numbered(ids.slots, slot);
  return { action, slot, key, slot_id, key_id: numbered(ids.keys, key) };
}

function compileRule(rule: Rule, ids: Numbering, context: CompileContext): CompiledRule {
  const condition = buildNode(rule.conditions, ["conditions"], context);
  const conditionsHold = toPredicate(condition).test;
  const timed = rule.trigger === "time_elapsed";
  const clock = timed ? (rule.clock ?? DEFAULT_CLOCK) : null;
  const fields = fieldsOf(condition);
  if (clock) fields.add(clock);
  return {
    id: rule.id,
    name: rule.name ?? null,
    enabled: rule.enabled,
    trigger: rule.trigger,
    stop_processing: rule.stop_processing,
    after_seconds: timed ? (rule.after_seconds ?? 0) : null,
    clock,
    actions: rule.actions,
    match: Object.freeze({ rule_id: rule.id, actions: rule.actions }),
    compiled_actions: rule.actions.map((action) => compileAction(action, ids)),
    fields,
    condition,
    conditions_hold: conditionsHold,
    matches: clock ? clockGate(clock, rule.after_seconds ?? 0, conditionsHold) : conditionsHold,
    source: rule,
  };
}

/** A timer fires once its clock has run; an unset clock (the agent spoke last) never fires. */
function clockGate(clock: ClockField, afterSeconds: number, conditionsHold: Predicate): Predicate {
  const at = FIELD_INDEX[clock];
  return (s) => {
    const elapsed = s.values[at];
    return typeof elapsed === "number" && elapsed >= afterSeconds && conditionsHold(s);
  };
}
