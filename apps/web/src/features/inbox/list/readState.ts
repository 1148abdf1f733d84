import { useSyncExternalStore } from "react";

/**
 * Which conversations this browser has opened, and the newest message seen then; a customer
 * message after that makes the row unread again. Kept in localStorage (a per-desk habit, not data).
 */
const KEY = "parley.inbox.seen";
const MAX = 2_000;

let seen: Record<string, string> = load();
let version = 0;
const listeners = new Set<() => void>();

function load(): Record<string, string> {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    return raw ? (JSON.parse(raw) as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function markSeen(conversationId: string, lastMessageAt: string) {
  if (seen[conversationId] && seen[conversationId] >= lastMessageAt) return;
  const entries = Object.entries({ ...seen, [conversationId]: lastMessageAt });
  // Oldest marks go first once the map is full, so it never grows without bound.
  if (entries.length > MAX) entries.sort((a, b) => (a[1] < b[1] ? 1 : -1)).splice(MAX);
  seen = Object.fromEntries(entries);
  version++;
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(seen));
  } catch {
    // private mode or a full quota: unread marks last for this tab only
  }
  for (const l of listeners) l();
}

interface Unreadable {
  id: string;
  status: string;
  last_customer_message_at: string | null;
}

/** New conversations, and those where the customer wrote after this desk last opened them. */
export function isUnread(c: Unreadable, marks: Record<string, string> = seen): boolean {
  const mark = marks[c.id];
  if (!mark) return c.status === "new";
  return c.last_customer_message_at !== null && c.last_customer_message_at > mark;
}

/** Re-renders when a mark changes (the version keeps rows' memo honest). */
export function useSeenVersion(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => version,
  );
}
