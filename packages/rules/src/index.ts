/**
 * @parley/rules: the rules engine of SPEC W1, as pure functions. A rule is a JSON document
 * (conditions as an all/any/not tree over a fixed catalogue of facts, and actions); the server
 * validates it when an admin saves it, compiles a workspace's rules once into closures, and
 * evaluates every message, conversation update and timer against them. Nothing here reads the
 * clock or does IO (benchRules excepted, which measures), so a dry run in the UI, the ingestion
 * pipeline and the tests all get the same answer for the same facts.
 *
 * Semantics worth knowing before writing rules:
 * - Rules run by position; a matching rule with stop_processing ends the run after its actions.
 * - Single-valued decisions (priority, category, team, assignee, status, acknowledgement,
 *   escalation, each tag) go to the first matching rule; later ones are reported as suppressed.
 * - An unset fact equals and contains nothing, so negative operators (neq, not_in, not_contains)
 *   match it; see operators.ts.
 * - Text matching is case- and accent-insensitive by default; regexes are Unicode and
 *   case-insensitive but accent-sensitive; see text.ts.
 */

export {
  type Action,
  type ActionInput,
  ActionSchema,
  type ActionType,
  actionKey,
  actionSlot,
} from "./actions";
export { type BenchOptions, type BenchResult, benchRules } from "./bench";
export {
  type CompiledAction,
  type CompiledRule,
  type CompiledRuleSet,
  compileRules,
  DEFAULT_CLOCK,
} from "./compile";
export type { ConditionNode } from "./compile-condition";
export type { Predicate } from "./compile-leaf";
export {
  type AllCondition,
  type AnyCondition,
  type Condition,
  conditionIssues,
  formatPath,
  type LeafCondition,
  MAX_CONDITION_DEPTH,
  type NotCondition,
  type Path,
  type RuleIssue,
} from "./conditions";
export { type DueTime, dueTimeFor, nextDueTime, secondsUntilDue } from "./due-time";
export { type Evaluation, evaluate, mergeActions, type RuleMatch, type SuppressedAction } from "./evaluate";
export { type Explanation, explain, type LeafExplanation, type RuleExplanation } from "./explain";
export {
  type ConversationFacts,
  type CustomerFacts,
  type MessageFacts,
  type RuleFacts,
  SLA_STATES,
  type SlaStandingFacts,
  type SlaState,
  type TimeFacts,
  WEEKDAYS,
  type Weekday,
} from "./facts";
export {
  CLOCK_FIELDS,
  type ClockField,
  FIELD_NAMES,
  FIELD_TYPES,
  FIELDS,
  type FieldName,
  type FieldSpec,
  type FieldType,
  isFieldName,
} from "./fields";
export { CASE_OPERATORS, OPERATORS, OPERATORS_BY_TYPE, type Operator } from "./operators";
export {
  ConditionSchema,
  formatIssue,
  type Rule,
  type RuleInput,
  RuleSchema,
  RulesValidationError,
  type RuleValidation,
  TRIGGERS,
  type Trigger,
  validateRule,
} from "./rule-schema";
export type { Scope } from "./scope";
export { compilePattern, foldText, MAX_PATTERN_LENGTH, nestedQuantifierAt } from "./text";
