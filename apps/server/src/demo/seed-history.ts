import type { Channel } from "@parley/contracts";
import { and, eq, inArray, like, sql } from "drizzle-orm";
import { storeInboundEvents } from "../ingest/inbound";
import type { ChannelRow } from "../modules/channels/channels.repo";
import { refreshSla } from "../modules/sla/refresh-sla";
import { sharedSlaCache } from "../modules/sla/sla-cache";
import { createIngestPipeline, type PipelineInput } from "../pipeline/ingest.pipeline";
import type { Db, Queryable } from "../platform/db";
import { bulkInsert } from "../platform/db/bulk";
import {
  agentAvailabilityHistory,
  conversationEvents,
  conversations,
  memberships,
  messages,
  slaPolicies,
  surveys,
  teamMembers,
  teams,
  users,
  workspaces,
} from "../platform/db/schema";
import { newId } from "../platform/ids";

/*
 * The demo's past (so reports, surveys and the supervisor view have numbers on a fresh start):
 * 30 days of Acme's social care, generated from a seed. Customers' posts (X mentions, Facebook
 * visitor posts and comments, Instagram comments) and WhatsApp chats enter as the
 * networks' own webhook payloads through the ingestion pipeline, like `parley import twcs` does
 * (stored inbound events, then the pipeline's batch path: parse, triage, thread, rules; SLA once at
 * the end, from the whole history). What
 * the care floor did in between is written as the desk writes it: assignments, agent replies sent
 * under their author, status changes, tags, escalations, activity heartbeats, availability shifts
 * and survey answers, all at the times they happened. Nothing happens after `now`: a conversation
 * whose next step would be in the future stops where it is (today's are the live, open ones).
 */

export interface HistoryOptions {
  /** Days of history, today included (default 30). */
  days?: number;
  /** The random seed: the same seed and `now` give the same history. */
  seed?: number;
  /** Scales the daily volume (1 ≈ 60–120 conversations a weekday). */
  volume?: number;
}

export interface HistoryResult {
  seeded: boolean;
  conversations: number;
  inbound: number;
  replies: number;
  events: number;
  surveys: number;
  availability: number;
  ms: number;
  /** Milliseconds per phase (plan, ingest, write, availability, sla): where first-start time goes. */
  phases: Record<string, number>;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** The marker of the history's own outbound ids: a workspace that has one is already seeded. */
const OUT_PREFIX = "demo-history-";

// ---------------------------------------------------------------------------------------------
// Randomness and the calendar

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (lo: number, hi: number) => lo + (hi - lo) * next(),
    int: (lo: number, hi: number) => Math.floor(lo + (hi - lo + 1) * next()),
    chance: (p: number) => next() < p,
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    /** Exponentially distributed with this mean (waiting times). */
    exp: (mean: number) => -Math.log(1 - next()) * mean,
  };
}
type Rng = ReturnType<typeof prng>;

/** Wall-clock reading in a time zone, cached per UTC hour (offsets only change on the hour). */
function zone(timezone: string) {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone: timezone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  });
  const offsets = new Map<number, number>();
  const offset = (ms: number) => {
    const key = Math.floor(ms / HOUR);
    let o = offsets.get(key);
    if (o === undefined) {
      const p = Object.fromEntries(format.formatToParts(new Date(key * HOUR)).map((x) => [x.type, x.value]));
      const asUtc = Date.UTC(
        Number(p.year),
        Number(p.month) - 1,
        Number(p.day),
        Number(p.hour),
        Number(p.minute),
      );
      o = asUtc - key * HOUR;
      offsets.set(key, o);
    }
    return o;
  };
  return {
    /** Local weekday (0 = Sunday) and fractional hour. */
    local(ms: number) {
      const d = new Date(ms + offset(ms));
      return { day: d.getUTCDay(), hour: d.getUTCHours() + d.getUTCMinutes() / 60, date: d };
    },
    /** The instant of a local date (its UTC-shifted midnight) plus `hours`. */
    at(localMidnight: number, hours: number) {
      const guess = localMidnight + hours * HOUR;
      return guess - offset(guess - offset(guess));
    },
    /** Local midnight of the day holding `ms`, as a UTC-shifted timestamp. */
    midnight(ms: number) {
      const d = new Date(ms + offset(ms));
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    },
  };
}
type Zone = ReturnType<typeof zone>;

/** Acme's care hours (seed-workflow): weekdays 8–20, Saturday 10–16, closed Sunday. */
const OPEN: Record<number, [number, number] | undefined> = {
  1: [8, 20],
  2: [8, 20],
  3: [8, 20],
  4: [8, 20],
  5: [8, 20],
  6: [10, 16],
};
const inHours = (z: Zone, ms: number) => {
  const { day, hour } = z.local(ms);
  const o = OPEN[day];
  return o !== undefined && hour >= o[0] && hour < o[1];
};
/** The next opening at or after `ms`. */
function nextOpen(z: Zone, ms: number): number {
  if (inHours(z, ms)) return ms;
  let midnight = z.midnight(ms);
  for (let i = 0; i < 8; i++, midnight += DAY) {
    const day = new Date(midnight).getUTCDay();
    const o = OPEN[day];
    if (!o) continue;
    const opens = z.at(midnight, o[0]);
    if (opens >= ms) return opens;
  }
  return ms;
}

/** Share of a day's posts per local hour: quiet nights, a lunch bump, the evening peak. */
const HOURLY = [
  0.8, 0.5, 0.4, 0.3, 0.3, 0.5, 1.2, 2.6, 4.6, 5.8, 6.2, 6.4, 6.9, 6.6, 6.0, 5.8, 5.9, 6.3, 6.8, 6.9, 6.1,
  4.6, 3.0, 1.7,
];
const HOURLY_TOTAL = HOURLY.reduce((a, b) => a + b, 0);
function arrivalHour(rng: Rng): number {
  let r = rng.next() * HOURLY_TOTAL;
  for (let h = 0; h < 24; h++) {
    r -= HOURLY[h] as number;
    if (r <= 0) return h + rng.next();
  }
  return 23 + rng.next();
}

// ---------------------------------------------------------------------------------------------
// What customers write and agents answer

interface Scenario {
  key: string;
  weight: number;
  opening: string[];
  reply: string[];
  question?: string[];
  secondReply?: string[];
  disposition?: { tag: string; share: number };
  escalates?: number;
  spam?: boolean;
  praise?: boolean;
}

const CITIES = ["Austin", "Denver", "Columbus", "Tampa", "Portland", "Raleigh", "Phoenix", "Boston"];

const SCENARIOS: Scenario[] = [
  {
    key: "billing",
    weight: 18,
    opening: [
      "I was charged twice for my bill this month, $89.99 taken two times. This is really frustrating, can someone fix it?",
      "Why did my bill go up by $20 without any notice? Nobody told me about a price change.",
      "My autopay failed and now there's a late fee on my account. I've paid on time for 5 years, this is annoying.",
      "Me cobraron dos veces la factura de este mes. ¿Pueden ayudarme por favor?",
    ],
    reply: [
      "Sorry about that! I've checked your account and the duplicate payment is being reversed, it'll be back on your card in 3–5 business days.",
      "Thanks for flagging this. The increase is the end of your 12-month promo; I've applied a loyalty discount so your next bill is back to the old price.",
      "I'm sorry for the trouble. I've waived the late fee and updated your autopay card, you're all set.",
    ],
    question: [
      "Thanks, but I still see both charges on my statement. How long until it's fixed?",
      "Which discount did you apply? I don't see it in the app yet.",
    ],
    secondReply: [
      "Card refunds show as pending first; the second charge will drop off by Friday. I've added a note so you can quote it if needed.",
      "It's on your next bill rather than the current one, you'll see it as 'Loyalty credit -$20.00'.",
    ],
    disposition: { tag: "disposition:refund", share: 0.35 },
    escalates: 0.05,
  },
  {
    key: "outage",
    weight: 16,
    opening: [
      "Internet has been down in {city} since this morning. Is there an outage? I work from home!",
      "No signal at all in {city} for the last two hours, calls keep dropping. What's going on?",
      "Is Acme down? My fiber box is blinking red and nothing works. Terrible timing.",
    ],
    reply: [
      "Sorry for the disruption! There's a known outage in {city}; engineers are on site and we expect service back within 2 hours.",
      "Thanks for letting us know. A mast near you is being repaired; service should be restored by this evening. We'll credit the downtime.",
      "I've run a line test and see a fault on our side. A technician is booked for tomorrow 8–12, you'll get a text confirmation.",
    ],
    question: [
      "It's been more than 2 hours and it's still not working. Any update?",
      "Still no service here. Do I get a credit for this?",
    ],
    secondReply: [
      "The repair took longer than planned, sorry. It's fixed now; please restart your router and let us know if anything is still off.",
      "Yes, I've added a credit for two days of service to your account. It'll show on your next bill.",
    ],
    escalates: 0.12,
  },
  {
    key: "sales",
    weight: 12,
    opening: [
      "Thinking about switching to Acme. What's the best unlimited plan for a family of four?",
      "Do you have any deals on fiber for new customers in {city}?",
      "Can I add a second line to my plan? How much would it cost?",
    ],
    reply: [
      "Great question! Our Family Unlimited plan is $35/line for 4 lines, with 5G and hotspot included. I can set it up for you now if you'd like.",
      "Yes! Fiber 500 is $45/month for new customers in {city} for the first year, with free installation.",
      "Of course, a second line is $25/month on your plan. I've sent you a link to add it in two taps.",
    ],
    question: [
      "Sounds good. Does it include international calls?",
      "Nice. Is installation this week possible?",
    ],
    secondReply: [
      "It includes calls to 30 countries; I've added the plan to your account, welcome to Acme!",
      "Yes, the earliest slot is Thursday morning. You're booked, see you then!",
    ],
    disposition: { tag: "disposition:sale", share: 0.6 },
  },
  {
    key: "refund",
    weight: 8,
    opening: [
      "I cancelled my service last month and I'm still being billed. I want a refund.",
      "I returned the phone 3 weeks ago and still haven't got my money back. This is unacceptable.",
    ],
    reply: [
      "I'm sorry, that shouldn't have happened. I've closed the account for good and refunded the last charge; it'll reach you in 3–5 days.",
      "Sorry for the wait. I can see the return arrived; I've pushed the refund through today.",
    ],
    question: ["How will I know it went through?"],
    secondReply: [
      "You'll get an email confirmation today, and the refund shows on your statement within a week.",
    ],
    disposition: { tag: "disposition:refund", share: 0.75 },
    escalates: 0.06,
  },
  {
    key: "technical",
    weight: 14,
    opening: [
      "My new router keeps dropping wifi every hour. Already restarted it twice.",
      "Voicemail stopped working on my phone after the update. How do I fix it?",
      "My eSIM won't activate on my new phone, it keeps saying 'unable to complete'.",
    ],
    reply: [
      "Sorry about that! Please try switching the router to channel 6 in the app (Settings > Wi-Fi). I've also pushed a firmware update to your box.",
      "Thanks for reaching out. Dial 123 and follow the prompts to reset your voicemail; that fixes it after the update.",
      "I've reissued your eSIM; you should get a new QR code by email in a minute. Scan it in Settings > Mobile data.",
    ],
    question: ["Tried that, still the same problem.", "I didn't get the email, can you resend?"],
    secondReply: [
      "Thanks for trying. I've booked a replacement router, it ships today with free next-day delivery.",
      "Resent now to the address on file. If it doesn't arrive in 10 minutes, check the spam folder.",
    ],
  },
  {
    key: "coverage",
    weight: 8,
    opening: [
      "Do you have 5G coverage in {city}? Moving there next month.",
      "Going to Spain next week, how do I turn on roaming?",
    ],
    reply: [
      "Yes, {city} has full 5G coverage on our network. You can check any address on acme.example/coverage.",
      "Roaming in the EU is included in your plan, just turn on Data Roaming in your phone settings when you land.",
    ],
  },
  {
    key: "praise",
    weight: 10,
    praise: true,
    opening: [
      "Shoutout to the Acme technician who fixed my line today. Super quick and friendly, thank you!",
      "Honestly the best customer service I've had from a phone company. Thanks Acme!",
      "Love the new app update, paying my bill took 10 seconds. Great job!",
    ],
    reply: [
      "Thank you so much for the kind words! I'll pass them on to the team.",
      "That's great to hear, thanks for being with us!",
    ],
  },
  {
    key: "spam",
    weight: 6,
    spam: true,
    opening: [
      "Make $5000 a week working from home!!! Click here bit.ly/easy-cash-now limited spots",
      "FREE iPhone giveaway, follow me and DM to claim your prize now!!! 🎁🎁🎁",
      "Cheap followers 10k for $5, best price, DM now, crypto accepted",
    ],
    reply: [],
  },
];
const SCENARIO_WEIGHT = SCENARIOS.reduce((a, s) => a + s.weight, 0);

const THANKS = [
  "That worked, thank you so much!",
  "Perfect, thanks for the quick help!",
  "Great, all sorted now. Thanks a lot!",
  "Brilliant, really appreciate it. Thank you!",
];
const REOPEN = [
  "Hi again, the problem is back since this morning.",
  "Sorry, it's happening again. Can you take another look?",
];

const FIRST = ["Maria", "James", "Aisha", "Kevin", "Sofia", "Daniel", "Emily", "Luis", "Grace", "Omar"];
const FIRST2 = ["Hannah", "Marcus", "Chloe", "Ryan", "Fatima", "Ethan", "Isabel", "Noah", "Zoe", "Victor"];
const LAST = ["Lopez", "Carter", "Brooks", "Nguyen", "Patel", "Kim", "Rossi", "Murphy", "Silva", "Hughes"];

// ---------------------------------------------------------------------------------------------
// The plan: who writes what when, and what the care floor does about it

type Net = Extract<Channel, "x" | "facebook" | "instagram" | "whatsapp">;

interface Inbound {
  conv: number;
  at: number;
  externalId: string;
  key: string;
  payload: unknown;
}

/** Agent steps between two customer messages (each round ends before the customer's next one). */
type Step =
  | { kind: "assign"; at: number; to: "pick" | "lead" }
  | { kind: "reply"; at: number; text: string; work: number }
  | { kind: "look"; at: number; work: number }
  | { kind: "status"; at: number; to: "pending" | "resolved" | "spam" | "escalated" }
  | { kind: "escalate"; at: number }
  | { kind: "tags"; at: number; tags: string[] }
  | { kind: "survey"; at: number; survey: "csat" | "nps"; answeredAfter: number | null; score: number };

interface Planned {
  index: number;
  network: Net;
  scenario: Scenario;
  city: string;
  customer: { id: string; name: string; handle: string };
  /** Round r: inbound[r] then rounds[r]. */
  inbound: Inbound[];
  rounds: Step[][];
}

interface Ids {
  xBrand: string;
  facebookPage: string;
  instagram: string;
  whatsapp: string;
}

function fill(text: string, city: string) {
  return text.replaceAll("{city}", city);
}

function customerPayload(
  p: Pick<Planned, "network" | "index" | "customer">,
  ids: Ids,
  n: number,
  at: number,
  text: string,
  kind: "opening" | "follow_up",
  replyTo: string | null,
): Inbound {
  const c = p.customer;
  const conv = p.index;
  const seconds = Math.floor(at / 1000);
  switch (p.network) {
    case "x": {
      const id = (1_860_000_000_000_000_000n + BigInt(conv) * 10n + BigInt(n)).toString();
      const root = (1_860_000_000_000_000_000n + BigInt(conv) * 10n).toString();
      const payload = {
        data: {
          id,
          text:
            kind === "opening" ? `@acme ${text}` : `@acme ${text.charAt(0).toLowerCase()}${text.slice(1)}`,
          author_id: c.id,
          created_at: new Date(at).toISOString(),
          conversation_id: root,
          in_reply_to_user_id: ids.xBrand,
          // A follow-up answers the customer's own thread.
          ...(n > 0 ? { referenced_tweets: [{ type: "replied_to", id: replyTo ?? root }] } : {}),
        },
        includes: {
          users: [
            { id: c.id, username: c.handle, name: c.name },
            { id: ids.xBrand, username: "acme", name: "Acme" },
          ],
        },
      };
      return { conv, at, externalId: id, key: `x:post:${id}`, payload };
    }
    case "facebook": {
      const postId = `${ids.facebookPage}_9${conv}`;
      const id = n === 0 ? postId : `9${conv}_${n}`;
      const value =
        n === 0
          ? {
              item: "status",
              verb: "add",
              post_id: postId,
              from: { id: c.id, name: c.name },
              message: text,
              created_time: seconds,
            }
          : {
              item: "comment",
              verb: "add",
              post_id: postId,
              comment_id: id,
              parent_id: postId,
              from: { id: c.id, name: c.name },
              message: text,
              created_time: seconds,
            };
      const payload = {
        object: "page",
        entry: [{ id: ids.facebookPage, time: seconds, changes: [{ field: "feed", value }] }],
      };
      return { conv, at, externalId: id, key: `facebook:feed:${id}`, payload };
    }
    case "instagram": {
      const id = `1790${conv}${n}`;
      const first = `1790${conv}0`;
      const value = {
        id,
        text,
        from: { id: c.id, username: c.handle },
        media: { id: `1800${conv}` },
        ...(n > 0 ? { parent_id: first } : {}),
      };
      const payload = {
        object: "instagram",
        entry: [{ id: ids.instagram, time: seconds, changes: [{ field: "comments", value }] }],
      };
      return { conv, at, externalId: id, key: `instagram:comment:${id}`, payload };
    }
    case "whatsapp": {
      const id = `wamid.DEMOHISTORY${conv}_${n}`;
      const payload = {
        object: "whatsapp_business_account",
        entry: [
          {
            id: "waba-demo",
            changes: [
              {
                field: "messages",
                value: {
                  messaging_product: "whatsapp",
                  metadata: { phone_number_id: ids.whatsapp },
                  contacts: [{ wa_id: c.id, profile: { name: c.name } }],
                  messages: [
                    { from: c.id, id, timestamp: String(seconds), type: "text", text: { body: text } },
                  ],
                },
              },
            ],
          },
        ],
      };
      return { conv, at, externalId: id, key: `whatsapp:message:${id}`, payload };
    }
  }
}

/** When an agent gets to something that arrived at `ms`: soon in hours, after opening otherwise. */
function pickUp(rng: Rng, z: Zone, ms: number, meanMinutes: number): number {
  if (inHours(z, ms)) {
    // Mostly minutes; a busy spell now and then keeps someone waiting for an hour or more.
    const busy = rng.chance(0.1) ? rng.between(40, 150) * MIN : 0;
    return ms + rng.exp(meanMinutes) * MIN + 30_000 + busy;
  }
  return nextOpen(z, ms) + rng.between(3, 50) * MIN;
}

function planConversation(rng: Rng, z: Zone, index: number, at: number, ids: Ids): Planned {
  let r = rng.next() * SCENARIO_WEIGHT;
  let scenario = SCENARIOS[0] as Scenario;
  for (const s of SCENARIOS) {
    r -= s.weight;
    if (r <= 0) {
      scenario = s;
      break;
    }
  }
  const roll = rng.next();
  const network: Net = roll < 0.4 ? "x" : roll < 0.65 ? "facebook" : roll < 0.8 ? "instagram" : "whatsapp";
  const first = rng.pick(rng.chance(0.5) ? FIRST : FIRST2);
  const surname = rng.pick(LAST);
  const digits =
    network === "whatsapp" ? `1555${String(1_000_000 + index).slice(1)}` : `${4_200_000 + index}`;
  const customer = {
    id: digits,
    name: `${first} ${surname}`,
    handle: `${first}${surname}${index % 97}`.toLowerCase(),
  };
  const city = rng.pick(CITIES);
  const p: Planned = { index, network, scenario, city, customer, inbound: [], rounds: [] };
  const say = (t: number, text: string, replyTo: string | null) => {
    p.inbound.push(
      customerPayload(
        p,
        ids,
        p.inbound.length,
        t,
        fill(text, city),
        p.inbound.length === 0 ? "opening" : "follow_up",
        replyTo,
      ),
    );
    p.rounds.push([]);
  };
  const round = () => p.rounds[p.rounds.length - 1] as Step[];
  say(at, rng.pick(scenario.opening), null);

  if (scenario.spam) {
    round().push({ kind: "status", at: pickUp(rng, z, at, 20), to: "spam" });
    return p;
  }
  // The first answer: assigned, read and written, then waiting on the customer.
  const assignedAt = pickUp(rng, z, at, 4);
  round().push({ kind: "assign", at: assignedAt, to: "pick" });
  const work1 = rng.between(1, 5) * MIN;
  const reply1 = assignedAt + rng.between(0.5, 6) * MIN + work1;
  round().push({ kind: "reply", at: reply1, text: fill(rng.pick(scenario.reply), city), work: work1 });
  round().push({ kind: "status", at: reply1 + 2000, to: "pending" });
  let last = reply1;

  if (scenario.escalates && rng.chance(scenario.escalates)) {
    const escalatedAt = reply1 + rng.between(5, 40) * MIN;
    round().push({ kind: "escalate", at: escalatedAt });
    const leadReply = pickUp(rng, z, escalatedAt, 45) + 15 * MIN;
    const work = rng.between(3, 10) * MIN;
    round().push({
      kind: "reply",
      at: leadReply + work,
      text: "I've looked into this personally and sorted it out with the team. Sorry again for the hassle.",
      work,
    });
    last = leadReply + work;
  } else {
    const path = rng.next();
    if (path < 0.3) {
      const thanksAt = reply1 + rng.between(3, 120) * MIN;
      say(thanksAt, rng.pick(THANKS), null);
      last = thanksAt;
      round().push({ kind: "look", at: pickUp(rng, z, thanksAt, 6), work: rng.between(0.5, 1.5) * MIN });
      last = (round()[0] as Step).at;
    } else if (path < 0.55 && scenario.question) {
      const askedAt = reply1 + rng.between(5, 180) * MIN;
      say(askedAt, rng.pick(scenario.question), null);
      const work = rng.between(1.5, 6) * MIN;
      const reply2 = pickUp(rng, z, askedAt, 8) + work;
      round().push({
        kind: "reply",
        at: reply2,
        text: fill(rng.pick(scenario.secondReply ?? scenario.reply), city),
        work,
      });
      round().push({ kind: "status", at: reply2 + 2000, to: "pending" });
      last = reply2;
      if (rng.chance(0.5)) {
        const thanksAt = reply2 + rng.between(5, 90) * MIN;
        say(thanksAt, rng.pick(THANKS), null);
        last = thanksAt;
      }
    }
  }
  // Wrapped up: tagged, resolved, sometimes a survey.
  const wrapAt = Math.max(
    last + 60_000,
    inHours(z, last) ? last + rng.between(2, 30) * MIN : nextOpen(z, last) + rng.between(5, 40) * MIN,
  );
  const tags = [scenario.key];
  if (scenario.disposition && rng.chance(scenario.disposition.share)) tags.push(scenario.disposition.tag);
  round().push({ kind: "tags", at: wrapAt - 30_000, tags });
  round().push({ kind: "status", at: wrapAt, to: "resolved" });
  if (rng.chance(0.45)) {
    const happy = scenario.praise || rng.chance(0.75);
    const survey = rng.chance(0.7) ? "csat" : "nps";
    const score =
      survey === "csat"
        ? happy
          ? rng.pick([4, 5, 5, 5])
          : rng.pick([1, 2, 3, 3])
        : happy
          ? rng.pick([8, 9, 9, 10, 10])
          : rng.pick([2, 4, 5, 6, 7]);
    round().push({
      kind: "survey",
      at: wrapAt + rng.between(1, 3) * MIN,
      survey,
      answeredAfter: rng.chance(0.55) ? rng.exp(40) * MIN + 30_000 : null,
      score,
    });
  }
  // Now and then the fix does not hold: the customer comes back and it goes round again.
  if (rng.chance(0.05)) {
    const backAt = wrapAt + rng.between(2, 72) * HOUR;
    say(backAt, rng.pick(REOPEN), null);
    const work = rng.between(1.5, 6) * MIN;
    const reply = pickUp(rng, z, backAt, 8) + work;
    round().push({
      kind: "reply",
      at: reply,
      text: "Sorry it's back! I've escalated the fault to our engineers and put a monitor on your line.",
      work,
    });
    const wrap = reply + rng.between(10, 120) * MIN;
    round().push({ kind: "status", at: wrap, to: "resolved" });
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Staff shifts

interface Shift {
  userId: string;
  rows: { availability: "available" | "away" | "offline"; from: number; to: number }[];
}

/** Weekly rotas: early (8–16:30) or late (11:30–20), two days off, breaks; leads 9–17:30 weekdays. */
function planShifts(
  rng: Rng,
  z: Zone,
  staff: { userId: string; lead: boolean }[],
  start: number,
  now: number,
): Shift[] {
  return staff.map((s, i) => {
    const rows: Shift["rows"] = [];
    let cursor = start;
    const push = (availability: Shift["rows"][number]["availability"], from: number, to: number) => {
      if (to <= from) return;
      const prev = rows[rows.length - 1];
      if (prev && prev.availability === availability && prev.to === from) prev.to = to;
      else rows.push({ availability, from, to });
    };
    for (let midnight = z.midnight(start); midnight < now; midnight += DAY) {
      const day = new Date(midnight).getUTCDay();
      const off = s.lead ? day === 0 || day === 6 : (day + i) % 7 === 0 || (day + i) % 7 === 1;
      if (off || !OPEN[day]) continue;
      const late = !s.lead && day !== 6 && i % 2 === 1;
      const [from, to] = day === 6 ? [10, 16] : s.lead ? [9, 17.5] : late ? [11.5, 20] : [8, 16.5];
      const jitter = () => rng.between(-8, 8) / 60;
      const begin = z.at(midnight, from + jitter());
      const end = z.at(midnight, to + jitter());
      push("offline", cursor, begin);
      const breaks =
        day === 6
          ? [[2.5, 0.25]]
          : [
              [2, 0.25],
              [4, 0.5],
              [6.5, 0.25],
            ];
      let t = begin;
      for (const [after, length] of breaks as [number, number][]) {
        const b = begin + (after + jitter()) * HOUR;
        push("available", t, b);
        push("away", b, b + length * HOUR);
        t = b + length * HOUR;
      }
      push("available", t, end);
      cursor = end;
    }
    push("offline", cursor, now);
    return {
      userId: s.userId,
      rows: rows.filter((r) => r.from < now).map((r) => ({ ...r, to: Math.min(r.to, now) })),
    };
  });
}

const availableAt = (shift: Shift, ms: number) =>
  shift.rows.some((r) => r.availability === "available" && r.from <= ms && ms < r.to);

// ---------------------------------------------------------------------------------------------
// Writing it

interface ConvState {
  id: string;
  contactId: string;
  status: string;
  assigneeId: string | null;
  teamId: string | null;
  tags: string[];
  channelAccountId: string | null;
  lastInbound: {
    id: string;
    externalId: string | null;
    threadId: string | null;
    visibility: string;
    kind: string;
  };
}

const OUT_KIND: Record<string, string> = {
  post: "reply",
  reply: "reply",
  comment: "comment",
  dm: "dm",
  chat: "chat",
};

/**
 * Generates and stores the demo workspace's last `days` days, once: a workspace whose history is
 * already there (or that has none of the four demo channels) is left alone.
 */
export async function seedDemoHistory(
  deps: { db: Db },
  input: { workspaceId: string; channels: ChannelRow[] },
  now: Date,
  opts: HistoryOptions = {},
): Promise<HistoryResult> {
  const started = performance.now();
  const phases: Record<string, number> = {};
  let mark = started;
  const phase = (name: string) => {
    const t = performance.now();
    phases[name] = Math.round((phases[name] ?? 0) + t - mark);
    mark = t;
  };
  const empty = {
    seeded: false,
    conversations: 0,
    inbound: 0,
    replies: 0,
    events: 0,
    surveys: 0,
    availability: 0,
    ms: 0,
    phases: {},
  };
  const { db } = deps;
  const { workspaceId } = input;
  const byNetwork = new Map(input.channels.map((c) => [c.network, c]));
  const x = byNetwork.get("x");
  const fb = byNetwork.get("facebook");
  const ig = byNetwork.get("instagram");
  const wa = byNetwork.get("whatsapp");
  if (!x || !fb || !ig || !wa) return empty;
  const [done] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), like(messages.externalId, `${OUT_PREFIX}%`)))
    .limit(1);
  if (done) return empty;
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!workspace) return empty;

  const rng = prng(opts.seed ?? 20_261_202);
  const z = zone(workspace.timezone);
  const nowMs = now.getTime();
  const days = opts.days ?? 30;
  const volume = opts.volume ?? 1;
  const start = z.midnight(nowMs) - (days - 1) * DAY;
  const startAt = z.at(start, 0);
  const ids: Ids = {
    xBrand: x.externalAccountId,
    facebookPage: fb.externalAccountId,
    instagram: ig.externalAccountId,
    whatsapp: wa.externalAccountId,
  };
  const channelOf: Record<Net, ChannelRow> = { x, facebook: fb, instagram: ig, whatsapp: wa };

  // The plan, then everything cut at now.
  const plans: Planned[] = [];
  for (let d = 0; d < days; d++) {
    const midnight = start + d * DAY;
    const weekday = new Date(midnight).getUTCDay();
    const perDay = Math.round(
      volume * (weekday === 0 ? rng.int(45, 60) : weekday === 6 ? rng.int(55, 75) : rng.int(85, 118)),
    );
    const arrivals = Array.from({ length: perDay }, () => z.at(midnight, arrivalHour(rng))).sort(
      (a, b) => a - b,
    );
    for (const at of arrivals) plans.push(planConversation(rng, z, plans.length, at, ids));
  }
  const live = plans.filter((p) => (p.inbound[0]?.at ?? nowMs) < nowMs - 2 * MIN);
  for (const p of live) {
    const keep = p.inbound.findIndex((m) => m.at >= nowMs);
    if (keep >= 0) {
      p.inbound = p.inbound.slice(0, keep);
      p.rounds = p.rounds.slice(0, keep);
    }
    // A step cut short ends the conversation's story there: later customer turns did not happen.
    let stopped = -1;
    p.rounds = p.rounds.map((steps, r) => {
      const sorted = [...steps].sort((a, b) => a.at - b.at);
      const cut = sorted.findIndex((s) => s.at >= nowMs || (s.kind === "reply" && s.at - s.work >= nowMs));
      if (cut >= 0 && stopped < 0) stopped = r;
      return cut >= 0 ? sorted.slice(0, cut) : sorted;
    });
    if (stopped >= 0) {
      p.inbound = p.inbound.slice(0, stopped + 1);
      p.rounds = p.rounds.slice(0, stopped + 1);
    }
  }

  phase("plan");
  // Who works: the agents and the lead, on their teams, and their shifts.
  const staffRows = await db
    .select({ userId: memberships.userId, role: memberships.role, availability: memberships.availability })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.role, ["agent", "lead"])));
  const teamRows = await db
    .select({ teamId: teamMembers.teamId, userId: teamMembers.userId, name: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.workspaceId, workspaceId));
  const nameRows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      inArray(
        users.id,
        staffRows.map((s) => s.userId),
      ),
    );
  if (staffRows.length === 0) return empty;
  const lead = staffRows.find((s) => s.role === "lead")?.userId ?? (staffRows[0]?.userId as string);
  const initials = new Map(
    nameRows.map((u) => [
      u.id,
      u.name
        .split(/\s+/)
        .map((w) => w[0])
        .join(""),
    ]),
  );
  const shifts = planShifts(
    rng,
    z,
    staffRows.map((s) => ({ userId: s.userId, lead: s.role === "lead" })),
    startAt,
    nowMs,
  );
  const shiftOf = new Map(shifts.map((s) => [s.userId, s]));
  const membersOf = new Map<string, string[]>();
  for (const t of teamRows) {
    if (!staffRows.some((s) => s.userId === t.userId)) continue;
    membersOf.set(t.teamId, [...(membersOf.get(t.teamId) ?? []), t.userId]);
  }
  const prTeam = teamRows.find((t) => t.name === "PR & Escalations")?.teamId ?? null;
  const careTeam = teamRows.find((t) => t.name === "Social Care")?.teamId ?? null;
  const teamOfUser = new Map<string, string>();
  for (const t of teamRows)
    if (!teamOfUser.has(t.userId) && t.teamId !== prTeam) teamOfUser.set(t.userId, t.teamId);
  const load = new Map<string, number>();
  const pickAgent = (teamId: string | null, at: number) => {
    const members = (teamId && membersOf.get(teamId)?.filter((u) => u !== lead)) || [];
    const pool = members.length > 0 ? members : staffRows.map((s) => s.userId).filter((u) => u !== lead);
    const onShift = pool.filter((u) => availableAt(shiftOf.get(u) as Shift, at));
    const from = onShift.length > 0 ? onShift : pool;
    // Push routing hands it to whoever has the least on their plate.
    const chosen =
      [...from].sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || (rng.next() < 0.5 ? -1 : 1))[0] ??
      lead;
    load.set(chosen, (load.get(chosen) ?? 0) + 1);
    return chosen;
  };

  // The pipeline, with its clock at the earliest post of each batch: no SLA target of a post is
  // due yet when it is stored (the breaches are logged at the end, from what the agents did).
  // The staff are off while the past goes through, so push routing leaves assigning to the
  // history, at the times the agents actually picked each conversation up.
  let pipelineNow = startAt;
  const run = createIngestPipeline({ db, clock: { now: () => new Date(pipelineNow) } });
  await db
    .update(memberships)
    .set({ availability: "offline" })
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.role, ["agent", "lead"])));
  const state = new Map<number, ConvState>();
  const counts = { inbound: 0, replies: 0, events: 0, surveys: 0 };
  let outSeq = 0;
  const rounds = Math.max(...live.map((p) => p.inbound.length));
  // SLA is computed once, at the end, from the whole history: refreshing it batch by batch while
  // the past goes through costs more than the rest of the ingestion together (2,700 posts on
  // PGlite: 13 s of 25). The workspace's policies are off meanwhile (nothing else runs yet).
  const enabledPolicies = (
    await db
      .select({ id: slaPolicies.id })
      .from(slaPolicies)
      .where(and(eq(slaPolicies.workspaceId, workspaceId), eq(slaPolicies.enabled, true)))
  ).map((p) => p.id);
  const policiesEnabled = async (enabled: boolean) => {
    if (enabledPolicies.length > 0)
      await db.update(slaPolicies).set({ enabled }).where(inArray(slaPolicies.id, enabledPolicies));
    sharedSlaCache.invalidate(workspaceId);
  };
  await policiesEnabled(false);
  try {
    for (let r = 0; r < rounds; r++) {
      const arriving = live
        .flatMap((p) => (p.inbound[r] ? [{ p, m: p.inbound[r] as Inbound }] : []))
        .sort((a, b) => a.m.at - b.m.at);
      await ingest(
        db,
        run,
        arriving.map(({ p, m }) => ({ channel: channelOf[p.network], m })),
        (at) => {
          pipelineNow = at;
        },
      );
      counts.inbound += arriving.length;
      phase("ingest");
      await loadState(db, workspaceId, arriving, state);
      const written = await writeRound(db, {
        workspaceId,
        round: r,
        plans: arriving.map(({ p }) => p),
        state,
        pickAgent,
        lead,
        prTeam,
        careTeam,
        teamOfUser,
        initials,
        channelOf,
        rng,
        nowMs,
        nextOut: () => `${OUT_PREFIX}${++outSeq}`,
      });
      phase("write");
      phases.events = (phases.events ?? 0) + written.events;
      counts.replies += written.replies;
      counts.events += written.events;
      counts.surveys += written.surveys;
    }
  } finally {
    await policiesEnabled(true);
  }

  phase("write");
  // Availability: the rota, with each agent's open row saying what they are now (as before).
  for (const s of staffRows)
    await db
      .update(memberships)
      .set({ availability: s.availability })
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, s.userId)));
  const current = new Map(staffRows.map((s) => [s.userId, s.availability]));
  const availability = shifts.flatMap((s) =>
    s.rows.map((row, i) => {
      const open = i === s.rows.length - 1;
      return {
        id: newId(),
        workspaceId,
        userId: s.userId,
        availability: open ? (current.get(s.userId) ?? row.availability) : row.availability,
        startedAt: new Date(row.from),
        endedAt: open ? null : new Date(row.to),
      };
    }),
  );
  await db.transaction(async (tx) => {
    await tx.delete(agentAvailabilityHistory).where(
      and(
        eq(agentAvailabilityHistory.workspaceId, workspaceId),
        inArray(
          agentAvailabilityHistory.userId,
          staffRows.map((s) => s.userId),
        ),
        sql`${agentAvailabilityHistory.startedAt} >= ${new Date(startAt)}`,
      ),
    );
    for (let i = 0; i < availability.length; i += 2000)
      await bulkInsert(tx, agentAvailabilityHistory, availability.slice(i, i + 2000));
  });

  phase("availability");
  // SLA as of now: due times from the whole history, breaches logged where replies came late.
  const convIds = [...state.values()].map((s) => s.id);
  await db.transaction((tx) =>
    refreshSla(tx, { workspaceId, conversationIds: convIds }, now, sharedSlaCache),
  );
  phase("sla");
  return {
    seeded: true,
    conversations: state.size,
    inbound: counts.inbound,
    replies: counts.replies,
    events: counts.events,
    surveys: counts.surveys,
    availability: availability.length,
    ms: Math.round(performance.now() - started),
    phases,
  };
}

/** Stores the posts as received and runs them through the pipeline, batch by batch, in time order. */
async function ingest(
  db: Db,
  run: ReturnType<typeof createIngestPipeline>,
  items: { channel: ChannelRow; m: Inbound }[],
  setClock: (at: number) => void,
) {
  // One batch a round: the pipeline's cost on PGlite is mostly per batch (1,100 posts: 37 s in
  // batches of 100, 4.6 s in one).
  const size = 5000;
  for (let i = 0; i < items.length; i += size) {
    const chunk = items.slice(i, i + size);
    setClock(chunk[0]?.m.at ?? Date.now());
    const stored = await db.transaction((tx) =>
      storeInboundEvents(
        tx,
        chunk.map(({ channel, m }) => ({ channel, idempotencyKey: m.key, payload: m.payload })),
        new Date(chunk[0]?.m.at ?? Date.now()),
      ),
    );
    let batch: PipelineInput[] = stored.flatMap((s) =>
      s.eventId ? [{ eventId: s.eventId, attempt: 1 }] : [],
    );
    while (batch.length > 0) {
      const outcomes = await run(batch);
      batch = batch
        .filter((b, j) => outcomes[j]?.status === "retry" && b.attempt < 3)
        .map((b) => ({ ...b, attempt: b.attempt + 1 }));
    }
  }
}

/** Each planned conversation's row and latest customer message, as the pipeline left them. */
async function loadState(
  db: Queryable,
  workspaceId: string,
  arriving: { p: Planned; m: Inbound }[],
  state: Map<number, ConvState>,
) {
  for (const net of ["x", "facebook", "instagram", "whatsapp"] as const) {
    const mine = arriving.filter(({ p }) => p.network === net);
    for (let i = 0; i < mine.length; i += 1000) {
      const part = mine.slice(i, i + 1000);
      const rows = await db
        .select({
          externalId: messages.externalId,
          messageId: messages.id,
          threadId: messages.externalThreadId,
          visibility: messages.visibility,
          kind: messages.kind,
          id: conversations.id,
          contactId: conversations.contactId,
          status: conversations.status,
          assigneeId: conversations.assigneeId,
          teamId: conversations.teamId,
          tags: conversations.tags,
          channelAccountId: conversations.channelAccountId,
        })
        .from(messages)
        .innerJoin(conversations, eq(conversations.id, messages.conversationId))
        .where(
          and(
            eq(messages.workspaceId, workspaceId),
            eq(messages.channel, net),
            inArray(
              messages.externalId,
              part.map(({ m }) => m.externalId),
            ),
          ),
        );
      const byExternal = new Map(rows.map((r) => [r.externalId, r]));
      for (const { p, m } of part) {
        const row = byExternal.get(m.externalId);
        if (!row) continue;
        state.set(p.index, {
          id: row.id,
          contactId: row.contactId,
          status: row.status,
          assigneeId: row.assigneeId,
          teamId: row.teamId,
          tags: row.tags,
          channelAccountId: row.channelAccountId,
          lastInbound: {
            id: row.messageId,
            externalId: row.externalId,
            threadId: row.threadId,
            visibility: row.visibility,
            kind: row.kind,
          },
        });
      }
    }
  }
}

const ACTIVITY_KINDS = ["viewing", "typing", "typing", "typing", "lookup", "viewing"] as const;

/** Heartbeats every 15 s over [from, to], with the odd pause (under a minute, so one segment). */
function heartbeats(rng: Rng, from: number, to: number, tagging: boolean) {
  const beats: { at: number; kind: string }[] = [];
  let t = from;
  while (t <= to) {
    const share = (t - from) / Math.max(1, to - from);
    const kind = tagging ? "tagging" : share < 0.2 ? "viewing" : (rng.pick(ACTIVITY_KINDS) as string);
    beats.push({ at: Math.round(t), kind });
    t += rng.chance(0.06) ? rng.between(25, 50) * 1000 : 15_000 + rng.between(-1500, 1500);
  }
  return beats;
}

async function writeRound(
  db: Db,
  ctx: {
    workspaceId: string;
    round: number;
    plans: Planned[];
    state: Map<number, ConvState>;
    pickAgent: (teamId: string | null, at: number) => string;
    lead: string;
    prTeam: string | null;
    careTeam: string | null;
    teamOfUser: Map<string, string>;
    initials: Map<string, string>;
    channelOf: Record<Net, ChannelRow>;
    rng: Rng;
    nowMs: number;
    nextOut: () => string;
  },
) {
  const { workspaceId, rng } = ctx;
  const outMessages: (typeof messages.$inferInsert)[] = [];
  const events: (typeof conversationEvents.$inferInsert)[] = [];
  const surveyRows: (typeof surveys.$inferInsert)[] = [];
  const updates: Record<string, unknown>[] = [];
  const event = (
    conversationId: string,
    type: (typeof conversationEvents.$inferInsert)["type"],
    at: number,
    actor: { type: "user" | "system" | "contact"; id: string | null },
    data: Record<string, unknown>,
    messageId: string | null = null,
  ) =>
    events.push({
      workspaceId,
      conversationId,
      type,
      actorType: actor.type,
      actorId: actor.id,
      messageId,
      data,
      occurredAt: new Date(at),
      createdAt: new Date(at),
    });
  for (const p of ctx.plans) {
    const s = ctx.state.get(p.index);
    const steps = p.rounds[ctx.round] ?? [];
    if (!s || steps.length === 0) continue;
    const c = s.id;
    let firstResponseAt: number | null = null;
    let lastAgentAt: number | null = null;
    let lastAt = 0;
    let resolvedAt: number | null = null;
    let added = 0;
    for (const step of steps) {
      const agent = s.assigneeId;
      const user = { type: "user" as const, id: agent };
      lastAt = Math.max(lastAt, step.at);
      switch (step.kind) {
        case "assign": {
          if (s.assigneeId) break; // the pipeline's routing already handed it to someone
          const to = step.to === "lead" ? ctx.lead : ctx.pickAgent(s.teamId, step.at);
          event(c, "assigned", step.at, { type: "system", id: null }, { from: null, to, via: "routing" });
          s.assigneeId = to;
          if (!s.teamId) {
            const team = ctx.teamOfUser.get(to) ?? ctx.careTeam;
            event(c, "team_changed", step.at, { type: "system", id: null }, { from: null, to: team });
            s.teamId = team;
          }
          if (s.status === "new") {
            event(c, "status_changed", step.at, { type: "system", id: null }, { from: s.status, to: "open" });
            s.status = "open";
          }
          // The agent opens it as it lands.
          for (const b of heartbeats(rng, step.at + 5000, step.at + rng.between(20, 70) * 1000, false))
            event(c, "agent_activity", b.at, { type: "user", id: to }, { kind: "viewing" });
          break;
        }
        case "look":
        case "reply": {
          const author = agent ?? ctx.pickAgent(s.teamId, step.at);
          s.assigneeId = author;
          for (const b of heartbeats(rng, step.at - step.work, step.at - 2000, false))
            event(c, "agent_activity", b.at, { type: "user", id: author }, { kind: b.kind });
          if (step.kind === "look") break;
          const id = newId();
          const publicReply = s.lastInbound.visibility === "public";
          const sign = publicReply && p.network === "x" ? ` ^${ctx.initials.get(author) ?? ""}` : "";
          const externalId = ctx.nextOut();
          outMessages.push({
            id,
            workspaceId,
            conversationId: c,
            channel: p.network,
            channelAccountId: s.channelAccountId ?? ctx.channelOf[p.network].id,
            direction: "outbound",
            visibility: s.lastInbound.visibility as "public" | "private",
            kind: (p.network === "facebook" || p.network === "instagram"
              ? "comment"
              : (OUT_KIND[s.lastInbound.kind] ?? "reply")) as (typeof messages.$inferInsert)["kind"],
            externalId,
            externalThreadId: s.lastInbound.threadId,
            replyToExternalId: s.lastInbound.externalId,
            replyToMessageId: s.lastInbound.id,
            authorUserId: author,
            text: `${step.text}${sign}`,
            language: "en",
            classification: {},
            deliveryStatus: "sent",
            sentAt: new Date(step.at),
            receivedAt: new Date(step.at),
            createdAt: new Date(step.at - 1000),
          });
          event(
            c,
            "message_out",
            step.at,
            { type: "user", id: author },
            { external_id: externalId, visibility: s.lastInbound.visibility, via: "parley" },
            id,
          );
          firstResponseAt ??= step.at;
          lastAgentAt = step.at;
          added++;
          break;
        }
        case "status": {
          if (s.status === step.to) break;
          const by = agent ?? ctx.pickAgent(s.teamId, step.at);
          event(c, "status_changed", step.at, { type: "user", id: by }, { from: s.status, to: step.to });
          s.status = step.to;
          if (step.to === "resolved") resolvedAt = step.at;
          break;
        }
        case "escalate": {
          const from = { status: s.status, team_id: s.teamId, assignee_id: s.assigneeId };
          event(c, "status_changed", step.at, user, { from: s.status, to: "escalated" });
          if (ctx.prTeam && s.teamId !== ctx.prTeam)
            event(c, "team_changed", step.at, user, { from: s.teamId, to: ctx.prTeam });
          event(c, "assigned", step.at, user, { from: s.assigneeId, to: ctx.lead });
          event(c, "escalated", step.at, user, {
            to: { team_id: ctx.prTeam },
            reason: "Customer unhappy after the first answer; needs a lead",
            callback: null,
            email_handoff: null,
            from,
          });
          s.status = "escalated";
          s.teamId = ctx.prTeam ?? s.teamId;
          s.assigneeId = ctx.lead;
          break;
        }
        case "tags": {
          const to = [...new Set([...s.tags, ...step.tags])];
          const by = agent ?? ctx.lead;
          for (const b of heartbeats(rng, step.at - rng.between(15, 45) * 1000, step.at - 1000, true))
            event(c, "agent_activity", b.at, { type: "user", id: by }, { kind: b.kind });
          event(c, "tags_changed", step.at, { type: "user", id: by }, { from: s.tags, to });
          s.tags = to;
          break;
        }
        case "survey": {
          const surveyId = newId();
          const questionId = newId();
          const expiresAt = step.at + DAY;
          const answeredAt = step.answeredAfter !== null ? step.at + step.answeredAfter : null;
          const answered = answeredAt !== null && answeredAt < Math.min(expiresAt, ctx.nowMs);
          const status = answered ? "answered" : expiresAt <= ctx.nowMs ? "expired" : "asked";
          const question =
            step.survey === "csat"
              ? "How would you rate the help you got today? Reply with a number from 1 (poor) to 5 (great)."
              : "How likely are you to recommend Acme to a friend? Reply with a number from 0 to 10.";
          outMessages.push({
            id: questionId,
            workspaceId,
            conversationId: c,
            channel: p.network,
            channelAccountId: s.channelAccountId ?? ctx.channelOf[p.network].id,
            direction: "outbound",
            visibility: "private",
            kind: p.network === "whatsapp" ? "chat" : "dm",
            externalId: ctx.nextOut(),
            externalThreadId: p.network === "whatsapp" ? s.lastInbound.threadId : null,
            replyToExternalId: null,
            replyToMessageId: null,
            authorUserId: null,
            text: question,
            language: "en",
            classification: { automated: "survey" },
            deliveryStatus: "sent",
            sentAt: new Date(step.at),
            receivedAt: new Date(step.at),
            createdAt: new Date(step.at),
          });
          added++;
          surveyRows.push({
            id: surveyId,
            workspaceId,
            conversationId: c,
            contactId: s.contactId,
            kind: step.survey,
            channel: p.network,
            agentId: s.assigneeId,
            teamId: s.teamId,
            status,
            questionMessageId: questionId,
            askedAt: new Date(step.at),
            expiresAt: new Date(expiresAt),
            score: answered ? step.score : null,
            answeredAt: answered && answeredAt !== null ? new Date(answeredAt) : null,
            createdAt: new Date(step.at),
          });
          if (answered && answeredAt !== null)
            event(
              c,
              "survey_answered",
              answeredAt,
              { type: "contact", id: s.contactId },
              { survey_id: surveyId, kind: step.survey, score: step.score },
            );
          break;
        }
      }
    }
    updates.push({
      id: c,
      status: s.status,
      assignee_id: s.assigneeId,
      team_id: s.teamId,
      tags: `{${s.tags.map((t) => `"${t.replace(/["\\]/g, "\\$&")}"`).join(",")}}`,
      first_response_at: firstResponseAt === null ? null : new Date(firstResponseAt).toISOString(),
      last_agent_at: lastAgentAt === null ? null : new Date(lastAgentAt).toISOString(),
      last_at: new Date(lastAt).toISOString(),
      resolved_at: s.status === "resolved" && resolvedAt !== null ? new Date(resolvedAt).toISOString() : null,
      added,
    });
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < outMessages.length; i += 1000)
      await bulkInsert(tx, messages, outMessages.slice(i, i + 1000));
    for (let i = 0; i < events.length; i += 5000)
      await bulkInsert(tx, conversationEvents, events.slice(i, i + 5000));
    for (let i = 0; i < surveyRows.length; i += 1000)
      await bulkInsert(tx, surveys, surveyRows.slice(i, i + 1000));
    for (let i = 0; i < updates.length; i += 1000)
      await tx.execute(sql`
        update conversations c set
          status = v.status,
          assignee_id = v.assignee_id,
          team_id = v.team_id,
          tags = v.tags,
          first_response_at = coalesce(c.first_response_at, v.first_response_at),
          last_agent_message_at = coalesce(v.last_agent_at, c.last_agent_message_at),
          last_message_at = greatest(c.last_message_at, v.last_at),
          message_count = c.message_count + v.added,
          resolved_at = case when v.status = 'resolved' then coalesce(v.resolved_at, c.resolved_at) else null end,
          updated_at = greatest(c.updated_at, v.last_at)
        from jsonb_to_recordset(${JSON.stringify(updates.slice(i, i + 1000))}::jsonb) as v(
          id uuid, status text, assignee_id uuid, team_id uuid, tags text[], first_response_at timestamptz,
          last_agent_at timestamptz, last_at timestamptz, resolved_at timestamptz, added int)
        where c.id = v.id and c.workspace_id = ${workspaceId}::uuid`);
  });
  return {
    replies: outMessages.filter((m) => m.authorUserId).length,
    events: events.length,
    surveys: surveyRows.length,
  };
}
