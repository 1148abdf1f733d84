import { type Calendar, compileCalendar } from "./calendar";
import { SECOND_MS } from "./civil";
import {
  instantAfterUnpaused,
  isPausedAt,
  normalizePauses,
  type PauseSpan,
  type SlaPause,
  unpausedMsBetween,
} from "./pauses";
import type { SlaPolicy } from "./policy";

/** The conversation's timeline, as far as SLA clocks care. */
export interface SlaFacts {
  /** First customer message, or the conversation's creation when it has none. Starts first response and resolution. */
  startedAt: Date;
  firstResponseAt: Date | null;
  /**
   * The oldest customer message after the last agent reply, null when the agent has the last
   * word. Starts the next-response clock, once there has been a first response.
   */
  awaitingReplySince: Date | null;
  /** The latest answered turn after the first response, so next response can report met or met late. */
  lastAnsweredTurn?: { since: Date; repliedAt: Date } | null;
  resolvedAt: Date | null;
  /**
   * Stretches in pending (waiting on the customer) or on hold, and any time spent resolved before
   * a reopen. They stop the resolution clock only; response clocks keep running.
   */
  pauses?: readonly SlaPause[];
}

export type SlaState = "ok" | "warning" | "breached" | "met" | "met_late" | "none";

/** One target's standing at `now`. Field names follow the wire format the desk shows. */
export interface SlaTargetStatus {
  state: SlaState;
  /** When the target is used up; null with no target, or while a running pause has stopped the clock. */
  due_at: Date | null;
  /** When the warning share of the target is used up. */
  warning_at: Date | null;
  /** Business seconds left (at `now`, or when met); negative once breached. Null with no target. */
  remaining_seconds: number | null;
  /** `due_at` once it has passed unmet (breached) or been met late. */
  breached_at: Date | null;
  /** The clock is standing still at `now`. */
  paused: boolean;
}

export interface SlaResult {
  first_response: SlaTargetStatus;
  next_response: SlaTargetStatus;
  resolution: SlaTargetStatus;
}

export interface ComputeSlaInput {
  policy: Pick<SlaPolicy, "firstResponseSeconds" | "nextResponseSeconds" | "resolutionSeconds">;
  /** Null counts every hour (24x7), as a policy without business hours does. */
  calendar: Calendar | null;
  facts: SlaFacts;
  now: Date;
  /** Share of a target after which it is "warning"; 0.8 unless set. 1 never warns. */
  warningRatio?: number;
}

export const DEFAULT_WARNING_RATIO = 0.8;

const ALWAYS_OPEN = compileCalendar({ timezone: "UTC", alwaysOpen: true, weekly: {}, holidays: [] });

const NO_TARGET: SlaTargetStatus = {
  state: "none",
  due_at: null,
  warning_at: null,
  remaining_seconds: null,
  breached_at: null,
  paused: false,
};

/** A running clock: where it starts, what stops it and what stands it still. */
interface TargetClock {
  targetMs: number;
  startMs: number;
  /** The reply or resolution that met the target. */
  metMs: number | null;
  /** Resolution without a reply: a response target is dropped unless it had already breached. */
  cancelledMs: number | null;
  pauses: readonly PauseSpan[];
}

/**
 * Due times and states of a conversation's three targets at `now`. Pure: the same input always
 * gives the same answer, so the scheduler can recompute after any event instead of storing state.
 */
export function computeSla(input: ComputeSlaInput): SlaResult {
  const { policy, facts } = input;
  const calendar = input.calendar ?? ALWAYS_OPEN;
  const ratio = input.warningRatio ?? DEFAULT_WARNING_RATIO;
  if (!(ratio >= 0 && ratio <= 1)) throw new RangeError(`warningRatio must be between 0 and 1, got ${ratio}`);
  const nowMs = input.now.getTime();
  const evaluate = (clock: TargetClock | null) =>
    clock ? evaluateTarget(calendar, clock, nowMs, ratio) : NO_TARGET;
  return {
    first_response: evaluate(firstResponseClock(policy.firstResponseSeconds, facts)),
    next_response: evaluate(nextResponseClock(policy.nextResponseSeconds, facts)),
    resolution: evaluate(resolutionClock(policy.resolutionSeconds, facts)),
  };
}

function firstResponseClock(seconds: number | null, facts: SlaFacts): TargetClock | null {
  if (seconds === null) return null;
  return {
    targetMs: targetMs("firstResponseSeconds", seconds),
    startMs: facts.startedAt.getTime(),
    metMs: facts.firstResponseAt?.getTime() ?? null,
    cancelledMs: facts.resolvedAt?.getTime() ?? null,
    pauses: [],
  };
}

function nextResponseClock(seconds: number | null, facts: SlaFacts): TargetClock | null {
  if (seconds === null || facts.firstResponseAt === null) return null;
  const turn = facts.awaitingReplySince
    ? { since: facts.awaitingReplySince, repliedAt: null }
    : (facts.lastAnsweredTurn ?? null);
  if (!turn) return null;
  return {
    targetMs: targetMs("nextResponseSeconds", seconds),
    startMs: turn.since.getTime(),
    metMs: turn.repliedAt?.getTime() ?? null,
    cancelledMs: facts.resolvedAt?.getTime() ?? null,
    pauses: [],
  };
}

function resolutionClock(seconds: number | null, facts: SlaFacts): TargetClock | null {
  if (seconds === null) return null;
  const startMs = facts.startedAt.getTime();
  return {
    targetMs: targetMs("resolutionSeconds", seconds),
    startMs,
    metMs: facts.resolvedAt?.getTime() ?? null,
    cancelledMs: null,
    pauses: normalizePauses(facts.pauses ?? [], startMs),
  };
}

function evaluateTarget(
  calendar: Calendar,
  clock: TargetClock,
  nowMs: number,
  ratio: number,
): SlaTargetStatus {
  const { startMs, targetMs, pauses } = clock;
  // Facts dated after `now` have not happened yet as far as this answer goes.
  const metMs = clock.metMs !== null && clock.metMs <= nowMs ? clock.metMs : null;
  const cancelledMs = clock.cancelledMs !== null && clock.cancelledMs <= nowMs ? clock.cancelledMs : null;
  const due = instantAfterUnpaused(calendar, startMs, targetMs, pauses);
  const breachedBy = (instant: number) => due !== null && instant >= due;
  if (metMs === null && cancelledMs !== null && !breachedBy(cancelledMs)) return NO_TARGET;
  const atMs = Math.max(startMs, metMs ?? cancelledMs ?? nowMs);
  const warning = instantAfterUnpaused(calendar, startMs, Math.round(targetMs * ratio), pauses);
  const base = {
    due_at: toDate(due),
    warning_at: toDate(warning),
    remaining_seconds: (targetMs - unpausedMsBetween(calendar, startMs, atMs, pauses)) / SECOND_MS,
    paused: metMs === null && isPausedAt(pauses, atMs),
  };
  if (metMs !== null) {
    const late = due !== null && metMs > due;
    return { ...base, state: late ? "met_late" : "met", breached_at: late ? toDate(due) : null };
  }
  if (breachedBy(atMs)) return { ...base, state: "breached", breached_at: toDate(due) };
  const warned = warning !== null && atMs >= warning;
  return { ...base, state: warned ? "warning" : "ok", breached_at: null };
}

function targetMs(field: string, seconds: number): number {
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new RangeError(`policy.${field} must be a positive number of seconds, got ${seconds}`);
  }
  return Math.round(seconds * SECOND_MS);
}

function toDate(instant: number | null): Date | null {
  return instant === null ? null : new Date(instant);
}

/**
 * The next instant some target changes state by the passage of time alone (ok to warning,
 * warning to breached), or null when none will: a scheduler sleeps until then. Replies,
 * resolutions and pauses are events and trigger a recompute of their own.
 */
export function nextSlaTransition(result: SlaResult): Date | null {
  let next: number | null = null;
  for (const target of [result.first_response, result.next_response, result.resolution]) {
    const at = pendingTransition(target);
    if (at !== null && (next === null || at.getTime() < next)) next = at.getTime();
  }
  return next === null ? null : new Date(next);
}

function pendingTransition(target: SlaTargetStatus): Date | null {
  if (target.state === "ok") return target.warning_at ?? target.due_at;
  if (target.state === "warning") return target.due_at;
  return null;
}
