import { z } from "zod";
import { Id } from "./dto";

/**
 * The desk's live channel (SPEC A1, A2; issue 6): one WebSocket per browser tab at
 * `GET /api/v1/live`, authenticated by the session cookie like any /api/v1 call. The server sends
 * only what the user's workspace and permissions allow; clients refetch the named resources.
 */

const Timestamp = z.iso.datetime({ offset: true });

/** Someone in a conversation right now: viewing it, and maybe typing a reply or note. */
export const PresenceEntry = z.object({
  user_id: Id,
  name: z.string(),
  typing: z.boolean(),
  /** "public" | "private" | "note" while typing; null otherwise. */
  typing_kind: z.enum(["public", "private", "note"]).nullable(),
  since: Timestamp,
});
export type PresenceEntry = z.infer<typeof PresenceEntry>;

/** Server → client. */
export const LiveServerMessage = z.discriminatedUnion("type", [
  /** Sent once on connect. */
  z.object({ type: z.literal("hello"), user_id: Id, workspace_id: Id }),
  /** A conversation was created or changed (new message, status, assignment, priority, tags...). */
  z.object({
    type: z.literal("conversation.changed"),
    conversation_id: Id,
    /** What changed, for the client to decide what to refetch: e.g. "message", "status", "assignment". */
    reasons: z.array(z.string()),
    created: z.boolean(),
    at: Timestamp,
  }),
  /** Everyone currently in one conversation; sent to every client that views it or asked for it. */
  z.object({
    type: z.literal("presence"),
    conversation_id: Id,
    viewers: z.array(PresenceEntry),
  }),
  z.object({ type: z.literal("pong") }),
  /** A client message the server could not take; names the field. */
  z.object({ type: z.literal("error"), detail: z.string() }),
]);
export type LiveServerMessage = z.infer<typeof LiveServerMessage>;

/** Client → server. */
export const LiveClientMessage = z.discriminatedUnion("type", [
  /** The conversation this tab now shows (null: none). Replaces the previous one. */
  z.object({ type: z.literal("view"), conversation_id: Id.nullable() }),
  /** Typing started or stopped in the viewed conversation. Expires after 8 s without a repeat. */
  z.object({
    type: z.literal("typing"),
    conversation_id: Id,
    typing: z.boolean(),
    kind: z.enum(["public", "private", "note"]).optional(),
  }),
  z.object({ type: z.literal("ping") }),
]);
export type LiveClientMessage = z.infer<typeof LiveClientMessage>;

/** How long a typing flag lasts without a repeat, and how often clients repeat it. */
export const TYPING_TTL_MS = 8_000;
export const TYPING_REPEAT_MS = 3_000;
