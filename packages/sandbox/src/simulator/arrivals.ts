import type { Posted } from "./adapters/types";
import { type Conversation, identityKey } from "./memory";
import { openingChannel, SPAM_KINDS } from "./mix";
import { secondsToSteps } from "./options";
import { type Customer, newBot, newCustomer } from "./profiles";
import { chaseAfterOpening } from "./reactions";
import { chance, weighted } from "./sampling";
import { type Intent, type Lang, PACKS, TOPICS } from "./templates";
import { greet, humanize, newSlots, render, type Slots } from "./text";
import type { Channel, Network } from "./types";
import { attempt, emit, type World } from "./world";

/**
 * New conversations: a customer (new, or now and then a returning one) says something to or about
 * the brand on one network; spam comes from a small ring of bot accounts; crisis posts all speak
 * of the crisis's topic and place.
 */
const RETURNING_SHARE = 0.12;
const BOT_RING = 30;
const ANGRY = new Set<Intent>(["complaint", "outage", "crisis"]);
const FIRST_TIER = new Set<Intent>(["question", "complaint", "outage"]);
const PUBLIC_DETAILS_SHARE = 0.04;

export function regularArrival(world: World): void {
  const { random, options } = world;
  const spam = chance(random, options.spamShare);
  let intent: Intent = spam ? "spam" : (weighted(random, options.mix) ?? "question");
  let network = weighted(random, options.networkWeights[intent]);
  if (!network && !spam) {
    // e.g. only WhatsApp is there and nobody "mentions" a brand in a private chat.
    intent = "question";
    network = weighted(random, options.networkWeights.question);
  }
  if (!network) return;
  const lang = weighted(random, options.languages) ?? "en";
  if (spam) {
    spamArrival(world, network, lang);
    return;
  }
  const customer = pickCustomer(world, lang, network);
  openConversation(world, { customer, network, intent, topic: random.pick(TOPICS[intent]) });
}

export function crisisArrival(world: World): void {
  const crisis = world.crisis;
  if (!crisis) return;
  const network = weighted(world.random, world.options.networkWeights.crisis);
  if (!network) return;
  const customer = pickCustomer(world, crisis.info.lang, network, true);
  openConversation(world, {
    customer,
    network,
    intent: "crisis",
    topic: crisis.kind,
    label: crisis.info.topic,
    city: crisis.info.city,
    hashtag: crisis.info.hashtag,
  });
}

/**
 * A new customer, or now and then a known one with something new to say; not one who is still
 * waiting on this network, since that would be the same conversation going on.
 */
function pickCustomer(world: World, lang: Lang, network: Network, sameLanguageOnly = false): Customer {
  const { random, memory } = world;
  if (chance(random, RETURNING_SHARE)) {
    const known = memory.returning(random);
    const key = known && identityKey(network, known);
    const open = key === undefined ? undefined : memory.conversations.get(key);
    if (known && (!sameLanguageOnly || known.lang === lang) && (!open || open.resolved)) return known;
  }
  return newCustomer({ random, pack: PACKS[lang], serial: ++world.serial, step: world.step });
}

interface NewConversation {
  customer: Customer;
  network: Network;
  intent: Intent;
  topic: string;
  /** What the event reports as the topic, when it differs from the template topic. */
  label?: string;
  city?: string;
  hashtag?: string;
}

/** The first message: a template of the intent and topic, made human, addressed for its channel. */
function openingText(world: World, input: NewConversation, channel: Channel, slots: Slots): string {
  const { random } = world;
  const pack = PACKS[input.customer.lang];
  const templates = (pack.posts[input.intent] as Record<string, readonly string[]>)[input.topic] ?? [];
  const mood = ANGRY.has(input.intent) ? "angry" : "calm";
  const text = humanize(random, render(random, random.pick(templates), slots), mood);
  if (channel === "private") return greet(random, pack, text);
  if (FIRST_TIER.has(input.intent) && chance(random, PUBLIC_DETAILS_SHARE)) {
    // Some customers post their account number in public; Parley's sensitive-data guard must cope.
    return `${text} ${render(random, random.pick(pack.followUps.details), slots)}`;
  }
  return text;
}

function openConversation(world: World, input: NewConversation): void {
  const { random, memory } = world;
  const { customer, network, intent } = input;
  const adapter = world.adapters.get(network);
  if (!adapter) return;
  const channel = openingChannel(network, intent, random.next());
  const slots = newSlots({
    random,
    pack: PACKS[customer.lang],
    brand: world.brand,
    city: input.city ?? customer.city,
    name: customer.name,
    hashtag: input.hashtag,
  });
  const text = openingText(world, input, channel, slots);
  memory.touch(customer, world.step);
  const posted = attempt(world, network, () =>
    adapter.open({ customer, channel, text, intent, lang: customer.lang }),
  );
  if (!posted) return;
  remember(world, { ...input, key: adapter.enroll(customer), channel, slots, posted });
  emit(world, {
    kind: "arrival",
    network,
    channel,
    intent,
    topic: input.label ?? input.topic,
    lang: customer.lang,
    spam: false,
    customerId: customer.id,
    customer: network === "x" ? `@${customer.handle}` : customer.name,
    text: posted.text ?? text,
    ref: posted.ref,
  });
}

/** Keeps the new conversation, and plans a chase in case the brand never answers. */
function remember(
  world: World,
  input: NewConversation & { key: string; channel: Channel; slots: Slots; posted: Posted },
): void {
  const { posted } = input;
  const conversation: Conversation = {
    key: input.key,
    customerId: input.customer.id,
    network: input.network,
    lang: input.customer.lang,
    intent: input.intent,
    topic: input.topic,
    slots: input.slots,
    openedStep: world.step,
    lastStep: world.step,
    thread: posted.publicRef ? { own: posted.publicRef, ownIsPost: posted.isPost ?? false } : {},
    brandReplied: false,
    detailsGiven: false,
    resolved: false,
    followUps: 0,
  };
  world.memory.open(conversation);
  const chaseIn = chaseAfterOpening(world.random, input.intent);
  if (chaseIn === undefined) return;
  world.memory.schedule(conversation, {
    due: world.step + secondsToSteps(world.options, chaseIn),
    kind: "chase",
    channel: input.channel,
  });
}

/** A bot account for this network: mostly the same few, sometimes a fresh one (they get banned). */
function pickBot(world: World, network: Network, lang: Lang, avoid?: string): Customer {
  const { random } = world;
  const ring = world.bots.get(network) ?? [];
  world.bots.set(network, ring);
  const candidates = ring.filter((b) => b.id !== avoid);
  if (candidates.length > 0 && ring.length >= BOT_RING && !chance(random, 0.2))
    return random.pick(candidates);
  const bot = newBot({ random, pack: PACKS[lang], serial: ++world.serial, step: world.step });
  if (ring.length >= BOT_RING) ring.splice(random.int(ring.length), 1);
  ring.push(bot);
  return bot;
}

function spamText(world: World, kind: keyof typeof SPAM_KINDS, lang: Lang, bot: Customer) {
  const { random } = world;
  const pack = PACKS[lang];
  const topic = kind === "repeat" ? "promo" : kind;
  const slots = newSlots({ random, pack, brand: world.brand, city: bot.city, name: bot.name });
  return render(random, random.pick(pack.posts.spam[topic]), slots);
}

function spamArrival(world: World, network: Network, lang: Lang): void {
  const { random } = world;
  const adapter = world.adapters.get(network);
  if (!adapter) return;
  const previous = world.lastSpam.get(network);
  const kind = weighted(random, SPAM_KINDS) ?? "promo";
  const repeat = kind === "repeat" && previous !== undefined;
  // Bot repeats: the same words from another account of the same ring.
  const bot = pickBot(world, network, lang, repeat ? previous.botId : undefined);
  const text = repeat ? previous.text : spamText(world, kind, lang, bot);
  const channel = openingChannel(network, "spam", random.next());
  const posted = attempt(world, network, () =>
    adapter.open({ customer: bot, channel, text, intent: "spam", lang }),
  );
  if (!posted) return;
  world.lastSpam.set(network, { text, botId: bot.id });
  emit(world, {
    kind: "arrival",
    network,
    channel,
    intent: "spam",
    topic: repeat ? "repeat" : kind === "repeat" ? "promo" : kind,
    lang,
    spam: true,
    customerId: bot.id,
    customer: network === "x" ? `@${bot.handle}` : bot.name,
    text: posted.text ?? text,
    ref: posted.ref,
  });
}
