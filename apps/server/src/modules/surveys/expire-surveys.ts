import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { Clock } from "../../platform/clock";
import { type Db, type Queryable, queryRows } from "../../platform/db";
import { startTicker } from "../../platform/ticker";

/**
 * Closes surveys nobody will answer (SPEC M6): those past `expires_at` become `expired`, and those
 * whose question the network refused (the outbox marked it `failed`) become `failed`, so neither
 * waits for an answer nor counts as asked. Reads only the waiting surveys (a partial index).
 */
export async function expireSurveys(db: Queryable, now: Date): Promise<{ expired: number; failed: number }> {
  const failed = await queryRows(
    db,
    sql`update surveys s set status = 'failed'
        from messages m
        where s.status = 'asked' and m.id = s.question_message_id and m.delivery_status = 'failed'
        returning s.id`,
  );
  const expired = await queryRows(
    db,
    sql`update surveys set status = 'expired' where status = 'asked' and expires_at <= ${now} returning id`,
  );
  return { expired: expired.length, failed: failed.length };
}

/** Every process may run one; the statements are idempotent, so two at once do no harm. */
export function startSurveyExpiry(opts: {
  db: Db;
  clock: Clock;
  log: Pick<Logger, "error">;
  autostart?: boolean;
  pollMs?: number;
}) {
  return startTicker({
    pollMs: opts.pollMs ?? 60_000,
    autostart: opts.autostart,
    round: async () => {
      await expireSurveys(opts.db, opts.clock.now());
      return false;
    },
    onError: (err) => opts.log.error({ err }, "survey expiry failed"),
  });
}
