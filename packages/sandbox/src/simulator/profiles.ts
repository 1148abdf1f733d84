import type { Random } from "../shared/random";
import { chance, intBetween, logUniform, pareto } from "./sampling";
import type { Lang, LanguagePack } from "./templates";

/**
 * Simulated people. Influence is heavy-tailed like on real networks: most accounts have a few
 * dozen followers, a few have tens of thousands or more (and some of those are verified). A few
 * customers are trolls, who answer the brand rudely whatever it says.
 */
export interface Customer {
  id: string;
  lang: Lang;
  name: string;
  /** Wanted X username; the X adapter may add digits when it is taken. */
  handle: string;
  city: string;
  followers: number;
  following: number;
  verified: boolean;
  influencer: boolean;
  troll: boolean;
  bot: boolean;
  /** Account ids on each emulator, created the first time the customer acts there. */
  ids: { x?: string; meta?: string; whatsapp?: string };
  lastStep: number;
}

const INFLUENCER_SHARE = 0.02;
const TROLL_SHARE = 0.03;

/** Lowercase ASCII letters only, for handles (X allows [A-Za-z0-9_]). */
export function asciiHandlePart(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

function handleFor(random: Random, first: string, last: string): string {
  const f = asciiHandlePart(first);
  const l = asciiHandlePart(last);
  const digits = String(intBetween(random, 1, 99));
  const shapes = [
    `${f}${l}`,
    `${f}_${l.slice(0, 1)}`,
    `${f.slice(0, 1)}${l}${digits}`,
    `${f}${digits}`,
    `${l}_${f}`,
  ];
  return random.pick(shapes).slice(0, 15);
}

export function newCustomer(input: {
  random: Random;
  pack: LanguagePack;
  serial: number;
  step: number;
}): Customer {
  const { random, pack } = input;
  const first = random.pick(pack.firstNames);
  const last = random.pick(pack.lastNames);
  const influencer = chance(random, INFLUENCER_SHARE);
  const followers = Math.round(
    influencer ? logUniform(random, 20_000, 2_000_000) : Math.min(50_000, pareto(random, 25, 1.3)),
  );
  return {
    id: `c${input.serial}`,
    lang: pack.lang,
    name: `${first} ${last}`,
    handle: handleFor(random, first, last),
    city: random.pick(pack.cities),
    followers,
    following: intBetween(random, 20, 1500),
    verified: influencer ? chance(random, 0.6) : chance(random, 0.005),
    influencer,
    troll: !influencer && chance(random, TROLL_SHARE),
    bot: false,
    ids: {},
    lastStep: input.step,
  };
}

const BOT_WORDS = [
  "deals",
  "crypto",
  "promo",
  "earn",
  "free",
  "gains",
  "boost",
  "win",
  "follow",
  "cash",
  "moon",
];

/** Spam accounts: few followers, following thousands, names that read like a campaign. */
export function newBot(input: {
  random: Random;
  pack: LanguagePack;
  serial: number;
  step: number;
}): Customer {
  const { random } = input;
  const a = random.pick(BOT_WORDS);
  const b = random.pick(BOT_WORDS.filter((w) => w !== a));
  const handle = `${a}${b}${intBetween(random, 100, 9999)}`.slice(0, 15);
  return {
    id: `b${input.serial}`,
    lang: input.pack.lang,
    name: `${a[0]?.toUpperCase()}${a.slice(1)} ${b[0]?.toUpperCase()}${b.slice(1)}`,
    handle,
    city: random.pick(input.pack.cities),
    followers: intBetween(random, 0, 80),
    following: intBetween(random, 2000, 7500),
    verified: false,
    influencer: false,
    troll: false,
    bot: true,
    ids: {},
    lastStep: input.step,
  };
}

/** A mobile number in the pack's country (digits only, E.164 without "+"). */
export function phoneNumber(random: Random, pack: LanguagePack): string {
  return `${pack.phone.prefix}${random.string(pack.phone.digits, "0123456789")}`;
}
