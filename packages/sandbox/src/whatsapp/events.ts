import { epochSecondsString } from "../meta/core/time";
import type { WebhookHub } from "../meta/webhooks/hub";
import type { InboundMessage, OutboundMessage, StatusError, StatusName, WhatsAppCustomer } from "./store";

/**
 * `object: "whatsapp_business_account"` payloads (§3.2, §3.3): one `changes[]` item with
 * field `messages`, carrying `messages[]` or `statuses[]` (never both); timestamps are epoch
 * seconds as strings; WhatsApp entries have no `time`.
 */
export interface WhatsAppIdentity {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
}

function publish(hub: WebhookHub, identity: WhatsAppIdentity, value: Record<string, unknown>): Promise<void> {
  return hub.publish({
    object: "whatsapp_business_account",
    field: "messages",
    businessIds: [identity.wabaId],
    installCheck: "any",
    entry: { id: identity.wabaId, changes: [{ field: "messages", value }] },
  });
}

function envelope(identity: WhatsAppIdentity) {
  return {
    messaging_product: "whatsapp",
    metadata: { display_phone_number: identity.displayPhoneNumber, phone_number_id: identity.phoneNumberId },
  };
}

export function publishInbound(
  hub: WebhookHub,
  identity: WhatsAppIdentity,
  customer: WhatsAppCustomer,
  message: InboundMessage,
): Promise<void> {
  const item: Record<string, unknown> = {
    from: message.from,
    id: message.id,
    timestamp: epochSecondsString(message.createdAt),
  };
  if (message.contextId) item.context = { from: identity.displayPhoneNumber, id: message.contextId };
  item.type = message.type;
  item[message.type] = message.content;
  return publish(hub, identity, {
    ...envelope(identity),
    contacts: [{ profile: { name: customer.name }, wa_id: customer.waId }],
    messages: [item],
  });
}

export interface PricingInfo {
  billable: boolean;
  pricing_model: "PMP";
  category: string;
  type: "regular" | "free_customer_service";
}

/** Per-message pricing (§3.3, §3.5): service and in-window utility messages are free. */
export function pricingOf(message: OutboundMessage): PricingInfo {
  const category = message.templateCategory?.toLowerCase() ?? "service";
  const free = message.insideWindow && (category === "service" || category === "utility");
  const type = free ? "free_customer_service" : "regular";
  return { billable: type === "regular", pricing_model: "PMP", category, type };
}

export function publishStatus(
  hub: WebhookHub,
  identity: WhatsAppIdentity,
  message: OutboundMessage,
  status: { status: StatusName; timestamp: Date; errors?: StatusError[] },
): Promise<void> {
  const item: Record<string, unknown> = {
    id: message.id,
    status: status.status,
    timestamp: epochSecondsString(status.timestamp),
    recipient_id: message.to,
  };
  if (status.errors) item.errors = status.errors;
  else item.pricing = pricingOf(message);
  if (message.bizOpaqueCallbackData !== undefined)
    item.biz_opaque_callback_data = message.bizOpaqueCallbackData;
  return publish(hub, identity, { ...envelope(identity), statuses: [item] });
}
