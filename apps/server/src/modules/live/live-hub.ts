import { type LiveServerMessage, TYPING_TTL_MS } from "@parley/contracts";
import type { ChangeFeed, DeskChange } from "../../platform/bus";
import type { Clock } from "../../platform/clock";
import { PresenceBoard, type TypingKind } from "./presence";

/** One open live connection (a browser tab), as the hub sees it. */
export interface LiveClient {
  readonly id: string;
  readonly workspaceId: string;
  /** The user behind it; null for an API key, which may listen but has no presence. */
  readonly user: { id: string; name: string } | null;
  /** Bytes queued on the socket and not yet sent: a slow reader grows it. */
  readonly bufferedAmount: number;
  send(frame: string): void;
  close(code: number, reason: string): void;
}

export interface LiveHubOptions {
  changes: ChangeFeed;
  clock: Clock;
  /** Changes of a burst are gathered this long and sent as one frame per conversation. */
  flushMs?: number;
  /** Conversation frames per flush, beyond which only the newest (and the viewed one) are sent. */
  maxChangesPerFlush?: number;
  typingTtlMs?: number;
  /** A socket holding this much unsent data is closed; the browser reconnects and refetches. */
  maxBufferedBytes?: number;
  /**
   * A user's last connection to the workspace closed `deskClosedGraceMs` ago and none came back
   * here: their desk is closed (the availability rule decides, looking at their other sessions).
   */
  onDeskClosed?: (workspaceId: string, userId: string, closedAt: Date) => void;
  /** How long a reload or a network blip may take before the desk counts as closed. */
  deskClosedGraceMs?: number;
}

type Pending = { reasons: Set<string>; created: boolean };

/** A workspace's connections, presence and the changes waiting for the next flush. */
class Room {
  readonly clients = new Set<LiveClient>();
  readonly viewing = new Map<LiveClient, string>();
  readonly presence = new PresenceBoard();
  readonly changes = new Map<string, Pending>();
  /** Members changed since the last flush, with why (e.g. "availability"). */
  readonly users = new Map<string, Set<string>>();
  readonly presenceDirty = new Set<string>();
  flushTimer: ReturnType<typeof setTimeout> | null = null;
  expiryTimer: ReturnType<typeof setTimeout> | null = null;
  constructor(readonly unsubscribe: () => void) {}
}

const frame = (msg: LiveServerMessage) => JSON.stringify(msg);

/**
 * The live channel's state in this HTTP process: which sockets belong to which workspace, who is
 * in which conversation, and the changes to push. Bursts are coalesced per workspace and flushed
 * every `flushMs`, so 2,000 changes a second become at most a few frames per conversation per
 * second on each socket, serialised once for all of them. Nothing crosses workspaces: a room only
 * hears its own workspace's feed.
 */
export class LiveHub {
  private readonly rooms = new Map<string, Room>();
  private readonly flushMs: number;
  private readonly maxChanges: number;
  private readonly typingTtlMs: number;
  private readonly maxBuffered: number;
  private readonly deskClosedGraceMs: number;
  /** `workspace:user` → the timer that declares their desk closed. */
  private readonly closing = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly opts: LiveHubOptions) {
    this.flushMs = opts.flushMs ?? 250;
    this.maxChanges = opts.maxChangesPerFlush ?? 50;
    this.typingTtlMs = opts.typingTtlMs ?? TYPING_TTL_MS;
    this.maxBuffered = opts.maxBufferedBytes ?? 4 * 1024 * 1024;
    this.deskClosedGraceMs = opts.deskClosedGraceMs ?? 5 * 60_000;
  }

  /** Registers a connection and sends it who is where right now (the inbox's "being viewed" dots). */
  join(client: LiveClient): void {
    const room = this.roomFor(client.workspaceId);
    room.clients.add(client);
    if (client.user) this.cancelDeskClosed(client.workspaceId, client.user.id);
    for (const conversationId of room.presence.occupied())
      client.send(frame(this.presenceMessage(room, conversationId)));
  }

  leave(client: LiveClient): void {
    const room = this.rooms.get(client.workspaceId);
    if (!room?.clients.delete(client)) return;
    this.view(client, null);
    const user = client.user;
    if (user && ![...room.clients].some((c) => c.user?.id === user.id))
      this.scheduleDeskClosed(client.workspaceId, user.id);
    if (room.clients.size > 0) return;
    this.dispose(client.workspaceId, room);
  }

  /** The conversation the connection now shows; leaving the previous one. */
  view(client: LiveClient, conversationId: string | null): void {
    const room = this.rooms.get(client.workspaceId);
    if (!room) return;
    const previous = room.viewing.get(client);
    if (previous === conversationId) return;
    if (previous) {
      room.viewing.delete(client);
      if (room.presence.leave(previous, client.id)) this.presenceChanged(room, previous);
    }
    if (!conversationId || !client.user) return;
    room.viewing.set(client, conversationId);
    const who = { userId: client.user.id, name: client.user.name };
    if (room.presence.join(conversationId, client.id, who, this.opts.clock.now()))
      this.presenceChanged(room, conversationId);
  }

  /** Typing started (repeat to keep it), or stopped; false when the connection does not view it. */
  typing(client: LiveClient, conversationId: string, kind: TypingKind | null): boolean {
    const room = this.rooms.get(client.workspaceId);
    if (!room || room.viewing.get(client) !== conversationId) return false;
    const until = Date.now() + this.typingTtlMs;
    if (room.presence.setTyping(conversationId, client.id, kind, until))
      this.presenceChanged(room, conversationId);
    this.scheduleExpiry(room);
    return true;
  }

  viewingOf(client: LiveClient): string | null {
    return this.rooms.get(client.workspaceId)?.viewing.get(client) ?? null;
  }

  async close(): Promise<void> {
    for (const [workspaceId, room] of this.rooms) this.dispose(workspaceId, room);
    for (const timer of this.closing.values()) clearTimeout(timer);
    this.closing.clear();
  }

  private scheduleDeskClosed(workspaceId: string, userId: string) {
    const notify = this.opts.onDeskClosed;
    if (!notify) return;
    const key = `${workspaceId}:${userId}`;
    this.cancelDeskClosed(workspaceId, userId);
    const closedAt = this.opts.clock.now();
    const timer = setTimeout(() => {
      this.closing.delete(key);
      notify(workspaceId, userId, closedAt);
    }, this.deskClosedGraceMs);
    timer.unref?.();
    this.closing.set(key, timer);
  }

  private cancelDeskClosed(workspaceId: string, userId: string) {
    const key = `${workspaceId}:${userId}`;
    const timer = this.closing.get(key);
    if (timer) clearTimeout(timer);
    this.closing.delete(key);
  }

  private roomFor(workspaceId: string): Room {
    let room = this.rooms.get(workspaceId);
    if (!room) {
      const unsubscribe = this.opts.changes.subscribe(workspaceId, (change) => this.changed(change));
      room = new Room(unsubscribe);
      this.rooms.set(workspaceId, room);
    }
    return room;
  }

  private dispose(workspaceId: string, room: Room) {
    room.unsubscribe();
    if (room.flushTimer) clearTimeout(room.flushTimer);
    if (room.expiryTimer) clearTimeout(room.expiryTimer);
    this.rooms.delete(workspaceId);
  }

  private changed(change: DeskChange) {
    const room = this.rooms.get(change.workspaceId);
    if (!room) return;
    for (const id of change.userIds ?? []) {
      const reasons = room.users.get(id) ?? new Set<string>();
      for (const r of change.reasons) reasons.add(r);
      room.users.set(id, reasons);
    }
    const created = new Set(
      change.created === true ? change.conversationIds : change.created ? change.created : [],
    );
    for (const id of change.conversationIds) {
      const pending = room.changes.get(id) ?? { reasons: new Set<string>(), created: false };
      for (const r of change.reasons) pending.reasons.add(r);
      pending.created ||= created.has(id);
      // Re-inserted so the map's order is "most recently changed last".
      room.changes.delete(id);
      room.changes.set(id, pending);
    }
    this.scheduleFlush(room);
  }

  private presenceChanged(room: Room, conversationId: string) {
    room.presenceDirty.add(conversationId);
    this.scheduleFlush(room);
  }

  private scheduleFlush(room: Room) {
    if (room.flushTimer) return;
    room.flushTimer = setTimeout(() => {
      room.flushTimer = null;
      this.flush(room);
    }, this.flushMs);
    room.flushTimer.unref?.();
  }

  private flush(room: Room) {
    const at = this.opts.clock.now().toISOString();
    const changes = [...room.changes].map(([id, p]) => ({
      id,
      frame: frame({
        type: "conversation.changed",
        conversation_id: id,
        reasons: [...p.reasons],
        created: p.created,
        at,
      }),
    }));
    room.changes.clear();
    const presence = [...room.presenceDirty].map((id) => frame(this.presenceMessage(room, id)));
    room.presenceDirty.clear();
    // One frame for every member that changed: a supervisor view refetches the list once.
    const users =
      room.users.size > 0
        ? frame({
            type: "users.changed",
            user_ids: [...room.users.keys()],
            reasons: [...new Set([...room.users.values()].flatMap((r) => [...r]))],
            at,
          })
        : null;
    room.users.clear();
    // Beyond the cap only the newest are sent: any one of them makes the browser refetch its lists.
    const common = changes.slice(-this.maxChanges);
    const dropped = new Map(changes.slice(0, -this.maxChanges).map((c) => [c.id, c.frame]));
    for (const client of room.clients) {
      if (client.bufferedAmount > this.maxBuffered) {
        client.close(1013, "too slow: reconnect and refetch");
        continue;
      }
      const viewed = room.viewing.get(client);
      const own = viewed ? dropped.get(viewed) : undefined;
      for (const f of own ? [...common.map((c) => c.frame), own] : common.map((c) => c.frame)) client.send(f);
      for (const f of presence) client.send(f);
      if (users) client.send(users);
    }
  }

  private presenceMessage(room: Room, conversationId: string): LiveServerMessage {
    return {
      type: "presence",
      conversation_id: conversationId,
      viewers: room.presence.viewers(conversationId),
    };
  }

  /** One timer per room, at the earliest lapse of a typing flag. */
  private scheduleExpiry(room: Room) {
    if (room.expiryTimer) clearTimeout(room.expiryTimer);
    room.expiryTimer = null;
    const next = room.presence.nextExpiry();
    if (next === null) return;
    room.expiryTimer = setTimeout(
      () => {
        room.expiryTimer = null;
        for (const id of room.presence.expireTyping(Date.now())) this.presenceChanged(room, id);
        this.scheduleExpiry(room);
      },
      Math.max(0, next - Date.now()),
    );
    room.expiryTimer.unref?.();
  }
}
