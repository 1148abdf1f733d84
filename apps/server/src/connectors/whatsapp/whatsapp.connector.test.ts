import { describe, expect, it } from "vitest";
import type { ChannelRow } from "../../modules/channels/channels.repo";
import type { OutboundRequest } from "../connector";
import { parseWhatsAppPayload, whatsappDeliveryUpdates, whatsappText } from "./parse";
import { whatsappConnector } from "./whatsapp.connector";

const PHONE_ID = "110000000000002";
const channel = { externalAccountId: PHONE_ID } as ChannelRow;
const envelope = (value: Record<string, unknown>) => ({
  object: "whatsapp_business_account",
  entry: [
    {
      id: "300000000000001",
      changes: [
        {
          field: "messages",
          value: {
            messaging_product: "whatsapp",
            metadata: { display_phone_number: "447700900001", phone_number_id: PHONE_ID },
            ...value,
          },
        },
      ],
    },
  ],
});

// §3.2: an inbound text.
const inbound = envelope({
  contacts: [{ profile: { name: "Dana Rivera" }, wa_id: "447700900123" }],
  messages: [
    {
      from: "447700900123",
      id: "wamid.HBgMNDQ3NzAwOTAwMTIzFQIAEhgUM0VCMDFBQjJDM0Q0RTVGNkE3QjgA",
      timestamp: "1741191500",
      type: "text",
      text: { body: "Hi, my parcel says delivered but it isn't here" },
    },
  ],
});
// §3.3: the failure of a free-form message outside the 24-hour window.
const failed = envelope({
  statuses: [
    {
      id: "wamid.HBgMNDQ3NzAwOTAwMTIzFQIAERgSRkFJTEVEMDAwMDAwMDAwMQA=",
      status: "failed",
      timestamp: "1741300000",
      recipient_id: "447700900123",
      errors: [
        {
          code: 131047,
          title: "Re-engagement message",
          message: "Re-engagement message",
          error_data: {
            details: "More than 24 hours have passed since the recipient last replied to the sender number.",
          },
          href: "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
        },
      ],
    },
  ],
});

describe("WhatsApp webhooks", () => {
  it("reads a message: wamid, wa_id thread, profile name, seconds as a string", () => {
    const [item] = parseWhatsAppPayload(inbound, channel);
    expect(item).toMatchObject({
      network: "whatsapp",
      externalId: "wamid.HBgMNDQ3NzAwOTAwMTIzFQIAEhgUM0VCMDFBQjJDM0Q0RTVGNkE3QjgA",
      kind: "chat",
      visibility: "private",
      threadExternalId: "wa:447700900123",
      replyToExternalId: null,
      fromBrand: false,
      author: {
        externalId: "447700900123",
        handle: "+447700900123",
        name: "Dana Rivera",
        followersCount: null,
      },
      text: "Hi, my parcel says delivered but it isn't here",
    });
    expect(item?.sentAt.toISOString()).toBe("2025-03-05T16:18:20.000Z");
    expect(whatsappDeliveryUpdates(inbound, channel)).toEqual([]);
  });

  it("reads statuses as delivery updates, a failure with its reason", () => {
    expect(parseWhatsAppPayload(failed, channel)).toEqual([]);
    const [update] = whatsappDeliveryUpdates(failed, channel);
    expect(update).toMatchObject({
      network: "whatsapp",
      externalId: "wamid.HBgMNDQ3NzAwOTAwMTIzFQIAERgSRkFJTEVEMDAwMDAwMDAwMQA=",
      status: "failed",
    });
    expect(update?.at.toISOString()).toBe("2025-03-06T22:26:40.000Z");
    expect(update?.error).toMatch(
      /more than 24 hours .* Send an approved template .* \(WhatsApp error 131047\)$/,
    );
    const delivered = envelope({
      statuses: [
        { id: "wamid.X", status: "delivered", timestamp: "1741191620", recipient_id: "447700900123" },
      ],
    });
    expect(whatsappDeliveryUpdates(delivered, channel)).toMatchObject([{ status: "delivered", error: null }]);
  });

  it("words an unknown late failure as not delivered", () => {
    const odd = envelope({
      statuses: [
        { id: "wamid.Y", status: "failed", timestamp: "1", errors: [{ code: 135000, title: "Odd" }] },
      ],
    });
    expect(whatsappDeliveryUpdates(odd, channel)[0]?.error).toBe(
      "WhatsApp did not deliver it: Odd (WhatsApp error 135000)",
    );
  });

  it("leaves other numbers of the business account to their own channel", () => {
    expect(parseWhatsAppPayload(inbound, { externalAccountId: "999" } as ChannelRow)).toEqual([]);
  });

  it("shows non-text messages as short placeholders, and quotes as replies", () => {
    const m = (type: string, content: unknown) => ({ id: "w", from: "1", type, [type]: content });
    expect(whatsappText(m("image", { id: "1", caption: "the box" }))).toBe("[image] the box");
    expect(whatsappText(m("audio", { id: "1", voice: true }))).toBe("[audio]");
    expect(whatsappText(m("location", { latitude: 1, longitude: 2, name: "Depot" }))).toBe(
      "[location] Depot",
    );
    expect(
      whatsappText(m("interactive", { type: "button_reply", button_reply: { id: "y", title: "Yes" } })),
    ).toBe("Yes");
    expect(whatsappText(m("reaction", { message_id: "w", emoji: "👍" }))).toBe("[reaction] 👍");
    expect(whatsappText(m("reaction", { message_id: "w" }))).toBeNull();
    expect(whatsappText(m("unsupported", {}))).toBe("[unsupported]");
    const quoted = envelope({
      messages: [
        { from: "1", id: "w2", timestamp: "1", type: "text", text: { body: "ok" }, context: { id: "w1" } },
      ],
    });
    expect(parseWhatsAppPayload(quoted, channel)[0]?.replyToExternalId).toBe("w1");
  });
});

describe("WhatsApp rules", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const request = (over: Partial<OutboundRequest>): OutboundRequest => ({
    messageId: "m",
    text: "Your parcel is on its way",
    visibility: "private",
    replyTo: null,
    recipientExternalId: "447700900123",
    lastCustomerPrivateAt: new Date(now.getTime() - 23 * 3_600_000),
    queuedAt: now,
    ...over,
  });

  it("refuses public replies: WhatsApp is private only", () => {
    expect(whatsappConnector.policy(request({ visibility: "public" }), now)).toMatch(/no public replies/);
  });

  it("allows free-form text within 24 h of the customer's last message and suggests a template after", () => {
    expect(whatsappConnector.policy(request({}), now)).toBeNull();
    const late = request({ lastCustomerPrivateAt: new Date(now.getTime() - 25 * 3_600_000) });
    expect(whatsappConnector.policy(late, now)).toMatch(
      /within 24 hours .* more than 24 hours ago\. Send an approved message template/,
    );
  });

  it("limits text to 4096 characters", () => {
    expect(whatsappConnector.policy(request({ text: "a".repeat(4096) }), now)).toBeNull();
    expect(whatsappConnector.policy(request({ text: "a".repeat(4097) }), now)).toMatch(/limited to 4096/);
  });
});
