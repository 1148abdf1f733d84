import { eq, inArray, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type BackgroundWork, startBackgroundWork } from "../outbox/workers";
import { conversations, inboundEvents, messages } from "../platform/db/schema";
import { createWorkspaceFixture, type WorkspaceFixture } from "../testing/fixtures";
import { authHeaders, createTestApp, type TestApp } from "../testing/harness";
import { connectXChannel, type XChannelFixture } from "../testing/x-channel";
import { inboundState } from "./inbound";

let t: TestApp;
let w: WorkspaceFixture;
let worker: BackgroundWork;
let url: string;
let x: XChannelFixture;
const SECRET = "emulator_consumer_secret";
const log = { error: () => {}, warn: () => {} };

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "hook");
  x = await connectXChannel(t.app, w.sessions.admin, { secret: SECRET });
  url = x.webhookPath;
  worker = await startBackgroundWork(t.deps, log, { autostart: false });
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

const mention = (id: string, text: string, replyTo: string | null = null) =>
  JSON.stringify({
    for_user_id: "9911223344",
    tweet_create_events: [
      {
        created_at: "Wed Mar 05 16:02:11 +0000 2025",
        id_str: id,
        text,
        in_reply_to_status_id_str: replyTo,
        user: {
          id_str: "3304917752",
          name: "Dana R.",
          screen_name: "dana_r",
          followers_count: 1840,
          verified: false,
        },
        lang: "en",
      },
    ],
  });
const sign = (body: string, secret = SECRET) => x.sign(body, secret);
const deliver = (body: string, signature = sign(body)) => x.deliver(body, signature);
const count = async (table: typeof inboundEvents | typeof messages) =>
  (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n;

it("answers X's CRC check with the channel's secret", async () => {
  const res = await t.app.inject({ method: "GET", url: `${url}?crc_token=crc-challenge-123` });
  expect(res.json()).toEqual({ response_token: "sha256=nm8N7Y8hMo5zl3z/o/hjlk0eKGxmgt6oq4Wc5VSig1o=" });
});

it("refuses unsigned or wrongly signed deliveries and stores nothing", async () => {
  const body = mention("1897312200119876608", "@acme_help my router keeps dropping wifi");
  expect(
    (await t.app.inject({ method: "POST", url, body, headers: { "content-type": "application/json" } }))
      .statusCode,
  ).toBe(401);
  expect((await deliver(body, sign(body, "wrong"))).statusCode).toBe(401);
  expect((await deliver(`${body} `, sign(body))).statusCode).toBe(401);
  expect(await count(inboundEvents)).toBe(0);
  expect(
    (
      await t.app.inject({
        method: "POST",
        url: url.replace(/[0-9a-f]{4}$/, "0000"),
        body,
        headers: { "content-type": "application/json" },
      })
    ).statusCode,
  ).toBe(404);
});

it("stores a signed delivery, then files it in a new conversation; a replay changes nothing", async () => {
  const body = mention("1897312200119876608", "@acme_help my router keeps dropping wifi");
  expect((await deliver(body)).statusCode).toBe(200);
  expect((await deliver(body)).statusCode).toBe(200);
  expect(await count(inboundEvents)).toBe(1);
  await worker.tick();
  const [conv] = await t.database.db
    .select()
    .from(conversations)
    .where(isNotNull(conversations.channelAccountId));
  expect(conv).toMatchObject({
    status: "new",
    subject: "@acme_help my router keeps dropping wifi",
    hasPublic: true,
    messageCount: 1,
  });
  const one = await t.app.inject({
    method: "GET",
    url: `/api/v1/conversations/${conv?.id}`,
    headers: authHeaders(w.sessions.agent),
  });
  expect(one.json().contact).toMatchObject({ display_name: "Dana R.", handle: "dana_r" });
});

it("threads the customer's reply into the same conversation and dedupes the same post from another feed", async () => {
  await deliver(mention("1897312200119876999", "@acme_help still down", "1897312200119876608"));
  // The same post arriving again through another path (e.g. the stream) in a different body.
  await deliver(
    JSON.stringify({
      data: {
        id: "1897312200119876999",
        text: "@acme_help still down",
        author_id: "3304917752",
        created_at: "2025-03-05T16:05:00.000Z",
      },
    }),
  );
  await worker.tick();
  expect(await count(messages)).toBe(2 + 1); // + the fixture's own conversation message
  const convs = await t.database.db.select().from(conversations).where(eq(conversations.channel, "x"));
  const mine = convs.find((c) => c.subject.includes("router"));
  expect(mine?.messageCount).toBe(2);
});

it("dead-letters an event it cannot read, without blocking the next one", async () => {
  await deliver(JSON.stringify({ tweet_create_events: "not-a-list", data: 42 }));
  await deliver(mention("1897312200119877000", "@acme_help hello?"));
  await worker.tick();
  const statuses = (await t.database.db.select({ s: inboundState }).from(inboundEvents))
    .map((r) => r.s)
    .sort();
  expect(statuses.filter((s) => s === "processed").length).toBeGreaterThanOrEqual(3);
  expect(await count(messages)).toBe(4);
});

it("classifies what arrives: spam goes to the spam folder, a complaint is marked negative", async () => {
  const spamId = "1897312200119877101";
  const complaintId = "1897312200119877102";
  // From a bot account (a spam message inside a real customer's open case stays in that case).
  const bot = JSON.parse(
    mention(spamId, "WIN a FREE iPhone 16!!! Click here http://free-prizes.example to claim your reward now"),
  );
  bot.tweet_create_events[0].user = {
    id_str: "555000111",
    name: "Prize Bot",
    screen_name: "prizes4u",
    followers_count: 3,
  };
  await deliver(JSON.stringify(bot));
  await deliver(
    mention(complaintId, "@acme_help my internet has been down for 3 days, this is unacceptable"),
  );
  await worker.tick();
  const rows = await t.database.db
    .select({
      externalId: messages.externalId,
      isSpam: messages.isSpam,
      sentiment: messages.sentiment,
      complaint: messages.isComplaint,
      status: conversations.status,
      convSentiment: conversations.sentiment,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(inArray(messages.externalId, [spamId, complaintId]));
  const spam = rows.find((r) => r.externalId === spamId);
  const complaint = rows.find((r) => r.externalId === complaintId);
  expect(spam).toMatchObject({ isSpam: true, status: "spam" });
  expect(complaint).toMatchObject({
    isSpam: false,
    sentiment: "negative",
    complaint: true,
    convSentiment: "negative",
  });
  expect(complaint?.status).not.toBe("spam");
  const inbox = await t.app.inject({
    method: "GET",
    url: "/api/v1/conversations?limit=200",
    headers: authHeaders(w.sessions.agent),
  });
  expect(inbox.body).not.toContain("free-prizes");
});
