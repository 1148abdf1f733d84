import type { AddressInfo } from "node:net";
import { startXEmulator, X_DEFAULTS } from "@parley/sandbox";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChannelRow, credentialsOf } from "../modules/channels/channels.repo";
import { outboundRequestFor } from "../outbox/outbound-request";
import { startBackgroundWork } from "../outbox/workers";
import { fixedClock } from "../platform/clock";
import { conversations, messages } from "../platform/db/schema";
import type { JobWorker } from "../platform/jobs/worker";
import { createWorkspaceFixture, type WorkspaceFixture } from "../testing/fixtures";
import { authHeaders, createTestApp, type TestApp } from "../testing/harness";
import { createNetworkClient } from "./http";
import { connectorFor } from "./registry";

/*
 * The contract every connector meets against its network's emulator, over real HTTP on loopback:
 * a customer's public post and private message arrive through the network's own delivery
 * mechanism and become one conversation; public and private replies reach the network as the
 * right calls and come back as `sent` with the network's id; a 429 waits for the reset and sends
 * once; a crash between the network's answer and recording it does not post twice.
 */

const clock = fixedClock(new Date("2026-03-02T15:00:00Z"));
const log = { error: () => {}, warn: () => {} };

interface Pair {
  network: "x";
  start(): Promise<{ url: string; close(): Promise<void> }>;
  channel(baseUrl: string): object;
  subscribe(webhookUrl: string): Promise<void>;
  customerPosts(text: string): Promise<string>;
  customerMessages(text: string): Promise<void>;
  idle(): Promise<void>;
  brandPublic(): Promise<{ id: string; text: string; replyTo: string | null }[]>;
  brandPrivate(): Promise<{ id: string; text: string }[]>;
  failNext(status: number): void;
}

function xPair(): Pair {
  let emulator: Awaited<ReturnType<typeof startXEmulator>>;
  return {
    network: "x",
    async start() {
      emulator = await startXEmulator({ clock, seed: 7, policy: { replyRestriction: true } });
      return { url: emulator.url, close: () => emulator.close() };
    },
    channel: (baseUrl) => ({
      network: "x",
      name: "@acme",
      handle: X_DEFAULTS.brand.username,
      external_account_id: X_DEFAULTS.brand.id,
      base_url: baseUrl,
      credentials: {
        api_key: X_DEFAULTS.consumerKey,
        api_secret: X_DEFAULTS.consumerSecret,
        bearer_token: X_DEFAULTS.bearerToken,
        access_token: X_DEFAULTS.userBearer,
      },
    }),
    subscribe: async (url) => {
      await emulator.emulator.control.registerWebhook(url);
    },
    customerPosts: async (text) => {
      const post = emulator.emulator.control.postTweet({
        author_username: "dana_r",
        text: `@acme ${text}`,
      }) as { id?: string; data?: { id: string } };
      return post.id ?? post.data?.id ?? "";
    },
    customerMessages: async (text) => {
      emulator.emulator.control.sendDm({ sender_username: "dana_r", text });
    },
    idle: () => emulator.emulator.control.idle(),
    brandPublic: async () =>
      (
        emulator.emulator.control.brandTweets() as {
          id: string;
          text: string;
          referenced_tweets?: { id: string }[];
        }[]
      ).map((t) => ({
        id: t.id,
        text: t.text,
        replyTo: t.referenced_tweets?.[0]?.id ?? null,
      })),
    brandPrivate: async () => emulator.emulator.control.brandDms() as { id: string; text: string }[],
    failNext: (status) => emulator.emulator.control.injectFailure({ endpoint: "*", status, count: 1 }),
  };
}

describe.each([xPair()])("$network connector against its emulator", (pair) => {
  let t: TestApp;
  let w: WorkspaceFixture;
  let worker: JobWorker;
  let network: { url: string; close(): Promise<void> };
  let channelId: string;
  let conversationId: string;

  const drain = async () => {
    await pair.idle();
    while ((await worker.tick()) > 0) {}
  };
  const messagesOf = async (id: string) =>
    (
      await t.app.inject({
        method: "GET",
        url: `/api/v1/conversations/${id}/messages`,
        headers: authHeaders(w.sessions.agent),
      })
    ).json().items;
  const reply = (text: string, visibility: "public" | "private") =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/conversations/${conversationId}/replies`,
      payload: { text, visibility },
      headers: authHeaders(w.sessions.agent),
    });

  beforeAll(async () => {
    network = await pair.start();
    t = await createTestApp({ clock });
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const port = (t.app.server.address() as AddressInfo).port;
    w = await createWorkspaceFixture(t.app, t.database.db, `contract-${pair.network}`);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/channels",
      payload: pair.channel(network.url),
      headers: authHeaders(w.sessions.admin),
    });
    expect(res.statusCode).toBe(201);
    channelId = res.json().id;
    await pair.subscribe(`http://127.0.0.1:${port}${res.json().webhook_path}`);
    worker = startBackgroundWork(t.deps, log, {
      autostart: false,
      http: createNetworkClient({ timeoutMs: 3000 }),
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
    await network?.close();
  });

  it("files a customer's public post and private message in one conversation", async () => {
    await pair.customerPosts("my internet is down since this morning");
    await drain();
    const [conv] = await t.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.channelAccountId, channelId));
    expect(conv).toMatchObject({ status: "new", hasPublic: true });
    conversationId = conv?.id ?? "";
    await pair.customerMessages("here is my account number, as asked");
    await drain();
    const items = await messagesOf(conversationId);
    expect(items.map((m: { visibility: string }) => m.visibility)).toEqual(["public", "private"]);
  });

  it("posts a public reply as the network's reply call and records its id", async () => {
    const res = await reply("Sorry to hear that! We're looking into it now.", "public");
    expect(res.statusCode).toBe(202);
    expect(res.json().delivery_status).toBe("queued");
    await drain();
    const sent = (await messagesOf(conversationId)).find((m: { id: string }) => m.id === res.json().id);
    expect(sent).toMatchObject({ delivery_status: "sent", direction: "outbound", visibility: "public" });
    const onNetwork = await pair.brandPublic();
    expect(onNetwork).toHaveLength(1);
    expect(onNetwork[0]?.id).toBe(sent.external_id);
    const firstCustomerPost = (await messagesOf(conversationId))[0];
    expect(onNetwork[0]?.replyTo).toBe(firstCustomerPost.external_id);
    const fetched = await fetch(`${network.url}/2/tweets/${sent.external_id}`, {
      headers: { authorization: `Bearer ${X_DEFAULTS.bearerToken}` },
    });
    expect(((await fetched.json()) as { data: { text: string } }).data.text).toContain(
      "We're looking into it now.",
    );
  });

  it("sends a private reply as a direct message", async () => {
    const res = await reply("Thanks, checking your account now.", "private");
    await drain();
    const sent = (await messagesOf(conversationId)).find((m: { id: string }) => m.id === res.json().id);
    expect(sent).toMatchObject({ delivery_status: "sent", visibility: "private" });
    expect((await pair.brandPrivate()).map((d) => d.id)).toContain(sent.external_id);
  });

  it("refuses what the network forbids before sending, naming the rule", async () => {
    const res = await reply("x".repeat(300), "public");
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe("body.text");
  });

  it("waits for the rate-limit reset after a 429, then sends exactly once", async () => {
    const before = (await pair.brandPublic()).length;
    pair.failNext(429);
    const res = await reply("We've found the fault and an engineer is on the way.", "public");
    await drain();
    expect(
      (await messagesOf(conversationId)).find((m: { id: string }) => m.id === res.json().id).delivery_status,
    ).toBe("queued");
    expect((await pair.brandPublic()).length).toBe(before);
    clock.advance(16 * 60_000);
    await drain();
    expect(
      (await messagesOf(conversationId)).find((m: { id: string }) => m.id === res.json().id).delivery_status,
    ).toBe("sent");
    expect((await pair.brandPublic()).length).toBe(before + 1);
  });

  it("does not post twice when Parley dies between the network's answer and recording it", async () => {
    const res = await reply("Your line is fixed; thanks for your patience!", "public");
    const id = res.json().id as string;
    // Simulate the crash: the network accepted the post, Parley never recorded it.
    const [row] = await t.database.db.select().from(messages).where(eq(messages.id, id));
    const [channel] = await t.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    const connector = connectorFor(pair.network);
    const channelRow = (await t.database.db.query.channelAccounts.findFirst({
      where: (c, { eq: e }) => e(c.id, channel?.channelAccountId ?? ""),
    })) as ChannelRow;
    const request = await outboundRequestFor(t.database.db, row as NonNullable<typeof row>);
    await connector?.send(
      {
        channel: channelRow,
        credentials: credentialsOf(channelRow, t.deps.secrets),
        http: createNetworkClient(),
        now: clock.now(),
      },
      request as NonNullable<typeof request>,
    );
    await t.database.db.update(messages).set({ deliveryStatus: "sending" }).where(eq(messages.id, id));
    const before = (await pair.brandPublic()).length;
    await drain();
    const after = await pair.brandPublic();
    expect(after.length).toBe(before);
    const stored = (await messagesOf(conversationId)).find((m: { id: string }) => m.id === id);
    expect(stored.delivery_status).toBe("sent");
    expect(after.map((p) => p.id)).toContain(stored.external_id);
  });
});
