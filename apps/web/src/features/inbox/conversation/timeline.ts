import type { ConversationEvent, Message, Note } from "@parley/contracts";

/** One row of the conversation's timeline, oldest first. */
export type TimelineEntry =
  | { kind: "message"; id: string; at: string; message: Message }
  | { kind: "note"; id: string; at: string; note: Note }
  | { kind: "event"; id: string; at: string; event: ConversationEvent; text: string };

export interface Names {
  user: (id: string) => string | undefined;
  team: (id: string) => string | undefined;
}

const STATUS_WORDS: Record<string, string> = {
  new: "new",
  open: "open",
  pending: "pending",
  on_hold: "on hold",
  escalated: "escalated",
  resolved: "resolved",
  closed: "closed",
  archived: "no response needed",
  spam: "spam",
};
const ROLE_WORDS: Record<string, string> = { lead: "a team lead", pr: "PR", legal: "legal" };

const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

function assigned(data: Record<string, unknown>, names: Names): string {
  const to = str(data.to);
  if (!to) return "unassigned the conversation";
  const who = names.user(to) ?? "someone";
  const via = data.via === "routing" ? " (routing)" : data.reason === "replied" ? " by replying" : "";
  return `assigned it to ${who}${via}`;
}

function tagsChanged(data: Record<string, unknown>): string {
  const from = new Set(list(data.from).map((t) => t.toLowerCase()));
  const to = list(data.to);
  const toSet = new Set(to.map((t) => t.toLowerCase()));
  const added = to.filter((t) => !from.has(t.toLowerCase()));
  const removed = list(data.from).filter((t) => !toSet.has(t.toLowerCase()));
  const parts = [
    added.length ? `added ${added.map((t) => `#${t}`).join(", ")}` : "",
    removed.length ? `removed ${removed.map((t) => `#${t}`).join(", ")}` : "",
  ].filter(Boolean);
  return parts.length ? `${parts.join(" and ")}` : "changed the tags";
}

function escalated(data: Record<string, unknown>, names: Names): string {
  const to = (data.to ?? {}) as Record<string, unknown>;
  const team = str(to.team_id);
  const role = str(to.role);
  const target = team ? (names.team(team) ?? "a team") : role ? (ROLE_WORDS[role] ?? role) : "someone";
  const reason = str(data.reason);
  const callback = (data.callback as { phone?: string } | null)?.phone;
  return `escalated to ${target}${reason ? `: “${reason}”` : ""}${callback ? ` · callback requested` : ""}`;
}

function slaText(type: string, data: Record<string, unknown>): string {
  const target = str(data.target)?.replace(/_/g, " ") ?? "response";
  return type === "sla_breached"
    ? `SLA breached: ${target} target missed`
    : `SLA warning: ${target} due soon`;
}

/** What one history event says, in the desk's words; null for events shown another way. */
export function describeEvent(event: ConversationEvent, names: Names): string | null {
  const d = event.data;
  switch (event.type) {
    case "status_changed": {
      const to = STATUS_WORDS[String(d.to)] ?? String(d.to);
      const reason = str(d.reason);
      return `marked it ${to}${reason ? ` (${reason})` : ""}`;
    }
    case "priority_changed":
      return `set priority to ${String(d.to)}`;
    case "assigned":
      return assigned(d, names);
    case "team_changed":
      return str(d.to) ? `moved it to ${names.team(String(d.to)) ?? "another team"}` : "removed the team";
    case "tags_changed":
      return tagsChanged(d);
    case "escalated":
      return escalated(d, names);
    case "close_loop_reminder":
      return "asked for a public reply to close the loop";
    case "approval_requested":
      return `asked for approval${str(d.reason) ? `: ${String(d.reason)}` : ""}`;
    case "approval_decided":
      return `${d.decision === "rejected" ? "rejected" : "approved"} a reply${str(d.comment) ? `: “${String(d.comment)}”` : ""}`;
    case "sla_warning":
    case "sla_breached":
      return slaText(event.type, d);
    case "rule_matched":
      return `matched (${list(d.actions).join(", ").replace(/_/g, " ") || "no actions"})`;
    case "suggestion":
    case "notification":
      return str(d.text) ?? str(d.message);
    default:
      // message_in/out and note_added appear as the message or note itself.
      return null;
  }
}

/** Messages, notes and history in one list, oldest first; ties keep messages before what they caused. */
export function buildTimeline(
  messages: readonly Message[],
  notes: readonly Note[],
  events: readonly ConversationEvent[],
  names: Names,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...messages.map((m): TimelineEntry => ({ kind: "message", id: m.id, at: m.sent_at, message: m })),
    ...notes.map((n): TimelineEntry => ({ kind: "note", id: n.id, at: n.created_at, note: n })),
  ];
  for (const event of events) {
    const text = describeEvent(event, names);
    if (text) entries.push({ kind: "event", id: `event-${event.id}`, at: event.created_at, event, text });
  }
  const rank = { message: 0, note: 1, event: 2 } as const;
  return entries
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .sort((a, b) => a.t - b.t || rank[a.e.kind] - rank[b.e.kind] || a.i - b.i)
    .map(({ e }) => e);
}

/** The newest message the agent has in front of them, sent as `seen_message_id` with a reply. */
export function newestMessageId(messages: readonly Message[]): string | undefined {
  let newest: Message | undefined;
  for (const m of messages) if (!newest || Date.parse(m.sent_at) >= Date.parse(newest.sent_at)) newest = m;
  return newest?.id;
}
