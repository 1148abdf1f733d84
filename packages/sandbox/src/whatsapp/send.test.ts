import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HOUR_MS } from "../meta/core/time";
import { DANA, type Env, send, startWhatsApp, statusesOf, stop, subscribe } from "./testing";

describe("WhatsApp Cloud API: sending, the 24 h window, errors", () => {
  let env: Env;
  beforeEach(async () => {
    env = await startWhatsApp();
  });
  afterEach(() => stop(env));

  it("answers a reply inside the window and reports sent, delivered, read", async () => {
    await subscribe(env);
    env.wa.actions.createCustomer({ name: "Dana Rivera", waId: DANA });
    const inbound = env.wa.actions.customerSends({ from: DANA, text: "where is it?" });
    env.clock.advance(HOUR_MS);
    const response = await send(env, {
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: `+${DANA}`,
      context: { message_id: inbound.id },
      type: "text",
      text: { preview_url: false, body: "Sorry Dana, the courier will call you today." },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toEqual({
      messaging_product: "whatsapp",
      contacts: [{ input: `+${DANA}`, wa_id: DANA }],
      messages: [{ id: expect.stringMatching(/^wamid\.HBgMNDQ3NzAwOTAwMTIzFQIAERgS/) }],
    });
    await env.wa.idle();
    const statuses = statusesOf(env);
    expect(statuses.map((s) => s.status)).toEqual(["sent", "delivered", "read"]);
    expect(statuses[0]).toEqual({
      id: body.messages[0].id,
      status: "sent",
      timestamp: "1741195100",
      recipient_id: DANA,
      pricing: { billable: false, pricing_model: "PMP", category: "service", type: "free_customer_service" },
    });
    expect(env.wa.store.outbound[0]?.finalStatus).toBe("read");
  });

  it("accepts a free-form message outside the window, then fails it with 131047; templates pass", async () => {
    await subscribe(env);
    env.wa.actions.createCustomer({ name: "Dana Rivera", waId: DANA });
    env.wa.actions.customerSends({ from: DANA, text: "hello" });
    env.clock.advance(25 * HOUR_MS);
    const response = await send(env, {
      messaging_product: "whatsapp",
      to: DANA,
      type: "text",
      text: { body: "late reply" },
    });
    expect(response.statusCode).toBe(200);
    const wamid = response.json().messages[0].id;
    await env.wa.idle();
    expect(statusesOf(env)).toEqual([
      {
        id: wamid,
        status: "failed",
        timestamp: "1741281500",
        recipient_id: DANA,
        errors: [
          {
            code: 131047,
            title: "Re-engagement message",
            message: "Re-engagement message",
            error_data: {
              details:
                "More than 24 hours have passed since the recipient last replied to the sender number.",
            },
            href: "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
          },
        ],
      },
    ]);

    const template = await send(env, {
      messaging_product: "whatsapp",
      to: DANA,
      type: "template",
      template: {
        name: "case_update",
        language: { code: "en_GB" },
        components: [
          {
            type: "body",
            parameters: [
              { type: "text", text: "A-1182" },
              { type: "text", text: "out for delivery" },
            ],
          },
        ],
      },
    });
    expect(template.json().messages[0].message_status).toBe("accepted");
    await env.wa.idle();
    const templateStatuses = statusesOf(env).slice(1);
    expect(templateStatuses.map((s) => s.status)).toEqual(["sent", "delivered", "read"]);
    expect(templateStatuses[0]?.pricing).toEqual({
      billable: true,
      pricing_model: "PMP",
      category: "utility",
      type: "regular",
    });
  });

  it("rejects invalid sends synchronously with the Graph envelope", async () => {
    const missing = await send(env, { to: DANA, type: "text", text: { body: "x" } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 100, error_data: { messaging_product: "whatsapp" } });
    const long = await send(env, {
      messaging_product: "whatsapp",
      to: DANA,
      type: "text",
      text: { body: "x".repeat(4097) },
    });
    expect(long.json().error.code).toBe(100);
    const unknown = await send(env, {
      messaging_product: "whatsapp",
      to: DANA,
      type: "template",
      template: { name: "nope", language: { code: "en_GB" } },
    });
    expect(unknown.json().error.code).toBe(132001);
    const params = await send(env, {
      messaging_product: "whatsapp",
      to: DANA,
      type: "template",
      template: { name: "case_update", language: { code: "en_GB" } },
    });
    expect(params.json().error.code).toBe(132000);
    const badToken = await send(
      env,
      { messaging_product: "whatsapp", to: DANA, text: { body: "x" } },
      "wrong",
    );
    expect(badToken.statusCode).toBe(401);
    expect(badToken.json().error.code).toBe(190);
  });

  it("injects 130429 through the control API and enforces the pair rate behind a flag", async () => {
    const injected = await env.app.inject({
      method: "POST",
      url: "/sandbox/whatsapp/_control/failures",
      payload: { kind: "throughput" },
    });
    expect(injected.statusCode).toBe(200);
    const limited = await send(env, { messaging_product: "whatsapp", to: DANA, text: { body: "x" } });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe(130429);

    await stop(env);
    env = await startWhatsApp({ enforcePairRate: true });
    const body = { messaging_product: "whatsapp", to: DANA, text: { body: "x" } };
    expect((await send(env, body)).statusCode).toBe(200);
    const pair = await send(env, body);
    expect(pair.statusCode).toBe(429);
    expect(pair.json().error.code).toBe(131056);
    env.clock.advance(6_001);
    expect((await send(env, body)).statusCode).toBe(200);
  });

  it("fails delivery with 131026 for undeliverable numbers and shows it in the outbox", async () => {
    await subscribe(env);
    await env.app.inject({
      method: "POST",
      url: "/sandbox/whatsapp/_control/customers",
      payload: { name: "Old Phone", waId: "447700900999", undeliverable: true },
    });
    await send(env, {
      messaging_product: "whatsapp",
      to: "447700900999",
      type: "template",
      template: { name: "hello_world", language: { code: "en_US" } },
    });
    await env.wa.idle();
    expect(statusesOf(env)[0]).toMatchObject({ status: "failed", errors: [{ code: 131026 }] });
    const outbox = await env.app.inject({ method: "GET", url: "/sandbox/whatsapp/_control/outbox" });
    expect(outbox.json().data[0]).toMatchObject({ to: "447700900999", finalStatus: "failed" });
  });

  it("marks a customer message as read", async () => {
    env.wa.actions.createCustomer({ name: "Dana Rivera", waId: DANA });
    const inbound = env.wa.actions.customerSends({ from: DANA, text: "hi" });
    const response = await send(env, {
      messaging_product: "whatsapp",
      status: "read",
      message_id: inbound.id,
      typing_indicator: { type: "text" },
    });
    expect(response.json()).toEqual({ success: true });
    expect(env.wa.store.inbound[0]?.readByBusinessAt).toBeDefined();
  });
});
