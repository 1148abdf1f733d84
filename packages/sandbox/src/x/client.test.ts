import { Agent } from "node:http";
import {
  ETwitterStreamEvent,
  type TweetV2SingleStreamResult,
  TwitterApi,
  type TwitterApiPluginResponseOverride,
  type TwitterApiTokens,
} from "twitter-api-v2";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { X_DEFAULTS } from "./config";
import { type StandaloneXEmulator, startXEmulator } from "./plugin";
import { BRAND_ACCESS } from "./testing";

/**
 * The published twitter-api-v2 client, unchanged except for its settings (an http Agent, since it
 * always calls https.request, and the v2 API prefix), against the emulator over real HTTP: search
 * with pagination, a reply, a DM (OAuth 2.0 user and OAuth 1.0a, signatures verified), the stream.
 */
let server: StandaloneXEmulator;
let dana: string;
let mention: string;

type Token = string | TwitterApiTokens;
/** X wraps the send-DM result in `data` (reference §1.9); the client's type forgets the wrapper. */
type SentDm = { data: { dm_conversation_id: string; dm_event_id: string } };

/** A client for the emulator: plain-HTTP agent plus the v2 prefix (what the connector will configure). */
function emulatorClient(token: Token, prefix: string, plugins: unknown[] = []) {
  const settings = { httpAgent: new Agent({ keepAlive: false }), plugins: plugins as never };
  const client =
    typeof token === "string" ? new TwitterApi(token, settings) : new TwitterApi(token, settings);
  const v2 = client.v2;
  // setPrefix is how the library itself switches hosts (it is typed protected, hence the cast).
  (v2 as unknown as { setPrefix(prefix: string): void }).setPrefix(prefix);
  return v2;
}

beforeEach(async () => {
  server = await startXEmulator({ stream: { keepAliveMs: 50 } });
  const { control } = server.emulator;
  dana = control.createUser({ username: "dana_r", name: "Dana R.", followers_count: 1840 }).id as string;
  for (let i = 0; i < 12; i++)
    control.postTweet({ author_id: dana, text: `@acme still no signal, day ${i}` });
  mention = control.postTweet({ author_id: dana, text: "@acme my router keeps dropping wifi #fail" })
    .id as string;
});
afterEach(() => server.close());

describe("twitter-api-v2 against the emulator", () => {
  it("searches and paginates with an app-only bearer token", async () => {
    const v2 = emulatorClient(X_DEFAULTS.bearerToken, `${server.url}/2/`);
    const page = await v2.search("@acme -is:retweet", {
      "tweet.fields": ["created_at", "author_id", "conversation_id", "entities"],
      expansions: ["author_id"],
      "user.fields": ["public_metrics"],
      max_results: 10,
    });
    expect(page.meta.result_count).toBe(10);
    expect(page.tweets[0]?.id).toBe(mention);
    expect(page.tweets[0]?.entities?.hashtags?.[0]?.tag).toBe("fail");
    expect(page.includes.author(page.tweets[0] as never)?.username).toBe("dana_r");
    expect(page.rateLimit.limit).toBe(450);
    const next = await page.next();
    expect(next.tweets).toHaveLength(3);
    expect(next.done).toBe(true);
  });

  it("replies and sends a DM with an OAuth 2.0 user token", async () => {
    const v2 = emulatorClient(X_DEFAULTS.userBearer, `${server.url}/2/`);
    const me = await v2.me();
    expect(me.data.username).toBe("acme");
    const reply = await v2.reply("Sorry about that, Dana. We've sent you a DM.", mention);
    expect(reply.data.text).toBe("@dana_r Sorry about that, Dana. We've sent you a DM.");
    const dm = (await v2.sendDmToParticipant(dana, {
      text: "Thanks Dana, checking now.",
    })) as unknown as SentDm;
    expect(dm.data.dm_conversation_id).toBe(`9911223344-${dana}`);
    const events = await v2.listDmEvents({ "dm_event.fields": ["sender_id", "created_at"] });
    expect(events.events[0]).toMatchObject({
      event_type: "MessageCreate",
      text: "Thanks Dana, checking now.",
      sender_id: "9911223344",
    });
    const stored = server.emulator.control.brandTweets();
    expect(stored.at(-1)).toMatchObject({ conversation_id: mention, in_reply_to_user_id: dana });
  });

  it("signs with OAuth 1.0a and the emulator verifies the signature", async () => {
    const v2 = emulatorClient(BRAND_ACCESS, `${server.url}/2/`);
    const mentions = await v2.userMentionTimeline("9911223344", {
      max_results: 5,
      "tweet.fields": ["created_at"],
    });
    expect(mentions.tweets[0]?.id).toBe(mention);
    const reply = await v2.reply("Looking into it now!", mention);
    expect(reply.data.id).toMatch(/^\d+$/);
    await v2.sendDmToParticipant(dana, { text: "Could you share your account number?" });
    const forged = emulatorClient({ ...BRAND_ACCESS, accessSecret: "wrong" }, `${server.url}/2/`);
    await expect(forged.me()).rejects.toMatchObject({ code: 401 });
  });

  it("surfaces X's errors as ApiResponseError with the parsed body", async () => {
    const v2 = emulatorClient(X_DEFAULTS.userBearer, `${server.url}/2/`);
    await v2.tweet("Once only");
    await expect(v2.tweet("Once only")).rejects.toMatchObject({
      code: 403,
      data: { detail: "You are not allowed to create a Tweet with duplicate content.", status: 403 },
    });
  });

  it("consumes the filtered stream", async () => {
    const v2 = emulatorClient(X_DEFAULTS.bearerToken, `${server.url}/2/`);
    await v2.updateStreamRules({ add: [{ value: "@acme router", tag: "router" }] });
    const stream = await v2.searchStream({ "tweet.fields": ["author_id"], autoConnect: true });
    stream.autoReconnect = false;
    const received = new Promise<TweetV2SingleStreamResult>((resolve) =>
      stream.on(ETwitterStreamEvent.Data, resolve),
    );
    const keepAlive = new Promise<void>((resolve) =>
      stream.on(ETwitterStreamEvent.DataKeepAlive, () => resolve()),
    );
    await keepAlive;
    const post = server.emulator.control.postTweet({
      author_id: dana,
      text: "@acme the router is dead again",
    });
    const event = await received;
    expect(event.data).toMatchObject({ id: post.id, author_id: dana });
    expect(event.matching_rules[0]?.tag).toBe("router");
    stream.close();
  });
});

describe("twitter-api-v2 against the emulator mounted under /sandbox/x", () => {
  it("works once told to send JSON bodies (it infers the body type from a path starting with /2/)", async () => {
    await server.close();
    server = await startXEmulator({ prefix: "/sandbox/x" });
    const danaId = server.emulator.control.createUser({ username: "dana_r" }).id as string;
    const root = server.emulator.control.postTweet({ author_id: danaId, text: "@acme help" });
    const jsonBodies = {
      onBeforeRequestConfig: ({ params }: { params: { forceBodyMode?: string } }) => {
        params.forceBodyMode ??= "json";
        return undefined as TwitterApiPluginResponseOverride | undefined;
      },
    };
    const v2 = emulatorClient(BRAND_ACCESS, `${server.url}/2/`, [jsonBodies]);
    const reply = await v2.reply("On it.", root.id as string);
    expect(reply.data.text).toBe("@dana_r On it.");
    const dm = (await v2.sendDmToParticipant(danaId, { text: "Hello from the desk" })) as unknown as SentDm;
    expect(dm.data.dm_event_id).toMatch(/^\d+$/);
  });
});
