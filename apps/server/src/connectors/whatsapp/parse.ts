import type { ChannelRow } from "../../modules/channels/channels.repo";
import type { DeliveryUpdate, InboundItem } from "../connector";
import { explainGraphError } from "../meta/errors";
import { person } from "../meta/messaging";
import { entriesOf, fromEpochSeconds } from "../meta/webhooks";

/*
 * `object: "whatsapp_business_account"` deliveries (§3.2, §3.3): each `changes[].value` carries
 * the customer's `messages[]` or the outcomes (`statuses[]`) of what the business sent. Times
 * are epoch seconds as strings. One WABA can hold several numbers: a channel is one number, so
 * values for another `phone_number_id` are left to that number's channel.
 */

interface WaMessage {
  from?: string;
  /** Business-scoped user id, when the customer uses a username instead of a number (2026). */
  from_user_id?: string;
  id?: string;
  timestamp?: string;
  type?: string;
  context?: { id?: string };
  [content: string]: unknown;
}

interface WaStatus {
  id?: string;
  status?: string;
  timestamp?: string;
  errors?: { code?: number; title?: string; message?: string; error_data?: { details?: string } }[];
}

interface WaValue {
  metadata?: { phone_number_id?: string };
  contacts?: { wa_id?: string; user_id?: string; profile?: { name?: string; username?: string } }[];
  messages?: WaMessage[];
  statuses?: WaStatus[];
}

type Content = Record<string, string | undefined> & {
  button_reply?: { title?: string };
  list_reply?: { title?: string };
};

/** The customer's words, or a short placeholder for what text cannot show (`[image] caption`). */
export function whatsappText(message: WaMessage): string | null {
  const type = message.type ?? "unsupported";
  const c = (message[type] ?? {}) as Content;
  const tagged = (...parts: (string | undefined)[]) => [`[${type}]`, ...parts].filter(Boolean).join(" ");
  switch (type) {
    case "text":
      return c.body ?? "";
    case "image":
    case "video":
    case "audio":
    case "sticker":
      return tagged(c.caption);
    case "document":
      return tagged(c.filename, c.caption);
    case "location":
      return tagged(c.name, c.address);
    case "interactive":
      return c.button_reply?.title ?? c.list_reply?.title ?? tagged();
    case "button":
      return c.text ?? tagged();
    case "reaction":
      return c.emoji ? tagged(c.emoji) : null; // no emoji: a reaction removed
    case "system":
      return tagged(c.body);
    case "request_welcome":
      return null; // the customer opened the chat; nothing was said yet
    default:
      return tagged();
  }
}

function messageItem(m: WaMessage, value: WaValue): InboundItem | null {
  const customer = m.from ?? m.from_user_id;
  const text = whatsappText(m);
  if (!m.id || !customer || text === null) return null;
  const contact = value.contacts?.find((c) => c.wa_id === customer || c.user_id === customer);
  const handle = m.from ? `+${m.from}` : (contact?.profile?.username ?? null);
  return {
    network: "whatsapp",
    externalId: m.id,
    kind: "chat",
    visibility: "private",
    threadExternalId: `wa:${customer}`,
    replyToExternalId: m.context?.id ?? null,
    fromBrand: false,
    author: person(customer, handle, contact?.profile?.name ?? null),
    text,
    sentAt: fromEpochSeconds(m.timestamp) ?? new Date(),
    language: null,
    recipient: null,
  };
}

const STATUSES: Record<string, DeliveryUpdate["status"]> = {
  sent: "sent",
  delivered: "delivered",
  read: "read",
  played: "read",
  failed: "failed",
};

function statusUpdate(s: WaStatus): DeliveryUpdate | null {
  const status = STATUSES[s.status ?? ""];
  if (!s.id || !status) return null;
  const error = s.errors?.[0];
  return {
    network: "whatsapp",
    externalId: s.id,
    status,
    at: fromEpochSeconds(s.timestamp) ?? new Date(),
    error:
      status === "failed"
        ? explainGraphError(
            "whatsapp",
            { code: error?.code, message: error?.title ?? error?.message, error_data: error?.error_data },
            "did not deliver it",
          )
        : null,
  };
}

function valuesOf(payload: unknown, channel: ChannelRow): WaValue[] {
  return entriesOf(payload, "whatsapp_business_account")
    .flatMap((entry) => entry.changes ?? [])
    .filter((change) => change.field === "messages")
    .map((change) => (change.value ?? {}) as WaValue)
    .filter((v) => !v.metadata?.phone_number_id || v.metadata.phone_number_id === channel.externalAccountId);
}

export function parseWhatsAppPayload(payload: unknown, channel: ChannelRow): InboundItem[] {
  return valuesOf(payload, channel)
    .flatMap((value) => (value.messages ?? []).map((m) => messageItem(m, value)))
    .filter((i): i is InboundItem => i !== null);
}

export function whatsappDeliveryUpdates(payload: unknown, channel: ChannelRow): DeliveryUpdate[] {
  return valuesOf(payload, channel)
    .flatMap((value) => (value.statuses ?? []).map(statusUpdate))
    .filter((u): u is DeliveryUpdate => u !== null);
}
