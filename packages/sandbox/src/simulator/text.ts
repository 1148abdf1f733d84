import type { Random } from "../shared/random";
import type { XAddressing } from "./mix";
import { asciiHandlePart, phoneNumber } from "./profiles";
import { chance, intBetween } from "./sampling";
import type { LanguagePack } from "./templates";

/**
 * Turns templates into varied text. Slots fixed per conversation (city, account, order...) live in
 * `Slots`, so a customer's follow-ups repeat the same details; emoji and links are drawn afresh on
 * every message. `humanize` adds the noise real posts have: typos, lowercase, shouting.
 */
export interface Slots {
  brand: string;
  city: string;
  abroad: string;
  plan: string;
  device: string;
  amount: string;
  small: string;
  order: string;
  account: string;
  postcode: string;
  phone: string;
  email: string;
  days: string;
  hours: string;
  time: string;
  weekday: string;
  speed: string;
  slow: string;
  competitor: string;
  hashtag: string;
}

const PLANS = ["Unlimited 5G", "Fibre 500", "SIM Only 30GB", "Family Plus", "Fibre 150", "Pay As You Go"];
const DEVICES = ["iPhone 16", "Galaxy S25", "Pixel 9", "Acme Hub 3 router", "Moto G85", "iPad Air"];
const ABROAD = ["New York", "Dubai", "Tokyo", "Lisbon", "Rome", "Cancún", "Istanbul", "Marrakesh"];
const COMPETITORS = ["Globex", "Initech"];
const SPEEDS = ["500Mbps", "150Mbps", "1Gbps", "900Mbps"];
const EMAIL_DOMAINS = ["mail.example", "inbox.example", "post.example"];
const SPAM_DOMAINS = [
  "promo-deals.example",
  "cryptoboost.example",
  "free-gifts.example",
  "bestcases.example",
];

const EMOJI = {
  happy: ["😊", "🙌", "❤️", "👏", "🎉", "👍", "🔥"],
  angry: ["😡", "🤬", "😤", "🙄", "👎", "💀"],
  sad: ["😞", "😢", "🙁", "😩"],
};

export function newSlots(input: {
  random: Random;
  pack: LanguagePack;
  brand: string;
  city: string;
  name: string;
  hashtag?: string;
}): Slots {
  const { random: r, pack } = input;
  return {
    brand: input.brand,
    city: input.city,
    abroad: r.pick(ABROAD),
    plan: r.pick(PLANS),
    device: r.pick(DEVICES),
    amount: pack.money(intBetween(r, 1500, 14_000) / 100),
    small: pack.money(intBetween(r, 2, 10)),
    order: `AC${r.string(7, "0123456789")}`,
    account: `${intBetween(r, 1, 9)}${r.string(9, "0123456789")}`,
    postcode: pack.postcode(r),
    phone: `+${phoneNumber(r, pack)}`,
    email: `${asciiHandlePart(input.name)}${intBetween(r, 1, 99)}@${r.pick(EMAIL_DOMAINS)}`,
    days: String(intBetween(r, 2, 9)),
    hours: String(intBetween(r, 2, 30)),
    time: `${intBetween(r, 6, 22)}:${r.pick(["00", "15", "30", "45"])}`,
    weekday: r.pick(pack.weekdays),
    speed: r.pick(SPEEDS),
    slow: `${intBetween(r, 2, 40)}Mbps`,
    competitor: r.pick(COMPETITORS),
    hashtag: input.hashtag ?? `#${input.brand}`,
  };
}

function freshSlot(random: Random, name: string): string | undefined {
  if (name === "link") return `https://${random.pick(SPAM_DOMAINS)}/${random.string(6)}`;
  if (name === "happy" || name === "angry" || name === "sad") {
    // Not everyone uses emoji; an empty slot collapses away below.
    return chance(random, 0.65) ? random.pick(EMOJI[name]) : "";
  }
  return undefined;
}

/** Fills `{slot}`s; an unknown slot is a template bug, so it throws. */
export function render(random: Random, template: string, slots: Slots): string {
  const text = template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = freshSlot(random, name) ?? (slots as unknown as Record<string, string | undefined>)[name];
    if (value === undefined) throw new Error(`unknown template slot {${name}} in "${template}"`);
    return value;
  });
  return text.replace(/\s{2,}/g, " ").trim();
}

function swapTwoLetters(random: Random, text: string): string {
  const words = text.split(" ");
  const candidates = words.map((w, i) => (/^[\p{L}]{5,}$/u.test(w) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return text;
  const index = random.pick(candidates);
  const word = words[index] as string;
  const at = intBetween(random, 1, word.length - 3);
  words[index] = `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`;
  return words.join(" ");
}

/** Imperfections of real posts; spam keeps its exact copy (bots paste the same text). */
export function humanize(random: Random, text: string, mood: "angry" | "calm"): string {
  let out = text;
  if (chance(random, 0.12)) out = swapTwoLetters(random, out);
  if (mood === "angry" && chance(random, 0.05)) return out.toUpperCase();
  if (chance(random, 0.08)) out = out.toLowerCase();
  return out;
}

/** An opening word for private messages, now and then. */
export function greet(random: Random, pack: LanguagePack, text: string): string {
  return chance(random, 0.35) ? `${random.pick(pack.greetings)} ${text}` : text;
}

/** Puts the brand's @handle in a public X post, or only its name (found by keyword listening). */
export function addressOnX(text: string, style: XAddressing, handle: string, brand: string): string {
  if (style === "prefix") return `@${handle} ${text}`;
  if (style === "suffix") return `${text} @${handle}`;
  return text.toLowerCase().includes(brand.toLowerCase()) ? text : `${text} #${brand}`;
}
