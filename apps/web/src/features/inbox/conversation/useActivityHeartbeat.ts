import type { ActivityKind } from "@parley/contracts";
import { createContext, useContext, useEffect, useState } from "react";
import { useLiveSend } from "../../../app/live";
import { type ActivityScheduler, createActivityScheduler } from "./activity-scheduler";

/** The open conversation's heartbeat, for the zones below it to say what kind of work happens there. */
export const ActivityContext = createContext<ActivityScheduler | null>(null);

const present = () => document.visibilityState === "visible" && document.hasFocus();
/**
 * Anything the agent does anywhere in the desk while the conversation is open. Not `scroll`: the
 * timeline scrolls itself when a message arrives; the agent's scrolling is a wheel, key or pointer.
 */
const INTERACTIONS = ["pointerdown", "pointermove", "keydown", "wheel", "input"] as const;

/**
 * Reports the agent's work on the open conversation over the live channel (`activity` frames,
 * SPEC M3 handling time): every 15 s while the tab is visible and focused and the agent did
 * something within the last minute. Call it after useViewPresence: the server takes activity only
 * for the conversation the tab views. Returns the scheduler for <ActivityZone> to refine the kind.
 */
export function useActivityHeartbeat(conversationId: string): ActivityScheduler | null {
  const send = useLiveSend();
  const [scheduler, setScheduler] = useState<ActivityScheduler | null>(null);
  useEffect(() => {
    const s = createActivityScheduler({
      present: present(),
      send: (kind) => send({ type: "activity", conversation_id: conversationId, kind }),
    });
    const onPresence = () => s.setPresent(present());
    const onInteraction = () => s.interact();
    document.addEventListener("visibilitychange", onPresence);
    window.addEventListener("focus", onPresence);
    window.addEventListener("blur", onPresence);
    // Capture: seen before any handler on the way can stop the event.
    for (const type of INTERACTIONS)
      document.addEventListener(type, onInteraction, { capture: true, passive: true });
    setScheduler(s);
    return () => {
      document.removeEventListener("visibilitychange", onPresence);
      window.removeEventListener("focus", onPresence);
      window.removeEventListener("blur", onPresence);
      for (const type of INTERACTIONS) document.removeEventListener(type, onInteraction, { capture: true });
      s.dispose();
    };
  }, [send, conversationId]);
  return scheduler;
}

/** Says what kind of work an interaction in a zone is (the innermost zone wins). */
export function useActivityKind(): (kind: ActivityKind) => void {
  const scheduler = useContext(ActivityContext);
  return (kind) => scheduler?.interact(kind);
}
