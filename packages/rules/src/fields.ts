import {
  CHANNELS,
  CONVERSATION_STATUSES,
  LISTENING_KINDS,
  MESSAGE_DIRECTIONS,
  MESSAGE_KINDS,
  PRIORITIES,
  SENTIMENTS,
  TIERS,
  VISIBILITIES,
} from "@parley/contracts";
import { SLA_STATES, WEEKDAYS } from "./facts";

/**
 * How a field compares. `text` is free text (substring, prefix and regex matching); `keyword` a
 * short open-ended string (a language code, a category, an id); `enum` a closed set whose values
 * the validator checks; `list` an array of strings (tags, sensitive kinds, listening profiles).
 */
export const FIELD_TYPES = ["text", "keyword", "enum", "number", "boolean", "list"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldSpec {
  readonly type: FieldType;
  readonly doc: string;
  /** The closed set of values for `enum` fields and enum-valued lists. */
  readonly values?: readonly string[];
  /** A duration that grows with wall time while set: a time-elapsed rule can wait on it. */
  readonly clock?: true;
}

const enumOf = (values: readonly string[], doc: string): FieldSpec => ({ type: "enum", values, doc });
const num = (doc: string): FieldSpec => ({ type: "number", doc });
const bool = (doc: string): FieldSpec => ({ type: "boolean", doc });
const keyword = (doc: string): FieldSpec => ({ type: "keyword", doc });
const text = (doc: string): FieldSpec => ({ type: "text", doc });
const list = (doc: string, values?: readonly string[]): FieldSpec =>
  values ? { type: "list", doc, values } : { type: "list", doc };
const clock = (doc: string): FieldSpec => ({ type: "number", doc, clock: true });

/**
 * The fixed catalogue of facts a condition may test. It is data, so the rule builder UI and the
 * API documentation can list fields and their operators from the same source the validator uses.
 */
export const FIELDS = {
  "message.channel": enumOf(CHANNELS, "Network or source the message came from."),
  "message.visibility": enumOf(VISIBILITIES, "Public post/comment or private DM/email/chat."),
  "message.kind": enumOf(MESSAGE_KINDS, "post, reply, comment, dm, email, chat, review, article."),
  "message.direction": enumOf(MESSAGE_DIRECTIONS, "inbound from the customer or outbound from the brand."),
  "message.text": text("The message body."),
  "message.language": keyword("Detected language code, e.g. en, pt-BR."),
  "message.sentiment": enumOf(SENTIMENTS, "Sentiment label."),
  "message.sentiment_score": num("P(positive) - P(negative), -1..1."),
  "message.intent": keyword("Triage intent: question, dissatisfaction, urgent, crisis, ..."),
  "message.tier": enumOf(TIERS, "Priority tier of SPEC T2: first, second, none."),
  "message.category": keyword("Category from the trained model (billing, delivery, ...)."),
  "message.is_complaint": bool("The complaint classifier's label."),
  "message.is_spam": bool("The spam filter's label."),
  "message.spam_score": num("Confidence in the spam label, 0..1."),
  "message.is_offensive": bool("The offensive-language classifier's label."),
  "message.sensitive": list("Kinds of sensitive data found: card, ssn, email, phone, iban, ..."),
  "message.listening": list("Ids and names of the listening profiles it matched."),
  "message.listening_kinds": list("Kinds of the profiles it matched.", LISTENING_KINDS),
  "conversation.status": enumOf(CONVERSATION_STATUSES, "Conversation status (SPEC C2)."),
  "conversation.priority": enumOf(PRIORITIES, "Conversation priority."),
  "conversation.priority_score": num("Priority score of SPEC T3."),
  "conversation.team_id": keyword("Team (queue) the conversation is routed to."),
  "conversation.assignee_id": keyword("Agent who owns it."),
  "conversation.tags": list("Tags on the conversation."),
  "conversation.message_count": num("Messages in the conversation, both sides."),
  "conversation.is_new": bool("The triggering message opened the conversation."),
  "conversation.waiting_seconds": clock("Seconds since the oldest unanswered customer message."),
  "conversation.age_seconds": clock("Seconds since the conversation opened."),
  "conversation.idle_seconds": clock("Seconds since the last message or status change."),
  "conversation.sla_state": enumOf(SLA_STATES, "Worst state among its SLA targets."),
  "customer.followers": num("Follower count on the message's network."),
  "customer.verified": bool("Verified account on the network."),
  "customer.influence": num("Influence score from the priority step."),
  "customer.vip_tier": keyword("VIP/value tier from the CRM."),
  "customer.prior_posts": num("Posts the customer has sent before."),
  "customer.is_troll": bool("Flagged as troll/abusive (SPEC C3)."),
  "customer.location": keyword("Location from the profile."),
  "time.business_hours_open": bool("The workspace's business hours are open now."),
  "time.weekday": enumOf(WEEKDAYS, "Local weekday."),
  "time.hour": num("Local hour, 0..23."),
  "sla.first_response_state": enumOf(SLA_STATES, "First-response target state."),
  "sla.first_response_remaining_seconds": num("Business seconds left; negative once breached."),
  "sla.next_response_state": enumOf(SLA_STATES, "Next-response target state."),
  "sla.next_response_remaining_seconds": num("Business seconds left; negative once breached."),
  "sla.resolution_state": enumOf(SLA_STATES, "Resolution target state."),
  "sla.resolution_remaining_seconds": num("Business seconds left; negative once breached."),
} as const satisfies Record<string, FieldSpec>;

export type FieldName = keyof typeof FIELDS;
export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

/** Fields a time-elapsed rule may count from (`clock` in the rule document). */
export const CLOCK_FIELDS = [
  "conversation.waiting_seconds",
  "conversation.age_seconds",
  "conversation.idle_seconds",
] as const;
export type ClockField = (typeof CLOCK_FIELDS)[number];

export function isFieldName(name: unknown): name is FieldName {
  return typeof name === "string" && Object.hasOwn(FIELDS, name);
}

/** Position of each field, so an evaluation can cache folded values in a flat array. */
export const FIELD_INDEX = Object.fromEntries(FIELD_NAMES.map((name, i) => [name, i])) as Readonly<
  Record<FieldName, number>
>;
