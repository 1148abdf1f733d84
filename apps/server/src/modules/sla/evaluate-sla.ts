import {
  computeSla,
  nextSlaTransition,
  type SlaFacts,
  type SlaResult,
  type SlaTargetStatus,
  selectPolicy,
} from "@parley/sla";
import type { WorkspaceSla } from "./sla-cache";
import { type ConversationSlaRow, slaFactsOf } from "./sla-facts";

export const SLA_TARGETS = ["first_response", "next_response", "resolution"] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];
export type ConversationSlaState = "none" | "ok" | "warning" | "breached" | "met";

/** A target crossing its warning share or its due time, at the exact instant it did. */
export interface SlaTransition {
  workspaceId: string;
  conversationId: string;
  type: "sla_warning" | "sla_breached";
  target: SlaTarget;
  policyId: string;
  dueAt: Date;
  occurredAt: Date;
}

/** What a conversation's row should now say about its SLA. */
export interface SlaColumns {
  id: string;
  policyId: string | null;
  firstResponseDueAt: Date | null;
  nextResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  state: ConversationSlaState;
  nextCheckAt: Date | null;
}

/** Statuses that need no answer: no SLA runs on them. */
const NO_SLA_STATUSES = new Set(["archived", "spam"]);

/**
 * The conversation's state is its worst target's. A target met late counts as met here: the
 * breach itself stays in the event log (sla_breached), while the column says what needs doing now.
 */
const RANK: Record<SlaTargetStatus["state"], number> = {
  none: 0,
  met: 1,
  met_late: 1,
  ok: 2,
  warning: 3,
  breached: 4,
};
const STATE_OF_RANK: ConversationSlaState[] = ["none", "met", "ok", "warning", "breached"];

export const noSla = (id: string): SlaColumns => ({
  id,
  policyId: null,
  firstResponseDueAt: null,
  nextResponseDueAt: null,
  resolutionDueAt: null,
  state: "none",
  nextCheckAt: null,
});

/**
 * Selects the conversation's policy, computes its targets at `now` and lists the transitions that
 * have happened by `now` but are not yet in its event log. Throws what the engine throws (a
 * calendar with no open time ahead, a broken policy).
 */
export function evaluateSla(
  row: ConversationSlaRow,
  config: WorkspaceSla,
  now: Date,
): { columns: SlaColumns; transitions: SlaTransition[] } {
  const policy = NO_SLA_STATUSES.has(row.status)
    ? null
    : selectPolicy(config.policies, { channel: row.channel, priority: row.priority });
  if (!policy) return { columns: noSla(row.id), transitions: [] };
  const facts = slaFactsOf(row);
  const result = computeSla({ policy, calendar: config.calendarFor(policy), facts, now });
  const rank = Math.max(...SLA_TARGETS.map((t) => RANK[result[t].state]));
  const columns: SlaColumns = {
    id: row.id,
    policyId: policy.id,
    firstResponseDueAt: result.first_response.due_at,
    nextResponseDueAt: result.next_response.due_at,
    resolutionDueAt: result.resolution.due_at,
    state: STATE_OF_RANK[rank] ?? "none",
    nextCheckAt: nextSlaTransition(result),
  };
  const transitions = SLA_TARGETS.flatMap((target) =>
    transitionsOf(result, facts, target, now).flatMap((t) =>
      recorded(row, t.type, target, clockStart(facts, target)) ? [] : [{ ...t, target }],
    ),
  ).map((t) => ({ ...t, workspaceId: row.workspaceId, conversationId: row.id, policyId: policy.id }));
  return { columns, transitions };
}

/** When each target's clock started, as the engine reads the facts. */
function clockStart(facts: SlaFacts, target: SlaTarget): Date {
  if (target !== "next_response") return facts.startedAt;
  return facts.awaitingReplySince ?? facts.lastAnsweredTurn?.since ?? facts.startedAt;
}

/** What met the target: the reply or the resolution. */
function metAt(facts: SlaFacts, target: SlaTarget): Date | null {
  if (target === "first_response") return facts.firstResponseAt;
  if (target === "resolution") return facts.resolvedAt;
  return facts.awaitingReplySince ? null : (facts.lastAnsweredTurn?.repliedAt ?? null);
}

function transitionsOf(result: SlaResult, facts: SlaFacts, target: SlaTarget, now: Date) {
  const status = result[target];
  const out: { type: SlaTransition["type"]; dueAt: Date; occurredAt: Date }[] = [];
  const due = status.due_at;
  if (!due) return out;
  const breached = status.state === "breached" || status.state === "met_late";
  const warning = status.warning_at;
  const met = metAt(facts, target);
  const warned =
    warning !== null &&
    warning <= now &&
    (breached || status.state === "warning" || (status.state === "met" && met !== null && met > warning));
  if (warned) out.push({ type: "sla_warning", dueAt: due, occurredAt: warning });
  if (breached) out.push({ type: "sla_breached", dueAt: due, occurredAt: due });
  return out;
}

/**
 * Whether the event is already in the log. First response and resolution warn and breach once per
 * conversation; next response once per customer turn (its events all happen after the turn began).
 */
function recorded(row: ConversationSlaRow, type: string, target: SlaTarget, since: Date): boolean {
  return row.slaEvents.some(
    (e) => e.type === type && e.target === target && (target !== "next_response" || e.at >= since.getTime()),
  );
}

/** Whether the row already says what `columns` says (then it is not written). */
export function unchanged(row: ConversationSlaRow, c: SlaColumns): boolean {
  const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
  return (
    row.slaPolicyId === c.policyId &&
    row.slaState === c.state &&
    same(row.firstResponseDueAt, c.firstResponseDueAt) &&
    same(row.nextResponseDueAt, c.nextResponseDueAt) &&
    same(row.resolutionDueAt, c.resolutionDueAt) &&
    same(row.slaNextCheckAt, c.nextCheckAt)
  );
}
