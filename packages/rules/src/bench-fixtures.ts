import { CHANNELS, type Channel } from "@parley/contracts";
import { FILLER, ISSUES, LANGS, PROFILES, TAGS } from "./bench-vocabulary";
import type { RuleFacts } from "./facts";

/** A seeded generator (mulberry32): the bench must give the same workload on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
export const some = <T>(rnd: Random, items: readonly T[], n: number): T[] =>
  Array.from({ length: n }, () => pick(rnd, items)).filter((v, i, all) => all.indexOf(v) === i);

/** Inbound messages after triage, with their conversation and customer, in realistic proportions. */
export function benchFacts(count: number, rnd: Random): RuleFacts[] {
  return Array.from({ length: count }, () => benchMessage(rnd));
}

function benchMessage(rnd: Random): RuleFacts {
  const channel: Channel = pick(rnd, CHANNELS);
  const spam = rnd() < 0.3;
  const parts = [
    ...some(rnd, FILLER, 3),
    ...some(rnd, ISSUES, 1 + Math.floor(rnd() * 2)),
    ...some(rnd, FILLER, 2),
  ];
  const text = parts.sort(() => rnd() - 0.5).join(" ");
  const score = rnd() * 2 - 1;
  return {
    message: {
      channel,
      visibility:
        ["x", "facebook", "instagram", "rss"].includes(channel) && rnd() < 0.7 ? "public" : "private",
      kind: pick(rnd, ["post", "reply", "comment", "dm", "chat", "email"] as const),
      direction: rnd() < 0.9 ? "inbound" : "outbound",
      text: rnd() < 0.2 ? text.toUpperCase() : text,
      language: pick(rnd, LANGS),
      sentiment: score < -0.3 ? "negative" : score > 0.3 ? "positive" : "neutral",
      sentiment_score: score,
      intent: pick(rnd, [
        "question",
        "dissatisfaction",
        "urgent",
        "general_reference",
        "positive_experience",
      ]),
      tier: spam ? "none" : pick(rnd, ["first", "second"] as const),
      category: pick(rnd, ["billing", "delivery", "technical", null]),
      is_complaint: rnd() < 0.4,
      is_spam: spam,
      spam_score: rnd(),
      is_offensive: rnd() < 0.05,
      sensitive: rnd() < 0.05 ? ["card"] : [],
      listening: rnd() < 0.2 ? [pick(rnd, PROFILES), "p-1"] : [],
    },
    conversation: {
      status: pick(rnd, ["new", "open", "pending"] as const),
      priority_score: rnd() * 100,
      tags: some(rnd, TAGS, Math.floor(rnd() * 3)),
      is_new: rnd() < 0.5,
      message_count: 1 + Math.floor(rnd() * 8),
    },
    customer: {
      followers: Math.floor(rnd() ** 4 * 200_000),
      verified: rnd() < 0.03,
      vip_tier: pick(rnd, [null, null, null, "silver", "gold", "platinum"]),
      prior_posts: Math.floor(rnd() * 20),
    },
    time: { business_hours_open: rnd() < 0.6, hour: Math.floor(rnd() * 24), weekday: "tue" },
  };
}
