/**
 * Spike detection for crisis management (SPEC W6), as pure functions: counts in, alerts out. No
 * clock, no IO, so the scanner, a backtest and the table tests all get the same answer.
 *
 * A topic (a category, a listening profile or a keyword) is compared with its own baseline: the
 * trailing windows of the same length before the current one.
 * - Volume spike: volume >= max(minVolume, mean + k·stddev) and volume >= ratio × mean. The
 *   stddev term ignores ordinary noise; the ratio term keeps a very steady topic (stddev ≈ 0) from
 *   alerting on a handful of extra messages; minVolume keeps small counts from ever alerting. A
 *   topic with no history (mean 0) therefore alerts at minVolume.
 * - Negative-share spike: negatives / volume >= baseline share + delta, with at least minNegative
 *   negatives. The baseline share is pooled (all baseline negatives / all baseline messages), so
 *   quiet windows weigh what they hold; a topic with no baseline volume uses noHistoryShare.
 */

export interface DetectOptions {
  /** Standard deviations above the baseline mean a volume must reach. */
  k: number;
  /** The least volume that can be a spike, whatever the baseline. */
  minVolume: number;
  /** How many times the baseline mean a volume must also reach. */
  ratio: number;
  /** How far above the baseline negative share the current share must be (0..1). */
  delta: number;
  /** The least number of negative messages a negative-share spike needs. */
  minNegative: number;
  /** The baseline negative share assumed for a topic with no baseline volume. */
  noHistoryShare: number;
}

/**
 * The documented defaults: 15-minute windows against the 96 windows of the previous 24 hours,
 * k = 3, at least 10 messages and twice the mean for volume; +25 points of negative share with at
 * least 5 negatives; a topic never seen before is assumed 25% negative.
 */
export const CRISIS_DEFAULTS = {
  windowMinutes: 15,
  baselineWindows: 96,
  detect: {
    k: 3,
    minVolume: 10,
    ratio: 2,
    delta: 0.25,
    minNegative: 5,
    noHistoryShare: 0.25,
  } satisfies DetectOptions,
} as const;

export interface WindowCounts {
  volume: number;
  negative: number;
}

export interface TopicCounts<T> {
  topic: T;
  current: WindowCounts;
  /** One entry per baseline window, quiet windows included as zeros. */
  baseline: readonly WindowCounts[];
}

export interface BaselineSummary {
  windows: number;
  meanVolume: number;
  stddevVolume: number;
  /** Pooled negative share of the baseline, or null when it held no message. */
  negativeShare: number | null;
}

export type SpikeKind = "volume" | "negative_share";

export interface Spike<T> {
  topic: T;
  kind: SpikeKind;
  volume: number;
  negative: number;
  baselineVolume: number;
  baselineNegativeShare: number;
  /** The value the spike reached or passed: a volume, or a share for negative_share. */
  threshold: number;
}

/** Shares are compared with this slack, so 9/20 reaches 0.2 + 0.25 despite binary fractions. */
const EPSILON = 1e-9;

export function summarizeBaseline(windows: readonly WindowCounts[]): BaselineSummary {
  const n = windows.length;
  if (n === 0) return { windows: 0, meanVolume: 0, stddevVolume: 0, negativeShare: null };
  let volume = 0;
  let negative = 0;
  for (const w of windows) {
    volume += w.volume;
    negative += w.negative;
  }
  const mean = volume / n;
  let squares = 0;
  for (const w of windows) squares += (w.volume - mean) ** 2;
  return {
    windows: n,
    meanVolume: mean,
    stddevVolume: Math.sqrt(squares / n),
    negativeShare: volume > 0 ? negative / volume : null,
  };
}

/** The volume at which the current window is a spike. */
export function volumeThreshold(b: BaselineSummary, o: DetectOptions): number {
  return Math.max(o.minVolume, b.meanVolume + o.k * b.stddevVolume, o.ratio * b.meanVolume);
}

/** The negative share at which the current window is a spike (may exceed 1: then it never is). */
export function negativeShareThreshold(b: BaselineSummary, o: DetectOptions): number {
  return (b.negativeShare ?? o.noHistoryShare) + o.delta;
}

/** The spikes of one topic: none, one or both kinds. */
export function detectTopic<T>(counts: TopicCounts<T>, options: Partial<DetectOptions> = {}): Spike<T>[] {
  const o = { ...CRISIS_DEFAULTS.detect, ...options };
  const b = summarizeBaseline(counts.baseline);
  const { volume, negative } = counts.current;
  const base = {
    topic: counts.topic,
    volume,
    negative,
    baselineVolume: b.meanVolume,
    baselineNegativeShare: b.negativeShare ?? o.noHistoryShare,
  };
  const spikes: Spike<T>[] = [];
  const vt = volumeThreshold(b, o);
  if (volume > 0 && volume >= vt) spikes.push({ ...base, kind: "volume", threshold: vt });
  const st = negativeShareThreshold(b, o);
  if (volume > 0 && negative >= o.minNegative && negative / volume + EPSILON >= st)
    spikes.push({ ...base, kind: "negative_share", threshold: st });
  return spikes;
}

/** The spikes of many topics, in the order given. */
export function detectSpikes<T>(
  topics: readonly TopicCounts<T>[],
  options: Partial<DetectOptions> = {},
): Spike<T>[] {
  return topics.flatMap((t) => detectTopic(t, options));
}

/**
 * Whether a window with these counts could spike at all, whatever its baseline: the scanner reads
 * baselines only for such topics, so a quiet topic costs nothing.
 */
export function couldSpike(current: WindowCounts, options: Partial<DetectOptions> = {}): boolean {
  const o = { ...CRISIS_DEFAULTS.detect, ...options };
  return current.volume >= o.minVolume || current.negative >= o.minNegative;
}
