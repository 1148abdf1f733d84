import type {
  Channel,
  ConversationStatus,
  ListeningKind,
  MessageDirection,
  MessageKind,
  Priority,
  Sentiment,
  Tier,
  Visibility,
} from "@parley/contracts";

/**
 * What the rules can know about one evaluation: the message that triggered it (absent for
 * conversation updates and timers), its conversation, the customer, the clock as the caller
 * sees it, and the SLA standing. Every leaf is optional: the caller fills what it knows and an
 * absent or null fact is "unset" (`operators.ts` says how each operator treats it). Names are the
 * rule document's field names, so `message.text` reads `facts.message.text`.
 */
export interface RuleFacts {
  message?: MessageFacts | null;
  conversation?: ConversationFacts | null;
  customer?: CustomerFacts | null;
  time?: TimeFacts | null;
  sla?: SlaStandingFacts | null;
  /** The instant the facts describe. Only `dueTimeFor` reads it, to turn offsets into dates. */
  as_of?: Date;
}

/** The message, as triage left it (SPEC T1, T2, T4, L2). */
export interface MessageFacts {
  channel?: Channel | null;
  visibility?: Visibility | null;
  kind?: MessageKind | null;
  direction?: MessageDirection | null;
  text?: string | null;
  /** ISO 639-1 code, optionally with a region ("pt-BR"); null when undetected. */
  language?: string | null;
  sentiment?: Sentiment | null;
  /** P(positive) - P(negative), -1..1. */
  sentiment_score?: number | null;
  /** One of the triage intents: question, dissatisfaction, urgent, crisis, general_reference... */
  intent?: string | null;
  tier?: Tier | null;
  category?: string | null;
  is_complaint?: boolean | null;
  is_spam?: boolean | null;
  /** Confidence in the spam label, 0..1. */
  spam_score?: number | null;
  is_offensive?: boolean | null;
  /** Distinct kinds of sensitive data found: card, ssn, email, phone, iban, account_number... */
  sensitive?: readonly string[] | null;
  /** Ids and names of the listening profiles it matched; give both so a rule may name either. */
  listening?: readonly string[] | null;
  /** Kinds of the listening profiles it matched: brand, product, competitor, care. */
  listening_kinds?: readonly ListeningKind[] | null;
}

export interface ConversationFacts {
  status?: ConversationStatus | null;
  priority?: Priority | null;
  priority_score?: number | null;
  team_id?: string | null;
  assignee_id?: string | null;
  tags?: readonly string[] | null;
  message_count?: number | null;
  /** The triggering message opened this conversation. */
  is_new?: boolean | null;
  /** Since the oldest customer message after the last agent reply; null when the agent spoke last. */
  waiting_seconds?: number | null;
  /** Since the conversation opened. */
  age_seconds?: number | null;
  /** Since the last message or status change, either side. */
  idle_seconds?: number | null;
  /** The worst state of its SLA targets: ok, warning, breached, met, met_late, none. */
  sla_state?: SlaState | null;
}

/** The customer (SPEC C3, T3). */
export interface CustomerFacts {
  followers?: number | null;
  verified?: boolean | null;
  /** The influence score the priority step computes. */
  influence?: number | null;
  vip_tier?: string | null;
  prior_posts?: number | null;
  is_troll?: boolean | null;
  location?: string | null;
}

/** Wall-clock facts in the workspace's (or the SLA calendar's) time zone; the caller computes them. */
export interface TimeFacts {
  business_hours_open?: boolean | null;
  weekday?: Weekday | null;
  /** Local hour, 0..23. */
  hour?: number | null;
}

/** The conversation's SLA targets, as `@parley/sla`'s computeSla reports them (SPEC W3). */
export interface SlaStandingFacts {
  first_response_state?: SlaState | null;
  first_response_remaining_seconds?: number | null;
  next_response_state?: SlaState | null;
  next_response_remaining_seconds?: number | null;
  resolution_state?: SlaState | null;
  resolution_remaining_seconds?: number | null;
}

/** Mirrors `@parley/sla`'s SlaState, kept here so this package needs only contracts. */
export const SLA_STATES = ["ok", "warning", "breached", "met", "met_late", "none"] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** Mirrors `@parley/sla`'s WEEKDAYS. */
export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
