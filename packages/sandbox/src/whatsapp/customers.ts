import { ControlError } from "../meta/control/errors";
import type { WebhookHub } from "../meta/webhooks/hub";
import { publishInbound, type WhatsAppIdentity } from "./events";
import { type InboundMessage, newWamid, type WhatsAppCustomer, type WhatsAppStore } from "./store";

/** Customers and what they send: stored, opening the 24 h window, delivered as a webhook (§3.2). */
export interface CustomerDeps {
  store: WhatsAppStore;
  hub: WebhookHub;
  identity: WhatsAppIdentity;
}

export interface CreateWhatsAppCustomerInput {
  name: string;
  /** wa_id or phone number (`+44 7700 900123` is normalised); generated when absent. */
  waId?: string | undefined;
  phone?: string | undefined;
  undeliverable?: boolean | undefined;
}

export function createWhatsAppCustomer(
  deps: CustomerDeps,
  input: CreateWhatsAppCustomerInput,
): WhatsAppCustomer {
  const given = (input.waId ?? input.phone)?.replace(/\D/g, "");
  const waId = given || deps.store.uniqueId(() => `4477009${deps.store.random.digits(5)}`);
  if (deps.store.customers.has(waId)) throw new ControlError(`customer ${waId} already exists`, 409);
  const customer: WhatsAppCustomer = {
    waId,
    name: input.name,
    undeliverable: input.undeliverable ?? false,
    createdAt: deps.store.clock.now(),
  };
  deps.store.customers.set(waId, customer);
  return customer;
}

export interface CustomerMessageInput {
  from: string;
  /** Shorthand for `type: "text", content: {body: text}`. */
  text?: string | undefined;
  type?: string | undefined;
  /** The type-specific object, e.g. `{message_id, emoji}` for a reaction. */
  content?: Record<string, unknown> | undefined;
  /** The wamid the customer replied to (quoted). */
  contextMessageId?: string | undefined;
}

export function customerSendsWhatsApp(deps: CustomerDeps, input: CustomerMessageInput): InboundMessage {
  const waId = input.from.replace(/\D/g, "");
  const customer = deps.store.customers.get(waId);
  if (!customer) throw new ControlError(`unknown customer ${input.from}`, 404);
  const type = input.type ?? "text";
  const content = input.content ?? (input.text !== undefined ? { body: input.text } : undefined);
  if (!content) throw new ControlError("text or content required");
  const message: InboundMessage = {
    id: newWamid(deps.store, waId, "inbound"),
    from: waId,
    type,
    content,
    contextId: input.contextMessageId,
    createdAt: deps.store.clock.now(),
  };
  deps.store.inbound.push(message);
  // Every customer message (re)starts the customer-service window (§3.5).
  deps.store.lastInbound.set(waId, message.createdAt);
  void publishInbound(deps.hub, deps.identity, customer, message);
  return message;
}
