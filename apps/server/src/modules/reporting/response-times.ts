/*
 * Response times of one conversation (SPEC M2, definitions from [S001 "Measuring Social Customer
 * Service"]). Pure: the caller decides which messages count (spam, unsent drafts) and passes them.
 *
 * - First Response Time: first customer message → first agent reply after it. Only for
 *   conversations the customer started: a case the brand opened (proactive outreach) has no
 *   "first response" to measure, though the customer's later messages still count towards ART.
 * - Average Response Time: every customer message is paired with the agent reply that answers it,
 *   the first agent message at or after it. Consecutive customer messages before one reply each
 *   count, each with its own wait ("every customer message", SPEC M2): the customer who wrote
 *   twice waited twice. Customer messages still unanswered have no pair (yet).
 */

export interface TimedMessage {
  /** inbound = the customer; outbound = an agent or the brand account. */
  direction: "inbound" | "outbound";
  sentAt: Date;
  /** Spam customer messages are not waiting for an answer: they are ignored. */
  isSpam?: boolean;
  /** The replying agent, for per-agent figures later; FRT and ART count any reply from the brand. */
  authorUserId?: string | null;
}

export interface ConversationResponseTimes {
  /** Seconds, or null when the customer did not start it or nobody answered yet. */
  firstResponseSeconds: number | null;
  /** One wait per answered customer message, in message order. */
  responseSeconds: number[];
}

/** Time order; at the same instant the customer comes first, since a reply cannot precede its question. */
function chronological(messages: readonly TimedMessage[]): TimedMessage[] {
  const rank = (m: TimedMessage) => (m.direction === "inbound" ? 0 : 1);
  return messages
    .filter((m) => !(m.direction === "inbound" && m.isSpam))
    .sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime() || rank(a) - rank(b));
}

/** One answered customer message: when it was asked and when the brand's answer went out. */
export interface ResponsePair {
  askedAt: Date;
  repliedAt: Date;
  seconds: number;
}

/** Every answered customer message with the reply that answers it, in message order. */
export function responsePairs(messages: readonly TimedMessage[]): {
  pairs: ResponsePair[];
  customerStarted: boolean;
} {
  const ordered = chronological(messages);
  const pairs: ResponsePair[] = [];
  let waiting: TimedMessage[] = [];
  for (const m of ordered) {
    if (m.direction === "inbound") {
      waiting.push(m);
      continue;
    }
    for (const q of waiting)
      pairs.push({
        askedAt: q.sentAt,
        repliedAt: m.sentAt,
        seconds: (m.sentAt.getTime() - q.sentAt.getTime()) / 1000,
      });
    waiting = [];
  }
  return { pairs, customerStarted: ordered[0]?.direction === "inbound" };
}

export function conversationResponseTimes(messages: readonly TimedMessage[]): ConversationResponseTimes {
  const { pairs, customerStarted } = responsePairs(messages);
  const responseSeconds = pairs.map((p) => p.seconds);
  // The first pair starts at the first customer message when the customer spoke first.
  const firstResponseSeconds = customerStarted ? (responseSeconds[0] ?? null) : null;
  return { firstResponseSeconds, responseSeconds };
}

export const firstResponseSeconds = (messages: readonly TimedMessage[]) =>
  conversationResponseTimes(messages).firstResponseSeconds;

export const responseSeconds = (messages: readonly TimedMessage[]) =>
  conversationResponseTimes(messages).responseSeconds;

/** Middle value (mean of the two middle ones for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
