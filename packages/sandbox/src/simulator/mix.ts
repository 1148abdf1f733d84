import type { Channel, Intent, Network, RegularIntent } from "./types";

/**
 * The default behaviour mix. Numbers are judgement, shaped by the seeds: a telecom (a service
 * provider) sees more actionable traffic than a retailer [S001 "Prioritization"], about 40 % of
 * inbound is spam [S002], and people reach for X first when something is down.
 */
export const DEFAULT_MIX: Record<RegularIntent, number> = {
  question: 0.3,
  complaint: 0.24,
  outage: 0.1,
  praise: 0.12,
  mention: 0.14,
  competitor: 0.1,
};

export const DEFAULT_LANGUAGES = { en: 0.72, es: 0.08, fr: 0.07, de: 0.07, pt: 0.06 } as const;

/** Spam subtypes; `repeat` re-posts the last spam text from another bot account. */
export const SPAM_KINDS = { promo: 0.24, crypto: 0.2, follow: 0.15, link: 0.14, giveaway: 0.1, repeat: 0.17 };

/** Where each kind of message shows up. */
export const NETWORK_WEIGHTS: Record<Intent, Record<Network, number>> = {
  question: { x: 0.35, facebook: 0.25, instagram: 0.12, whatsapp: 0.28 },
  complaint: { x: 0.42, facebook: 0.28, instagram: 0.1, whatsapp: 0.2 },
  outage: { x: 0.5, facebook: 0.25, instagram: 0.07, whatsapp: 0.18 },
  praise: { x: 0.4, facebook: 0.2, instagram: 0.35, whatsapp: 0.05 },
  mention: { x: 0.55, facebook: 0.2, instagram: 0.25, whatsapp: 0 },
  competitor: { x: 0.65, facebook: 0.2, instagram: 0.15, whatsapp: 0 },
  spam: { x: 0.45, facebook: 0.25, instagram: 0.25, whatsapp: 0.05 },
  crisis: { x: 0.6, facebook: 0.25, instagram: 0.08, whatsapp: 0.07 },
};

/** Chance that a conversation opens privately (DM, Messenger) on a network that has both. */
const PRIVATE_OPENING: Partial<Record<Intent, number>> = {
  question: 0.3,
  complaint: 0.2,
  outage: 0.12,
  praise: 0.05,
  spam: 0.08,
};

export function openingChannel(network: Network, intent: Intent, roll: number): Channel {
  if (network === "whatsapp") return "private";
  // Instagram DMs carry a lot of "collab?" spam and questions; X DMs fewer.
  const boost = network === "instagram" ? 1.4 : network === "x" ? 0.8 : 1;
  return roll < (PRIVATE_OPENING[intent] ?? 0) * boost ? "private" : "public";
}

/** How a public X post addresses the brand: `@acme ...`, `... @acme`, or only the name/hashtag. */
export type XAddressing = "prefix" | "suffix" | "keyword";

export function xAddressing(intent: Intent, roll: number): XAddressing {
  // Chatter about a brand often does not tag it; people who want help usually do.
  const keyword = intent === "mention" || intent === "competitor" ? 0.5 : intent === "spam" ? 0.3 : 0.1;
  if (roll < keyword) return "keyword";
  return roll < keyword + (1 - keyword) * 0.75 ? "prefix" : "suffix";
}
