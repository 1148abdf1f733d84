import { TYPING_REPEAT_MS } from "@parley/contracts";
import { useCallback, useEffect, useRef } from "react";
import { useLiveSend } from "../../../app/live";

export type TypingKind = "public" | "private" | "note";

/** Tells the live channel this tab shows the conversation, and that it stopped when it closes. */
export function useViewPresence(conversationId: string) {
  const send = useLiveSend();
  useEffect(() => {
    send({ type: "view", conversation_id: conversationId });
    return () => send({ type: "view", conversation_id: null });
  }, [send, conversationId]);
}

/** No keystroke for this long: the agent has stopped typing, even with the composer focused. */
const IDLE_MS = 5_000;

/**
 * The typing flag others see ("Sam is typing a public reply…"): raised on input, repeated every
 * TYPING_REPEAT_MS while keys keep coming (the server lets it expire otherwise), lowered on send,
 * blur, idle or when the pane closes.
 */
export function useTypingSignal(conversationId: string) {
  const send = useLiveSend();
  const state = useRef<{
    kind: TypingKind | null;
    lastInput: number;
    timer?: ReturnType<typeof setInterval>;
  }>({
    kind: null,
    lastInput: 0,
  });

  const stop = useCallback(() => {
    const s = state.current;
    clearInterval(s.timer);
    s.timer = undefined;
    if (s.kind) send({ type: "typing", conversation_id: conversationId, typing: false });
    s.kind = null;
  }, [send, conversationId]);

  const typed = useCallback(
    (kind: TypingKind) => {
      const s = state.current;
      s.lastInput = Date.now();
      if (s.kind === kind) return;
      s.kind = kind;
      send({ type: "typing", conversation_id: conversationId, typing: true, kind });
      clearInterval(s.timer);
      s.timer = setInterval(() => {
        if (!s.kind) return;
        if (Date.now() - s.lastInput > IDLE_MS) stop();
        else send({ type: "typing", conversation_id: conversationId, typing: true, kind: s.kind });
      }, TYPING_REPEAT_MS);
    },
    [send, conversationId, stop],
  );

  useEffect(() => stop, [stop]);
  return { typed, stop };
}
