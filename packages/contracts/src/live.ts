import { z } from "zod";
import { Id } from "./dto";

/**
 * The desk's live channel (SPEC A1, A2; issue 6): one WebSocket per browser tab at
 * `GET /api/v1/live`, authenticated by the session cookie like any /api/v1 call. The server sends
 * only what the user's workspace and permissions allow; clients refetch the named resources.
 */

const Timestamp = z.iso.datetime({ offset: true });

/**
 * What an agent is doing on a conversation (an `agent_activity` event's `data.kind`): reading it,
 * typing a reply or note, tagging (tags, status, assignment), or looking something up (the
 * customer panel and history, knowledge and template search).
 */
export const ACTIVITY_KINDS = ["viewing", "typing", "tagging", "lookup"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
/** The desk beats this often while an agent is active on a conversation (handling-time.ts's beat). */
export const ACTIVITY_BEAT_MS = 15_000;
/** No interaction for this long: the agent is idle, the beats stop (handling-time.ts's idle cut-off). */
export const ACTIVITY_IDLE_MS = 60_000;
/** The server stores at most one beat per user and conversation this often; faster ones are coalesced. */
export const ACTIVITY_MIN_INTERVAL_MS = 10_000;

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
  /**
   * Members of the workspace changed (`reasons`, e.g. "availability"): a supervisor view or the
   * user menu refetches them (GET /api/v1/users, /api/v1/auth/me for oneself).
   */
  z.object({
    type: z.literal("users.changed"),
    user_ids: z.array(Id),
    reasons: z.array(z.string()),
    at: Timestamp,
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
  /**
   * The agent is working on the viewed conversation (SPEC M3 handling time): sent every
   * ACTIVITY_BEAT_MS while the tab is visible and focused and the agent interacted within
   * ACTIVITY_IDLE_MS. Stored as an `agent_activity` event; repeats faster than
   * ACTIVITY_MIN_INTERVAL_MS are coalesced, never refused.
   */
  z.object({
    type: z.literal("activity"),
    conversation_id: Id,
    kind: z.enum(ACTIVITY_KINDS),
  }),
  z.object({ type: z.literal("ping") }),
]);
export type LiveClientMessage = z.infer<typeof LiveClientMessage>;

/** How long a typing flag lasts without a repeat, and how often clients repeat it. */
export const TYPING_TTL_MS = 8_000;
export const TYPING_REPEAT_MS = 3_000;
