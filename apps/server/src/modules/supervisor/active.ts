import { ACTIVE_STATUSES } from "@parley/contracts";
import { sql } from "drizzle-orm";

/*
 * Shared SQL pieces of the supervisor view, over `conversations c`. The active-status list is
 * spelled exactly as the partial index conversations_active_priority_idx is, so PostgreSQL proves
 * the predicate and reads only the workspace's active conversations.
 */

export const ACTIVE_SQL = `c.status in (${ACTIVE_STATUSES.map((s) => `'${s}'`).join(", ")})`;
export const ACTIVE = sql.raw(ACTIVE_SQL);

/** The customer's latest message has no reply after it (as the SLA engine reads a pending turn). */
const AWAITING_SQL =
  "(c.last_customer_message_at is not null and (c.last_agent_message_at is null or c.last_customer_message_at > c.last_agent_message_at))";
export const AWAITING = sql.raw(AWAITING_SQL);

/**
 * Due times of the targets still to be met: first response until the first reply, next response
 * while the customer awaits one, resolution until resolved (null while its clock is paused).
 */
const PENDING_DUES = [
  ["first_response", "case when c.first_response_at is null then c.first_response_due_at end"],
  [
    "next_response",
    `case when c.first_response_at is not null and ${AWAITING_SQL} then c.next_response_due_at end`,
  ],
  ["resolution", "case when c.resolved_at is null then c.resolution_due_at end"],
] as const;

/** When the conversation's next pending target falls due (null: nothing pending). */
export const NEXT_DUE = sql.raw(`least(${PENDING_DUES.map(([, due]) => due).join(", ")})`);

/** Which target that is. */
export const NEXT_TARGET = sql.raw(
  `(case ${PENDING_DUES.map(([target, due]) => `when ${due} = least(${PENDING_DUES.map(([, d]) => d).join(", ")}) then '${target}'`).join(" ")} end)`,
);

export type Raw = Record<string, unknown>;

export const num = (v: unknown) => (v == null ? 0 : Number(v));
export const date = (v: unknown): Date | null =>
  v == null ? null : v instanceof Date ? v : new Date(String(v));
export const iso = (v: unknown): string | null => date(v)?.toISOString() ?? null;
