import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../shared/clock";
import { startMetaEmulator } from "./testing/harness";

const PAGE = "104455667788990";
const TOKEN = "EAAemulatorPageToken";

describe("Page content through Graph: feed, comments, replies, moderation", () => {
  let clock = new ManualClock("2025-03-05T16:02:11Z");
  let env: Awaited<ReturnType<typeof startMetaEmulator>>;
  beforeEach(async () => {
    clock = new ManualClock("2025-03-05T16:02:11Z");
    env = await startMetaEmulator({ clock, seed: 7 });
  });
  afterEach(() => env.close());

  function seed() {
    const { actions } = env.emulator;
    const dana = actions.createCustomer({ name: "Dana Rivera" });
    const post = actions.createPost({ message: "Outage update" });
    const comments = [1, 2, 3].map((n) => {
      clock.advance(1000);
      return actions.customerComments({ customerId: dana.id, postId: post.id, message: `comment ${n}` });
    });
    return { dana, post, comments };
  }

  it("lists the feed newest first with ISO +0000 times", async () => {
    const { post } = seed();
    const response = await env.call("GET", `/v19.0/${PAGE}/feed`, { token: TOKEN });
    expect(response.body).toMatchObject({
      data: [{ created_time: "2025-03-05T16:02:11+0000", message: "Outage update", id: post.id }],
    });
  });

  it("pages comments with cursors and an absolute next URL", async () => {
    const { post, comments } = seed();
    const first = await env.call("GET", `/v24.0/${post.id}/comments`, {
      token: TOKEN,
      query: { limit: "2" },
    });
    expect(first.body.data.map((c: { id: string }) => c.id)).toEqual([comments[0]?.id, comments[1]?.id]);
    expect(first.body.data[0]).toEqual({
      created_time: "2025-03-05T16:02:12+0000",
      from: { name: "Dana Rivera", id: expect.any(String) },
      message: "comment 1",
      id: comments[0]?.id,
    });
    const next = new URL(first.body.paging.next);
    expect(next.pathname).toBe(`/sandbox/meta/v24.0/${post.id}/comments`);
    expect(next.searchParams.get("after")).toBe(first.body.paging.cursors.after);
    expect(next.searchParams.get("access_token")).toBe(TOKEN);
    const second = await env.call("GET", `/v24.0/${post.id}/comments`, {
      token: TOKEN,
      query: { limit: "2", after: first.body.paging.cursors.after },
    });
    expect(second.body.data.map((c: { id: string }) => c.id)).toEqual([comments[2]?.id]);
    expect(second.body.paging.next).toBeUndefined();
    const reversed = await env.call("GET", `/v24.0/${post.id}/comments`, {
      token: TOKEN,
      query: { order: "reverse_chronological", fields: "id,message,comments.limit(1){message}" },
    });
    expect(reversed.body.data[0]).toEqual({
      id: comments[2]?.id,
      message: "comment 3",
      comments: { data: [] },
    });
  });

  it("replies publicly to a comment and the reply joins the thread", async () => {
    const { post, comments } = seed();
    const target = comments[0]?.id as string;
    const reply = await env.call("POST", `/v24.0/${target}/comments`, {
      token: TOKEN,
      form: { message: "We're on it" },
    });
    expect(reply.body).toEqual({ id: expect.stringMatching(new RegExp(`^${post.number}_\\d{16}$`)) });
    const replies = await env.call("GET", `/v24.0/${target}/comments`, {
      token: TOKEN,
      query: { fields: "message,from,parent" },
    });
    expect(replies.body.data[0]).toMatchObject({
      message: "We're on it",
      from: { id: PAGE, name: "Acme Support" },
      parent: { id: target },
    });
    const stream = await env.call("GET", `/v24.0/${post.id}/comments`, {
      token: TOKEN,
      query: { filter: "stream" },
    });
    expect(stream.body.data).toHaveLength(4);
    expect(env.emulator.store.outbox.at(-1)).toMatchObject({
      kind: "comment",
      platform: "facebook",
      targetId: target,
    });
  });

  it("hides and deletes comments", async () => {
    const { comments } = seed();
    const id = comments[1]?.id as string;
    expect(
      (await env.call("POST", `/v24.0/${id}`, { token: TOKEN, form: { is_hidden: "true" } })).body,
    ).toEqual({ success: true });
    const hidden = await env.call("GET", `/v24.0/${id}`, { token: TOKEN, query: { fields: "is_hidden" } });
    expect(hidden.body).toEqual({ is_hidden: true, id });
    expect((await env.call("DELETE", `/v24.0/${id}`, { token: TOKEN })).body).toEqual({ success: true });
    const gone = await env.call("GET", `/v24.0/${id}`, { token: TOKEN });
    expect(gone.body.error).toMatchObject({ code: 100, error_subcode: 33, type: "GraphMethodException" });
  });

  it("does not let another Page's token read this Page's objects", async () => {
    await env.close();
    env = await startMetaEmulator({
      clock,
      pages: [
        { id: PAGE, name: "Acme", accessToken: TOKEN },
        { id: "200000000000002", name: "Other", accessToken: "EAAother" },
      ],
    });
    const { post } = seed();
    const response = await env.call("GET", `/v24.0/${post.id}`, { token: "EAAother" });
    expect(response.body.error.error_subcode).toBe(33);
  });

  it("is deterministic for a seed", async () => {
    const first = seed();
    const again = await startMetaEmulator({ clock, seed: 7 });
    const dana = again.emulator.actions.createCustomer({ name: "Dana Rivera" });
    const post = again.emulator.actions.createPost({ message: "Outage update" });
    expect(dana.psids).toEqual(first.dana.psids);
    expect(post.id).toBe(first.post.id);
    await again.close();
  });

  it("reports the installed app on GET subscribed_apps", async () => {
    await env.call("POST", `/v24.0/${PAGE}/subscribed_apps`, {
      token: TOKEN,
      form: { subscribed_fields: "feed,messages" },
    });
    const response = await env.call("GET", `/v24.0/${PAGE}/subscribed_apps`, { token: TOKEN });
    expect(response.body.data[0]).toMatchObject({
      id: "880000000000001",
      subscribed_fields: ["feed", "messages"],
    });
  });
});
