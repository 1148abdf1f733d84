import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APP_AUTH, createXHarness, USER_AUTH, type XHarness } from "./testing";

let h: XHarness;
beforeEach(async () => {
  h = await createXHarness();
  h.x.control.createUser({ username: "dana_r", name: "Dana R.", followers_count: 1840 });
  h.x.control.createUser({ username: "lee_k", name: "Lee", verified: true, followers_count: 120500 });
});
afterEach(() => h.app.close());

let serial = 0;
function postMentions(count: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    h.clock.advance(1000);
    const text = `@acme problem number ${serial++}`;
    ids.push(h.x.control.postTweet({ author_username: i % 2 ? "lee_k" : "dana_r", text }).id as string);
  }
  return ids;
}

describe("GET /2/tweets/search/recent", () => {
  it("returns newest first with meta and the documented envelope", async () => {
    const ids = postMentions(3);
    h.x.control.postTweet({ author_username: "dana_r", text: "nothing to see" });
    const res = await h.call(
      "GET",
      "/2/tweets/search/recent?query=%40acme%20-is%3Aretweet&tweet.fields=created_at,author_id,conversation_id&expansions=author_id&user.fields=verified",
      APP_AUTH,
    );
    expect(res.status).toBe(200);
    expect(res.body.data.map((t: { id: string }) => t.id)).toEqual([...ids].reverse());
    expect(res.body.data[0]).toMatchObject({ author_id: expect.any(String), conversation_id: ids[2] });
    expect(res.body.data[0].created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(res.body.data[0].edit_history_tweet_ids).toEqual([ids[2]]);
    expect(res.body.includes.users).toHaveLength(2);
    expect(res.body.includes.users[0]).toHaveProperty("verified");
    expect(res.body.meta).toEqual({ newest_id: ids[2], oldest_id: ids[0], result_count: 3 });
  });

  it("polls with since_id and pages with next_token (replayable)", async () => {
    const first = postMentions(5);
    const poll = await h.call("GET", "/2/tweets/search/recent?query=acme", APP_AUTH);
    expect(poll.body.meta.newest_id).toBe(first[4]);
    const fresh = postMentions(25);
    const base = `/2/tweets/search/recent?query=acme&max_results=10&since_id=${first[4]}`;
    const page1 = await h.call("GET", base, APP_AUTH);
    expect(page1.body.meta.result_count).toBe(10);
    expect(page1.body.meta.newest_id).toBe(fresh[24]);
    const token = page1.body.meta.next_token;
    const page2 = await h.call("GET", `${base}&next_token=${token}`, APP_AUTH);
    const again = await h.call("GET", `${base}&next_token=${token}`, APP_AUTH);
    expect(again.body).toEqual(page2.body);
    const page3 = await h.call("GET", `${base}&next_token=${page2.body.meta.next_token}`, APP_AUTH);
    expect(page3.body.meta.result_count).toBe(5);
    expect(page3.body.meta.next_token).toBeUndefined();
    const seen = [page1, page2, page3].flatMap((p) => p.body.data.map((t: { id: string }) => t.id));
    expect(seen).toEqual([...fresh].reverse());
    const empty = await h.call("GET", `/2/tweets/search/recent?query=acme&since_id=${fresh[24]}`, APP_AUTH);
    expect(empty.body).toEqual({ meta: { result_count: 0 } });
  });

  it("honours until_id, and rejects a token reused with another query", async () => {
    const ids = postMentions(12);
    const res = await h.call("GET", `/2/tweets/search/recent?query=acme&until_id=${ids[5]}`, APP_AUTH);
    expect(res.body.data.map((t: { id: string }) => t.id)).toEqual(ids.slice(0, 5).reverse());
    const page = await h.call("GET", "/2/tweets/search/recent?query=acme", APP_AUTH);
    const wrong = await h.call(
      "GET",
      `/2/tweets/search/recent?query=problem&next_token=${page.body.meta.next_token}`,
      APP_AUTH,
    );
    expect(wrong.status).toBe(400);
  });

  it("applies the operators of the rule language", async () => {
    h.x.control.postTweet({ author_username: "dana_r", text: "my acme router is not working!!" });
    h.clock.advance(1000);
    h.x.control.postTweet({ author_username: "lee_k", text: "acme is great #love" });
    const q = async (query: string) =>
      (await h.call("GET", `/2/tweets/search/recent?query=${encodeURIComponent(query)}`, APP_AUTH)).body.data
        ?.length ?? 0;
    expect(await q('acme "not working"')).toBe(1);
    expect(await q("acme -from:dana_r")).toBe(1);
    expect(await q("acme is:verified")).toBe(1);
    expect(await q("#love OR router")).toBe(2);
    expect(await q("ROUTER")).toBe(1);
  });

  it("answers X's 400 bodies", async () => {
    const bad = await h.call("GET", "/2/tweets/search/recent?query=acme&max_results=500", APP_AUTH);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      errors: [
        {
          parameters: { max_results: ["500"] },
          message: "The `max_results` query parameter value [500] is not between 10 and 100",
        },
      ],
      title: "Invalid Request",
      detail: "One or more parameters to your request was invalid.",
      type: "https://api.twitter.com/2/problems/invalid-request",
    });
    const operator = await h.call("GET", "/2/tweets/search/recent?query=foo%3Abar", APP_AUTH);
    expect(operator.body.errors[0].message).toContain("Reference to invalid operator 'foo'");
    const fields = await h.call("GET", "/2/tweets/search/recent?query=acme&tweet.fields=nope", APP_AUTH);
    expect(fields.body.errors[0].message).toMatch(
      /^The `tweet.fields` query parameter value \[nope\] is not one of \[/,
    );
    const old = await h.call(
      "GET",
      "/2/tweets/search/recent?query=acme&start_time=2025-01-01T00:00:00Z",
      APP_AUTH,
    );
    expect(old.body.errors[0].message).toContain("'start_time' must be on or after 2025-02-26T16:00Z");
    const both = await h.call(
      "GET",
      "/2/tweets/search/recent?query=acme&since_id=1&start_time=2025-03-05T00:00:00Z",
      APP_AUTH,
    );
    expect(both.status).toBe(400);
  });
});

describe("GET /2/users/:id/mentions", () => {
  it("lists mentions with since_id and pagination_token", async () => {
    const ids = postMentions(8);
    const page1 = await h.call("GET", "/2/users/9911223344/mentions?max_results=5", USER_AUTH);
    expect(page1.body.data.map((t: { id: string }) => t.id)).toEqual(ids.slice(3).reverse());
    expect(page1.body.meta.previous_token).toBeDefined();
    const page2 = await h.call(
      "GET",
      `/2/users/9911223344/mentions?max_results=5&pagination_token=${page1.body.meta.next_token}`,
      USER_AUTH,
    );
    expect(page2.body.data.map((t: { id: string }) => t.id)).toEqual(ids.slice(0, 3).reverse());
    const since = await h.call("GET", `/2/users/9911223344/mentions?since_id=${ids[6]}`, APP_AUTH);
    expect(since.body.data.map((t: { id: string }) => t.id)).toEqual([ids[7]]);
    const range = await h.call("GET", "/2/users/9911223344/mentions?max_results=3", APP_AUTH);
    expect(range.status).toBe(400);
  });

  it("answers a partial error for an unknown user", async () => {
    const res = await h.call("GET", "/2/users/123/mentions", APP_AUTH);
    expect(res.body.errors[0]).toMatchObject({
      title: "Not Found Error",
      resource_type: "user",
      parameter: "id",
    });
  });
});

describe("lookups and auth", () => {
  it("looks up posts and users, with partial errors for missing ones", async () => {
    const [id] = postMentions(1);
    const one = await h.call(
      "GET",
      `/2/tweets/${id}?expansions=author_id,entities.mentions.username`,
      APP_AUTH,
    );
    expect(one.body.data.id).toBe(id);
    expect(one.body.includes.users.map((u: { username: string }) => u.username)).toEqual(["dana_r", "acme"]);
    const many = await h.call("GET", `/2/tweets?ids=${id},1234`, APP_AUTH);
    expect(many.body.data).toHaveLength(1);
    expect(many.body.errors[0]).toMatchObject({
      value: "1234",
      detail: "Could not find tweet with ids: [1234].",
    });
    const me = await h.call("GET", "/2/users/me?user.fields=public_metrics,verified", USER_AUTH);
    expect(me.body.data).toMatchObject({
      id: "9911223344",
      username: "acme",
      name: "Acme Telecom",
      verified: true,
    });
    const byName = await h.call("GET", "/2/users/by/username/dana_r", APP_AUTH);
    expect(byName.body.data).toMatchObject({ username: "dana_r", name: "Dana R." });
    expect(Object.keys(byName.body.data)).toEqual(["id", "name", "username"]);
  });

  it("answers 401 without valid auth and 403 for the wrong auth mode", async () => {
    const none = await h.call("GET", "/2/tweets/search/recent?query=acme");
    expect(none.status).toBe(401);
    expect(none.body).toEqual({
      title: "Unauthorized",
      type: "about:blank",
      status: 401,
      detail: "Unauthorized",
    });
    expect(none.headers["content-type"]).toContain("application/problem+json");
    const wrong = await h.call("GET", "/2/tweets/search/recent?query=acme", { authorization: "Bearer nope" });
    expect(wrong.status).toBe(401);
    const appOnly = await h.call("GET", "/2/dm_events", APP_AUTH);
    expect(appOnly.status).toBe(403);
    expect(appOnly.body.type).toBe("https://api.twitter.com/2/problems/unsupported-authentication");
    const userOnRules = await h.call("GET", "/2/tweets/search/stream/rules", USER_AUTH);
    expect(userOnRules.status).toBe(403);
  });
});
