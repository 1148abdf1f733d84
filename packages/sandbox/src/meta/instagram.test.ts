import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../shared/clock";
import { hubSignature256 } from "./core/signature";
import { HOUR_MS } from "./core/time";
import { startMetaEmulator } from "./testing/harness";
import { startWebhookReceiver, type WebhookReceiver } from "./testing/receiver";

const PAGE = "104455667788990";
const IG = "17841400000000001";
const PAGE_TOKEN = "EAAemulatorPageToken";
const IG_TOKEN = "IGAAemulatorUserToken";

describe("Instagram: comments, replies, DMs", () => {
  let clock = new ManualClock("2025-03-05T16:06:40Z");
  let env: Awaited<ReturnType<typeof startMetaEmulator>>;
  let receiver: WebhookReceiver;

  beforeEach(async () => {
    clock = new ManualClock("2025-03-05T16:06:40Z");
    env = await startMetaEmulator({ clock, preinstalled: true });
    receiver = await startWebhookReceiver("ig-verify");
    const ok = await env.emulator.subscribe({
      object: "instagram",
      callbackUrl: receiver.url,
      verifyToken: "ig-verify",
    });
    expect(ok.ok).toBe(true);
  });
  afterEach(async () => {
    await env.close();
    await receiver.close();
  });

  it("delivers a customer comment in the §2.7 shape and accepts a public reply", async () => {
    const { actions } = env.emulator;
    const dana = actions.createCustomer({ name: "Dana Rivera", username: "dana.rivera" });
    const media = actions.createInstagramMedia({ caption: "Summer sale" });
    const comment = actions.customerCommentsOnInstagram({
      customerId: dana.id,
      mediaId: media.id,
      text: "Still no refund after 3 weeks?",
    });
    await env.emulator.webhooks.idle();
    const [delivery] = receiver.received;
    expect(delivery?.headers["x-hub-signature-256"]).toBe(
      hubSignature256("emulator_app_secret", delivery?.rawBody ?? ""),
    );
    expect(delivery?.body).toEqual({
      object: "instagram",
      entry: [
        {
          id: IG,
          time: 1741190800,
          changes: [
            {
              field: "comments",
              value: {
                from: { id: dana.igsids[IG], username: "dana.rivera" },
                media: { id: media.id, media_product_type: "FEED" },
                id: comment.id,
                text: "Still no refund after 3 weeks?",
              },
            },
          ],
        },
      ],
    });

    const reply = await env.call("POST", `/v24.0/${comment.id}/replies`, {
      token: PAGE_TOKEN,
      query: { message: "Sorry! DM us" },
    });
    expect(reply.body).toEqual({ id: expect.stringMatching(/^179\d{14}$/) });
    const replies = await env.call("GET", `/v24.0/${comment.id}/replies`, {
      token: PAGE_TOKEN,
      query: { fields: "text,username,parent_id" },
    });
    expect(replies.body.data[0]).toEqual({
      text: "Sorry! DM us",
      username: "acme",
      parent_id: comment.id,
      id: reply.body.id,
    });
    const comments = await env.call("GET", `/v24.0/${media.id}/comments`, { token: PAGE_TOKEN });
    expect(comments.body.data).toEqual([
      { timestamp: "2025-03-05T16:06:40+0000", text: "Still no refund after 3 weeks?", id: comment.id },
    ]);
    expect(
      (await env.call("POST", `/v24.0/${comment.id}`, { token: PAGE_TOKEN, query: { hide: "true" } })).body,
    ).toEqual({ success: true });
  });

  it("delivers DMs with millisecond timestamps and answers through the Page or IG token", async () => {
    const { actions } = env.emulator;
    const dana = actions.createCustomer({ name: "Dana Rivera" });
    const inbound = actions.customerSendsInstagramMessage({ customerId: dana.id, text: "where is my order" });
    await env.emulator.webhooks.idle();
    expect(receiver.received[0]?.body.entry).toEqual([
      {
        id: IG,
        time: 1741190800000,
        messaging: [
          {
            sender: { id: dana.igsids[IG] },
            recipient: { id: IG },
            timestamp: 1741190800000,
            message: { mid: inbound.mid, text: "where is my order" },
          },
        ],
      },
    ]);
    const viaPage = await env.call("POST", `/v24.0/${PAGE}/messages`, {
      token: PAGE_TOKEN,
      body: { recipient: { id: dana.igsids[IG] }, message: { text: "Checking now" } },
    });
    expect(viaPage.body).toEqual({ recipient_id: dana.igsids[IG], message_id: expect.any(String) });
    const viaIg = await env.call("POST", "/v24.0/me/messages", {
      token: IG_TOKEN,
      body: { recipient: { id: dana.igsids[IG] }, message: { text: "x".repeat(1000) } },
    });
    expect(viaIg.body.error.code).toBe(100);
    await env.emulator.webhooks.idle();
    const echo = receiver.received.at(-1)?.body.entry as {
      messaging: { message: Record<string, unknown> }[];
    }[];
    expect(echo[0]?.messaging[0]?.message).toMatchObject({ is_echo: true, text: "Checking now" });

    clock.advance(30 * HOUR_MS);
    const recipient = { id: dana.igsids[IG] };
    const outside = await env.call("POST", "/v24.0/me/messages", {
      token: IG_TOKEN,
      body: { recipient, message: { text: "hi" } },
    });
    expect(outside.body.error).toMatchObject({ code: 10, error_subcode: 2018278 });
    const wrongTag = await env.call("POST", "/v24.0/me/messages", {
      token: IG_TOKEN,
      body: { recipient, messaging_type: "MESSAGE_TAG", tag: "ACCOUNT_UPDATE", message: { text: "hi" } },
    });
    expect(wrongTag.body.error.code).toBe(100);
    const agent = await env.call("POST", "/v24.0/me/messages", {
      token: IG_TOKEN,
      body: { recipient, messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT", message: { text: "hi" } },
    });
    expect(agent.status).toBe(200);
  });

  it("allows one private reply to an Instagram comment", async () => {
    const { actions } = env.emulator;
    const dana = actions.createCustomer({ name: "Dana Rivera" });
    const media = actions.createInstagramMedia({ caption: "Reel", productType: "REELS" });
    const comment = actions.customerCommentsOnInstagram({
      customerId: dana.id,
      mediaId: media.id,
      text: "help",
    });
    const body = { recipient: { comment_id: comment.id }, message: { text: "We sent you a DM" } };
    const first = await env.call("POST", `/v24.0/${PAGE}/messages`, { token: PAGE_TOKEN, body });
    expect(first.body.recipient_id).toBe(dana.igsids[IG]);
    const second = await env.call("POST", `/v24.0/${PAGE}/messages`, { token: PAGE_TOKEN, body });
    expect(second.body.error.code).toBe(10900);
  });
});
