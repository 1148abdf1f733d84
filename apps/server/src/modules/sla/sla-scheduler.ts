import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import { type ChangeFeed, publishEach } from "../../platform/bus";
import type { Clock } from "../../platform/clock";
import { type Db, queryRows } from "../../platform/db";
import { startTicker } from "../../platform/ticker";
import type { SlaTransition } from "./evaluate-sla";
import { recomputeSla } from "./refresh-sla";
import type { SlaCache } from "./sla-cache";

export interface SlaScheduler {
  /** Claims and recomputes due conversations once; how many (tests call this instead of waiting). */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

export interface SlaSchedulerOptions {
  db: Db;
  clock: Clock;
  log: Pick<Logger, "error" | "warn">;
  cache: SlaCache;
  /** Called after the commit with the warnings and breaches just logged (rules act on them). */
  onTransition?: (transitions: SlaTransition[]) => void | Promise<void>;
  /** The live channel: told after the commit which conversations warned or breached. */
  changes?: ChangeFeed;
  autostart?: boolean;
  /** How often to look for due checks when idle; the events carry exact times regardless. */
  pollMs?: number;
  /** Conversations per transaction. */
  batch?: number;
}

/**
 * Wakes conversations whose `sla_next_check_at` has come (a warning share or a due time passed),
 * recomputes them and logs each transition at the instant it happened, not when it was noticed.
 * Claims with FOR UPDATE SKIP LOCKED, so every Parley process can run one: each conversation is
 * handled by one of them, and a conversation being changed right now (locked) is left to that
 * change's own refresh.
 */
export function startSlaScheduler(opts: SlaSchedulerOptions): SlaScheduler {
  const batch = opts.batch ?? 200;
  async function tick(): Promise<number> {
    const now = opts.clock.now();
    const outcome = await opts.db.transaction(async (tx) => {
      const claimed = await queryRows<{ id: string }>(
        tx,
        sql`select id from conversations where sla_next_check_at <= ${now}
          order by sla_next_check_at limit ${batch} for update skip locked`,
      );
      if (claimed.length === 0) return null;
      const ids = claimed.map((c) => c.id);
      return {
        claimed: ids.length,
        ...(await recomputeSla(tx, { workspaceId: null, ids }, now, opts.cache)),
      };
    });
    if (!outcome) return 0;
    for (const f of outcome.failures)
      opts.log.warn({ conversation: f.conversationId, error: f.error }, "SLA could not be computed; cleared");
    if (opts.changes) publishEach(opts.changes, outcome.transitions, ["sla"]);
    if (outcome.transitions.length > 0 && opts.onTransition) {
      try {
        await opts.onTransition(outcome.transitions);
      } catch (err) {
        opts.log.error({ err }, "SLA transition listener failed");
      }
    }
    return outcome.claimed;
  }

  const ticker = startTicker({
    // A full batch means more are due: go on at once, else poll.
    round: async () => (await tick()) >= batch,
    pollMs: opts.pollMs ?? 1000,
    firstDelayMs: 0,
    autostart: opts.autostart,
    onError: (err) => opts.log.error({ err }, "SLA check failed"),
  });
  return { tick, stop: ticker.stop };
}
