import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APP_AUTH, createXHarness, USER_AUTH, type XHarness } from "./testing";

let h: XHarness;
let dana: string;
beforeEach(async () => {
  h = await createXHarness();
  dana = h.x.control.createUser({ username: "dana_r", name: "Dana R." }).id as string;
});
afterEach(() => h.app.close());

const tweet = (body: unknown) => h.call("POST", "/2/tweets", USER_AUTH, body);

describe("POST /2/tweets", () => {
  it("creates a post and answers 201 with id, text and edit history", async () => {
    const res = await tweet({ text: "Planned maintenance tonight 01:00-03:00." });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      data: {
        id: expect.stringMatching(/^\d+$/),
        text: "Planned maintenance tonight 01:00-03:00.",
        edit_history_tweet_ids: [res.body.data.id],
      },
    });
    expect(res.headers["x-app-limit-24hour-limit"]).toBe("10000");
  });

  it("enforces the 280 weighted-character limit (URL = 23, emoji = 2)", async () => {
    const url = "https://example.org/a/rather/long/path/that/still/counts/as/twenty-three";
    const fits = `${"a".repeat(254)} ${url}😀`;
    expect((await tweet({ text: fits })).status).toBe(201);
    const over = await tweet({ text: `${"b".repeat(255)} ${url}😀` });
    expect(over.status).toBe(400);
    expect(over.body.errors[0].message).toContain("Your Tweet text is too long");
    expect((await tweet({ text: "😀".repeat(140) })).status).toBe(201);
    expect((await tweet({ text: "😀".repeat(141) })).status).toBe(400);
  });

  it("refuses duplicate content with X's exact 403 body", async () => {
    expect((await tweet({ text: "We are looking into it." })).status).toBe(201);
    const again = await tweet({ text: "We are looking into it." });
    expect(again.status).toBe(403);
    expect(again.body).toEqual({
      detail: "You are not allowed to create a Tweet with duplicate content.",
      type: "about:blank",
      title: "Forbidden",
      status: 403,
    });
  });

  it("threads a reply: @handle prefix, conversation_id, in_reply_to_user_id, referenced_tweets", async () => {
    const root = h.x.control.postTweet({ author_id: dana, text: "@acme my router keeps dropping wifi" });
    h.clock.advance(5000);
    const reply = await tweet({ text: "Sorry about that, Dana.", reply: { in_reply_to_tweet_id: root.id } });
    expect(reply.status).toBe(201);
    expect(reply.body.data.text).toBe("@dana_r Sorry about that, Dana.");
    h.clock.advance(5000);
    const followUp = h.x.control.postTweet({
      author_id: dana,
      text: "still broken",
      in_reply_to_tweet_id: reply.body.data.id,
    });
    expect(followUp.text).toBe("@acme still broken");
    const fields =
      "tweet.fields=conversation_id,in_reply_to_user_id,referenced_tweets,public_metrics,display_text_range";
    const got = await h.call(
      "GET",
      `/2/tweets?ids=${reply.body.data.id},${followUp.id},${root.id}&${fields}`,
      APP_AUTH,
    );
    const [brandReply, customerReply, rootPost] = got.body.data;
    expect(brandReply).toMatchObject({
      conversation_id: root.id,
      in_reply_to_user_id: dana,
      referenced_tweets: [{ type: "replied_to", id: root.id }],
      display_text_range: [8, 31],
    });
    expect(customerReply).toMatchObject({ conversation_id: root.id, in_reply_to_user_id: "9911223344" });
    expect(rootPost.conversation_id).toBe(root.id);
    expect(rootPost.public_metrics.reply_count).toBe(1);
    const mentions = await h.call("GET", "/2/users/9911223344/mentions", USER_AUTH);
    expect(mentions.body.data.map((t: { id: string }) => t.id)).toEqual([followUp.id, root.id]);
  });

  it("applies the 'not summoned' reply restriction, configurably", async () => {
    const unrelated = h.x.control.postTweet({ author_id: dana, text: "my phone is broken again" });
    const refused = await tweet({ text: "Can we help?", reply: { in_reply_to_tweet_id: unrelated.id } });
    expect(refused.status).toBe(403);
    expect(refused.body.title).toBe("Forbidden");
    h.x.control.setPolicy({ replyRestriction: false });
    expect(
      (await tweet({ text: "Can we help?", reply: { in_reply_to_tweet_id: unrelated.id } })).status,
    ).toBe(201);
    const missing = await tweet({ text: "hello", reply: { in_reply_to_tweet_id: "123" } });
    expect(missing.body.detail).toBe(
      "You attempted to reply to a Tweet that is deleted or not visible to you.",
    );
  });

  it("deletes the brand's own posts only", async () => {
    const created = await tweet({ text: "oops" });
    const id = created.body.data.id;
    const other = h.x.control.postTweet({ author_id: dana, text: "hello @acme" });
    expect((await h.call("DELETE", `/2/tweets/${other.id}`, USER_AUTH)).status).toBe(403);
    expect((await h.call("DELETE", `/2/tweets/${id}`, USER_AUTH)).body).toEqual({ data: { deleted: true } });
    expect((await h.call("DELETE", `/2/tweets/${id}`, USER_AUTH)).body).toEqual({ data: { deleted: true } });
    const gone = await h.call("GET", `/2/tweets/${id}`, APP_AUTH);
    expect(gone.body.errors[0]).toMatchObject({ title: "Not Found Error", resource_type: "tweet" });
    expect((await tweet({ text: "no" })).status).toBe(201);
    expect((await h.call("POST", "/2/tweets", APP_AUTH, { text: "app-only" })).status).toBe(403);
  });
});

describe("direct messages", () => {
  it("sends, lists and reports DM events", async () => {
    h.clock.advance(1000);
    const inbound = h.x.control.sendDm({ sender_id: dana, text: "Hi, my order #A-1182 never arrived" });
    expect(inbound.dm_conversation_id).toBe(
      `${dana}-9911223344`
        .split("-")
        .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))
        .join("-"),
    );
    h.clock.advance(1000);
    const sent = await h.call("POST", `/2/dm_conversations/with/${dana}/messages`, USER_AUTH, {
      text: "Thanks Dana, checking now.",
    });
    expect(sent.status).toBe(201);
    expect(sent.body.data).toEqual({
      dm_conversation_id: inbound.dm_conversation_id,
      dm_event_id: expect.any(String),
    });
    const list = await h.call(
      "GET",
      "/2/dm_events?dm_event.fields=sender_id,dm_conversation_id,created_at&expansions=sender_id",
      USER_AUTH,
    );
    expect(list.body.data).toHaveLength(2);
    expect(list.body.data[1]).toEqual({
      id: inbound.id,
      event_type: "MessageCreate",
      text: "Hi, my order #A-1182 never arrived",
      sender_id: dana,
      dm_conversation_id: inbound.dm_conversation_id,
      created_at: "2025-03-05T16:00:01.000Z",
    });
    expect(list.body.includes.users.map((u: { username: string }) => u.username)).toEqual(["acme", "dana_r"]);
    expect(list.body.meta.result_count).toBe(2);
    const plain = await h.call("GET", "/2/dm_events", USER_AUTH);
    expect(Object.keys(plain.body.data[0])).toEqual(["id", "event_type", "text"]);
    expect(h.x.control.brandDms()).toHaveLength(1);
  });

  it("refuses DMs to users who do not accept them", async () => {
    const closed = h.x.control.createUser({ username: "private_pat", receives_your_dm: false }).id;
    const res = await h.call("POST", `/2/dm_conversations/with/${closed}/messages`, USER_AUTH, {
      text: "hello",
    });
    expect(res.status).toBe(403);
    h.x.control.sendDm({ sender_id: closed as string, text: "help please" });
    expect(
      (await h.call("POST", `/2/dm_conversations/with/${closed}/messages`, USER_AUTH, { text: "hello" }))
        .status,
    ).toBe(201);
  });
});
