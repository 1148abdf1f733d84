import type { InboundItem } from "../connector";
import { fromEpochMillis } from "./webhooks";

/*
 * Messenger and Instagram DMs share one shape (§2.5, §2.7): `entry[].messaging[]` events with
 * `sender`, `recipient`, a millisecond `timestamp` and one event key. Only `message` is a
 * message; delivery and read receipts, reactions, postbacks and edits are not.
 */

interface MessagingEvent {
  sender?: { id?: string };
  recipient?: { id?: string };
  timestamp?: number;
  message?: {
    mid?: string;
    text?: string;
    attachments?: { type?: string }[];
    is_echo?: boolean;
    is_deleted?: boolean;
    is_unsupported?: boolean;
    reply_to?: { mid?: string };
  };
}

/** The DM thread is the conversation with one customer: `psid:<id>` (Messenger), `igsid:<id>` (Instagram). */
export const THREAD_PREFIX = { facebook: "psid", instagram: "igsid" } as const;

export const person = (externalId: string, handle: string | null = null, name: string | null = null) => ({
  externalId,
  handle,
  name,
  followersCount: null,
  verified: false,
});

/** Text, or a short placeholder per attachment (`[image]`) so the agent sees something arrived. */
function textOf(message: NonNullable<MessagingEvent["message"]>): string {
  const placeholders = (message.attachments ?? []).map((a) => `[${a.type ?? "attachment"}]`);
  if (message.is_unsupported) placeholders.push("[unsupported message]");
  return [message.text ?? "", ...placeholders].filter(Boolean).join(" ");
}

export function messagingItem(
  raw: unknown,
  network: "facebook" | "instagram",
  brandId: string,
  entryTime: Date | null,
): InboundItem | null {
  const event = (raw ?? {}) as MessagingEvent;
  const message = event.message;
  if (!message?.mid || message.is_deleted) return null;
  const senderId = event.sender?.id ?? "";
  const fromBrand = message.is_echo === true || senderId === brandId;
  const customerId = (fromBrand ? event.recipient?.id : senderId) ?? "";
  if (!customerId) return null;
  return {
    network,
    externalId: message.mid,
    kind: "dm",
    visibility: "private",
    threadExternalId: `${THREAD_PREFIX[network]}:${customerId}`,
    replyToExternalId: message.reply_to?.mid ?? null,
    fromBrand,
    // Messenger events carry ids only; names come from comments or a profile lookup.
    author: person(senderId),
    text: textOf(message),
    sentAt: fromEpochMillis(event.timestamp) ?? entryTime ?? new Date(),
    language: null,
    recipient: fromBrand ? person(customerId) : null,
  };
}
