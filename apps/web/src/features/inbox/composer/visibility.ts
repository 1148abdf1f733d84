import { useState } from "react";
import type { ReplyVisibility } from "./counter";

/** The side a reply goes out on, settled per conversation: null until its messages are known. */
export interface VisibilityState {
  conversationId: string;
  value: ReplyVisibility | null;
}

/**
 * The visibility for this render. The default (`initial`, null while the messages load) is taken once,
 * when it is first known; after that the value is the agent's — refetches that change the messages or
 * the conversation never move it. Only another conversation starts over.
 */
export function settleVisibility(
  state: VisibilityState,
  conversationId: string,
  initial: ReplyVisibility | null,
): VisibilityState {
  if (state.conversationId !== conversationId) return { conversationId, value: initial };
  if (state.value === null && initial !== null) return { conversationId, value: initial };
  return state;
}

/** The composer's visibility: [current (null while loading), choose]. */
export function useReplyVisibility(conversationId: string, initial: ReplyVisibility | null) {
  const [state, setState] = useState<VisibilityState>({ conversationId, value: initial });
  const settled = settleVisibility(state, conversationId, initial);
  // Adjusting state while rendering (React's documented pattern): no frame shows the stale value.
  if (settled !== state) setState(settled);
  const choose = (value: ReplyVisibility) => setState({ conversationId, value });
  return [settled.value, choose] as const;
}
