import type { NatsConnection, Subscription as NatsSubscription } from "@nats-io/transport-node";
import { z } from "zod";
import type { Bus } from "./bus";
import { NatsBus } from "./nats-bus";

/**
 * Desk change notifications: "these conversations of this workspace changed, refetch them". They
 * feed the live channel (GET /api/v1/live) and are ephemeral on purpose: a browser that misses one
 * refetches on reconnect, so they travel over NATS core (not JetStream) or stay in-process. The
 * database stays the truth; a notification only says where to look.
 */
export interface DeskChange {
  workspaceId: string;
  /** Deduplicated by the feed; an empty list is not published. */
  conversationIds: readonly string[];
  /** What changed, e.g. "message", "status", "assignment", "priority", "delivery", "sla", "availability". */
  reasons: readonly string[];
  /** Members of the workspace that changed (their availability): the live channel's `users.changed`. */
  userIds?: readonly string[];
  /** true: every listed conversation is new; a list: those of them that are new. */
  created?: boolean | readonly string[];
}

export type DeskChangeHandler = (change: DeskChange) => void;

export interface ChangeFeed {
  /**
   * Fire and forget: never throws, never waits, so the pipeline can call it once per batch without
   * slowing down. Call it AFTER the transaction committed, never inside it.
   */
  publish(change: DeskChange): void;
  /** Every change of one workspace, from this process and (over NATS) from the others. */
  subscribe(workspaceId: string, handler: DeskChangeHandler): () => void;
  close(): Promise<void>;
}

/** Normalises a change (dedupes ids and reasons, resolves `created` to a list); null if empty. */
export function normalizeChange(
  change: DeskChange,
): (Required<Omit<DeskChange, "userIds">> & { created: string[]; userIds?: string[] }) | null {
  const conversationIds = [...new Set(change.conversationIds)];
  const userIds = [...new Set(change.userIds ?? [])];
  if (conversationIds.length === 0 && userIds.length === 0) return null;
  const created =
    change.created === true ? conversationIds : change.created ? [...new Set(change.created)] : [];
  return {
    workspaceId: change.workspaceId,
    conversationIds,
    reasons: [...new Set(change.reasons)],
    created,
    ...(userIds.length > 0 ? { userIds } : {}),
  };
}

class Listeners {
  private readonly byWorkspace = new Map<string, Set<DeskChangeHandler>>();

  add(workspaceId: string, handler: DeskChangeHandler): { first: boolean; remove: () => boolean } {
    const set = this.byWorkspace.get(workspaceId) ?? new Set<DeskChangeHandler>();
    const first = set.size === 0;
    set.add(handler);
    this.byWorkspace.set(workspaceId, set);
    const remove = () => {
      set.delete(handler);
      if (set.size > 0) return false;
      this.byWorkspace.delete(workspaceId);
      return true;
    };
    return { first, remove };
  }

  deliver(change: DeskChange): void {
    for (const handler of this.byWorkspace.get(change.workspaceId) ?? []) {
      try {
        handler(change);
      } catch {
        // A broken listener (a closed socket) must not stop the others or the publisher.
      }
    }
  }

  clear(): void {
    this.byWorkspace.clear();
  }
}

/** The embedded default: one process, so publishing is calling the listeners. */
export function createInlineChangeFeed(): ChangeFeed {
  const listeners = new Listeners();
  return {
    publish(change) {
      const normalized = normalizeChange(change);
      if (normalized) listeners.deliver(normalized);
    },
    subscribe(workspaceId, handler) {
      return listeners.add(workspaceId, handler).remove;
    },
    async close() {
      listeners.clear();
    },
  };
}

const WireChange = z.object({
  conversation_ids: z.array(z.string()).max(100_000),
  reasons: z.array(z.string()).max(100),
  created: z.array(z.string()).max(100_000),
  user_ids: z.array(z.string()).max(100_000).optional(),
});

/**
 * Across processes: one NATS core subject per workspace, `<prefix>-live.changes.<workspaceId>`.
 * The subject lies outside the JetStream stream's `<prefix>.>` so these never get stored. A
 * process subscribes to a workspace only while it has listeners for it (browsers connected).
 */
export function createNatsChangeFeed(nc: NatsConnection, subjectPrefix: string): ChangeFeed {
  const listeners = new Listeners();
  const subs = new Map<string, NatsSubscription>();
  const subjectOf = (workspaceId: string) => `${subjectPrefix}-live.changes.${workspaceId}`;
  const encoder = new TextEncoder();

  const listen = (workspaceId: string) => {
    const sub = nc.subscribe(subjectOf(workspaceId), {
      callback: (err, msg) => {
        if (err) return;
        const parsed = WireChange.safeParse(msg.json());
        if (!parsed.success) return;
        const { conversation_ids, reasons, created, user_ids } = parsed.data;
        listeners.deliver({
          workspaceId,
          conversationIds: conversation_ids,
          reasons,
          created,
          ...(user_ids ? { userIds: user_ids } : {}),
        });
      },
    });
    subs.set(workspaceId, sub);
  };

  return {
    publish(change) {
      const c = normalizeChange(change);
      if (!c || nc.isClosed()) return;
      const wire = {
        conversation_ids: c.conversationIds,
        reasons: c.reasons,
        created: c.created,
        ...(c.userIds ? { user_ids: c.userIds } : {}),
      };
      try {
        nc.publish(subjectOf(c.workspaceId), encoder.encode(JSON.stringify(wire)));
      } catch {
        // Draining or disconnected: a lost notification costs one stale list until the next one.
      }
    },
    subscribe(workspaceId, handler) {
      const { first, remove } = listeners.add(workspaceId, handler);
      if (first && !subs.has(workspaceId)) listen(workspaceId);
      return () => {
        if (!remove()) return;
        subs.get(workspaceId)?.unsubscribe();
        subs.delete(workspaceId);
      };
    },
    async close() {
      for (const sub of subs.values()) sub.unsubscribe();
      subs.clear();
      listeners.clear();
    },
  };
}

/** NATS core when the bus is NATS (one connection for both), otherwise in-process. */
export function createChangeFeed(bus: Bus): ChangeFeed {
  if (bus instanceof NatsBus) return createNatsChangeFeed(bus.connection, bus.subjectPrefix);
  return createInlineChangeFeed();
}

/** Publishes changes to conversations of several workspaces: one notification per workspace. */
export function publishEach(
  changes: ChangeFeed,
  items: readonly { workspaceId: string; conversationId: string }[],
  reasons: readonly string[],
): void {
  const byWorkspace = new Map<string, string[]>();
  for (const { workspaceId, conversationId } of items) {
    const ids = byWorkspace.get(workspaceId) ?? [];
    ids.push(conversationId);
    byWorkspace.set(workspaceId, ids);
  }
  for (const [workspaceId, conversationIds] of byWorkspace)
    changes.publish({ workspaceId, conversationIds, reasons });
}
