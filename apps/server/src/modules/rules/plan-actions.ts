import type { Priority } from "@parley/contracts";
import type { Action, Evaluation } from "@parley/rules";
import type { MessageFactsRow } from "./facts";

/** The score a priority set by a rule gives the conversation (as an agent's choice does). */
export const PRIORITY_SCORE: Record<Priority, number> = { urgent: 90, high: 70, normal: 50, low: 20 };

/** What the matching rules of a batch decided for one conversation, ready to write. */
export interface ConversationPlan {
  workspaceId: string;
  conversationId: string;
  /** The row as read, to write only what changes and log from → to. */
  before: Pick<MessageFactsRow, "status" | "priority" | "team_id" | "assignee_id" | "tags" | "c_category">;
  language: string | null;
  category?: string;
  tags: string[];
  priority?: Priority;
  teamId?: string;
  status?: string;
  approvalReason?: string;
  assigneeId?: string;
  autoAssign: boolean;
  escalation?: { to: Record<string, unknown>; reason: string };
  spamMessageIds: string[];
  /** Rule ids, in order, with the message that matched them and the actions each asked for. */
  matched: { ruleId: string; messageId: string; at: Date; actions: readonly Action[] }[];
  suggestions: {
    ruleId: string;
    messageId: string;
    at: Date;
    action: Action;
    result?: Record<string, unknown>;
  }[];
}

/**
 * Folds the rules' decisions on a batch's messages (oldest first) into one plan per
 * conversation. A later message's decision replaces an earlier one for single values (priority,
 * team, status); tags accumulate. Teams and users the workspace does not have are left out, so a
 * rule naming a deleted team does nothing rather than failing ingestion.
 */
export function planActions(
  results: { row: MessageFactsRow; evaluation: Evaluation }[],
  known: { teams: Set<string>; users: Set<string> },
): ConversationPlan[] {
  const plans = new Map<string, ConversationPlan>();
  for (const { row, evaluation } of results) {
    if (evaluation.matched.length === 0) continue;
    const plan = plans.get(row.conversation_id) ?? newPlan(row);
    plans.set(row.conversation_id, plan);
    const at = row.sent_at instanceof Date ? row.sent_at : new Date(row.sent_at);
    for (const m of evaluation.matched)
      plan.matched.push({ ruleId: m.rule_id, messageId: row.message_id, at, actions: m.actions });
    const ruleOf = new Map(
      evaluation.matched.flatMap((m) => m.actions.map((a) => [a, m.rule_id] as [Action, string])),
    );
    for (const action of evaluation.actions)
      apply(plan, action, known, {
        ruleId: ruleOf.get(action) ?? (evaluation.matched[0]?.rule_id as string),
        messageId: row.message_id,
        at,
        row,
      });
  }
  return [...plans.values()];
}

function newPlan(row: MessageFactsRow): ConversationPlan {
  return {
    workspaceId: row.workspace_id,
    conversationId: row.conversation_id,
    before: {
      status: row.status,
      priority: row.priority,
      team_id: row.team_id,
      assignee_id: row.assignee_id,
      tags: row.tags ?? [],
      c_category: row.c_category,
    },
    language: row.c_language ?? row.language,
    tags: [...(row.tags ?? [])],
    autoAssign: false,
    spamMessageIds: [],
    matched: [],
    suggestions: [],
  };
}

function apply(
  plan: ConversationPlan,
  action: Action,
  known: { teams: Set<string>; users: Set<string> },
  from: { ruleId: string; messageId: string; at: Date; row: MessageFactsRow },
) {
  switch (action.type) {
    case "set_category":
      plan.category = action.category;
      return;
    case "add_tag":
      if (!plan.tags.includes(action.tag)) plan.tags.push(action.tag);
      return;
    case "remove_tag":
      plan.tags = plan.tags.filter((t) => t !== action.tag);
      return;
    case "set_priority":
      plan.priority = action.priority;
      return;
    case "route_to_team":
      if (known.teams.has(action.team_id)) plan.teamId = action.team_id;
      return;
    case "assign":
      if (action.to === "auto") plan.autoAssign = true;
      else if (known.users.has(action.to.user_id)) plan.assigneeId = action.to.user_id;
      return;
    case "archive_no_response":
      plan.status = "archived";
      return;
    case "mark_spam":
      plan.status = "spam";
      plan.spamMessageIds.push(from.messageId);
      return;
    case "set_status":
      plan.status = action.status;
      return;
    case "require_approval":
      plan.approvalReason = plan.approvalReason ? `${plan.approvalReason}; ${action.reason}` : action.reason;
      return;
    case "escalate":
      plan.status = "escalated";
      if ("team_id" in action.to && known.teams.has(action.to.team_id)) plan.teamId = action.to.team_id;
      plan.escalation = { to: action.to, reason: action.reason };
      return;
    default:
      // Suggestions, notifications and acknowledgements are shown to people, not written on the row.
      plan.suggestions.push({ ruleId: from.ruleId, messageId: from.messageId, at: from.at, action });
  }
}
