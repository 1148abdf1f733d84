/**
 * SPEC T3 priority score: one 0-100 number that orders the inbox, built from points an agent can
 * read back ("first tier: direct question", "VIP: gold", "waiting 3 h"). Points rather than a
 * trained model so a lead can predict and argue with the order, and a rules engine (W1) can show
 * and later override the weights.
 *
 * The formula is a sum of capped, non-negative terms (offensive language is the one deduction), so
 * it is monotone: more followers, a longer wait, a more negative message or a richer VIP tier never
 * lower the score. Followers are log-scaled (each 10x adds the same points, so a celebrity does not
 * drown a customer with an outage) and waiting time is log-scaled too (the first hour, the usual
 * social SLA, moves a conversation most). Spam ("none" tier) is capped low whatever its author's
 * reach. The sum is rounded and clamped to 0..100.
 */
import type { Priority, Sentiment, Tier } from "@parley/contracts";
import type { Intent } from "../nlp/tier";

export const PRIORITY_WEIGHTS = {
  tier: { first: 30, second: 10, none: 0 },
  intent: {
    crisis: 10,
    urgent: 10,
    dissatisfaction: 3,
    question: 2,
    general_reference: 2,
    positive_experience: 0,
    industry_reference: 0,
    spam: 0,
  },
  /** base + perUnit × how negative the score is (0..1). */
  negativeSentiment: { base: 4, perUnit: 8 },
  complaint: 5,
  offensive: -5,
  /** perTenfold points for each 10x followers above `from`, up to max. */
  followers: { from: 100, perTenfold: 3, max: 15 },
  verified: 4,
  /** log2(1 + prior posts), up to max: a returning customer, not a stranger. */
  priorPosts: { max: 4 },
  /** By the CRM's tier name; a tier not listed counts as `other`. */
  vip: { platinum: 15, diamond: 15, gold: 12, silver: 8, bronze: 5, other: 10 } as Record<string, number>,
  crisis: 12,
  /** perDoubling × log2(1 + hours waiting), up to max. */
  waiting: { perDoubling: 5, max: 20 },
  sensitive: 5,
  /** Spam never scores above this. */
  noTierCap: 5,
  /** Lowest score of each priority. */
  thresholds: { urgent: 70, high: 45, normal: 20 },
} as const;

export interface PriorityInput {
  tier: Tier;
  intent: Intent;
  sentiment: Sentiment;
  /** P(positive) - P(negative), -1..1. */
  sentimentScore: number;
  isComplaint: boolean;
  isOffensive: boolean;
  followers: number | null;
  verified: boolean;
  priorPosts: number;
  vipTier: string | null;
  crisis: boolean;
  waitingSince: Date | null;
  now: Date;
  /** The message holds personal data (T4): it should move to a private channel soon. */
  sensitive: boolean;
}

export interface PriorityFactor {
  factor: string;
  points: number;
  reason: string;
}

export interface PriorityResult {
  score: number;
  priority: Priority;
  reasons: string[];
}

const INTENT_LABEL: Record<Intent, string> = {
  question: "direct question",
  dissatisfaction: "dissatisfied customer",
  urgent: "urgent need",
  crisis: "escalating crisis",
  general_reference: "general reference",
  positive_experience: "positive experience",
  industry_reference: "industry reference",
  spam: "spam",
};

/** Score, priority and the reasons, biggest contribution first. */
export function scorePriority(input: PriorityInput): PriorityResult {
  const factors = priorityFactors(input);
  let raw = factors.reduce((sum, f) => sum + f.points, 0);
  if (input.tier === "none") raw = Math.min(raw, PRIORITY_WEIGHTS.noTierCap);
  const score = Math.max(0, Math.min(100, Math.round(raw)));
  return { score, priority: priorityOf(score), reasons: factors.map((f) => f.reason) };
}

export function priorityOf(score: number): Priority {
  const t = PRIORITY_WEIGHTS.thresholds;
  if (score >= t.urgent) return "urgent";
  if (score >= t.high) return "high";
  if (score >= t.normal) return "normal";
  return "low";
}

/** Every factor that applies, with its points, sorted by contribution (for a "why" panel). */
export function priorityFactors(input: PriorityInput): PriorityFactor[] {
  const w = PRIORITY_WEIGHTS;
  const f: PriorityFactor[] = [];
  const tierLabel = input.tier === "none" ? "no tier" : `${input.tier} tier`;
  add(f, "tier", w.tier[input.tier] + w.intent[input.intent], `${tierLabel}: ${INTENT_LABEL[input.intent]}`);
  if (input.crisis) add(f, "crisis", w.crisis, "crisis topic");
  if (input.sentiment === "negative") {
    const negativity = clamp(-input.sentimentScore, 0, 1);
    const label = negativity >= 0.6 ? "very negative sentiment" : "negative sentiment";
    add(f, "sentiment", w.negativeSentiment.base + w.negativeSentiment.perUnit * negativity, label);
  }
  if (input.isComplaint) add(f, "complaint", w.complaint, "complaint");
  const vip = input.vipTier?.trim();
  if (vip) add(f, "vip", w.vip[vip.toLowerCase()] ?? w.vip.other ?? 0, `VIP: ${vip}`);
  const followers = input.followers ?? 0;
  const reach = w.followers.perTenfold * Math.log10(Math.max(1, followers / w.followers.from));
  add(f, "followers", Math.min(w.followers.max, reach), `${formatCount(followers)} followers`);
  if (input.verified) add(f, "verified", w.verified, "verified account");
  const prior = Math.max(0, input.priorPosts);
  const priorLabel = `returning customer (${prior} prior post${prior === 1 ? "" : "s"})`;
  add(f, "priorPosts", Math.min(w.priorPosts.max, Math.log2(1 + prior)), priorLabel);
  if (input.waitingSince) {
    const hours = Math.max(0, (input.now.getTime() - input.waitingSince.getTime()) / 3_600_000);
    const points = Math.min(w.waiting.max, w.waiting.perDoubling * Math.log2(1 + hours));
    if (points >= 1) add(f, "waiting", points, `waiting ${formatWait(hours)}`);
  }
  if (input.sensitive) add(f, "sensitive", w.sensitive, "personal data in public: move to private");
  if (input.isOffensive) add(f, "offensive", w.offensive, "offensive language");
  return f.sort((a, b) => b.points - a.points);
}

// A module-level helper, not a closure: tsx's keepNames re-wraps named closures on every call.
function add(f: PriorityFactor[], factor: string, points: number, reason: string) {
  if (points !== 0 || factor === "tier") f.push({ factor, points: round1(points), reason });
}

function clamp(x: number, lo: number, hi: number): number {
  return Number.isFinite(x) ? Math.max(lo, Math.min(hi, x)) : lo;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** 950, 12.4k, 240k, 1.2M: how agents read follower counts on the networks. */
export function formatCount(n: number): string {
  if (n < 1000) return String(Math.round(n));
  if (n < 1_000_000) return `${n < 100_000 ? round1(n / 1000) : Math.round(n / 1000)}k`;
  return `${n < 100_000_000 ? round1(n / 1_000_000) : Math.round(n / 1_000_000)}M`;
}

function formatWait(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} d`;
}
