import type { CompiledRule, CompiledRuleSet } from "./compile";
import type { ConditionNode } from "./compile-condition";
import type { LeafCondition } from "./conditions";
import type { RuleFacts } from "./facts";
import { readFacts } from "./facts-reader";
import { FIELD_INDEX, FIELDS } from "./fields";
import { newScope, type Scope } from "./scope";

/**
 * When a time_elapsed rule will fire, worked out from the facts alone so a scheduler can sleep
 * until then. As time passes the clock fields (conversation.waiting_seconds, age_seconds,
 * idle_seconds) grow by one a second while set; every other fact is held at its snapshot. So the
 * answer is exact for rules on those clocks and a hint otherwise: SLA states, business hours and
 * the local hour change on their own schedule (wake at @parley/sla's nextSlaTransition and the
 * calendar's next opening too), and whatever happens to the conversation meanwhile changes the
 * facts. The scheduler always re-runs `evaluate(..., "time_elapsed")` with fresh facts when it
 * wakes; that is what decides. Offsets are whole seconds.
 *
 * A rule fires once per run of its clock: once due it stays due (offset 0) until the clock
 * resets, so the scheduler records (rule, conversation, clock_started_at) when it acts.
 */

/** Sorted, disjoint, half-open [start, end) spans of offsets in seconds from the snapshot. */
type Offsets = (readonly [number, number])[];

const ALL: Offsets = [[0, Number.POSITIVE_INFINITY]];
const NONE: Offsets = [];

function span(start: number, end: number): Offsets {
  const from = Math.max(0, start);
  return end > from ? [[from, end]] : NONE;
}

function intersect(a: Offsets, b: Offsets): Offsets {
  const out: Offsets = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aStart, aEnd] = a[i] as readonly [number, number];
    const [bStart, bEnd] = b[j] as readonly [number, number];
    const start = Math.max(aStart, bStart);
    const end = Math.min(aEnd, bEnd);
    if (end > start) out.push([start, end]);
    if (aEnd < bEnd) i++;
    else j++;
  }
  return out;
}

function union(a: Offsets, b: Offsets): Offsets {
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [start, end] of all) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

function complement(a: Offsets): Offsets {
  const out: Offsets = [];
  let from = 0;
  for (const [start, end] of a) {
    if (start > from) out.push([from, start]);
    from = end;
  }
  if (from < Number.POSITIVE_INFINITY) out.push([from, Number.POSITIVE_INFINITY]);
  return out;
}

/** Offsets d at which `now + d` satisfies the leaf, for a clock reading `x` now. */
function clockLeaf(leaf: LeafCondition, x: number): Offsets {
  const at = (v: number): Offsets => (Number.isInteger(v - x) ? span(v - x, v - x + 1) : NONE);
  const v = leaf.value as number;
  switch (leaf.op) {
    case "eq":
      return at(v);
    case "neq":
      return complement(at(v));
    case "in":
      return (leaf.value as number[]).map(at).reduce(union, NONE);
    case "not_in":
      return complement((leaf.value as number[]).map(at).reduce(union, NONE));
    case "gt":
      return span(Math.floor(v - x) + 1, Number.POSITIVE_INFINITY);
    case "gte":
      return span(Math.ceil(v - x), Number.POSITIVE_INFINITY);
    case "lt":
      return span(0, Math.ceil(v - x));
    case "lte":
      return span(0, Math.floor(v - x) + 1);
    case "between": {
      const [min, max] = leaf.value as [number, number];
      return intersect(span(Math.ceil(min - x), Number.POSITIVE_INFINITY), span(0, Math.floor(max - x) + 1));
    }
    default:
      return ALL;
  }
}

function offsetsOf(node: ConditionNode, scope: Scope): Offsets {
  switch (node.kind) {
    case "leaf": {
      const reading = scope.values[FIELD_INDEX[node.leaf.field]];
      const running = typeof reading === "number" && !Number.isNaN(reading);
      if (running && FIELDS[node.leaf.field].clock === true) return clockLeaf(node.leaf, reading);
      return node.test(scope) ? ALL : NONE;
    }
    case "not":
      return complement(offsetsOf(node.child, scope));
    case "all":
      return node.children.reduce(
        (acc, child) => (acc.length ? intersect(acc, offsetsOf(child, scope)) : acc),
        ALL,
      );
    case "any":
      return node.children.reduce((acc, child) => union(acc, offsetsOf(child, scope)), NONE);
  }
}

/**
 * Whole seconds from the facts' snapshot until the rule fires: 0 when it is due now, null when
 * passing time alone will not make it fire (its clock is not running, or its other conditions
 * fail). Null for rules that are not time_elapsed or are disabled.
 */
export function secondsUntilDue(rule: CompiledRule, facts: RuleFacts): number | null {
  if (rule.clock === null || !rule.enabled) return null;
  const scope = newScope(facts);
  const elapsed = scope.values[FIELD_INDEX[rule.clock]];
  if (typeof elapsed !== "number" || Number.isNaN(elapsed)) return null;
  const ripe = span(Math.ceil((rule.after_seconds ?? 0) - elapsed), Number.POSITIVE_INFINITY);
  const due = intersect(offsetsOf(rule.condition, scope), ripe);
  return due[0]?.[0] ?? null;
}

export interface DueTime {
  rule_id: string;
  at: Date;
  /** When the rule's clock started (`as_of` minus its reading): the run this firing belongs to. */
  clock_started_at: Date;
}

/** secondsUntilDue as an instant, counted from `facts.as_of`. */
export function dueTimeFor(rule: CompiledRule, facts: RuleFacts & { as_of: Date }): DueTime | null {
  const seconds = secondsUntilDue(rule, facts);
  if (seconds === null || rule.clock === null) return null;
  const asOf = facts.as_of.getTime();
  const elapsed = readFacts(facts)[FIELD_INDEX[rule.clock]] as number;
  return {
    rule_id: rule.id,
    at: new Date(asOf + seconds * 1000),
    clock_started_at: new Date(asOf - elapsed * 1000),
  };
}

/** The earliest due time among the set's enabled time_elapsed rules (ties: rule order). */
export function nextDueTime(compiled: CompiledRuleSet, facts: RuleFacts & { as_of: Date }): DueTime | null {
  let best: DueTime | null = null;
  for (const rule of compiled.by_trigger.time_elapsed) {
    const due = dueTimeFor(rule, facts);
    if (due && (best === null || due.at < best.at)) best = due;
  }
  return best;
}
