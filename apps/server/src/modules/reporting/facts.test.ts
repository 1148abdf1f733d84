import { compileCalendar } from "@parley/sla";
import { describe, expect, it } from "vitest";
import {
  type ConversationFacts,
  conversationFacts,
  DEFAULT_ACTIVITY,
  type FactsConversation,
  type FactsEvent,
  type FactsMessage,
  type FactsOptions,
} from "./facts";

// 2026-03-02 is a Monday.
const at = (hhmm: string, day = "2026-03-02") =>
  new Date(`${day}T${hhmm.length === 5 ? `${hhmm}:00` : hhmm}Z`);
const OPEN_9_TO_18 = compileCalendar({
  timezone: "UTC",
  alwaysOpen: false,
  weekly: { mon: [["09:00", "18:00"]], tue: [["09:00", "18:00"]] },
  holidays: [],
});
const options: FactsOptions = { calendar: OPEN_9_TO_18, activity: DEFAULT_ACTIVITY };

function conversation(over: Partial<FactsConversation> = {}): FactsConversation {
  return {
    id: "c1",
    channel: "x",
    status: "open",
    category: "delivery",
    teamId: "t1",
    assigneeId: null,
    tags: [],
    createdAt: at("17:30"),
    updatedAt: at("19:00"),
    resolvedAt: null,
    closedAt: null,
    firstResponseDueAt: null,
    resolutionDueAt: null,
    ...over,
  };
}

const customer = (hhmm: string, over: Partial<FactsMessage> = {}): FactsMessage => ({
  direction: "inbound",
  channel: "x",
  sentAt: at(hhmm),
  isSpam: false,
  deliveryStatus: "received",
  authorUserId: null,
  sentiment: null,
  ...over,
});
const agent = (hhmm: string, over: Partial<FactsMessage> = {}): FactsMessage => ({
  direction: "outbound",
  channel: "x",
  sentAt: at(hhmm),
  isSpam: false,
  deliveryStatus: "sent",
  authorUserId: "ana",
  sentiment: null,
  ...over,
});
const event = (
  type: string,
  hhmm: string,
  data: Record<string, unknown> = {},
  actorId: string | null = null,
): FactsEvent => ({
  type,
  actorId,
  data,
  occurredAt: at(hhmm),
});
const status = (hhmm: string, to: string) => event("status_changed", hhmm, { to });

/** The seed's timeline: customer 5:30pm, agent 5:40pm, customer 6:00pm, agent 7:00pm. */
const SEED = [customer("17:30"), agent("17:40"), customer("18:00"), agent("19:00")];

function facts(
  over: Partial<FactsConversation>,
  events: FactsEvent[],
  messages: FactsMessage[],
  opts = options,
): ConversationFacts {
  return conversationFacts(conversation(over), events, messages, opts);
}

describe("conversation facts: response times (M2)", () => {
  it("reproduces the seed's example: FRT 10 min, ART 35 min", () => {
    const f = facts({}, [], SEED);
    expect(f.first_response_s).toBe(600);
    expect(f.response_count).toBe(2);
    expect(f.response_sum_s / f.response_count).toBe(35 * 60);
    expect(f).toMatchObject({ started_by: "customer", inbound_messages: 2, responses: 2, agent_replies: 2 });
  });

  it("splits waits by whether the customer wrote while the desk was open", () => {
    const f = facts({}, [], SEED);
    // 17:30 is before the 18:00 closing; 18:00 itself is closed.
    expect(f.first_response_in_hours).toBe(true);
    expect([f.response_in_hours_count, f.response_in_hours_sum_s]).toEqual([1, 600]);
    const always = facts({}, [], SEED, { ...options, calendar: null });
    expect([always.response_in_hours_count, always.response_in_hours_sum_s]).toEqual([2, 4200]);
  });

  it("ignores spam, unsent replies and has no FRT when the brand started it", () => {
    const f = facts(
      {},
      [],
      [
        customer("17:00", { isSpam: true }),
        customer("17:30"),
        agent("17:35", { deliveryStatus: "failed" }),
        agent("17:36", { deliveryStatus: "draft" }),
        agent("17:50"),
      ],
    );
    expect(f).toMatchObject({ first_response_s: 1200, spam_messages: 1, inbound_messages: 1, responses: 1 });
    const outreach = facts({}, [], [agent("17:00"), customer("17:30"), agent("17:40")]);
    expect(outreach).toMatchObject({ started_by: "brand", first_response_s: null, queue_s: null });
    expect(outreach.response_sum_s).toBe(600);
  });

  it("counts a spam-only conversation as spam", () => {
    const f = facts({}, [], [customer("17:30", { isSpam: true })]);
    expect(f).toMatchObject({ is_spam: true, disposition: "spam", inbound_messages: 0 });
    expect(facts({ status: "spam" }, [], SEED).is_spam).toBe(true);
  });
});

it("leaves survey answers out of customer messages, waits and sentiment", () => {
  // Answered at 17:40, resolved, asked a survey (automated) at 18:00, answered "5" at 18:05,
  // thanked at 18:20: the thank-you is a response, but nobody was waiting for it.
  const f = facts(
    { status: "resolved" },
    [],
    [
      customer("17:30", { sentiment: "negative" }),
      agent("17:40"),
      agent("18:00", { authorUserId: null, automated: true }),
      customer("18:05", { surveyAnswer: true, sentiment: "positive" }),
      agent("18:20"),
    ],
  );
  expect(f).toMatchObject({
    inbound_messages: 1,
    responses: 2,
    first_response_s: 600,
    response_count: 1,
    response_sum_s: 600,
    sentiment_end: "negative",
    sentiment_converted: false,
  });
  // The same answer read as an ordinary message would have waited 15 minutes.
  const counted = facts(
    { status: "resolved" },
    [],
    [customer("17:30"), agent("17:40"), customer("18:05"), agent("18:20")],
  );
  expect([counted.inbound_messages, counted.response_count, counted.response_sum_s]).toEqual([2, 2, 1500]);
});

describe("conversation facts: sentiment (M4)", () => {
  it("converts when it starts negative and the customer ends neutral or positive after a reply", () => {
    const msgs = [
      customer("17:30", { sentiment: "negative" }),
      agent("17:40"),
      customer("18:00", { sentiment: "positive" }),
    ];
    expect(facts({}, [], msgs)).toMatchObject({
      sentiment_start: "negative",
      sentiment_end: "positive",
      sentiment_converted: true,
    });
  });

  it("does not convert without a reply before the better message, or while still negative", () => {
    const before = [
      customer("17:30", { sentiment: "negative" }),
      customer("17:35", { sentiment: "neutral" }),
      agent("17:40"),
    ];
    expect(facts({}, [], before).sentiment_converted).toBe(false);
    const still = [
      customer("17:30", { sentiment: "negative" }),
      agent("17:40"),
      customer("18:00", { sentiment: "negative" }),
    ];
    expect(facts({}, [], still).sentiment_converted).toBe(false);
    const positive = [customer("17:30", { sentiment: "positive" }), agent("17:40")];
    expect(facts({}, [], positive).sentiment_converted).toBeNull();
  });
});

describe("conversation facts: service levels (M5)", () => {
  it("measures queue time to the first assignment or the first reply, whichever is first", () => {
    expect(facts({}, [event("assigned", "17:33", { to: "ana" })], SEED).queue_s).toBe(180);
    expect(facts({}, [event("assigned", "17:50", { to: "ana" })], SEED).queue_s).toBe(600);
    expect(facts({}, [], [customer("17:30")]).queue_s).toBeNull();
  });

  it("resolves at the start of the last resolved stretch and counts reopens", () => {
    const events = [
      status("17:45", "resolved"),
      status("18:00", "open"),
      status("19:05", "resolved"),
      status("19:10", "closed"),
    ];
    const f = facts({ status: "closed" }, events, SEED);
    expect(f).toMatchObject({
      resolution_s: 95 * 60,
      reopened: 1,
      first_contact_resolution: false,
      disposition: "resolved",
    });
    expect(f.resolved_at).toEqual(at("19:05"));
    expect(f.not_open_spans).toEqual([
      { from: at("17:45"), to: at("18:00") },
      { from: at("19:05"), to: null },
    ]);
  });

  it("is a first-contact resolution after exactly one reply, never reopened", () => {
    const one = [customer("17:30"), agent("17:40")];
    expect(facts({ status: "resolved" }, [status("17:41", "resolved")], one).first_contact_resolution).toBe(
      true,
    );
    expect(facts({ status: "resolved" }, [status("19:01", "resolved")], SEED).first_contact_resolution).toBe(
      false,
    );
    expect(facts({ status: "open" }, [], one).first_contact_resolution).toBe(false);
  });

  it("takes SLA outcomes from the breach events and the due times", () => {
    const due = { firstResponseDueAt: at("17:45"), resolutionDueAt: at("21:00") };
    expect(facts(due, [], SEED)).toMatchObject({ sla_first_response: "met", sla_resolution: "pending" });
    const breach = event("sla_breached", "17:45", { target: "first_response" });
    expect(facts(due, [breach], SEED).sla_first_response).toBe("breached");
    expect(facts({}, [], SEED)).toMatchObject({ sla_first_response: "none", sla_resolution: "none" });
  });

  it("lists the distinct channels the customer wrote in", () => {
    const msgs = [customer("17:30"), customer("17:35", { channel: "whatsapp" }), customer("17:36")];
    expect(facts({}, [], msgs).customer_channels).toEqual(["x", "whatsapp"]);
  });
});

describe("conversation facts: handling time (M3) and dispositions (M7)", () => {
  const beats = (from: string, minutes: number) =>
    Array.from({ length: minutes * 4 }, (_, i) => ({
      type: "agent_activity",
      actorId: "ana",
      data: {},
      occurredAt: new Date(at(from).getTime() + i * 15_000),
    }));

  it("reproduces the seed's example from agent_activity events: 2 min, then 7 min", () => {
    const events = [...beats("17:38", 2), ...beats("17:46", 5), ...beats("18:58", 2)];
    const f = facts({}, events, SEED);
    expect(f.reply_handling_s).toEqual([120, 420]);
    expect(f.handling_s).toBe(540);
    expect(f.handling_by_user).toEqual({ ana: 540 });
  });

  it("names the outcome from a disposition tag, else from the status", () => {
    expect(facts({ status: "resolved", tags: ["vip", "disposition:sale"] }, [], SEED).disposition).toBe(
      "sale",
    );
    expect(facts({ status: "escalated" }, [], SEED)).toMatchObject({
      disposition: "escalated",
      escalated: true,
    });
    expect(facts({ status: "resolved" }, [event("escalated", "17:50")], SEED).disposition).toBe(
      "resolved_after_escalation",
    );
    expect(facts({ status: "archived" }, [], SEED).disposition).toBe("no_response_needed");
    expect(facts({}, [], SEED).disposition).toBe("unresolved");
  });
});
