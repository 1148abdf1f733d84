import type { ConversationEventType } from "../../platform/db/schema";

/** The live channel's words for what changed (`conversation.changed.reasons`), by event type. */
const REASON_OF: Partial<Record<ConversationEventType, string>> = {
  message_in: "message",
  message_out: "message",
  status_changed: "status",
  priority_changed: "priority",
  assigned: "assignment",
  team_changed: "assignment",
  tags_changed: "tags",
  note_added: "note",
  contact_changed: "contact",
  escalated: "escalation",
  close_loop_reminder: "status",
  approval_requested: "approval",
  approval_decided: "approval",
  sla_warning: "sla",
  sla_breached: "sla",
};

/** Reasons for the conversation events a change logged, deduplicated. */
export function reasonsFor(eventTypes: readonly string[]): string[] {
  return [...new Set(eventTypes.map((t) => REASON_OF[t as ConversationEventType] ?? t))];
}
