import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { Clock } from "../../platform/clock";
import { type Db, queryRows } from "../../platform/db";
import { HttpProblem } from "../../platform/http/problem";
import { startTicker } from "../../platform/ticker";
import { startAutomaticModes } from "./auto-mode";
import type { CrisisAlertRow, CrisisModeRow } from "./crisis.repo";
import { countBaseline, countTopics, type TopicCount, type TopicKey } from "./crisis-counts";
import { CRISIS_DEFAULTS, couldSpike, type DetectOptions, detectSpikes, type TopicCounts } from "./detect";
import { recordAlerts } from "./record-alerts";

/** Only one process scans at a time (every `parley start` runs a scanner): a transaction lock. */
const SCAN_LOCK = 7_252_066;

export interface CrisisScannerOptions {
  db: Db;
  clock: Clock;
  log: Pick<Logger, "error" | "warn">;
  /** After the commit, with the alerts just raised (notifications hang here). */
  onAlert?: (alerts: CrisisAlertRow[]) => void | Promise<void>;
  /** false: no timer, tests call tick(). */
  autostart?: boolean;
  /** How often to scan; default one minute. */
  intervalMs?: number;
  windowMinutes?: number;
  /** Baseline windows before the current one; default 96 (24 h of 15-minute windows). */
  baselineWindows?: number;
  /** How long a decided alert keeps its topic and kind quiet; default one hour. */
  cooldownMinutes?: number;
  detect?: Partial<DetectOptions>;
}

export interface CrisisScan {
  alerts: CrisisAlertRow[];
  modes: CrisisModeRow[];
}

export interface CrisisScanner {
  /** Scans once: the alerts raised and the crisis modes started automatically. */
  tick(): Promise<CrisisScan>;
  stop(): Promise<void>;
}

/** Dense per-window counts for each topic that could spike, zeros where a window was quiet. */
function withBaselines(
  current: TopicCount[],
  buckets: Awaited<ReturnType<typeof countBaseline>>,
  windows: number,
): TopicCounts<TopicKey>[] {
  const key = (t: TopicKey) => `${t.workspaceId}|${t.topicKind}|${t.topic}`;
  const dense = new Map(
    current.map((c) => [key(c), Array.from({ length: windows }, () => ({ volume: 0, negative: 0 }))]),
  );
  for (const b of buckets) {
    const slot = dense.get(key(b))?.[b.bucket];
    if (slot) Object.assign(slot, { volume: b.volume, negative: b.negative });
  }
  return current.map((c) => ({
    topic: { workspaceId: c.workspaceId, topicKind: c.topicKind, topic: c.topic },
    current: { volume: c.volume, negative: c.negative },
    baseline: dense.get(key(c)) ?? [],
  }));
}

interface ScanConfig {
  windowMs: number;
  windows: number;
  cooldownMs: number;
  detect: Partial<DetectOptions> | undefined;
}

/**
 * One scan in one transaction, under a lock only one process holds at a time (the others skip
 * this minute): current counts, baselines of the topics that could spike, detection, new alerts.
 */
async function scanOnce(db: Db, c: ScanConfig, now: Date): Promise<CrisisAlertRow[]> {
  const start = new Date(now.getTime() - c.windowMs);
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ ok: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${SCAN_LOCK}) as ok`,
    );
    if (!lock?.ok) return [];
    const current = (await countTopics(tx, { from: start, to: now })).filter((t) => couldSpike(t, c.detect));
    if (current.length === 0) return [];
    const from = new Date(start.getTime() - c.windowMs * c.windows);
    const buckets = await countBaseline(tx, current, { from, windowMs: c.windowMs, windows: c.windows });
    const spikes = detectSpikes(withBaselines(current, buckets, c.windows), c.detect);
    return recordAlerts(
      tx,
      spikes,
      { start, end: now, quietSince: new Date(now.getTime() - c.cooldownMs) },
      now,
    );
  });
}

/**
 * Watches every workspace's inbound traffic for crises (SPEC W6): each minute, counts per category,
 * listening profile and configured keyword over the last window and the baseline before it (two
 * grouped queries; baselines only for topics busy enough to spike), runs the pure detector and
 * raises alerts. A workspace whose settings say `crisis.auto_mode` gets crisis mode started on a
 * volume spike.
 */
export function startCrisisScanner(opts: CrisisScannerOptions): CrisisScanner {
  const config: ScanConfig = {
    windowMs: (opts.windowMinutes ?? CRISIS_DEFAULTS.windowMinutes) * 60_000,
    windows: opts.baselineWindows ?? CRISIS_DEFAULTS.baselineWindows,
    cooldownMs: (opts.cooldownMinutes ?? 60) * 60_000,
    detect: opts.detect,
  };

  async function tick(): Promise<CrisisScan> {
    const now = opts.clock.now();
    const alerts = await scanOnce(opts.db, config, now);
    if (alerts.length === 0) return { alerts, modes: [] };
    if (opts.onAlert) {
      try {
        await opts.onAlert(alerts);
      } catch (err) {
        opts.log.error({ err }, "crisis alert listener failed");
      }
    }
    const modes = await startAutomaticModes(opts.db, alerts, now, (alert, err) => {
      const reason = err instanceof HttpProblem ? (err.errors ?? err.detail) : err;
      opts.log.warn({ alert: alert.id, reason }, "crisis mode could not start automatically");
    });
    return { alerts, modes };
  }

  const ticker = startTicker({
    round: async () => {
      await tick();
      return false;
    },
    pollMs: opts.intervalMs ?? 60_000,
    autostart: opts.autostart,
    onError: (err) => opts.log.error({ err }, "crisis scan failed"),
  });
  return { tick, stop: ticker.stop };
}
