import { useEffect, useRef } from "react";

/**
 * Every keyboard shortcut of the desk, in one list: the "?" dialog shows it, and handlers use the
 * same key names. Scopes decide who answers a key that means something in two places (e, a, /):
 * the element with focus sits inside `[data-shortcut-scope="list"]` or `="conversation"`; with
 * focus nowhere in particular, the open conversation wins over the list.
 */
export type ShortcutScope = "global" | "list" | "conversation";

export interface Shortcut {
  /** Key names as `normalizeKey` produces them; several entries = a sequence ("g", "i"). */
  keys: string[];
  description: string;
  scope: ShortcutScope;
}

export const SHORTCUTS: Shortcut[] = [
  { keys: ["?"], description: "Show keyboard shortcuts", scope: "global" },
  { keys: ["g", "i"], description: "Go to the inbox", scope: "global" },
  { keys: ["j"], description: "Next conversation", scope: "list" },
  { keys: ["k"], description: "Previous conversation", scope: "list" },
  { keys: ["enter"], description: "Open conversation", scope: "list" },
  { keys: ["x"], description: "Select or unselect conversation", scope: "list" },
  { keys: ["shift+j"], description: "Extend selection down", scope: "list" },
  { keys: ["shift+k"], description: "Extend selection up", scope: "list" },
  { keys: ["mod+a"], description: "Select all loaded conversations", scope: "list" },
  { keys: ["e"], description: "Resolve (selected or current)", scope: "list" },
  { keys: ["a"], description: "Assign (selected or current)", scope: "list" },
  { keys: ["/"], description: "Search conversations", scope: "list" },
  { keys: ["escape"], description: "Clear selection, or close the conversation", scope: "list" },
  { keys: ["r"], description: "Reply", scope: "conversation" },
  { keys: ["p"], description: "Private reply", scope: "conversation" },
  { keys: ["n"], description: "Internal note", scope: "conversation" },
  { keys: ["/"], description: "Templates, knowledge base and playbook", scope: "conversation" },
  { keys: ["e"], description: "Resolve", scope: "conversation" },
  { keys: ["a"], description: "Assign", scope: "conversation" },
  { keys: ["escape"], description: "Close the conversation", scope: "conversation" },
];

/** True while the person types: shortcuts never fire from inputs, text areas or editable content. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return target.getAttribute("role") === "textbox";
  const type = (target as HTMLInputElement).type;
  return !["checkbox", "radio", "button", "submit", "reset"].includes(type);
}

/** "j", "shift+j", "mod+a", "?", "enter", "escape": lower case; shift is named only for letters. */
export function normalizeKey(e: Pick<KeyboardEvent, "key" | "shiftKey" | "ctrlKey" | "metaKey" | "altKey">) {
  if (e.altKey) return null;
  const key = e.key.toLowerCase();
  const letter = /^[a-z]$/.test(key);
  const mod = e.ctrlKey || e.metaKey ? "mod+" : "";
  if (!letter && mod) return null;
  return `${mod}${letter && e.shiftKey ? "shift+" : ""}${key}`;
}

/** Which part of the desk a key press is for, from where the focus is. */
export function shortcutScope(active: Element | null, conversationOpen: boolean): "list" | "conversation" {
  const scoped = active?.closest<HTMLElement>("[data-shortcut-scope]")?.dataset.shortcutScope;
  if (scoped === "list" || scoped === "conversation") return scoped;
  return conversationOpen ? "conversation" : "list";
}

/** A modal dialog or menu has the keyboard: page shortcuts stay quiet. */
export function inOverlay(target: EventTarget | null): boolean {
  return target instanceof Element && Boolean(target.closest("[role=dialog], [role=menu], [role=listbox]"));
}

export type ShortcutHandlers = Record<string, (event: KeyboardEvent) => void>;

/**
 * Listens for keys on the document. `enabled` is read at key time (scope checks, open dialogs).
 * Sequences: a handler named "g i" fires for g then i within a second.
 */
export function useShortcuts(
  handlers: ShortcutHandlers,
  enabled: (event: KeyboardEvent) => boolean = () => true,
) {
  const latest = useRef({ handlers, enabled });
  latest.current = { handlers, enabled };
  useEffect(() => {
    let prefix: { key: string; at: number } | null = null;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTypingTarget(event.target)) return;
      const key = normalizeKey(event);
      if (!key) return;
      const { handlers: map, enabled: allowed } = latest.current;
      const sequence = prefix && event.timeStamp - prefix.at < 1_000 ? `${prefix.key} ${key}` : null;
      const handler = (sequence && map[sequence]) || map[key];
      prefix = Object.keys(map).some((k) => k.startsWith(`${key} `)) ? { key, at: event.timeStamp } : null;
      if (!handler || !allowed(event)) return;
      event.preventDefault();
      handler(event);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
