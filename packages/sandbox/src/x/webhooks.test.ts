import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { X_DEFAULTS } from "./config";
import { APP_AUTH, createXHarness, USER_AUTH, type XHarness } from "./testing";

/** A Parley-like receiver: answers CRC with the consumer secret and verifies every signature itself. */
interface Delivery {
  body: string;
  signature: string | undefined;
  verified: boolean;
}
interface Receiver {
  url: string;
  deliveries: Delivery[];
  crcChecks: number;
  /** Status codes to answer deliveries with, in order (then 200). */
  answers: number[];
  close(): Promise<void>;
}

const sign = (secret: string, message: string) =>
  `sha256=${createHmac("sha256", secret).update(message).digest("base64")}`;

async function startReceiver(secret: string = X_DEFAULTS.consumerSecret): Promise<Receiver> {
  const state = { deliveries: [] as Delivery[], crcChecks: 0, answers: [] as number[] };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://receiver");
    if (req.method === "GET") {
      state.crcChecks++;
      const token = url.searchParams.get("crc_token") ?? "";
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ response_token: sign(secret, token) }));
      return;
    }
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      const signature = req.headers["x-twitter-webhooks-signature"] as string | undefined;
      state.deliveries.push({
        body,
        signature,
        verified: signature === sign(X_DEFAULTS.consumerSecret, body),
      });
      res.writeHead(state.answers.shift() ?? 200);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/webhooks/x`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

let h: XHarness;
let receiver: Receiver;
beforeEach(async () => {
  h = await createXHarness({ webhooks: { retryDelaysMs: [30, 60], timeoutMs: 500 } });
  h.x.control.createUser({ username: "dana_r", name: "Dana R.", followers_count: 1840 });
  receiver = await startReceiver();
});
afterEach(async () => {
  await h.app.close();
  await receiver.close();
});

async function registerAndSubscribe(): Promise<string> {
  const registered = await h.call("POST", "/2/webhooks", APP_AUTH, { url: receiver.url });
  expect(registered.status).toBe(200);
  const id = registered.body.data.id as string;
  const subscribed = await h.call(
    "POST",
    `/2/account_activity/webhooks/${id}/subscriptions/all`,
    USER_AUTH,
    {},
  );
  expect(subscribed.body).toEqual({ data: { subscribed: true } });
  return id;
}

describe("webhooks (CRC, signed AAA deliveries, retries)", () => {
  it("registers only after a correct CRC answer", async () => {
    const registered = await h.call("POST", "/2/webhooks", APP_AUTH, { url: receiver.url });
    expect(registered.body.data).toEqual({
      id: expect.stringMatching(/^\d+$/),
      url: receiver.url,
      valid: true,
      created_at: "2025-03-05T16:00:00.000Z",
    });
    expect(receiver.crcChecks).toBe(1);
    const revalidated = await h.call("PUT", `/2/webhooks/${registered.body.data.id}`, APP_AUTH);
    expect(revalidated.body).toEqual({ data: { valid: true } });
    const listed = await h.call("GET", "/2/webhooks", APP_AUTH);
    expect(listed.body.meta).toEqual({ result_count: 1 });

    const impostor = await startReceiver("not_the_secret");
    await h.call("DELETE", `/2/webhooks/${registered.body.data.id}`, APP_AUTH);
    const refused = await h.call("POST", "/2/webhooks", APP_AUTH, { url: impostor.url });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].message).toBe("CrcValidationFailed");
    await impostor.close();
  });

  it("delivers a signed tweet_create_events payload and retries after a 500", async () => {
    await registerAndSubscribe();
    receiver.answers.push(500);
    const post = h.x.control.postTweet({
      author_username: "dana_r",
      text: "@acme my router keeps dropping wifi",
    });
    await h.x.control.idle();
    expect(receiver.deliveries).toHaveLength(2);
    const [failed, retried] = receiver.deliveries;
    expect(retried?.body).toBe(failed?.body);
    expect(receiver.deliveries.every((d) => d.verified)).toBe(true);
    const payload = JSON.parse(retried?.body ?? "{}");
    expect(payload).toMatchObject({ for_user_id: "9911223344", user_has_blocked: "false" });
    const event = payload.tweet_create_events[0];
    expect(event).toMatchObject({
      id_str: post.id,
      created_at: "Wed Mar 05 16:00:00 +0000 2025",
      text: "@acme my router keeps dropping wifi",
      truncated: false,
      in_reply_to_status_id_str: null,
      user: { id_str: post.author_id, screen_name: "dana_r", followers_count: 1840 },
      timestamp_ms: "1741190400000",
    });
    expect(event.entities.user_mentions[0]).toMatchObject({
      screen_name: "acme",
      id_str: "9911223344",
      indices: [0, 5],
    });
    const log = h.x.control.deliveries();
    expect(log.map((a) => [a.attempt, a.status, a.ok])).toEqual([
      [1, 500, false],
      [2, 200, true],
    ]);
  });

  it("delivers DMs with for_user_id and the users map, and echoes the brand's own sends", async () => {
    await registerAndSubscribe();
    const dm = h.x.control.sendDm({ sender_username: "dana_r", text: "Hi, my order #A-1182 never arrived" });
    await h.call("POST", `/2/dm_conversations/with/${dm.sender_id}/messages`, USER_AUTH, {
      text: "Checking now.",
    });
    await h.x.control.idle();
    const [inbound, echo] = receiver.deliveries.map((d) => JSON.parse(d.body));
    expect(inbound).toMatchObject({
      for_user_id: "9911223344",
      direct_message_events: [
        {
          type: "message_create",
          id: dm.id,
          created_timestamp: "1741190400000",
          message_create: {
            target: { recipient_id: "9911223344" },
            sender_id: dm.sender_id,
            message_data: { text: "Hi, my order #A-1182 never arrived" },
          },
        },
      ],
    });
    expect(Object.keys(inbound.users).sort()).toEqual([dm.sender_id, "9911223344"].sort());
    expect(echo.direct_message_events[0].message_create).toMatchObject({
      sender_id: "9911223344",
      source_app_id: "24680135",
    });
    expect(echo.apps["24680135"].name).toBe("Parley");
  });

  it("sends nothing to an unsubscribed webhook or for other users' unrelated posts", async () => {
    const registered = await h.call("POST", "/2/webhooks", APP_AUTH, { url: receiver.url });
    h.x.control.postTweet({ author_username: "dana_r", text: "@acme hello" });
    await h.x.control.idle();
    expect(receiver.deliveries).toHaveLength(0);
    await h.call(
      "POST",
      `/2/account_activity/webhooks/${registered.body.data.id}/subscriptions/all`,
      USER_AUTH,
      {},
    );
    h.x.control.postTweet({ author_username: "dana_r", text: "talking to myself" });
    await h.x.control.idle();
    expect(receiver.deliveries).toHaveLength(0);
  });
});
