/**
 * What a pipeline step says about one inbound event. Steps return these and never log, time, retry
 * or dead-letter themselves: the runner does (ENGINEERING.md, style rule 4).
 *  - ok: go on;  drop: nothing to store (noise the network sent, a duplicate), not an error;
 *  - retry: a passing failure (database, a parent message not stored yet), try again later;
 *  - dlq: this event will never go through as it is; keep it with the reason for an admin.
 */
export type StepResult =
  | { kind: "ok" }
  | { kind: "drop"; reason: string }
  | { kind: "retry"; reason: string }
  | { kind: "dlq"; reason: string };

export const ok: StepResult = { kind: "ok" };
export const drop = (reason: string): StepResult => ({ kind: "drop", reason });
export const retry = (reason: string): StepResult => ({ kind: "retry", reason });
export const dlq = (reason: string): StepResult => ({ kind: "dlq", reason });

/** An event's end state after a run; `retry` leaves it pending for the bus to deliver again. */
export type EventOutcome =
  | { status: "processed" | "dropped" }
  | { status: "retry" | "dead"; step: string; reason: string };
