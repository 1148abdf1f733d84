import { describe, expect, it } from "vitest";
import {
  formatCount,
  PRIORITY_WEIGHTS,
  type PriorityInput,
  priorityFactors,
  priorityOf,
  scorePriority,
} from "./priority";

const now = new Date("2025-03-01T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

const plain: PriorityInput = {
  tier: "first",
  intent: "question",
  sentiment: "neutral",
  sentimentScore: 0,
  isComplaint: false,
  isOffensive: false,
  followers: 150,
  verified: false,
  priorPosts: 0,
  vipTier: null,
  crisis: false,
  waitingSince: now,
  now,
  sensitive: false,
};
const score = (over: Partial<PriorityInput>) => scorePriority({ ...plain, ...over }).score;

describe("examples", () => {
  it("an urgent outage complaint from a VIP outranks a thank-you from a celebrity", () => {
    const outage = scorePriority({
      ...plain,
      intent: "urgent",
      sentiment: "negative",
      sentimentScore: -0.8,
      isComplaint: true,
      followers: 230,
      priorPosts: 3,
      vipTier: "Gold",
      waitingSince: hoursAgo(3),
    });
    const thanks = scorePriority({
      ...plain,
      tier: "second",
      intent: "positive_experience",
      sentiment: "positive",
      sentimentScore: 0.9,
      followers: 12_400_000,
      verified: true,
    });
    expect(outage.score).toBeGreaterThan(thanks.score);
    expect(outage.priority).toBe("urgent");
    expect(outage.reasons.slice(0, 4)).toEqual([
      "first tier: urgent need",
      "VIP: Gold",
      "very negative sentiment",
      "waiting 3 h",
    ]);
    expect(thanks).toEqual({
      score: 29,
      priority: "normal",
      reasons: ["12.4M followers", "second tier: positive experience", "verified account"],
    });
  });

  it("ranks a plain question above a general reference, and spam last", () => {
    const question = score({});
    const reference = score({ tier: "second", intent: "general_reference" });
    const spam = score({ tier: "none", intent: "spam", followers: 5_000_000, verified: true });
    expect(question).toBeGreaterThan(reference);
    expect(reference).toBeGreaterThan(spam);
    expect(spam).toBeLessThanOrEqual(PRIORITY_WEIGHTS.noTierCap);
  });

  it("a crisis message containing personal data is urgent", () => {
    const r = scorePriority({
      ...plain,
      intent: "crisis",
      crisis: true,
      sentiment: "negative",
      sentimentScore: -0.5,
      sensitive: true,
      waitingSince: hoursAgo(1),
    });
    expect(r.priority).toBe("urgent");
    expect(r.reasons).toContain("crisis topic");
    expect(r.reasons).toContain("personal data in public: move to private");
  });

  it("lists offensive language last, as the one deduction", () => {
    const r = scorePriority({ ...plain, isOffensive: true, verified: true });
    expect(r.reasons.at(-1)).toBe("offensive language");
    expect(r.score).toBe(score({ verified: true }) + PRIORITY_WEIGHTS.offensive);
  });

  it("names a wait in minutes, hours or days", () => {
    const reasonsFor = (h: number) => scorePriority({ ...plain, waitingSince: hoursAgo(h) }).reasons;
    expect(reasonsFor(0.75)).toContain("waiting 45 min");
    expect(reasonsFor(5)).toContain("waiting 5 h");
    expect(reasonsFor(72)).toContain("waiting 3 d");
    expect(reasonsFor(0.05).some((r) => r.startsWith("waiting"))).toBe(false);
  });

  it("exposes the points of each factor, summing to the score", () => {
    const input = { ...plain, verified: true, priorPosts: 7, waitingSince: hoursAgo(1) };
    const factors = priorityFactors(input);
    expect(factors.map((f) => f.factor)).toEqual(["tier", "waiting", "verified", "priorPosts", "followers"]);
    const sum = factors.reduce((s, f) => s + f.points, 0);
    expect(scorePriority(input).score).toBe(Math.round(sum));
  });
});

describe("monotone and bounded", () => {
  const steps = <T>(values: T[], over: (v: T) => Partial<PriorityInput>) => values.map((v) => score(over(v)));
  const nonDecreasing = (xs: number[]) => xs.every((x, i) => i === 0 || x >= (xs[i - 1] as number));

  it("more followers never lower the score", () => {
    expect(
      nonDecreasing(steps([null, 0, 50, 101, 1_000, 12_400, 1e6, 1e8, 1e10], (f) => ({ followers: f }))),
    ).toBe(true);
  });

  it("a longer wait never lowers the score", () => {
    expect(
      nonDecreasing(steps([0, 0.1, 0.5, 1, 2, 4, 8, 24, 100, 1000], (h) => ({ waitingSince: hoursAgo(h) }))),
    ).toBe(true);
  });

  it("a more negative message never scores lower", () => {
    const scores = steps([0, -0.2, -0.5, -0.9, -1], (s) => ({ sentiment: "negative", sentimentScore: s }));
    expect(nonDecreasing(scores)).toBe(true);
    expect(score({ sentiment: "negative", sentimentScore: -0.1 })).toBeGreaterThan(score({}));
  });

  it("each flag raises (or keeps) the score, offensive lowers it", () => {
    for (const flag of ["isComplaint", "verified", "crisis", "sensitive"] as const) {
      expect(score({ [flag]: true })).toBeGreaterThan(score({ [flag]: false }));
    }
    expect(nonDecreasing(steps([0, 1, 3, 10, 1000], (n) => ({ priorPosts: n })))).toBe(true);
    expect(
      nonDecreasing(steps([null, "bronze", "silver", "gold", "platinum"], (v) => ({ vipTier: v }))),
    ).toBe(true);
    expect(score({ isOffensive: true })).toBeLessThan(score({}));
  });

  it("tiers order the score: first > second > none", () => {
    expect(score({ tier: "first" })).toBeGreaterThan(score({ tier: "second" }));
    expect(score({ tier: "second" })).toBeGreaterThan(score({ tier: "none" }));
  });

  it("stays an integer in 0..100 at the extremes", () => {
    const max = scorePriority({
      ...plain,
      intent: "crisis",
      sentiment: "negative",
      sentimentScore: -1,
      isComplaint: true,
      followers: 1e12,
      verified: true,
      priorPosts: 1e6,
      vipTier: "platinum",
      crisis: true,
      waitingSince: hoursAgo(1e5),
      sensitive: true,
    });
    expect(max).toMatchObject({ score: 100, priority: "urgent" });
    const min = scorePriority({ ...plain, tier: "none", intent: "spam", isOffensive: true, followers: null });
    expect(min).toMatchObject({ score: 0, priority: "low" });
    const odd = scorePriority({ ...plain, sentimentScore: Number.NaN, followers: -5, priorPosts: -3 });
    expect(Number.isInteger(odd.score)).toBe(true);
    expect(odd.score).toBe(score({ followers: 0 }));
  });

  it("a wait that starts in the future counts as no wait", () => {
    expect(score({ waitingSince: hoursAgo(-2) })).toBe(score({ waitingSince: null }));
  });
});

describe("labels", () => {
  it("maps scores to priorities at the documented thresholds", () => {
    const t = PRIORITY_WEIGHTS.thresholds;
    expect([t.urgent, t.urgent - 1, t.high, t.high - 1, t.normal, t.normal - 1].map(priorityOf)).toEqual([
      "urgent",
      "high",
      "high",
      "normal",
      "normal",
      "low",
    ]);
  });

  it("formats follower counts the way networks do", () => {
    expect([950, 12_400, 240_000, 1_250_000, 150_000_000].map(formatCount)).toEqual([
      "950",
      "12.4k",
      "240k",
      "1.3M",
      "150M",
    ]);
  });
});
