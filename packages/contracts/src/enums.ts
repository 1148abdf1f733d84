import { z } from "zod";

/** Networks and sources a conversation can come from (SPEC L1). */
export const CHANNELS = [
  "x",
  "facebook",
  "instagram",
  "whatsapp",
  "email",
  "webchat",
  "rss",
  "webhook",
] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** Conversation (case) life cycle (SPEC C2). */
export const CONVERSATION_STATUSES = [
  "new",
  "open",
  "pending",
  "on_hold",
  "escalated",
  "resolved",
  "closed",
  "archived",
  "spam",
] as const;
export const ConversationStatus = z.enum(CONVERSATION_STATUSES);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

/** Statuses that still need an agent: the default inbox shows these. */
export const ACTIVE_STATUSES: readonly ConversationStatus[] = [
  "new",
  "open",
  "pending",
  "on_hold",
  "escalated",
];

export const PRIORITIES = ["urgent", "high", "normal", "low"] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

export const SENTIMENTS = ["negative", "neutral", "positive"] as const;
export const Sentiment = z.enum(SENTIMENTS);
export type Sentiment = z.infer<typeof Sentiment>;

/** Priority tiers of SPEC T2 / seed 001 "Prioritization". */
export const TIERS = ["first", "second", "none"] as const;
export const Tier = z.enum(TIERS);
export type Tier = z.infer<typeof Tier>;

export const MESSAGE_DIRECTIONS = ["inbound", "outbound"] as const;
export const MessageDirection = z.enum(MESSAGE_DIRECTIONS);
export type MessageDirection = z.infer<typeof MessageDirection>;

/** Public posts/comments/replies versus private DMs, email, chat. */
export const VISIBILITIES = ["public", "private"] as const;
export const Visibility = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof Visibility>;

export const MESSAGE_KINDS = [
  "post",
  "reply",
  "comment",
  "dm",
  "email",
  "chat",
  "review",
  "article",
] as const;
export const MessageKind = z.enum(MESSAGE_KINDS);
export type MessageKind = z.infer<typeof MessageKind>;

export const DELIVERY_STATUSES = [
  "received",
  "draft",
  "awaiting_approval",
  "queued",
  "sending",
  "sent",
  "failed",
  "rejected",
] as const;
export const DeliveryStatus = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const AVAILABILITIES = ["available", "busy", "away", "offline"] as const;
export const Availability = z.enum(AVAILABILITIES);
export type Availability = z.infer<typeof Availability>;

/** What a listening profile listens for (SPEC L2). */
export const LISTENING_KINDS = ["brand", "product", "competitor", "care"] as const;
export const ListeningKind = z.enum(LISTENING_KINDS);
export type ListeningKind = z.infer<typeof ListeningKind>;
