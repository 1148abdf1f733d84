import type { Message } from "@parley/contracts";
import { useState } from "react";
import { errorMessage, isApiError } from "../../../app/api";
import { notify } from "../conversation/notify";
import { type ReplyInput, useAddNote, useSendReply } from "../conversation/queries";
import { type ConflictingReply, conflictingReplyOf } from "./CollisionDialog";

export interface Outgoing {
  mode: "reply" | "note";
  text: string;
  visibility: "public" | "private";
  allowSensitive: boolean;
  requestApproval: boolean;
  /** The newest message the agent had seen when they started this reply. */
  seenMessageId: string | undefined;
}

/**
 * Sends a reply or adds a note. A reply carries the newest message the agent saw; when another agent
 * answered since, the server says 409 reply-conflict and `conflict` holds their reply until the agent
 * sends anyway (force), edits or discards.
 */
export function useSend(conversationId: string, onDone: (mode: Outgoing["mode"]) => void) {
  const reply = useSendReply(conversationId);
  const note = useAddNote(conversationId);
  const [conflict, setConflict] = useState<ConflictingReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [lastSent, setLastSent] = useState<Message | null>(null);

  const send = (out: Outgoing, force = false) => {
    setError(null);
    const text = out.text.trim();
    if (out.mode === "note") {
      note.mutate(text, {
        onSuccess: () => onDone("note"),
        onError: (e) => setError(errorMessage(e)),
      });
      return;
    }
    const input: ReplyInput = { text, visibility: out.visibility };
    if (out.allowSensitive) input.allow_sensitive = true;
    if (out.requestApproval) input.request_approval = true;
    if (out.seenMessageId) input.seen_message_id = out.seenMessageId;
    if (force) input.force = true;
    reply.mutate(input, {
      onSuccess: (message) => {
        setConflict(null);
        setLastSent(message);
        onDone("reply");
        if (message.delivery_status !== "awaiting_approval")
          notify({
            color: "teal",
            message: `${out.visibility === "private" ? "Private" : "Public"} reply queued`,
          });
      },
      onError: (e) => {
        const other =
          isApiError(e, 409) && e.type.endsWith("/reply-conflict") ? conflictingReplyOf(e.problem) : null;
        if (other) setConflict(other);
        else setError(errorMessage(e));
      },
    });
  };

  return {
    send,
    sending: reply.isPending || note.isPending,
    conflict,
    clearConflict: () => setConflict(null),
    error,
    clearError: () => setError(null),
    lastSent,
  };
}
