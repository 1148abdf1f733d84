/*
 * One conversation's history → one flat record of facts (SPEC M1-M5, M7). Pure: the caller loads
 * the conversation, its events and its messages; reports aggregate the records (aggregate.ts) and
 * a rollup table can store them. Definitions, with the seed's words, are in docs/metrics.md.
 */
import { type Calendar, isOpen } from "@parley/sla";
import { conversationHandling, type SegmentOptions, segmentsFromHeartbeats } from "./handling-time";
import { responsePairs, type TimedMessage } from "./response-times";
import { type Span, statusFacts } from "./status-history";

export interface FactsConversation {
  id: string;
  channel: string;
  /** The brand's account it came in on (a brand with several handles reports each). */
  channelAccountId?: string | null;
  status: string;
  category: string | null;
  teamId: string | null;
  assigneeId: string | null;
  tags: readonly string[];
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
}

export interface FactsEvent {
  type: string;
  actorId: string | null;
  data: Record<string, unknown>;
  occurredAt: Date;
}

export interface FactsMessage {
  direction: "inbound" | "outbound";
  channel: string;
  sentAt: Date;
  isSpam: boolean;
  deliveryStatus: string;
  authorUserId: string | null;
  sentiment: string | null;
  /**
   * Sent by Parley on its own (`classification.automated`: an auto-acknowledgement, a survey
   * question): not a response, so it counts in no response figure, SLA or handling time.
   */
  automated?: boolean;
  /**
   * The customer's answer to a survey (`classification.survey_answer`): feedback on a case that is
   * done, not a request, so it counts in no customer-message figure and starts or extends no wait.
   */
  surveyAnswer?: boolean;
}

export type SlaOutcome = "met" | "breached" | "pending" | "none";

export interface ConversationFacts {
  conversation_id: string;
  channel: string;
  channel_account_id: string | null;
  team_id: string | null;
  assignee_id: string | null;
  category: string | null;
  status: string;
  started_at: Date;
  /** Who wrote the first counted message; null when there is none. */
  started_by: "customer" | "brand" | null;
  /** Counted customer messages (not spam, not survey answers). */
  inbound_messages: number;
  spam_messages: number;
  /** Brand messages the network accepted (drafts, queued, failed or rejected replies never count). */
  responses: number;
  /** Replies sent from Parley by an agent. */
  agent_replies: number;
  /** Marked spam, or nothing in it but spam: not a conversation anyone had to answer. */
  is_spam: boolean;
  /** Distinct channels the customer wrote in, in the order first used. */
  customer_channels: string[];
  first_response_s: number | null;
  /** Whether the first customer message arrived while the desk was open (null without an FRT). */
  first_response_in_hours: boolean | null;
  response_count: number;
  response_sum_s: number;
  response_in_hours_count: number;
  response_in_hours_sum_s: number;
  sentiment_start: string | null;
  sentiment_end: string | null;
  /** Null unless it started negative; then whether the customer ended neutral or positive after a reply. */
  sentiment_converted: boolean | null;
  first_assigned_at: Date | null;
  queue_s: number | null;
  resolved_at: Date | null;
  resolution_s: number | null;
  reopened: number;
  first_contact_resolution: boolean;
  escalated: boolean;
  sla_first_response: SlaOutcome;
  sla_resolution: SlaOutcome;
  handling_s: number;
  handling_by_user: Record<string, number>;
  /** Handling time of each brand reply, in reply order (seed 001's 2 min, 7 min). */
  reply_handling_s: number[];
  disposition: string;
  /** When it was resolved, closed, archived or spam: out of the backlog. */
  not_open_spans: Span[];
}

export interface FactsOptions {
  /** The workspace's business hours; null counts every hour as open (24x7). */
  calendar: Calendar | null;
  activity: SegmentOptions;
}

/** The desk beats every 15 s while an agent works on a conversation; 60 s of silence ends a segment. */
export const DEFAULT_ACTIVITY: SegmentOptions = { beatMs: 15_000, idleCutoffMs: 60_000 };

/** A tag `disposition:<outcome>` (e.g. disposition:sale) names the outcome itself. */
export const DISPOSITION_TAG_PREFIX = "disposition:";

const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

export function conversationFacts(
  c: FactsConversation,
  events: readonly FactsEvent[],
  messages: readonly FactsMessage[],
  options: FactsOptions,
): ConversationFacts {
  const inbound = messages.filter((m) => m.direction === "inbound" && !m.isSpam && !m.surveyAnswer);
  const sent = messages.filter(
    (m) => m.direction === "outbound" && m.deliveryStatus === "sent" && !m.automated,
  );
  const spamMessages = messages.filter((m) => m.direction === "inbound" && m.isSpam).length;
  const timed: TimedMessage[] = [...inbound, ...sent];
  const { pairs, customerStarted } = responsePairs(timed);
  const inHours = (at: Date) => (options.calendar ? isOpen(options.calendar, at) : true);
  const first = customerStarted ? pairs[0] : undefined;
  const hoursPairs = pairs.filter((p) => inHours(p.askedAt));
  const status = statusFacts(
    c,
    events.flatMap((e) =>
      e.type === "status_changed" && typeof e.data.to === "string"
        ? [{ occurredAt: e.occurredAt, to: e.data.to }]
        : [],
    ),
  );
  const firstReplyAt = earliest(sent.map((m) => m.sentAt));
  const firstAssignedAt = earliest(
    events.filter((e) => e.type === "assigned" && e.data.to).map((e) => e.occurredAt),
  );
  const escalated = events.some((e) => e.type === "escalated") || c.status === "escalated";
  const handling = handlingOf(events, sent, options.activity);
  const isSpam = c.status === "spam" || (inbound.length === 0 && spamMessages > 0);
  const resolved = status.resolvedAt !== null;
  return {
    conversation_id: c.id,
    channel: c.channel,
    channel_account_id: c.channelAccountId ?? null,
    team_id: c.teamId,
    assignee_id: c.assigneeId,
    category: c.category,
    status: c.status,
    started_at: c.createdAt,
    started_by: timed.length === 0 ? null : customerStarted ? "customer" : "brand",
    inbound_messages: inbound.length,
    spam_messages: spamMessages,
    responses: sent.length,
    agent_replies: sent.filter((m) => m.authorUserId).length,
    is_spam: isSpam,
    customer_channels: [...new Set(sortByTime(inbound).map((m) => m.channel))],
    first_response_s: first?.seconds ?? null,
    first_response_in_hours: first ? inHours(first.askedAt) : null,
    response_count: pairs.length,
    response_sum_s: sum(pairs.map((p) => p.seconds)),
    response_in_hours_count: hoursPairs.length,
    response_in_hours_sum_s: sum(hoursPairs.map((p) => p.seconds)),
    ...sentimentOf(inbound, firstReplyAt),
    first_assigned_at: firstAssignedAt,
    queue_s: queueSeconds(c.createdAt, customerStarted, firstAssignedAt, firstReplyAt),
    resolved_at: status.resolvedAt,
    resolution_s: status.resolvedAt ? seconds(c.createdAt, status.resolvedAt) : null,
    reopened: status.reopened,
    first_contact_resolution: resolved && !isSpam && sent.length === 1 && status.reopened === 0,
    escalated,
    sla_first_response: slaOutcome("first_response", c.firstResponseDueAt, firstReplyAt !== null, events),
    sla_resolution: slaOutcome("resolution", c.resolutionDueAt, resolved, events),
    ...handling,
    disposition: dispositionOf(c, isSpam, escalated),
    not_open_spans: status.notOpenSpans,
  };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function earliest(dates: readonly Date[]): Date | null {
  let min: Date | null = null;
  for (const d of dates) if (!min || d < min) min = d;
  return min;
}

function sortByTime<T extends { sentAt: Date }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
}

/** Creation → first assignment or first brand reply, whichever came first; customer-started only. */
function queueSeconds(
  createdAt: Date,
  customerStarted: boolean,
  assigned: Date | null,
  replied: Date | null,
) {
  if (!customerStarted) return null;
  const end = earliest([assigned, replied].filter((d): d is Date => d !== null));
  return end ? Math.max(0, seconds(createdAt, end)) : null;
}

/** First and last customer sentiment; converted when it started negative and ended better after a reply. */
function sentimentOf(inbound: readonly FactsMessage[], firstReplyAt: Date | null) {
  const rated = sortByTime(inbound.filter((m) => m.sentiment !== null));
  const start = rated[0];
  const end = rated.at(-1);
  const converted =
    start?.sentiment !== "negative"
      ? null
      : end !== undefined &&
        end.sentiment !== "negative" &&
        firstReplyAt !== null &&
        end.sentAt.getTime() > firstReplyAt.getTime();
  return {
    sentiment_start: start?.sentiment ?? null,
    sentiment_end: end?.sentiment ?? null,
    sentiment_converted: converted,
  };
}

/**
 * A target breached once the scheduler logged its sla_breached event (met late stays breached);
 * met when what it asks for happened with a due time set; pending while due; none without a target.
 */
export function slaOutcome(
  target: "first_response" | "resolution",
  dueAt: Date | null,
  achieved: boolean,
  events: readonly FactsEvent[],
): SlaOutcome {
  if (events.some((e) => e.type === "sla_breached" && e.data.target === target)) return "breached";
  if (dueAt === null) return "none";
  return achieved ? "met" : "pending";
}

function handlingOf(events: readonly FactsEvent[], sent: readonly FactsMessage[], activity: SegmentOptions) {
  const beats = events
    .filter((e) => e.type === "agent_activity" && e.actorId)
    .map((e) => ({ userId: e.actorId as string, at: e.occurredAt }));
  const h = conversationHandling(
    segmentsFromHeartbeats(beats, activity),
    sent.map((m) => ({ userId: m.authorUserId, sentAt: m.sentAt })),
  );
  return {
    handling_s: h.totalSeconds,
    handling_by_user: h.totalByUser,
    reply_handling_s: h.replies.map((r) => r.seconds),
  };
}

/** The outcome: a disposition tag when an agent set one, else what the status says. */
function dispositionOf(c: FactsConversation, isSpam: boolean, escalated: boolean): string {
  const tag = c.tags.find((t) => t.startsWith(DISPOSITION_TAG_PREFIX));
  if (tag && tag.length > DISPOSITION_TAG_PREFIX.length) return tag.slice(DISPOSITION_TAG_PREFIX.length);
  if (isSpam) return "spam";
  if (c.status === "archived") return "no_response_needed";
  if (c.status === "resolved" || c.status === "closed")
    return escalated ? "resolved_after_escalation" : "resolved";
  if (c.status === "escalated") return "escalated";
  return "unresolved";
}
