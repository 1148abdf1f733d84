import { describe, expect, it } from "vitest";
import { v1Date, v1Tweet } from "./aaa";
import type { XTweet, XUser } from "./types";

const author: XUser = {
  id: "3304917752",
  username: "dana_r",
  name: "Dana R.",
  createdAt: new Date("2015-01-29T18:14:29.340Z"),
  description: "",
  verified: false,
  verifiedType: "none",
  protected: false,
  profileImageUrl: "https://pbs.example/img/dana_normal.jpg",
  followersCount: 1840,
  followingCount: 311,
  tweetCount: 5120,
  listedCount: 12,
  likeCount: 9001,
  mediaCount: 140,
  receivesYourDm: true,
};

function post(text: string): XTweet {
  return {
    id: "1897312200119876608",
    text,
    authorId: author.id,
    createdAt: new Date("2025-03-05T16:02:11.000Z"),
    conversationId: "1897312200119876608",
    referencedTweets: [],
    entities: {
      mentions: [{ start: 0, end: 10, username: "acme_help", id: "9911223344" }],
      hashtags: [],
      cashtags: [],
      urls: [],
    },
    displayTextRange: [0, Array.from(text).length],
    lang: "en",
    metrics: {
      retweet_count: 0,
      reply_count: 0,
      like_count: 0,
      quote_count: 0,
      bookmark_count: 0,
      impression_count: 0,
    },
    replySettings: "everyone",
    deleted: false,
    via: "control",
  };
}

const build = (tweet: XTweet) =>
  v1Tweet({
    tweet,
    userById: (id) => (id === author.id ? author : undefined),
    tweetById: () => undefined,
    source: "web",
  });

describe("AAA v1.1 tweet objects", () => {
  it("uses the v1.1 date format, id_str and entity indices", () => {
    expect(v1Date(new Date("2025-03-05T16:02:11.000Z"))).toBe("Wed Mar 05 16:02:11 +0000 2025");
    const out = build(post("@acme_help my router keeps dropping wifi since the update"));
    expect(out).toMatchObject({
      created_at: "Wed Mar 05 16:02:11 +0000 2025",
      id_str: "1897312200119876608",
      truncated: false,
      timestamp_ms: "1741190531000",
      user: { id_str: "3304917752", screen_name: "dana_r", followers_count: 1840 },
    });
    // The numeric id is lossy by design (as on the real wire); connectors must read id_str.
    expect(out.id).toBe(Number("1897312200119876608"));
  });

  it("truncates long posts to 140 and carries the full text in extended_tweet", () => {
    const long = `@acme_help ${"the connection keeps dropping every few minutes and ".repeat(4)}please help`;
    const out = build(post(long)) as {
      text: string;
      truncated: boolean;
      extended_tweet: { full_text: string };
    };
    expect(out.truncated).toBe(true);
    expect(Array.from(out.text).length).toBeLessThanOrEqual(140);
    expect(out.text).toMatch(/… https:\/\/t\.co\/[\w-]{10}$/);
    expect(out.extended_tweet.full_text).toBe(long);
  });
});
