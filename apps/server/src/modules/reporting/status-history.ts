/*
 * A conversation's status history, read from its status_changed events (ADR 0006): when it was
 * resolved for good, how often it was reopened, and when it needed no work (for the backlog).
 * Pure.
 */

/** Statuses in which a conversation is done: resolved by an agent or acknowledged by the customer. */
export const RESOLVED_STATUSES: ReadonlySet<string> = new Set(["resolved", "closed"]);
/** Statuses in which nobody owes the customer anything: out of the backlog. */
export const NOT_OPEN_STATUSES: ReadonlySet<string> = new Set(["resolved", "closed", "archived", "spam"]);

export interface StatusEvent {
  occurredAt: Date;
  /** The status the conversation moved to (`data.to` of a status_changed event). */
  to: string;
}

export interface StatusSubject {
  status: string;
  createdAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
}

export interface Stretch {
  status: string;
  from: Date;
  /** Null while it lasts. */
  to: Date | null;
}

export interface Span {
  from: Date;
  to: Date | null;
}

/**
 * The stretches of time the conversation spent in each status, from its creation ("new") on.
 * The row's status is the truth: when the log's last status disagrees (a change written without
 * its event), the row's status starts at its resolved, closed or updated time.
 */
export function statusStretches(c: StatusSubject, changes: readonly StatusEvent[]): Stretch[] {
  const ordered = [...changes].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const stretches: Stretch[] = [{ status: "new", from: c.createdAt, to: null }];
  const push = (status: string, at: Date) => {
    const last = stretches.at(-1) as Stretch;
    if (last.status === status) return;
    last.to = at;
    stretches.push({ status, from: at, to: null });
  };
  for (const change of ordered) push(change.to, change.occurredAt);
  if ((stretches.at(-1) as Stretch).status !== c.status) {
    const at = RESOLVED_STATUSES.has(c.status) ? (c.resolvedAt ?? c.closedAt ?? c.updatedAt) : c.updatedAt;
    push(c.status, at);
  }
  return stretches;
}

export interface StatusFacts {
  /** Start of the final run of resolved/closed stretches; null unless the conversation is resolved now. */
  resolvedAt: Date | null;
  /** How many times it went from resolved/closed back to an open status. */
  reopened: number;
  /** When it was resolved, closed, archived or spam: no part of the backlog. */
  notOpenSpans: Span[];
}

export function statusFacts(c: StatusSubject, changes: readonly StatusEvent[]): StatusFacts {
  const stretches = statusStretches(c, changes);
  let reopened = 0;
  for (let i = 1; i < stretches.length; i++) {
    const before = (stretches[i - 1] as Stretch).status;
    const after = (stretches[i] as Stretch).status;
    if (RESOLVED_STATUSES.has(before) && !NOT_OPEN_STATUSES.has(after)) reopened++;
  }
  let resolvedAt: Date | null = null;
  if (RESOLVED_STATUSES.has(c.status)) {
    let i = stretches.length - 1;
    while (i > 0 && RESOLVED_STATUSES.has((stretches[i - 1] as Stretch).status)) i--;
    resolvedAt = (stretches[i] as Stretch).from;
  }
  const notOpenSpans: Span[] = [];
  for (const s of stretches) {
    if (!NOT_OPEN_STATUSES.has(s.status)) continue;
    const last = notOpenSpans.at(-1);
    // Resolved then closed is one span: the conversation stayed out of the backlog.
    if (last && last.to?.getTime() === s.from.getTime()) last.to = s.to;
    else notOpenSpans.push({ from: s.from, to: s.to });
  }
  return { resolvedAt, reopened, notOpenSpans };
}

/** Whether the conversation was in the backlog at `at`: started by then and not done at that instant. */
export function openAt(startedAt: Date, notOpenSpans: readonly Span[], at: Date): boolean {
  const t = at.getTime();
  if (startedAt.getTime() > t) return false;
  return !notOpenSpans.some((s) => s.from.getTime() <= t && (s.to === null || t < s.to.getTime()));
}
