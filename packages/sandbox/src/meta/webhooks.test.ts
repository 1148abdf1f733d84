import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hubSignature256, hubSignatureSha1 } from "./core/signature";
import { startMetaEmulator } from "./testing/harness";
import { startWebhookReceiver, type WebhookReceiver } from "./testing/receiver";

const APP_TOKEN = "880000000000001|emulator_app_secret";
const PAGE = "104455667788990";
const PAGE_TOKEN = "EAAemulatorPageToken";

describe("Meta webhooks: subscriptions, verification, signed deliveries", () => {
  let env: Awaited<ReturnType<typeof startMetaEmulator>>;
  let receiver: WebhookReceiver;

  beforeEach(async () => {
    env = await startMetaEmulator({
      webhooks: { retryDelaysMs: [20, 40] },
      clock: { now: () => new Date("2025-03-05T16:03:19Z") },
    });
    receiver = await startWebhookReceiver("s3cr3t-verify");
  });
  afterEach(async () => {
    await env.close();
    await receiver.close();
  });

  async function subscribePage(verifyToken = "s3cr3t-verify") {
    return env.call("POST", "/v24.0/880000000000001/subscriptions", {
      token: APP_TOKEN,
      form: {
        object: "page",
        callback_url: receiver.url,
        verify_token: verifyToken,
        fields: "feed,messages",
        include_values: "true",
      },
    });
  }

  it("verifies the callback with hub.challenge before subscribing", async () => {
    const response = await subscribePage();
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ success: true });
    const [verification] = receiver.verifications;
    expect(verification?.["hub.mode"]).toBe("subscribe");
    expect(verification?.["hub.verify_token"]).toBe("s3cr3t-verify");
    expect(verification?.["hub.challenge"]).toMatch(/^\d{10}$/);
    const list = await env.call("GET", "/v24.0/880000000000001/subscriptions", { token: APP_TOKEN });
    expect(list.body.data[0]).toMatchObject({ object: "page", callback_url: receiver.url, active: true });
    expect(list.body.data[0].fields).toEqual([
      { name: "feed", version: "v24.0" },
      { name: "messages", version: "v24.0" },
    ]);
  });

  it("does not subscribe when the verify token is wrong", async () => {
    const response = await subscribePage("wrong-token");
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 2200, type: "OAuthException" });
    expect(response.body.error.message).toContain("HTTP Status Code = 403");
    expect(env.emulator.webhooks.subscriptions.list()).toEqual([]);
  });

  it("requires the app token for subscriptions", async () => {
    const response = await env.call("POST", "/v24.0/880000000000001/subscriptions", {
      token: PAGE_TOKEN,
      body: { object: "page", callback_url: receiver.url, verify_token: "s3cr3t-verify", fields: "feed" },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(15);
  });

  it("delivers a customer comment as a signed feed change", async () => {
    await subscribePage();
    await env.call("POST", `/v24.0/${PAGE}/subscribed_apps`, {
      token: PAGE_TOKEN,
      query: { subscribed_fields: "feed,messages" },
    });
    const { actions } = env.emulator;
    const dana = actions.createCustomer({ name: "Dana Rivera" });
    const post = actions.createPost({ message: "Network maintenance tonight" });
    await env.emulator.webhooks.idle();
    const comment = actions.customerComments({
      customerId: dana.id,
      postId: post.id,
      message: "Is the outage in Leeds fixed yet? café 😀",
    });
    await env.emulator.webhooks.idle();

    const delivery = receiver.received.at(-1);
    if (!delivery) throw new Error("no delivery");
    expect(delivery.headers["x-hub-signature-256"]).toBe(
      hubSignature256("emulator_app_secret", delivery.rawBody),
    );
    expect(delivery.headers["x-hub-signature"]).toBe(
      hubSignatureSha1("emulator_app_secret", delivery.rawBody),
    );
    expect(delivery.rawBody).toContain("caf\\u00e9 \\ud83d\\ude00");
    expect(delivery.rawBody).not.toContain("é");
    expect(delivery.body).toEqual({
      object: "page",
      entry: [
        {
          id: PAGE,
          time: 1741190599,
          changes: [
            {
              field: "feed",
              value: {
                from: { id: dana.psids[PAGE], name: "Dana Rivera" },
                post: {
                  id: post.id,
                  status_type: "added_photos",
                  is_published: true,
                  updated_time: "2025-03-05T16:03:19+0000",
                  permalink_url: `https://www.facebook.com/acme/posts/${post.number}`,
                  promotion_status: "inactive",
                },
                message: "Is the outage in Leeds fixed yet? café 😀",
                post_id: post.id,
                comment_id: comment.id,
                created_time: 1741190599,
                item: "comment",
                parent_id: post.id,
                verb: "add",
              },
            },
          ],
        },
      ],
    });
    expect(post.id).toMatch(new RegExp(`^${PAGE}_\\d{15}$`));
    expect(comment.id).toMatch(new RegExp(`^${post.number}_\\d{16}$`));
  });

  it("skips events when the app is not installed on the Page", async () => {
    await subscribePage();
    env.emulator.actions.createPost({ message: "hello" });
    await env.emulator.webhooks.idle();
    expect(receiver.received).toHaveLength(0);
    expect(env.emulator.webhooks.skipped()[0]?.reason).toContain("not installed");
  });

  it("redelivers after a 500 with the same signed bytes", async () => {
    await subscribePage();
    await env.call("POST", `/v24.0/${PAGE}/subscribed_apps`, {
      token: PAGE_TOKEN,
      query: { subscribed_fields: "feed" },
    });
    receiver.respondWith = [500];
    env.emulator.actions.createPost({ message: "status update" });
    await env.emulator.webhooks.idle();
    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received;
    expect(second?.rawBody).toBe(first?.rawBody);
    expect(second?.headers["x-hub-signature-256"]).toBe(first?.headers["x-hub-signature-256"]);
    const [record] = env.emulator.webhooks.deliveries();
    expect(record?.state).toBe("delivered");
    expect(record?.attempts.map((a) => a.status)).toEqual([500, 200]);
  });

  it("gives up after the retry schedule", async () => {
    await subscribePage();
    await env.call("POST", `/v24.0/${PAGE}/subscribed_apps`, {
      token: PAGE_TOKEN,
      query: { subscribed_fields: "feed" },
    });
    receiver.respondWith = [500, 502, 503];
    env.emulator.actions.createPost({ message: "status update" });
    await env.emulator.webhooks.idle();
    expect(receiver.received).toHaveLength(3);
    expect(env.emulator.webhooks.deliveries()[0]?.state).toBe("failed");
  });

  it("batches held entries into one POST", async () => {
    await subscribePage();
    await env.call("POST", `/v24.0/${PAGE}/subscribed_apps`, {
      token: PAGE_TOKEN,
      query: { subscribed_fields: "feed,messages" },
    });
    const dana = env.emulator.actions.createCustomer({ name: "Dana Rivera" });
    env.emulator.webhooks.hold();
    env.emulator.actions.customerSendsMessage({ customerId: dana.id, text: "one" });
    env.emulator.actions.customerSendsMessage({ customerId: dana.id, text: "two" });
    await env.emulator.webhooks.release();
    await env.emulator.webhooks.idle();
    expect(receiver.received).toHaveLength(1);
    const entries = receiver.received[0]?.body.entry as { messaging: { message: { text: string } }[] }[];
    expect(entries.map((e) => e.messaging[0]?.message.text)).toEqual(["one", "two"]);
  });

  it("delivers Messenger messages with millisecond times and echoes the Page's reply", async () => {
    await env.call("POST", "/v24.0/880000000000001/subscriptions", {
      token: APP_TOKEN,
      form: {
        object: "page",
        callback_url: receiver.url,
        verify_token: "s3cr3t-verify",
        fields: "messages,message_echoes",
      },
    });
    await env.call("POST", `/v24.0/${PAGE}/subscribed_apps`, {
      token: PAGE_TOKEN,
      query: { subscribed_fields: "messages,message_echoes" },
    });
    const dana = env.emulator.actions.createCustomer({ name: "Dana Rivera" });
    const psid = dana.psids[PAGE];
    const inbound = env.emulator.actions.customerSendsMessage({
      customerId: dana.id,
      text: "My bill is wrong this month",
    });
    await env.emulator.webhooks.idle();
    expect(receiver.received[0]?.body).toEqual({
      object: "page",
      entry: [
        {
          id: PAGE,
          time: 1741190599000,
          messaging: [
            {
              sender: { id: psid },
              recipient: { id: PAGE },
              timestamp: 1741190599000,
              message: { mid: inbound.mid, text: "My bill is wrong this month" },
            },
          ],
        },
      ],
    });
    const sent = await env.call("POST", "/v24.0/me/messages", {
      token: PAGE_TOKEN,
      body: {
        recipient: { id: psid },
        messaging_type: "RESPONSE",
        message: { text: "Sorry!", metadata: "case-7" },
      },
    });
    await env.emulator.webhooks.idle();
    const echo = receiver.received[1]?.body.entry as { messaging: Record<string, unknown>[] }[];
    expect(echo[0]?.messaging[0]).toEqual({
      sender: { id: PAGE },
      recipient: { id: psid },
      timestamp: 1741190599000,
      message: {
        mid: sent.body.message_id,
        is_echo: true,
        app_id: 880000000000001,
        metadata: "case-7",
        text: "Sorry!",
      },
    });
  });
});
