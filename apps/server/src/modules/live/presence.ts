import type { PresenceEntry } from "@parley/contracts";

export type TypingKind = "public" | "private" | "note";

/** One connection (browser tab) in one conversation. */
interface Seat {
  userId: string;
  name: string;
  since: Date;
  typing: TypingKind | null;
  /** When the typing flag lapses without a repeat (epoch ms). */
  typingUntil: number;
}

/** Boards with someone in them, across this process's workspaces (read by presenceIn). */
const occupiedBoards = new Set<PresenceBoard>();

/**
 * Who is in the given conversations right now, as this HTTP process knows it (the supervisor
 * view). Conversation ids are unique across workspaces, so a caller that passes only its own
 * workspace's ids reads only its own workspace.
 */
export function presenceIn(conversationIds: Iterable<string>): Map<string, PresenceEntry[]> {
  const out = new Map<string, PresenceEntry[]>();
  for (const id of conversationIds)
    for (const board of occupiedBoards) {
      const viewers = board.viewers(id);
      if (viewers.length > 0) out.set(id, [...(out.get(id) ?? []), ...viewers]);
    }
  return out;
}

/** Every conversation someone is in, in this process (ids only: callers scope them to a workspace). */
export function occupiedConversationIds(): Set<string> {
  const out = new Set<string>();
  for (const board of occupiedBoards) for (const id of board.occupied()) out.add(id);
  return out;
}

/**
 * Who is in which conversation of one workspace, per connection, in this process's memory. A user
 * with two tabs on a conversation is listed once (typing if either tab types, since the earliest).
 */
export class PresenceBoard {
  private readonly byConversation = new Map<string, Map<string, Seat>>();

  /** Seats a connection in a conversation (or refreshes nothing if already there). */
  join(conversationId: string, connectionId: string, who: { userId: string; name: string }, now: Date) {
    const seats = this.byConversation.get(conversationId) ?? new Map<string, Seat>();
    this.byConversation.set(conversationId, seats);
    if (seats.has(connectionId)) return false;
    seats.set(connectionId, { ...who, since: now, typing: null, typingUntil: 0 });
    occupiedBoards.add(this);
    return true;
  }

  leave(conversationId: string, connectionId: string): boolean {
    const seats = this.byConversation.get(conversationId);
    if (!seats?.delete(connectionId)) return false;
    if (seats.size === 0) this.byConversation.delete(conversationId);
    if (this.byConversation.size === 0) occupiedBoards.delete(this);
    return true;
  }

  /** Sets or clears typing; true when what others see changed (a repeat only extends the TTL). */
  setTyping(conversationId: string, connectionId: string, kind: TypingKind | null, until: number): boolean {
    const seat = this.byConversation.get(conversationId)?.get(connectionId);
    if (!seat) return false;
    const changed = seat.typing !== kind;
    seat.typing = kind;
    seat.typingUntil = kind ? until : 0;
    return changed;
  }

  /** Clears typing flags that lapsed; returns the conversations whose presence changed. */
  expireTyping(nowMs: number): string[] {
    const changed: string[] = [];
    for (const [conversationId, seats] of this.byConversation) {
      let any = false;
      for (const seat of seats.values()) {
        if (seat.typing && seat.typingUntil <= nowMs) {
          seat.typing = null;
          seat.typingUntil = 0;
          any = true;
        }
      }
      if (any) changed.push(conversationId);
    }
    return changed;
  }

  /** The earliest time a typing flag lapses, or null when nobody types. */
  nextExpiry(): number | null {
    let next: number | null = null;
    for (const seats of this.byConversation.values())
      for (const seat of seats.values())
        if (seat.typing && (next === null || seat.typingUntil < next)) next = seat.typingUntil;
    return next;
  }

  viewers(conversationId: string): PresenceEntry[] {
    const byUser = new Map<string, PresenceEntry>();
    for (const seat of this.byConversation.get(conversationId)?.values() ?? []) {
      const prior = byUser.get(seat.userId);
      const since = prior && prior.since < seat.since.toISOString() ? prior.since : seat.since.toISOString();
      const typingKind = prior?.typing_kind ?? seat.typing;
      byUser.set(seat.userId, {
        user_id: seat.userId,
        name: seat.name,
        typing: typingKind !== null,
        typing_kind: typingKind,
        since,
      });
    }
    return [...byUser.values()].sort((a, b) => a.since.localeCompare(b.since));
  }

  /** Conversations someone is in (sent to a connection when it opens, for the inbox's dots). */
  occupied(): string[] {
    return [...this.byConversation.keys()];
  }

  get empty(): boolean {
    return this.byConversation.size === 0;
  }
}
