import type { LiveClientMessage, LiveServerMessage, PresenceEntry } from "@parley/contracts";
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { ME_KEY } from "./auth";
import { createRefreshScheduler, type RefreshScheduler, reconnectDelay } from "./refresh-scheduler";

/**
 * The desk's live channel (GET /api/v1/live, see packages/contracts/src/live.ts): one WebSocket per
 * tab, reconnected with backoff. Changes invalidate queries by the shared key convention: lists
 * under ["conversations"], one conversation under ["conversation", id].
 */

export type LiveStatus = "connecting" | "open" | "closed";
type Handler = (msg: LiveServerMessage) => void;

const PING_EVERY_MS = 25_000;
/** No answer (pong or anything else) this long after a ping: the socket is dead even if not closed. */
const PONG_TIMEOUT_MS = 10_000;
const LIST_REFRESH_MS = 500;

/** Latest viewers per conversation; rows subscribe to their own id so one change re-renders one row. */
class PresenceStore {
  private byId = new Map<string, PresenceEntry[]>();
  private listeners = new Map<string, Set<() => void>>();

  set(conversationId: string, viewers: PresenceEntry[]) {
    if (viewers.length === 0) this.byId.delete(conversationId);
    else this.byId.set(conversationId, viewers);
    for (const l of this.listeners.get(conversationId) ?? []) l();
  }
  clear() {
    const ids = [...this.byId.keys()];
    this.byId.clear();
    for (const id of ids) for (const l of this.listeners.get(id) ?? []) l();
  }
  get(conversationId: string | null): PresenceEntry[] {
    return (conversationId && this.byId.get(conversationId)) || NO_VIEWERS;
  }
  subscribe(conversationId: string | null, listener: () => void): () => void {
    if (!conversationId) return () => undefined;
    const set = this.listeners.get(conversationId) ?? new Set<() => void>();
    this.listeners.set(conversationId, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(conversationId);
    };
  }
}
const NO_VIEWERS: PresenceEntry[] = [];

interface LiveContextValue {
  status: LiveStatus;
  send: (msg: LiveClientMessage) => void;
  handlers: Set<Handler>;
  presence: PresenceStore;
}

const LiveContext = createContext<LiveContextValue | null>(null);

function liveUrl(): string {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${window.location.host}/api/v1/live`;
}

function parse(data: unknown): LiveServerMessage | null {
  if (typeof data !== "string") return null;
  try {
    const msg = JSON.parse(data) as { type?: unknown };
    return typeof msg?.type === "string" ? (msg as LiveServerMessage) : null;
  } catch {
    return null;
  }
}

/** Per-conversation schedulers, so a burst on one conversation refetches it at most twice a second. */
function conversationRefresher(client: QueryClient) {
  const byId = new Map<string, RefreshScheduler>();
  return {
    request(id: string) {
      let s = byId.get(id);
      if (!s) {
        s = createRefreshScheduler(
          () => client.invalidateQueries({ queryKey: ["conversation", id] }, { cancelRefetch: false }),
          LIST_REFRESH_MS,
        );
        byId.set(id, s);
      }
      s.request();
    },
    dispose() {
      for (const s of byId.values()) s.dispose();
      byId.clear();
    },
  };
}

function useLiveConnection(client: QueryClient, handlers: Set<Handler>, presence: PresenceStore) {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const socket = useRef<WebSocket | null>(null);
  const lastView = useRef<LiveClientMessage | null>(null);

  useEffect(() => {
    let disposed = false;
    let attempt = 0;
    let wasOpen = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let ping: ReturnType<typeof setInterval> | undefined;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    // cancelRefetch false: a change during a slow refetch waits for it instead of restarting it forever.
    const lists = createRefreshScheduler(
      () => client.invalidateQueries({ queryKey: ["conversations"] }, { cancelRefetch: false }),
      LIST_REFRESH_MS,
    );
    const conversations = conversationRefresher(client);

    const onMessage = (msg: LiveServerMessage) => {
      if (msg.type === "conversation.changed") {
        lists.request();
        conversations.request(msg.conversation_id);
      } else if (msg.type === "presence") {
        presence.set(msg.conversation_id, msg.viewers);
      }
      for (const handler of handlers) handler(msg);
    };

    const connect = () => {
      if (disposed) return;
      setStatus("connecting");
      const ws = new WebSocket(liveUrl());
      socket.current = ws;
      ws.onopen = () => {
        attempt = 0;
        setStatus("open");
        if (lastView.current) ws.send(JSON.stringify(lastView.current));
        // Changes made while we were away were never pushed: catch up once.
        if (wasOpen) {
          lists.request();
          void client.invalidateQueries({ queryKey: ["conversation"] });
        }
        wasOpen = true;
        ping = setInterval(() => {
          ws.send(JSON.stringify({ type: "ping" } satisfies LiveClientMessage));
          deadline ??= setTimeout(() => ws.close(), PONG_TIMEOUT_MS);
        }, PING_EVERY_MS);
      };
      ws.onmessage = (event) => {
        clearTimeout(deadline);
        deadline = undefined;
        const msg = parse(event.data);
        if (msg) onMessage(msg);
      };
      ws.onclose = () => {
        clearInterval(ping);
        clearTimeout(deadline);
        deadline = undefined;
        if (socket.current === ws) socket.current = null;
        presence.clear();
        if (disposed) return;
        setStatus("closed");
        // A refused upgrade may mean the session ended: re-ask who we are (the auth guard takes over).
        if (attempt > 0) void client.invalidateQueries({ queryKey: ME_KEY });
        retry = setTimeout(connect, reconnectDelay(attempt++));
      };
    };

    connect();
    return () => {
      disposed = true;
      clearTimeout(retry);
      lists.dispose();
      conversations.dispose();
      socket.current?.close();
    };
  }, [client, handlers, presence]);

  const send = useMemo(
    () => (msg: LiveClientMessage) => {
      if (msg.type === "view") lastView.current = msg;
      const ws = socket.current;
      if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(msg));
    },
    [],
  );
  return { status, send };
}

/** Mounted inside the authenticated shell: one live connection for the whole desk. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [handlers] = useState(() => new Set<Handler>());
  const [presence] = useState(() => new PresenceStore());
  const { status, send } = useLiveConnection(client, handlers, presence);
  const value = useMemo(() => ({ status, send, handlers, presence }), [status, send, handlers, presence]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

function useLive(): LiveContextValue {
  const live = useContext(LiveContext);
  if (!live) throw new Error("live hooks used outside <LiveProvider>");
  return live;
}

/** Calls `handler` with every server message; the latest handler is used without resubscribing. */
export function useLiveEvent(handler: (msg: LiveServerMessage) => void): void {
  const { handlers } = useLive();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const forward: Handler = (msg) => latest.current(msg);
    handlers.add(forward);
    return () => {
      handlers.delete(forward);
    };
  }, [handlers]);
}

/** Sends a client message when connected (a `view` is also remembered and re-sent after reconnecting). */
export function useLiveSend(): (msg: LiveClientMessage) => void {
  return useLive().send;
}

export function useLiveStatus(): LiveStatus {
  return useLive().status;
}

/**
 * A refetch interval for queries the live channel keeps fresh: none while connected, a slow poll
 * while it is down so the desk never silently goes stale.
 */
export function useFallbackPolling(ms = 15_000): number | false {
  const live = useContext(LiveContext);
  return live?.status === "open" ? false : ms;
}

/** Who is in one conversation right now (viewing, typing), as the server last said. */
export function usePresence(conversationId: string | null): PresenceEntry[] {
  const { presence } = useLive();
  return useSyncExternalStore(
    (listener) => presence.subscribe(conversationId, listener),
    () => presence.get(conversationId),
  );
}
