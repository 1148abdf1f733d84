import type { Random } from "../../shared/random";

/**
 * The shape of a language pack: generated-text templates with `{slot}` placeholders (see
 * `../text.ts` for the slot names) plus the locale data the slots draw from. Topic names are shared
 * by every language so statistics and tests can group messages regardless of language.
 */
export const LANGS = ["en", "es", "fr", "de", "pt"] as const;
export type Lang = (typeof LANGS)[number];

export const TOPICS = {
  question: ["billing", "plans", "roaming", "account", "delivery"],
  complaint: ["broadband", "calls", "double_charge", "store"],
  outage: ["no_signal", "internet_down", "switching"],
  praise: ["network", "agent", "fiveg"],
  mention: ["general"],
  competitor: ["compare"],
  spam: ["promo", "crypto", "follow", "link", "giveaway"],
  crisis: ["outage", "billing", "app"],
} as const;

export type Intent = keyof typeof TOPICS;
export type Topic<I extends Intent = Intent> = (typeof TOPICS)[I][number];
export type PostTemplates = { [I in Intent]: Record<Topic<I>, readonly string[]> };

/** What a customer says after the brand acted (or failed to act). */
export const FOLLOW_UPS = [
  "details",
  "answer",
  "refuse_dm",
  "thanks",
  "close_loop",
  "unhappy",
  "nudge",
  "chase",
  "smalltalk",
  "troll",
] as const;
export type FollowUpKind = (typeof FOLLOW_UPS)[number];

export interface LanguagePack {
  lang: Lang;
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** Home cities of customers and crisis locations. */
  cities: readonly string[];
  /** Opening words of private messages ("Hi!"); one is prepended now and then. */
  greetings: readonly string[];
  weekdays: readonly string[];
  /** Digits before the random part of a mobile number (country code first), and how many follow. */
  phone: { prefix: string; digits: number };
  postcode(random: Random): string;
  money(amount: number): string;
  posts: PostTemplates;
  followUps: Record<FollowUpKind, readonly string[]>;
}
