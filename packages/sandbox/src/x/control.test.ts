import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APP_AUTH, createXHarness, USER_AUTH, type XHarness } from "./testing";

let h: XHarness;
beforeEach(async () => {
  h = await createXHarness();
});
afterEach(() => h.app.close());

describe("control API over HTTP", () => {
  it("acts as customers and reads back what the brand did", async () => {
    const user = await h.call(
      "POST",
      "/_control/users",
      {},
      {
        username: "dana_r",
        name: "Dana R.",
        followers_count: 1840,
        verified: true,
      },
    );
    expect(user.status).toBe(201);
    expect(user.body.data).toMatchObject({
      username: "dana_r",
      verified: true,
      public_metrics: { followers_count: 1840 },
    });
    const taken = await h.call("POST", "/_control/users", {}, { username: "dana_r" });
    expect(taken.status).toBe(400);

    const mention = await h.call(
      "POST",
      "/_control/tweets",
      {},
      { author_username: "dana_r", text: "@acme no signal since 9am" },
    );
    expect(mention.status).toBe(201);
    h.clock.advance(60_000);
    const since = h.clock.now().toISOString();
    const answer = await h.call("POST", "/2/tweets", USER_AUTH, {
      text: "Sorry! Checking.",
      reply: { in_reply_to_tweet_id: mention.body.data.id },
    });
    const reply = await h.call(
      "POST",
      "/_control/tweets",
      {},
      {
        author_id: user.body.data.id,
        text: "thanks",
        in_reply_to_tweet_id: answer.body.data.id,
      },
    );
    expect(reply.body.data).toMatchObject({
      text: "@acme thanks",
      conversation_id: mention.body.data.id,
      in_reply_to_user_id: "9911223344",
      referenced_tweets: [{ type: "replied_to", id: answer.body.data.id }],
    });
    const dm = await h.call(
      "POST",
      "/_control/dms",
      {},
      { sender_username: "dana_r", text: "my account is 1234" },
    );
    expect(dm.body.data).toMatchObject({ event_type: "MessageCreate", sender_id: user.body.data.id });
    await h.call("POST", `/2/dm_conversations/with/${user.body.data.id}/messages`, USER_AUTH, {
      text: "Got it.",
    });

    const brandTweets = await h.call("GET", `/_control/brand/tweets?since=${encodeURIComponent(since)}`);
    expect(brandTweets.body.data.map((t: { text: string }) => t.text)).toEqual(["@dana_r Sorry! Checking."]);
    const brandDms = await h.call("GET", "/_control/brand/dms");
    expect(brandDms.body.data.map((e: { text: string }) => e.text)).toEqual(["Got it."]);

    const tooLong = await h.call(
      "POST",
      "/_control/tweets",
      {},
      { author_username: "dana_r", text: "x".repeat(281) },
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.type).toBe("https://api.twitter.com/2/problems/invalid-request");
    const invalid = await h.call("POST", "/_control/tweets", {}, { text: "" });
    expect(invalid.status).toBe(400);
  });

  it("changes policy, reports state and resets", async () => {
    const policy = await h.call("PATCH", "/_control/policy", {}, { replyRestriction: false });
    expect(policy.body.data.replyRestriction).toBe(false);
    await h.call("POST", "/_control/tweets", {}, { author_username: "someone", text: "hello world" });
    await h.call("POST", "/2/tweets/search/stream/rules", APP_AUTH, { add: [{ value: "hello" }] });
    const state = await h.call("GET", "/_control/state");
    expect(state.body.counts).toMatchObject({ users: 2, tweets: 1, rules: 1, streams: 0 });
    await h.call("POST", "/_control/reset");
    const after = await h.call("GET", "/_control/state");
    expect(after.body.counts).toMatchObject({ users: 1, tweets: 0, rules: 0 });
    expect(after.body.policy.replyRestriction).toBe(true);
    expect(after.body.brand).toMatchObject({ id: "9911223344", username: "acme", name: "Acme Telecom" });
  });

  it("is deterministic for a seed and a clock", async () => {
    const run = async () => {
      const harness = await createXHarness({ seed: 42 });
      const a = harness.x.control.postTweet({
        author_username: "dana_r",
        text: "@acme see https://example.org/x",
      });
      harness.clock.advance(1234);
      const b = harness.x.control.sendDm({ sender_username: "lee_k", text: "hi" });
      await harness.app.close();
      return [a, b];
    };
    expect(await run()).toEqual(await run());
  });
});
