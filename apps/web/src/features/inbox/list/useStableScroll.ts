import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from "react";
import { anchorScroll, arrivals } from "./anchor";
import { ROW_HEIGHT } from "./ConversationRow";

const FRESH_MS = 2_500;

/**
 * Live refetches reorder and insert rows: keep what the reader looks at in place, count rows that
 * arrived above them (for the "new" pill) and mark arrivals briefly. `resetKey` changes with the
 * view and filters, where a different list is not an arrival.
 */
export function useStableScroll(ids: string[], scroll: RefObject<HTMLElement | null>, resetKey: string) {
  const previous = useRef<{ key: string; ids: string[] }>({ key: resetKey, ids: [] });
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [newAbove, setNewAbove] = useState(0);

  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = { key: resetKey, ids };
    const el = scroll.current;
    if (before.key !== resetKey) {
      setNewAbove(0);
      setFresh(new Set());
      if (el) el.scrollTop = 0;
      return;
    }
    if (before.ids === ids || !el) return;
    const anchored = anchorScroll(before.ids, ids, el.scrollTop, ROW_HEIGHT);
    if (anchored.scrollTop !== el.scrollTop) el.scrollTop = anchored.scrollTop;
    if (anchored.insertedAbove > 0) setNewAbove((n) => n + anchored.insertedAbove);
    const arrived = arrivals(before.ids, ids);
    if (arrived.length > 0 && arrived.length < 50) setFresh(new Set(arrived));
  }, [ids, resetKey, scroll]);

  useEffect(() => {
    if (fresh.size === 0) return;
    const timer = setTimeout(() => setFresh(new Set()), FRESH_MS);
    return () => clearTimeout(timer);
  }, [fresh]);

  // Back at the top, everything new is in sight.
  useEffect(() => {
    const el = scroll.current;
    if (!el) return;
    const onScroll = () => {
      if (el.scrollTop < ROW_HEIGHT / 2) setNewAbove(0);
    };
    el.addEventListener("scroll", onScroll, { passive: true });
    return () => el.removeEventListener("scroll", onScroll);
  }, [scroll]);

  return { fresh, newAbove };
}
