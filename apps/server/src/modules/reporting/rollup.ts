/*
 * The reporting rollup (ADR 0017): conversation_facts kept current from the conversation event
 * log. Every change to a conversation logs an event (seq: a bigserial); a round reads the events
 * after the watermark, recomputes their conversations' facts with the same pure conversationFacts
 * the reports always used, upserts them and moves the watermark, all in one transaction that holds
 * the state row's lock, so any number of processes can run rounds and only one works at a time.
 *
 * Commit order: a bigserial is taken when a row is inserted, not when its transaction commits, so
 * seq 41 can become visible after 42 was read. Seqs skipped over are kept as holes and re-read
 * every round until they appear or are older than the grace period (a rolled-back insert leaves a
 * gap for good). Writers that change what facts read without logging an event mark the row stale
 * (markFactsStale) and the next round recomputes it. Reports catch up before they read
 * (catchUpRollup), so a figure is never behind a committed write.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { Clock } from "../../platform/clock";
import { type Queryable, queryRows } from "../../platform/db";
import { conversationFacts as factsTable, workspaces } from "../../platform/db/schema";
import { startTicker } from "../../platform/ticker";
import { sharedSlaCache } from "../sla/sla-cache";
import { DEFAULT_ACTIVITY, type FactsOptions } from "./facts";
import { type FactsInsert, toFactsRow, upsertFacts } from "./facts-store";
import { loadConversationFacts } from "./report-load";

/** The state row's name (report_rollup_state.name). */
export const FACTS_ROLLUP = "conversation_facts";
/** Events read per round. */
export const EVENT_BATCH = 2000;
/** Stale rows recomputed per round. */
export const STALE_BATCH = 500;
/**
 * How long a skipped seq is waited for. Parley's transactions last milliseconds to seconds; one
 * still open after this long is treated as rolled back (its conversation is recomputed anyway by
 * its next change, or by `parley reports rebuild`).
 */
export const HOLE_GRACE_MS = 120_000;

export interface Hole {
  from: number;
  to: number;
  seen_at: string;
}

export interface RoundResult {
  /** Conversations recomputed. */
  conversations: number;
  events: number;
  lastSeq: number;
  /** The events batch was full: more may be waiting. */
  moreEvents: boolean;
  /** The stale batch was full. */
  moreStale: boolean;
  more: boolean;
}

type Touched = { seq: number; workspace_id: string; conversation_id: string };

/** Seqs in (after, …) the read skipped over, as ranges. */
export function skippedRanges(after: number, seqs: readonly number[], seenAt: Date): Hole[] {
  const holes: Hole[] = [];
  let expected = after + 1;
  for (const s of seqs) {
    if (s > expected) holes.push({ from: expected, to: s - 1, seen_at: seenAt.toISOString() });
    expected = Math.max(expected, s + 1);
  }
  return holes;
}

/** The holes minus the seqs that showed up, without those waited for longer than the grace period. */
export function remainingHoles(
  holes: readonly Hole[],
  filled: readonly number[],
  now: Date,
  graceMs: number,
) {
  const found = [...new Set(filled)].sort((a, b) => a - b);
  const out: Hole[] = [];
  for (const h of holes) {
    if (now.getTime() - Date.parse(h.seen_at) > graceMs) continue;
    let from = h.from;
    for (const s of found) {
      if (s < from || s > h.to) continue;
      if (s > from) out.push({ from, to: s - 1, seen_at: h.seen_at });
      from = s + 1;
    }
    if (from <= h.to) out.push({ from, to: h.to, seen_at: h.seen_at });
  }
  return out;
}

/** Facts options per workspace (its default business hours); null for a workspace that is gone. */
async function optionsOf(db: Queryable, workspaceId: string): Promise<FactsOptions | null> {
  const [ws] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!ws) return null;
  const sla = (await sharedSlaCache.get(db, [workspaceId])).get(workspaceId);
  return { calendar: sla?.calendarFor({ businessHoursId: null }) ?? null, activity: DEFAULT_ACTIVITY };
}

/**
 * Recomputes and writes these conversations' facts (grouped by workspace); those whose
 * conversation (or workspace) is gone lose their row. Returns how many were written.
 */
export async function refreshFacts(
  db: Queryable,
  touched: readonly { workspaceId: string; conversationId: string; seq?: number }[],
  now: Date,
  { clearStale = false } = {},
): Promise<number> {
  const byWorkspace = new Map<string, Map<string, number>>();
  for (const t of touched) {
    const ids = byWorkspace.get(t.workspaceId) ?? new Map<string, number>();
    ids.set(t.conversationId, Math.max(ids.get(t.conversationId) ?? 0, t.seq ?? 0));
    byWorkspace.set(t.workspaceId, ids);
  }
  let written = 0;
  for (const [workspaceId, ids] of byWorkspace) {
    const options = await optionsOf(db, workspaceId);
    const loaded = options ? await loadConversationFacts(db, workspaceId, [...ids.keys()], options) : [];
    const rows: FactsInsert[] = loaded.map((l) => toFactsRow(l, ids.get(l.facts.conversation_id) ?? 0, now));
    await upsertFacts(db, rows, { clearStale });
    const gone = [...ids.keys()].filter((id) => !loaded.some((l) => l.facts.conversation_id === id));
    if (gone.length > 0)
      await db
        .delete(factsTable)
        .where(and(eq(factsTable.workspaceId, workspaceId), inArray(factsTable.conversationId, gone)));
    written += rows.length;
  }
  return written;
}

/**
 * One round: the events after the watermark (at most `eventBatch`), the holes that filled, and the
 * stale rows (at most `staleBatch`, skipping rows a writer holds), recomputed in one transaction.
 */
export async function rollupRound(
  db: Queryable,
  now: Date,
  {
    eventBatch = EVENT_BATCH,
    staleBatch = STALE_BATCH,
    graceMs = HOLE_GRACE_MS,
  }: { eventBatch?: number; staleBatch?: number; graceMs?: number } = {},
): Promise<RoundResult> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`insert into report_rollup_state (name) values (${FACTS_ROLLUP}) on conflict (name) do nothing`,
    );
    const [state] = await queryRows<{ last_seq: string | number; holes: Hole[] }>(
      tx,
      sql`select last_seq, holes from report_rollup_state where name = ${FACTS_ROLLUP} for update`,
    );
    const lastSeq = Number(state?.last_seq ?? 0);
    const holes = state?.holes ?? [];
    const events = await queryRows<Touched>(
      tx,
      sql`select seq, workspace_id, conversation_id from conversation_events
        where seq > ${lastSeq} order by seq limit ${eventBatch}`,
    );
    const filled = holes.length
      ? await queryRows<Touched>(
          tx,
          sql`select seq, workspace_id, conversation_id from conversation_events where ${sql.join(
            holes.map((h) => sql`seq between ${h.from} and ${h.to}`),
            sql` or `,
          )}`,
        )
      : [];
    const stale = await queryRows<{ workspace_id: string; conversation_id: string }>(
      tx,
      sql`select workspace_id, conversation_id from conversation_facts where stale
        order by conversation_id limit ${staleBatch} for update skip locked`,
    );
    const seqs = events.map((e) => Number(e.seq));
    const newLast = Math.max(lastSeq, ...seqs);
    const nextHoles = [
      ...remainingHoles(
        holes,
        filled.map((e) => Number(e.seq)),
        now,
        graceMs,
      ),
      ...skippedRanges(lastSeq, seqs, now),
    ];
    const staleIds = new Set(stale.map((s) => s.conversation_id));
    const touched = [...events, ...filled]
      .filter((e) => !staleIds.has(e.conversation_id))
      .map((e) => ({ workspaceId: e.workspace_id, conversationId: e.conversation_id, seq: Number(e.seq) }));
    const fromEvents = await refreshFacts(tx, touched, now);
    const fromStale = await refreshFacts(
      tx,
      stale.map((s) => ({ workspaceId: s.workspace_id, conversationId: s.conversation_id })),
      now,
      { clearStale: true },
    );
    await tx.execute(
      sql`update report_rollup_state set last_seq = ${newLast}, holes = ${JSON.stringify(nextHoles)}::jsonb,
        updated_at = ${now} where name = ${FACTS_ROLLUP}`,
    );
    return {
      conversations: fromEvents + fromStale,
      events: events.length + filled.length,
      lastSeq: newLast,
      moreEvents: events.length >= eventBatch,
      moreStale: stale.length >= staleBatch,
      more: events.length >= eventBatch || stale.length >= staleBatch,
    };
  });
}

/** What the rollup has yet to read: one query on two indexes and one row. */
export async function rollupPending(db: Queryable) {
  const [s] = await queryRows<{
    last_seq: string | number | null;
    holes: number | null;
    max_seq: string | number | null;
    stale: boolean;
  }>(
    db,
    sql`select s.last_seq, jsonb_array_length(s.holes) as holes,
        (select max(seq) from conversation_events) as max_seq,
        exists (select 1 from conversation_facts where stale) as stale
      from (select 1) one left join report_rollup_state s on s.name = ${FACTS_ROLLUP}`,
  );
  const lastSeq = Number(s?.last_seq ?? 0);
  const maxSeq = Number(s?.max_seq ?? 0);
  return {
    lastSeq,
    maxSeq,
    pending: maxSeq > lastSeq || Number(s?.holes ?? 0) > 0 || Boolean(s?.stale),
  };
}

/**
 * Before a report reads: processes what was committed up to now (events to the current max seq,
 * holes that filled, stale rows), so no figure is behind a write. With nothing pending it costs
 * the one query of rollupPending.
 */
export async function catchUpRollup(db: Queryable, now: Date): Promise<number> {
  const first = await rollupPending(db);
  if (!first.pending) return 0;
  let conversations = 0;
  for (;;) {
    const round = await rollupRound(db, now);
    conversations += round.conversations;
    // Up to the seq seen on entry: later writes are the next report's, not a chase.
    if (!(round.moreEvents && round.lastSeq < first.maxSeq) && !round.moreStale) return conversations;
  }
}

/**
 * Marks these conversations' facts for recomputation by the next round: for writers that change
 * what facts read without logging an event (e.g. a network's late delivery failure).
 */
export async function markFactsStale(db: Queryable, conversationIds: readonly string[]): Promise<void> {
  if (conversationIds.length === 0) return;
  await db
    .update(factsTable)
    .set({ stale: true })
    .where(
      and(inArray(factsTable.conversationId, [...new Set(conversationIds)]), eq(factsTable.stale, false)),
    );
}

/**
 * Recomputes every conversation of one workspace (or all), a batch at a time, after a change the
 * event log does not record (the workspace's business hours or time zone, a new facts definition).
 */
export async function rebuildFacts(
  db: Queryable,
  now: Date,
  { workspaceId, batch = 500 }: { workspaceId?: string; batch?: number } = {},
): Promise<number> {
  let written = 0;
  for (let after = "00000000-0000-0000-0000-000000000000"; ; ) {
    const rows = await queryRows<{ id: string; workspace_id: string }>(
      db,
      sql`select id, workspace_id from conversations
        where id > ${after} ${workspaceId ? sql`and workspace_id = ${workspaceId}` : sql``}
        order by id limit ${batch}`,
    );
    if (rows.length === 0) return written;
    after = rows.at(-1)?.id ?? after;
    written += await db.transaction((tx) =>
      refreshFacts(
        tx,
        rows.map((r) => ({ workspaceId: r.workspace_id, conversationId: r.id })),
        now,
      ),
    );
    if (rows.length < batch) return written;
  }
}

/**
 * The rollup on the platform ticker: every process may run one (the state row's lock lets one
 * round at a time through); a full batch goes on at once, else it polls.
 */
export function startReportRollup(opts: {
  db: Queryable;
  clock: Clock;
  log: Pick<Logger, "error">;
  autostart?: boolean;
  pollMs?: number;
}) {
  const tick = () => rollupRound(opts.db, opts.clock.now());
  const ticker = startTicker({
    round: async () => (await tick()).more,
    pollMs: opts.pollMs ?? 1000,
    firstDelayMs: 0,
    autostart: opts.autostart,
    onError: (err) => opts.log.error({ err }, "report rollup round failed"),
  });
  return { tick, stop: ticker.stop };
}
