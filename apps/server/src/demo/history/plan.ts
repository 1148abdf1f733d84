import { arrivalHour, DAY, HOUR, inHours, MIN, nextOpen, type Zone } from "./calendar";
import { type Customer, customerPayload, type Ids, type Inbound, type Net } from "./payloads";
import type { Rng } from "./random";
import {
  CITIES,
  FIRST,
  FIRST2,
  LAST,
  REOPEN,
  SCENARIO_WEIGHT,
  SCENARIOS,
  type Scenario,
  THANKS,
} from "./scenarios";

/* The plan: who writes what when, and what the care floor does about it. */

/** Agent steps between two customer messages (each round ends before the customer's next one). */
export type Step =
  | { kind: "assign"; at: number; to: "pick" | "lead" }
  | { kind: "reply"; at: number; text: string; work: number }
  | { kind: "look"; at: number; work: number }
  | { kind: "status"; at: number; to: "pending" | "resolved" | "spam" | "escalated" }
  | { kind: "escalate"; at: number }
  | { kind: "tags"; at: number; tags: string[] }
  | { kind: "survey"; at: number; survey: "csat" | "nps"; answeredAfter: number | null; score: number };

export interface Planned {
  index: number;
  network: Net;
  scenario: Scenario;
  city: string;
  customer: Customer;
  /** Round r: inbound[r] then rounds[r]. */
  inbound: Inbound[];
  rounds: Step[][];
}

function fill(text: string, city: string) {
  return text.replaceAll("{city}", city);
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

export function planConversation(rng: Rng, z: Zone, index: number, at: number, ids: Ids): Planned {
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

/**
 * Every day's conversations from local midnight `start` on (about 60–120 a weekday, times
 * `volume`), then everything cut at `nowMs`: what would happen later did not happen yet.
 */
export function planHistory(
  rng: Rng,
  z: Zone,
  range: { start: number; days: number; volume: number; nowMs: number },
  ids: Ids,
): Planned[] {
  const { start, days, volume, nowMs } = range;
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
  for (const p of live) cutAtNow(p, nowMs);
  return live;
}

function cutAtNow(p: Planned, nowMs: number) {
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
