import { useEffect, useState } from "react";

/** Unsent text per conversation and mode, kept while the tab lives: switching away loses nothing. */
const drafts = new Map<string, string>();
/** The newest message there was when each draft was started (its `seen_message_id`). */
const bases = new Map<string, string | undefined>();

/**
 * What the agent had read when they started writing: a reply another agent sent while this draft
 * was being written is a collision, even if the timeline showed it meanwhile.
 */
export function useDraftBase(key: string, text: string, newest: string | undefined) {
  if (!text) bases.delete(key);
  else if (!bases.has(key)) bases.set(key, newest);
  return {
    base: () => (bases.has(key) ? bases.get(key) : newest),
    /** The agent has now seen this message (e.g. the conflicting reply): compare from here on. */
    rebase: (id: string | undefined) => bases.set(key, id),
  };
}

export function useDraft(key: string) {
  const [text, setText] = useState(() => drafts.get(key) ?? "");
  useEffect(() => {
    if (text) drafts.set(key, text);
    else drafts.delete(key);
  }, [key, text]);
  return [text, setText] as const;
}
