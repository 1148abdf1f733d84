import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hubSignature256 } from "../meta/core/signature";
import { DANA, type Env, PHONE_ID, send, startWhatsApp, statusesOf, stop, subscribe, WABA } from "./testing";

describe("WhatsApp webhooks: handshake, inbound shape, redelivery", () => {
  let env: Env;
  beforeEach(async () => {
    env = await startWhatsApp();
  });
  afterEach(() => stop(env));

  it("subscribes only after the hub.challenge handshake", async () => {
    const wrong = await subscribe(env, "wrong");
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe(2200);
    expect(env.wa.webhooks.subscriptions.list()).toHaveLength(0);
    expect((await subscribe(env)).json()).toEqual({ success: true });
    expect(env.wa.webhooks.subscriptions.list()[0]?.object).toBe("whatsapp_business_account");
  });

  it("delivers a customer message in the §3.2 shape, signed over the escaped body", async () => {
    await subscribe(env);
    env.wa.actions.createCustomer({ name: "Dana Rivera", phone: `+${DANA}` });
    const text = "Hi, my parcel says delivered but it isn't here ✉️";
    const message = env.wa.actions.customerSends({ from: DANA, text });
    await env.wa.idle();
    const [delivery] = env.receiver.received;
    expect(delivery?.headers["x-hub-signature-256"]).toBe(
      hubSignature256("emulator_app_secret", delivery?.rawBody ?? ""),
    );
    expect(delivery?.rawBody).toContain("\\u2709\\ufe0f");
    expect(message.id).toMatch(/^wamid\.HBgMNDQ3NzAwOTAwMTIzFQIAEhgU/);
    expect(delivery?.body).toEqual({
      object: "whatsapp_business_account",
      entry: [
        {
          id: WABA,
          changes: [
            {
              field: "messages",
              value: {
                messaging_product: "whatsapp",
                metadata: { display_phone_number: "447700900001", phone_number_id: PHONE_ID },
                contacts: [{ profile: { name: "Dana Rivera" }, wa_id: DANA }],
                messages: [
                  { from: DANA, id: message.id, timestamp: "1741191500", type: "text", text: { body: text } },
                ],
              },
            },
          ],
        },
      ],
    });
  });

  it("redelivers a status webhook after a 500", async () => {
    await subscribe(env);
    env.wa.actions.createCustomer({ name: "Dana Rivera", waId: DANA });
    env.wa.actions.customerSends({ from: DANA, text: "hi" });
    await env.wa.idle();
    env.receiver.respondWith = [500];
    await send(env, { messaging_product: "whatsapp", to: DANA, text: { body: "hello" } });
    await env.wa.idle();
    const sent = statusesOf(env).filter((s) => s.status === "sent");
    expect(sent).toHaveLength(2);
    expect(sent[0]).toEqual(sent[1]);
    const record = env.wa.webhooks.deliveries().find((d) => d.attempts.length === 2);
    expect(record?.attempts.map((a) => a.status)).toEqual([500, 200]);
  });
});
