/*
 * Handling time of one conversation (SPEC M3, definitions from [S001 "Measuring Social Customer
 * Service"]): "the amount of time agents spend processing an issue ... reading, tagging, marking
 * sentiment, looking up customer account info, making notes and drafting responses". Pure: the
 * desk reports activity (the conversation open and in front of the agent, typing, tagging, looking
 * the customer up) as heartbeats; this file turns them into segments and attributes the segments.
 *
 * - A segment is a run of one agent's heartbeats on one conversation no further apart than the
 *   idle cut-off. A gap longer than that ends the segment at the last heartbeat plus one beat:
 *   the agent left, or sat idle, and that time is nobody's handling time.
 * - Each agent reply's handling time is the active time of the agents on the conversation since
 *   the brand's previous reply (or the start) up to this reply. In [S001]'s example, the agent
 *   spends 2 min reading and answering (HT 2 min); on the next message spends 5 min checking with a
 *   store manager, leaves without acting, comes back later and spends 2 min writing (HT 7 min).
 * - Work after the last reply (tagging, notes, resolving) is counted too, as `afterLastReply`: it
 *   belongs to the issue's total (THT) but to no reply.
 * - Two agents working on the conversation at once each spend their own time: it adds up.
 */

export interface Heartbeat {
  userId: string;
  at: Date;
}

export interface ActivitySegment {
  userId: string;
  start: Date;
  end: Date;
}

export interface ReplyMoment {
  /** The reply's author; null for a reply from outside Parley (it still closes a handling span). */
  userId: string | null;
  sentAt: Date;
}

export interface ReplyHandling {
  sentAt: Date;
  userId: string | null;
  /** Active agent time attributed to this reply, in seconds. */
  seconds: number;
  /** The same time per agent who worked on it. */
  byUser: Record<string, number>;
}

export interface ConversationHandling {
  replies: ReplyHandling[];
  /** Active time after the last reply (or all of it when nobody replied yet), in seconds. */
  afterLastReply: number;
  /** Everything: the replies' time plus the time after the last one. */
  totalSeconds: number;
  totalByUser: Record<string, number>;
}

export interface SegmentOptions {
  /** How often the desk beats while an agent is active on a conversation. */
  beatMs: number;
  /** A longer silence than this ends the segment. */
  idleCutoffMs: number;
}

/** Heartbeats → segments per agent, merged where they touch. Order of input does not matter. */
export function segmentsFromHeartbeats(
  beats: readonly Heartbeat[],
  { beatMs, idleCutoffMs }: SegmentOptions,
): ActivitySegment[] {
  const byUser = new Map<string, number[]>();
  for (const b of beats) {
    const list = byUser.get(b.userId);
    if (list) list.push(b.at.getTime());
    else byUser.set(b.userId, [b.at.getTime()]);
  }
  const segments: ActivitySegment[] = [];
  for (const [userId, times] of byUser) {
    times.sort((a, b) => a - b);
    let start = times[0] as number;
    let last = start;
    for (const t of times.slice(1)) {
      if (t - last > idleCutoffMs) {
        segments.push({ userId, start: new Date(start), end: new Date(last + beatMs) });
        start = t;
      }
      last = t;
    }
    segments.push({ userId, start: new Date(start), end: new Date(last + beatMs) });
  }
  return segments.sort((a, b) => a.start.getTime() - b.start.getTime());
}

function add(into: Record<string, number>, userId: string, seconds: number) {
  if (seconds > 0) into[userId] = (into[userId] ?? 0) + seconds;
}

/** Seconds of `segment` inside [from, to). */
function overlapSeconds(segment: ActivitySegment, from: number, to: number): number {
  const start = Math.max(segment.start.getTime(), from);
  const end = Math.min(segment.end.getTime(), to);
  return end > start ? (end - start) / 1000 : 0;
}

/**
 * Attributes each segment's time to the reply that follows it: a reply closes the span that began
 * at the previous reply. Segments crossing a reply are split at the reply's instant.
 */
export function conversationHandling(
  segments: readonly ActivitySegment[],
  replies: readonly ReplyMoment[],
): ConversationHandling {
  const ordered = [...replies].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
  const bounds = [-Infinity, ...ordered.map((r) => r.sentAt.getTime()), Infinity];
  const spans = bounds.slice(1).map((to, i) => {
    const from = bounds[i] as number;
    const byUser: Record<string, number> = {};
    for (const s of segments) add(byUser, s.userId, overlapSeconds(s, from, to));
    return byUser;
  });
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  const totalByUser: Record<string, number> = {};
  for (const span of spans) for (const [u, s] of Object.entries(span)) add(totalByUser, u, s);
  const after = spans[spans.length - 1] ?? {};
  return {
    replies: ordered.map((r, i) => {
      const byUser = spans[i] ?? {};
      return { sentAt: r.sentAt, userId: r.userId, seconds: sum(byUser), byUser };
    }),
    afterLastReply: sum(after),
    totalSeconds: sum(totalByUser),
    totalByUser,
  };
}
