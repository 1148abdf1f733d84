import { type ActionInput, validateRule } from "@parley/rules";
import type { TopicKind } from "./crisis-counts";

/**
 * Crisis mode works through a rule it owns, so it runs where every rule runs (the pipeline rereads
 * enabled rules within seconds) and the conversation history shows it like any rule. The rule sits
 * far ahead of the admins' rules (they start at 0): it takes the team slot first, so a later rule
 * cannot route a crisis message back to the ordinary queue.
 */
export const CRISIS_RULE_POSITION = -1000;
export const CRISIS_TAG = "crisis";

/** The condition on the message that puts it on the topic. */
function topicLeaf(kind: TopicKind, topic: string) {
  switch (kind) {
    case "category":
      return { field: "message.category", op: "eq", value: topic };
    case "listening":
      return { field: "message.listening", op: "includes_any", value: [topic] };
    case "keyword":
      return { field: "message.text", op: "contains", value: topic };
  }
}

export interface CrisisRuleInput {
  topicKind: TopicKind;
  topic: string;
  /** The topic as people read it (a listening profile's name rather than its id). */
  label: string;
  teamId: string | null;
  holdingTemplateId: string | null;
}

/** The rule document of a crisis mode: route to the crisis team, hold replies, offer the holding message. */
export function crisisRule(input: CrisisRuleInput) {
  const reason = `Crisis mode: ${input.label}`;
  const actions: ActionInput[] = [
    ...(input.teamId ? [{ type: "route_to_team" as const, team_id: input.teamId }] : []),
    { type: "require_approval", reason },
    ...(input.holdingTemplateId
      ? [{ type: "suggest_template" as const, template_id: input.holdingTemplateId }]
      : []),
    { type: "add_tag", tag: CRISIS_TAG },
  ];
  const doc = {
    id: "crisis",
    name: reason.slice(0, 200),
    position: CRISIS_RULE_POSITION,
    trigger: "message_received" as const,
    // Spam on the topic (bots piling onto a hashtag) stays out of the crisis team's queue.
    conditions: {
      all: [topicLeaf(input.topicKind, input.topic), { field: "message.is_spam", op: "eq", value: false }],
    },
    actions,
  };
  const checked = validateRule(doc);
  if (!checked.ok) throw new Error(`crisis rule is invalid: ${JSON.stringify(checked.issues)}`);
  return { name: doc.name, conditions: doc.conditions, actions: doc.actions as Record<string, unknown>[] };
}
