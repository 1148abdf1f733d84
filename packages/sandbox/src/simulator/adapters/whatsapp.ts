import type { OutboundMessage } from "../../whatsapp/store";
import { phoneNumber } from "../profiles";
import { chance } from "../sampling";
import { PACKS } from "../templates";
import type { WhatsAppPort } from "../types";
import type { AdapterDeps, BrandReply, NetworkAdapter, Posted } from "./types";

/**
 * WhatsApp: everything is private from the first message. Customers have phone numbers of their
 * language's country. The brand's sends are read from the emulator's outbound list.
 */
export function whatsappAdapter(wa: WhatsAppPort, deps: AdapterDeps): NetworkAdapter {
  let cursor = wa.store.outbound.length;

  const enroll: NetworkAdapter["enroll"] = (customer) => {
    if (customer.ids.whatsapp === undefined) {
      let waId = phoneNumber(deps.random, PACKS[customer.lang]);
      while (wa.store.customers.has(waId)) waId = phoneNumber(deps.random, PACKS[customer.lang]);
      customer.ids.whatsapp = wa.actions.createCustomer({ name: customer.name, waId }).waId;
    }
    return `whatsapp:${customer.ids.whatsapp}`;
  };

  const send = (from: string, text: string, contextMessageId?: string): Posted => ({
    ref: wa.actions.customerSends({ from, text, contextMessageId }).id,
  });

  return {
    network: "whatsapp",
    enroll,
    open({ customer, text }) {
      enroll(customer);
      return send(customer.ids.whatsapp as string, text);
    },
    followUp({ conversation, customer, text }) {
      enroll(customer);
      // Now and then the customer swipes to reply, quoting the brand's message.
      const quote =
        conversation.thread.brand && chance(deps.random, 0.3) ? conversation.thread.brand : undefined;
      return send(customer.ids.whatsapp as string, text, quote);
    },
    poll() {
      const outbound = wa.store.outbound;
      // The emulator was reset: its list started again.
      if (outbound.length < cursor) cursor = 0;
      const fresh = outbound.slice(cursor);
      cursor = outbound.length;
      return fresh.map(
        (m): BrandReply => ({
          key: `whatsapp:${m.to}`,
          network: "whatsapp",
          channel: "private",
          text: textOf(m),
          ref: m.id,
        }),
      );
    },
  };
}

/** The words the customer reads: text body, interactive body, caption, or the template's name. */
function textOf(message: OutboundMessage): string {
  const part = (name: string): Record<string, unknown> | undefined => {
    const value = message.request[name];
    // Form-encoded Graph calls carry objects as JSON strings.
    if (typeof value === "string") return safeJson(value);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  };
  const body = part("text")?.body ?? (part("interactive")?.body as { text?: unknown } | undefined)?.text;
  if (typeof body === "string") return body;
  const caption = part(message.type)?.caption;
  if (typeof caption === "string") return caption;
  const template = part("template")?.name;
  return typeof template === "string" ? template.replace(/_/g, " ") : "";
}

function safeJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
