import type { Conversation } from "@parley/contracts";
import { formatDuration } from "./time";

export type SlaTone = "ok" | "warning" | "breached";

export interface SlaClock {
  label: "First response" | "Next response" | "Resolution";
  dueAt: string;
  tone: SlaTone;
  /** "12m", or "-6m" once overdue. */
  text: string;
}

type SlaFields = Pick<
  Conversation,
  | "status"
  | "sla_state"
  | "first_response_at"
  | "first_response_due_at"
  | "next_response_due_at"
  | "resolution_due_at"
>;

const DONE = new Set(["resolved", "closed", "archived", "spam"]);
const TONE_RANK: Record<SlaTone, number> = { ok: 0, warning: 1, breached: 2 };

/**
 * The deadline the agent is racing now: the first response while none was sent, then the next
 * response, then resolution. The tone is the server's SLA state (which knows each policy's warning
 * threshold) or, between refreshes, what the clock says: past due is breached at once.
 */
export function slaClock(c: SlaFields, now: number): SlaClock | null {
  if (DONE.has(c.status) || c.sla_state === "none" || c.sla_state === "met") return null;
  const target: [SlaClock["label"], string | null] = !c.first_response_at
    ? ["First response", c.first_response_due_at]
    : c.next_response_due_at
      ? ["Next response", c.next_response_due_at]
      : ["Resolution", c.resolution_due_at];
  const [label, dueAt] = target;
  if (!dueAt) return null;
  const left = Date.parse(dueAt) - now;
  const server: SlaTone = c.sla_state === "breached" || c.sla_state === "warning" ? c.sla_state : "ok";
  const local: SlaTone = left < 0 ? "breached" : "ok";
  const tone = TONE_RANK[local] > TONE_RANK[server] ? local : server;
  return { label, dueAt, tone, text: left < 0 ? `-${formatDuration(left)}` : formatDuration(left) };
}
