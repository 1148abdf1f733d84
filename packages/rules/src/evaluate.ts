import type { Action } from "./actions";
import type { CompiledRule, CompiledRuleSet } from "./compile";
import type { RuleFacts } from "./facts";
import type { Trigger } from "./rule-schema";
import { newScope } from "./scope";

export interface RuleMatch {
  readonly rule_id: string;
  /** The rule's own actions, all of them, before merging. Shared: do not mutate. */
  readonly actions: readonly Action[];
}

/** An action a matching rule asked for that the merged list leaves out, and why. */
export interface SuppressedAction {
  rule_id: string;
  action: Action;
  /** `duplicate`: an earlier rule asked for the same; `conflict`: it took the same slot first. */
  reason: "duplicate" | "conflict";
  /** The earlier rule whose action stands. */
  winner_rule_id: string;
}

export interface Evaluation {
  matched: RuleMatch[];
  /** What to do, in rule order then each rule's order, after dropping duplicates and conflicts. */
  actions: Action[];
  /** The matching rule with stop_processing that ended the run. */
  stopped_by?: string;
}

/**
 * Runs the enabled rules of one trigger, in order, against the facts. A rule with
 * stop_processing that matches contributes its actions and ends the run. Merging keeps the
 * first matching rule's choice for single-valued decisions (see actionSlot); `explain` reports
 * what was dropped. Pure: the same facts give the same answer, so a dry run shows exactly what
 * ingestion will do.
 */
export function evaluate(
  compiled: CompiledRuleSet,
  facts: RuleFacts,
  trigger: Trigger = "message_received",
): Evaluation {
  const scope = newScope(facts);
  const merge = newMerge();
  const matched: RuleMatch[] = [];
  for (const rule of compiled.by_trigger[trigger]) {
    if (!rule.matches(scope)) continue;
    matched.push(rule.match);
    addActions(merge, rule);
    if (rule.stop_processing) return { matched, actions: merge.actions, stopped_by: rule.id };
  }
  return { matched, actions: merge.actions };
}

/** The merged actions of matching rules given in evaluation order, with what was dropped and why. */
export function mergeActions(hits: readonly CompiledRule[]): {
  actions: Action[];
  suppressed: SuppressedAction[];
} {
  const merge = newMerge([]);
  for (const rule of hits) addActions(merge, rule);
  return { actions: merge.actions, suppressed: merge.suppressed ?? [] };
}

/**
 * Merge state in small parallel arrays rather than Maps: an evaluation keeps a handful of
 * actions, and scanning a few ints is cheaper than allocating maps for every message.
 */
interface Merge {
  actions: Action[];
  keys: number[];
  keyWinners: string[];
  slots: number[];
  slotWinners: string[];
  suppressed: SuppressedAction[] | undefined;
}

function newMerge(suppressed?: SuppressedAction[]): Merge {
  return { actions: [], keys: [], keyWinners: [], slots: [], slotWinners: [], suppressed };
}

function addActions(merge: Merge, rule: CompiledRule): void {
  for (const compiled of rule.compiled_actions) {
    const duplicate = merge.keys.indexOf(compiled.key_id);
    const conflict = compiled.slot_id < 0 ? -1 : merge.slots.indexOf(compiled.slot_id);
    if (duplicate >= 0 || conflict >= 0) {
      merge.suppressed?.push({
        rule_id: rule.id,
        action: compiled.action,
        reason: duplicate >= 0 ? "duplicate" : "conflict",
        winner_rule_id: (duplicate >= 0
          ? merge.keyWinners[duplicate]
          : merge.slotWinners[conflict]) as string,
      });
      continue;
    }
    merge.keys.push(compiled.key_id);
    merge.keyWinners.push(rule.id);
    if (compiled.slot_id >= 0) {
      merge.slots.push(compiled.slot_id);
      merge.slotWinners.push(rule.id);
    }
    merge.actions.push(compiled.action);
  }
}
