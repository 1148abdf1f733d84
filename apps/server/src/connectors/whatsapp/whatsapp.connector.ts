import { MESSAGING_WINDOW_MS, TEXT_LIMITS } from "@parley/contracts";
import type { Connector, OutboundRequest } from "../connector";
import { RejectedError, UncertainError } from "../http";
import { checkGraph } from "../meta/errors";
import { graph } from "../meta/graph";
import { metaHandshake, metaVerify } from "../meta/webhooks";
import { parseWhatsAppPayload, whatsappDeliveryUpdates } from "./parse";

/*
 * WhatsApp Business Cloud API (§3): private conversations only. A `200` from the send only means
 * accepted; the outcome arrives later as a status webhook (`deliveryUpdates`), where a free-form
 * message outside the customer-service window fails with 131047.
 */

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** Free-form messages are allowed within 24 h of the customer's last message (§3.5). */
function windowRule(req: OutboundRequest, now: Date): string | null {
  const last = req.lastCustomerPrivateAt;
  if (last && now.getTime() - last.getTime() <= MESSAGING_WINDOW_MS.whatsapp) return null;
  const since = last
    ? `the customer last wrote on ${when(last)}, more than 24 hours ago`
    : "the customer has not written yet";
  return `WhatsApp only allows free-form replies within 24 hours of the customer's last message, and ${since}. Send an approved message template instead; the window reopens when the customer writes.`;
}

export const whatsappConnector: Connector = {
  network: "whatsapp",
  handshake: metaHandshake,
  verify: metaVerify,
  parse: parseWhatsAppPayload,
  deliveryUpdates: whatsappDeliveryUpdates,

  policy(req, now) {
    if (req.visibility === "public")
      return "WhatsApp has no public replies: answer this customer with a private message.";
    const length = [...req.text].length;
    if (length > TEXT_LIMITS.whatsapp.private)
      return `WhatsApp messages are limited to ${TEXT_LIMITS.whatsapp.private} characters; this one has ${length}.`;
    return windowRule(req, now);
  },

  async send(ctx, req) {
    if (req.visibility === "public")
      throw new RejectedError(
        422,
        "WhatsApp has no public replies: answer this customer with a private message.",
      );
    const res = await graph(ctx, "POST", `${ctx.channel.externalAccountId}/messages`, {
      token: ctx.credentials.access_token ?? "",
      body: {
        messaging_product: "whatsapp",
        recipient_type: "individual",
        to: req.recipientExternalId,
        type: "text",
        text: { preview_url: false, body: req.text },
      },
    });
    checkGraph(res, "whatsapp", ctx.now);
    const id = (res.json as { messages?: { id?: string }[] }).messages?.[0]?.id;
    if (!id) throw new UncertainError("WhatsApp accepted the message but returned no id.");
    return { externalId: id };
  },

  // The Cloud API cannot list what a number sent: after a crash only the agent can tell.
  findSent: async () => "unknown",
};
