import { useEffect, useState } from "react";
import { inOverlay, shortcutScope, useShortcuts } from "../../../app/shortcuts";

export interface ListKeyboardActions {
  open: (id: string) => void;
  close: () => void;
  /** Scrolls the row into view (virtual rows may not be mounted yet) and focuses it. */
  reveal: (id: string) => void;
  toggle: (id: string) => void;
  extend: (id: string) => void;
  selectAll: () => void;
  clearSelection: () => boolean;
  resolve: (cursor: string | undefined) => void;
  assign: (cursor: string | undefined) => void;
  focusSearch: () => void;
  /** Asked for more rows when j is pressed on the last one. */
  endReached: () => void;
}

/**
 * The list's keys (see app/shortcuts.ts): j/k move a cursor, x and shift+j/k select, Enter opens,
 * e/a act on the selection or the cursor, / searches, Esc clears the selection or closes.
 */
export function useListKeyboard(ids: string[], openId: string | undefined, actions: ListKeyboardActions) {
  const [cursor, setCursor] = useState<string | undefined>(openId);

  useEffect(() => {
    if (openId) setCursor(openId);
  }, [openId]);

  const step = (delta: 1 | -1): string | undefined => {
    const index = cursor ? ids.indexOf(cursor) : -1;
    const next = index === -1 ? 0 : index + delta;
    if (next >= ids.length - 1) actions.endReached();
    const id = ids[Math.max(0, Math.min(ids.length - 1, next))];
    if (!id) return undefined;
    setCursor(id);
    actions.reveal(id);
    return id;
  };
  const inList = () => shortcutScope(document.activeElement, Boolean(openId)) === "list";

  useShortcuts(
    {
      j: () => step(1),
      k: () => step(-1),
      "shift+j": () => {
        if (cursor) actions.extend(cursor);
        const id = step(1);
        if (id) actions.extend(id);
      },
      "shift+k": () => {
        if (cursor) actions.extend(cursor);
        const id = step(-1);
        if (id) actions.extend(id);
      },
      x: () => {
        if (cursor) actions.toggle(cursor);
        else {
          const id = step(1);
          if (id) actions.toggle(id);
        }
      },
      "mod+a": () => actions.selectAll(),
      enter: () => {
        if (cursor) actions.open(cursor);
      },
      e: () => actions.resolve(cursor),
      a: () => actions.assign(cursor),
      "/": () => actions.focusSearch(),
      escape: () => {
        if (!actions.clearSelection() && openId) actions.close();
      },
    },
    (event) => {
      if (inOverlay(event.target)) return false;
      const key = event.key.toLowerCase();
      if (key === "j" || key === "k" || key === "escape") return true;
      // A focused link or button handles Enter itself (the row link opens its conversation).
      if (key === "enter") {
        const active = document.activeElement;
        return !active || active === document.body || active.matches("[data-list-scroll]");
      }
      return inList();
    },
  );

  return { cursor, setCursor };
}
