import { useHotkeys } from "@mantine/hooks";
import { type RefObject, useCallback, useEffect, useState } from "react";

interface ListKeyboardOptions {
  ids: string[];
  openId: string | undefined;
  container: RefObject<HTMLElement | null>;
  onOpen: (id: string) => void;
  onClose: () => void;
  /** Asked for more rows when j is pressed on the last one. */
  onEndReached: () => void;
}

/** j/k move a cursor through the list, Enter opens the row under it, Escape closes the open one. */
export function useListKeyboard({
  ids,
  openId,
  container,
  onOpen,
  onClose,
  onEndReached,
}: ListKeyboardOptions) {
  const [cursor, setCursor] = useState<string | undefined>(openId);

  useEffect(() => {
    if (openId) setCursor(openId);
  }, [openId]);

  const rowOf = useCallback(
    (id: string) =>
      container.current?.querySelector<HTMLElement>(`[data-conversation-id="${CSS.escape(id)}"]`),
    [container],
  );

  useEffect(() => {
    if (openId) rowOf(openId)?.scrollIntoView({ block: "nearest" });
  }, [openId, rowOf]);

  // The cursor is the focused row, so Enter, Tab and screen readers all agree on where we are.
  const move = (step: 1 | -1) => {
    const index = cursor ? ids.indexOf(cursor) : -1;
    const next = index === -1 ? 0 : index + step;
    if (next >= ids.length) onEndReached();
    const id = ids[Math.max(0, Math.min(ids.length - 1, next))];
    if (!id) return;
    setCursor(id);
    rowOf(id)?.focus();
  };

  useHotkeys([
    ["j", () => move(1)],
    ["k", () => move(-1)],
    [
      "Enter",
      (event) => {
        // A focused link or button already handles Enter itself.
        const active = document.activeElement;
        if (active && active !== document.body && active.closest("a, button, [role=button]")) return;
        if (cursor) {
          event.preventDefault();
          onOpen(cursor);
        }
      },
      { preventDefault: false },
    ],
    [
      "Escape",
      () => {
        // Escape inside a popover, menu or dialog closes that, not the conversation behind it.
        if (document.activeElement?.closest("[role=dialog], [role=menu], [role=listbox]")) return;
        if (openId) onClose();
      },
      { preventDefault: false },
    ],
  ]);

  return { cursor, setCursor };
}
