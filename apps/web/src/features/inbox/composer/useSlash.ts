import { type KeyboardEvent, type RefObject, useState } from "react";
import { useSlashSearch } from "./SlashMenu";
import { insertAtSlash, slashQueryAt } from "./slash";
import type { SlashItem } from "./slashItems";

/**
 * The `/` menu's state: where the caret is, which option is active, and whether Esc dismissed the
 * current query. The textarea keeps focus; arrow keys, Enter/Tab and Esc are taken while it is open.
 */
export function useSlash(
  conversationId: string,
  text: string,
  setText: (text: string) => void,
  area: RefObject<HTMLTextAreaElement | null>,
) {
  const [caret, setCaret] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const at = slashQueryAt(text, caret);
  const slash = at && at.start !== dismissedAt ? at : null;
  const search = useSlashSearch(conversationId, slash ? slash.query : null);
  const index = Math.min(active, Math.max(0, search.items.length - 1));

  const moveCaret = (to: number) => {
    setCaret(to);
    requestAnimationFrame(() => area.current?.setSelectionRange(to, to));
  };

  const pick = (item: SlashItem) => {
    if (!slash) return;
    const next = insertAtSlash(text, slash, item.insert);
    setText(next.text);
    moveCaret(next.caret);
  };

  /** True when the key was for the menu. */
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!slash) return false;
    const n = search.items.length;
    const item = search.items[index];
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (n) setActive((index + (e.key === "ArrowDown" ? 1 : n - 1)) % n);
    } else if ((e.key === "Enter" || e.key === "Tab") && !e.metaKey && !e.ctrlKey && item) {
      pick(item);
    } else if (e.key === "Escape") {
      setDismissedAt(slash.start);
    } else {
      return false;
    }
    e.preventDefault();
    return true;
  };

  return {
    open: slash !== null,
    items: search.items,
    loading: search.loading,
    error: search.error,
    active: index,
    activeItem: slash ? search.items[index] : undefined,
    setActive,
    pick,
    onKey,
    /** After typing: follow the caret, start at the first option, forget a dismissal once the query is gone. */
    onInput: (value: string, to: number) => {
      setCaret(to);
      setActive(0);
      if (!slashQueryAt(value, to)) setDismissedAt(null);
    },
    onSelect: setCaret,
    /** The `/` shortcut: `base` with a query started at its end, for the caller to set as the reply. */
    start: (base: string) => {
      const next = base && !/\s$/.test(base) ? `${base} /` : `${base}/`;
      setDismissedAt(null);
      moveCaret(next.length);
      return next;
    },
  };
}
