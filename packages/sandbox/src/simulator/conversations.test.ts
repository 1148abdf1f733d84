import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { USER_AUTH } from "../x/testing";
import { createSimHarness, type SimHarness } from "./testing";
import type { Network, SimEvent } from "./types";

/**
 * The simulated customers react to what the brand does. The brand acts here exactly as Parley
 * would: through each network's API (X v2, Graph, WhatsApp Cloud API) over `app.inject`.
 */
const PAGE_TOKEN = "EAAemulatorPageToken";
const IG_TOKEN = "IGAAemulatorUserToken";
const WA_TOKEN = "EAAGemulatorWhatsAppToken";
const WA_PHONE_ID = "110000000000002";

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function mount(h: SimHarness): Promise<FastifyInstance> {
  app = Fastify();
  await app.register(h.x.plugin, { prefix: "/sandbox/x" });
  await app.register(h.meta.plugin, { prefix: "/sandbox/meta" });
  await app.register(h.whatsapp.plugin, { prefix: "/sandbox/whatsapp" });
  await app.ready();
  return app;
}

async function post(url: string, payload: unknown, headers: Record<string, string> = {}) {
  const response = await (app as FastifyInstance).inject({
    method: "POST",
    url,
    payload: payload as object,
    headers,
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
}

const brand = {
  tweetReply: (tweetId: string, text: string) =>
    post("/sandbox/x/2/tweets", { text, reply: { in_reply_to_tweet_id: tweetId } }, USER_AUTH),
  commentReply: (commentId: string, message: string) =>
    post(`/sandbox/meta/v24.0/${commentId}/comments?access_token=${PAGE_TOKEN}`, { message }),
  instagramReply: (commentId: string, message: string) =>
    post(`/sandbox/meta/v24.0/${commentId}/replies?access_token=${IG_TOKEN}`, { message }),
  whatsapp: (to: string, body: string) =>
    post(
      `/sandbox/whatsapp/v24.0/${WA_PHONE_ID}/messages`,
      { messaging_product: "whatsapp", to, type: "text", text: { body } },
      { authorization: `Bearer ${WA_TOKEN}` },
    ),
};

/** Public first-tier messages (complaints, outages, questions) on one network. */
function needsHelp(events: SimEvent[], network: Network, channel = "public"): SimEvent[] {
  return events.filter(
    (e) =>
      e.kind === "arrival" &&
      e.network === network &&
      e.channel === channel &&
      (e.intent === "complaint" || e.intent === "outage" || e.intent === "question"),
  );
}

const followUpsOf = (events: SimEvent[], customers: SimEvent[], kind?: string) =>
  events.filter(
    (e) =>
      e.kind === "follow_up" &&
      customers.some((c) => c.customerId === e.customerId && c.network === e.network) &&
      (kind === undefined || e.followUp === kind),
  );

describe("conversations: customers react to the brand", () => {
  it('X: after a public "please DM us", the customer DMs their details within the next ticks', async () => {
    const h = createSimHarness({ seed: 11, ratePerMinute: 30 });
    await mount(h);
    const mentions = needsHelp(h.run(600), "x").filter((e) => e.text?.startsWith("@acme"));
    const asked = mentions.slice(0, 8);
    expect(asked).toHaveLength(8);
    for (const mention of asked) {
      await brand.tweetReply(
        mention.ref as string,
        "So sorry about this! Please DM us your account number and we'll look into it.",
      );
    }
    const repliedAt = h.sim.stats().steps;
    const later = h.run(300);
    const dms = followUpsOf(later, asked, "details");
    expect(dms.length).toBeGreaterThanOrEqual(6);
    for (const dm of dms) {
      expect(dm).toMatchObject({ network: "x", channel: "private" });
      expect(dm.step - repliedAt).toBeLessThanOrEqual(200);
      // The DM is on X, from that customer to the brand, with details (account, order, postcode...).
      const user = h.x.network.store.userByUsername((dm.customer as string).slice(1));
      const sent = h.x.network.store.dmsNewestFirst((e) => e.senderId === user?.id);
      expect(sent[0]?.text).toBe(dm.text);
      expect(sent[0]?.recipientId).toBe(h.x.network.config.brand.id);
      expect(dm.text).toMatch(/\d{3}/);
    }
  });

  it("X: a public fix earns a public thank-you under the brand's reply, sometimes", async () => {
    const h = createSimHarness({ seed: 5, ratePerMinute: 30 });
    await mount(h);
    const asked = needsHelp(h.run(900), "x")
      .filter((e) => e.text?.startsWith("@acme"))
      .slice(0, 10);
    expect(asked).toHaveLength(10);
    const brandReplies = new Map<string, string>();
    for (const mention of asked) {
      const reply = await brand.tweetReply(
        mention.ref as string,
        "Good news: the fault is fixed, it should be working again now.",
      );
      brandReplies.set(mention.customerId as string, reply.data.id);
    }
    const later = h.run(1000);
    const thanks = followUpsOf(later, asked, "thanks");
    expect(thanks.length).toBeGreaterThanOrEqual(2);
    expect(thanks.length).toBeLessThan(10);
    for (const t of thanks) {
      expect(t.channel).toBe("public");
      const tweet = h.x.network.store.tweet(t.ref as string);
      expect(tweet?.referencedTweets).toContainEqual({
        type: "replied_to",
        id: brandReplies.get(t.customerId as string),
      });
      expect(tweet?.text.startsWith("@acme ")).toBe(true);
    }
  });

  it("Facebook: a comment answered with a request to message privately moves to Messenger", async () => {
    const h = createSimHarness({ seed: 21, ratePerMinute: 30 });
    await mount(h);
    const asked = needsHelp(h.run(900), "facebook").slice(0, 8);
    expect(asked).toHaveLength(8);
    for (const comment of asked) {
      // Visitor posts get a comment on the post, other comments a reply in their thread.
      await brand.commentReply(
        comment.ref as string,
        "Hi! Please send us a private message with your account number.",
      );
    }
    const later = h.run(300);
    const messages = followUpsOf(later, asked, "details");
    expect(messages.length).toBeGreaterThanOrEqual(6);
    for (const m of messages) {
      expect(m).toMatchObject({ network: "facebook", channel: "private" });
      const stored = h.meta.store.messages.find((x) => x.mid === m.ref);
      expect(stored).toMatchObject({ platform: "messenger", direction: "inbound", text: m.text });
    }
  });

  it("Instagram: a reply asking for a DM gets an Instagram DM", async () => {
    const h = createSimHarness({ seed: 8, ratePerMinute: 40, networks: { x: 0, facebook: 0, whatsapp: 0 } });
    await mount(h);
    const asked = needsHelp(h.run(600), "instagram").slice(0, 8);
    expect(asked).toHaveLength(8);
    for (const comment of asked)
      await brand.instagramReply(comment.ref as string, "Send us a DM and we'll sort it 🙏");
    const messages = followUpsOf(h.run(300), asked, "details");
    expect(messages.length).toBeGreaterThanOrEqual(6);
    for (const m of messages) {
      const stored = h.meta.store.messages.find((x) => x.mid === m.ref);
      expect(stored).toMatchObject({ platform: "instagram", direction: "inbound" });
    }
  });

  it("WhatsApp: customers write privately; a fix gets thanks sometimes, and some stay unhappy", async () => {
    const h = createSimHarness({ seed: 2, ratePerMinute: 30, networks: { x: 0, facebook: 0, instagram: 0 } });
    await mount(h);
    const asked = needsHelp(h.run(900), "whatsapp", "private").slice(0, 12);
    expect(asked).toHaveLength(12);
    for (const message of asked) {
      const from = h.whatsapp.store.inbound.find((m) => m.id === message.ref)?.from as string;
      await brand.whatsapp(
        from,
        "We've fixed the fault on your line and refunded this month's charge. Anything else?",
      );
    }
    const later = h.run(1000);
    const thanks = followUpsOf(later, asked, "thanks");
    const unhappy = followUpsOf(later, asked, "unhappy");
    expect(thanks.length).toBeGreaterThanOrEqual(3);
    expect(thanks.length).toBeLessThan(12);
    expect(thanks.length + unhappy.length).toBeLessThanOrEqual(12);
    expect(thanks.every((t) => t.network === "whatsapp" && t.channel === "private")).toBe(true);
    expect(
      h.whatsapp.store.inbound.some((m) => (m.content as { body?: string }).body === thanks[0]?.text),
    ).toBe(true);
  });

  it("customers nobody answers come back to chase; answered ones do not", async () => {
    const h = createSimHarness({ seed: 4, ratePerMinute: 20 });
    const events = h.run(3900);
    const chases = events.filter((e) => e.followUp === "chase");
    expect(chases.length).toBeGreaterThan(5);
    expect(chases.every((c) => ["question", "complaint", "outage"].includes(c.intent as string))).toBe(true);
    expect(h.sim.stats().brandRepliesSeen).toBe(0);
  });
});
