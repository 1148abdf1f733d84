import { describe, expect, it } from "vitest";
import {
  CRISIS_DEFAULTS,
  couldSpike,
  type DetectOptions,
  detectTopic,
  type SpikeKind,
  summarizeBaseline,
  type WindowCounts,
} from "./detect";

/* Spike detection (SPEC W6) over per-window counts: the defaults, then table rows. */

const WINDOWS: number = CRISIS_DEFAULTS.baselineWindows;

/** A baseline of `n` identical windows. */
const flat = (volume: number, negative = 0, n = WINDOWS): WindowCounts[] =>
  Array.from({ length: n }, () => ({ volume, negative }));

/** A baseline alternating between two volumes: mean (a+b)/2, stddev |a-b|/2. */
const alternating = (a: number, b: number, negativeShare = 0, n = WINDOWS): WindowCounts[] =>
  Array.from({ length: n }, (_, i) => {
    const volume = i % 2 === 0 ? a : b;
    return { volume, negative: Math.round(volume * negativeShare) };
  });

/** A quiet baseline with one busy window (a past incident). */
const withOutlier = (base: number, outlier: number): WindowCounts[] =>
  flat(base).map((w, i) => (i === 40 ? { volume: outlier, negative: 0 } : w));

type Row = [
  name: string,
  current: WindowCounts,
  baseline: WindowCounts[],
  expected: SpikeKind[],
  options?: Partial<DetectOptions>,
];

const ROWS: Row[] = [
  // Flat baselines: stddev 0, so the ratio and minVolume decide.
  ["flat 4/window, 10 now: ≥ minVolume and ≥ 2×mean", { volume: 10, negative: 0 }, flat(4), ["volume"]],
  ["flat 4/window, 9 now: below minVolume", { volume: 9, negative: 0 }, flat(4), []],
  ["flat 8/window, 15 now: below 2×mean", { volume: 15, negative: 0 }, flat(8), []],
  ["flat 8/window, 16 now: exactly 2×mean", { volume: 16, negative: 0 }, flat(8), ["volume"]],
  ["flat 8/window, 8 now: ordinary", { volume: 8, negative: 1 }, flat(8, 1), []],
  ["flat 0/window (silent topic), 10 now", { volume: 10, negative: 0 }, flat(0), ["volume"]],
  // Noisy baselines: mean + k·stddev decides.
  ["noisy 5/15 (mean 10, sd 5), 24 now: below mean+3sd", { volume: 24, negative: 0 }, alternating(5, 15), []],
  [
    "noisy 5/15 (mean 10, sd 5), 25 now: at mean+3sd",
    { volume: 25, negative: 0 },
    alternating(5, 15),
    ["volume"],
  ],
  ["noisy 0/20 (mean 10, sd 10), 39 now", { volume: 39, negative: 0 }, alternating(0, 20), []],
  ["noisy 0/20 (mean 10, sd 10), 40 now", { volume: 40, negative: 0 }, alternating(0, 20), ["volume"]],
  ["noisy, k = 2 lowers the bar", { volume: 20, negative: 0 }, alternating(5, 15), ["volume"], { k: 2 }],
  ["one past incident widens the stddev", { volume: 12, negative: 0 }, withOutlier(2, 200), []],
  // Brand-new topics: no history at all.
  ["new topic, 10 now", { volume: 10, negative: 2 }, [], ["volume"]],
  ["new topic, 9 now", { volume: 9, negative: 2 }, [], []],
  ["new topic, 10 now, minVolume 20", { volume: 10, negative: 0 }, [], [], { minVolume: 20 }],
  [
    "new topic, 8 of 9 negative: share over the assumed 25%",
    { volume: 9, negative: 8 },
    [],
    ["negative_share"],
  ],
  ["new topic, 5 of 12 negative: 42% < 50%", { volume: 12, negative: 5 }, [], ["volume"]],
  // Small counts never alert.
  ["3 messages, all negative, on a silent topic", { volume: 3, negative: 3 }, flat(0, 0), []],
  ["4 negatives of 4 on a calm topic", { volume: 4, negative: 4 }, flat(1, 0), []],
  ["1 message on a silent topic", { volume: 1, negative: 1 }, [], []],
  ["nothing now", { volume: 0, negative: 0 }, flat(5, 1), []],
  ["nothing now, no history", { volume: 0, negative: 0 }, [], []],
  // Negative share without a volume spike.
  ["usual volume, 10% → 60% negative", { volume: 10, negative: 6 }, flat(10, 1), ["negative_share"]],
  ["usual volume, 10% → 30% negative: +20 points only", { volume: 20, negative: 6 }, flat(20, 2), []],
  [
    "usual volume, 20% → 45%: exactly +25 points",
    { volume: 20, negative: 9 },
    flat(20, 4),
    ["negative_share"],
  ],
  ["usual volume, 20% → 40%", { volume: 20, negative: 8 }, flat(20, 4), []],
  ["share spike with 4 negatives: below minNegative", { volume: 5, negative: 4 }, flat(5, 0), []],
  [
    "share spike, minNegative 3 lowers the bar",
    { volume: 5, negative: 4 },
    flat(5, 0),
    ["negative_share"],
    { minNegative: 3 },
  ],
  ["already 90% negative: the share cannot rise 25 points", { volume: 10, negative: 10 }, flat(10, 9), []],
  [
    "delta 0.1 catches a smaller shift",
    { volume: 20, negative: 6 },
    flat(20, 2),
    ["negative_share"],
    { delta: 0.1 },
  ],
  // Both at once.
  ["volume ×5 and mostly negative", { volume: 50, negative: 40 }, flat(10, 1), ["volume", "negative_share"]],
  ["new topic, 12 of 12 negative", { volume: 12, negative: 12 }, [], ["volume", "negative_share"]],
  [
    "noisy baseline, big negative burst",
    { volume: 60, negative: 45 },
    alternating(5, 15, 0.2),
    ["volume", "negative_share"],
  ],
  // Volume spike with an ordinary share.
  ["volume ×4, usual 10% negative", { volume: 40, negative: 4 }, flat(10, 1), ["volume"]],
  ["volume ×4 with the same share", { volume: 40, negative: 20 }, flat(10, 5), ["volume"]],
  // Shorter baselines work the same way.
  ["24 windows baseline, flat 3, 10 now", { volume: 10, negative: 0 }, flat(3, 0, 24), ["volume"]],
  ["1 window baseline of 10, 20 now", { volume: 20, negative: 0 }, flat(10, 0, 1), ["volume"]],
];

describe("detectTopic", () => {
  it.each(ROWS)("%s", (_name, current, baseline, expected, options) => {
    const spikes = detectTopic({ topic: "delivery", current, baseline }, options);
    expect(spikes.map((s) => s.kind)).toEqual(expected);
    for (const s of spikes) {
      expect(s).toMatchObject({ topic: "delivery", volume: current.volume, negative: current.negative });
      expect(s.kind === "volume" ? current.volume : current.negative / current.volume).toBeGreaterThanOrEqual(
        s.threshold - 1e-9,
      );
    }
  });

  it("reports the baseline it compared with", () => {
    const [spike] = detectTopic({ topic: "x", current: { volume: 30, negative: 3 }, baseline: flat(4, 1) });
    expect(spike).toMatchObject({
      kind: "volume",
      baselineVolume: 4,
      baselineNegativeShare: 0.25,
      threshold: 10,
    });
  });

  it("a topic with no history reports the assumed share", () => {
    const [spike] = detectTopic({ topic: "x", current: { volume: 10, negative: 0 }, baseline: [] });
    expect(spike).toMatchObject({ baselineVolume: 0, baselineNegativeShare: 0.25, threshold: 10 });
  });
});

describe("summarizeBaseline", () => {
  it.each([
    [flat(4, 1), { windows: WINDOWS, meanVolume: 4, stddevVolume: 0, negativeShare: 0.25 }],
    [alternating(5, 15), { windows: WINDOWS, meanVolume: 10, stddevVolume: 5, negativeShare: 0 }],
    [flat(0), { windows: WINDOWS, meanVolume: 0, stddevVolume: 0, negativeShare: null }],
    [[], { windows: 0, meanVolume: 0, stddevVolume: 0, negativeShare: null }],
  ])("summarises %#", (windows, expected) => {
    expect(summarizeBaseline(windows)).toEqual(expected);
  });
});

describe("couldSpike", () => {
  it.each([
    [{ volume: 10, negative: 0 }, true],
    [{ volume: 9, negative: 5 }, true],
    [{ volume: 9, negative: 4 }, false],
    [{ volume: 0, negative: 0 }, false],
  ])("%o → %s", (current, expected) => {
    expect(couldSpike(current)).toBe(expected);
  });

  it("never rules out a window that detectTopic would flag", () => {
    for (const [, current, , expected, options] of ROWS)
      if (expected.length > 0) expect(couldSpike(current, options)).toBe(true);
    expect(detectTopic({ topic: "t", current: { volume: 9, negative: 4 }, baseline: [] })).toEqual([]);
  });
});
