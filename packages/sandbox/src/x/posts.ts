import { tweetCreated, tweetDeleted } from "./activity";
import { forbidden, invalidBody } from "./errors";
import type { XNetwork } from "./network";
import { extractEntities, leadingMentions, MAX_WEIGHTED_LENGTH, rewriteUrls, weightedLength } from "./text";
import type { XEntities, XPublicMetrics, XTweet, XUser } from "./types";

/**
 * Creating and deleting posts, shared by POST /2/tweets (the brand, through the API) and the
 * control API (simulated customers), so both obey the same network rules (§1.8, §1.12).
 */
export interface NewPost {
  authorId: string;
  text: string;
  inReplyToTweetId?: string;
  quoteTweetId?: string;
  excludeReplyUserIds?: string[];
  replySettings?: string;
  lang?: string;
  createdAt?: Date;
  metrics?: Partial<XPublicMetrics>;
  via: "api" | "control";
}

const TOO_LONG =
  "Your Tweet text is too long. For more information on how Twitter determines text length see https://github.com/twitter/twitter-text.";
const NOT_SUMMONED =
  "Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.";

function liveTweet(network: XNetwork, id: string | undefined): XTweet | undefined {
  const tweet = id === undefined ? undefined : network.store.tweet(id);
  return tweet && !tweet.deleted ? tweet : undefined;
}

/** Who a reply is addressed to: the replied-to author plus the users that post was replying to. */
function replyChain(network: XNetwork, target: XTweet, post: NewPost): XUser[] {
  const ids = [target.authorId];
  for (const username of leadingMentions(target.text).usernames) {
    const user = network.store.userByUsername(username);
    if (user) ids.push(user.id);
  }
  const excluded = new Set([post.authorId, ...(post.excludeReplyUserIds ?? [])]);
  return [...new Set(ids)]
    .filter((id) => !excluded.has(id))
    .map((id) => network.store.user(id))
    .filter((u): u is XUser => u !== undefined);
}

/** §1.12: the replied-to post must @mention the replier or quote one of the replier's posts. */
function summoned(network: XNetwork, target: XTweet, replier: XUser): boolean {
  if (target.authorId === replier.id) return true;
  if (target.entities.mentions.some((m) => m.id === replier.id)) return true;
  return target.referencedTweets.some(
    (r) => r.type === "quoted" && network.store.tweet(r.id)?.authorId === replier.id,
  );
}

function composeText(chain: XUser[], text: string): { text: string; prefixLength: number } {
  const opening = leadingMentions(text).usernames.map((u) => u.toLowerCase());
  const missing = chain.filter((u) => !opening.includes(u.username.toLowerCase()));
  const composed = `${missing.map((u) => `@${u.username} `).join("")}${text}`;
  const chainNames = new Set(chain.map((u) => u.username.toLowerCase()));
  let prefixLength = 0;
  let rest = composed;
  for (;;) {
    const match = /^[@＠]([A-Za-z0-9_]{1,15}) +/u.exec(rest);
    if (!match || !chainNames.has((match[1] ?? "").toLowerCase())) break;
    prefixLength += Array.from(match[0]).length;
    rest = rest.slice(match[0].length);
  }
  return { text: composed, prefixLength };
}

function buildEntities(network: XNetwork, text: string, originals: Map<string, string>): XEntities {
  const found = extractEntities(text);
  return {
    mentions: found.mentions.map((m) => {
      const user = network.store.userByUsername(m.username);
      return user ? { ...m, id: user.id } : m;
    }),
    hashtags: found.hashtags,
    cashtags: found.cashtags,
    urls: found.urls.map((u) => {
      const expanded = originals.get(u.url) ?? u.url;
      const display = expanded.replace(/^https?:\/\//, "");
      return {
        start: u.start,
        end: u.end,
        url: u.url,
        expanded_url: expanded,
        display_url: display,
        unwound_url: expanded,
      };
    }),
  };
}

function assertNotDuplicate(network: XNetwork, authorId: string, text: string, now: Date): void {
  const since = now.getTime() - network.policy.duplicateWindowMs;
  const duplicate = network.store.newestTweet(
    (t) => t.authorId === authorId && t.text === text,
    new Date(since),
  );
  if (duplicate) throw forbidden("You are not allowed to create a Tweet with duplicate content.");
}

export function createPost(network: XNetwork, post: NewPost): XTweet {
  const author = network.store.user(post.authorId);
  if (!author) throw invalidBody(`Unknown author ${post.authorId}`);
  if (typeof post.text !== "string" || post.text.trim() === "")
    throw invalidBody("Tweet text must not be empty.");
  const target = liveTweet(network, post.inReplyToTweetId);
  if (post.inReplyToTweetId !== undefined && !target) {
    throw forbidden("You attempted to reply to a Tweet that is deleted or not visible to you.");
  }
  if (target && post.via === "api" && network.policy.replyRestriction && !summoned(network, target, author)) {
    throw forbidden(NOT_SUMMONED);
  }
  const quoted = liveTweet(network, post.quoteTweetId);
  if (post.quoteTweetId !== undefined && !quoted)
    throw invalidBody(`Quoted Tweet ${post.quoteTweetId} does not exist.`);
  const chain = target ? replyChain(network, target, post) : [];
  const composed = composeText(chain, post.text.normalize("NFC"));
  const countable = Array.from(composed.text).slice(composed.prefixLength).join("");
  if (weightedLength(countable) > MAX_WEIGHTED_LENGTH) throw invalidBody(TOO_LONG);
  const now = post.createdAt ?? network.clock.now();
  assertNotDuplicate(network, author.id, composed.text, now);
  return storePost({
    network,
    post,
    author,
    target,
    quoted,
    text: composed.text,
    prefixLength: composed.prefixLength,
    at: now,
  });
}

function storePost(input: {
  network: XNetwork;
  post: NewPost;
  author: XUser;
  target?: XTweet;
  quoted?: XTweet;
  text: string;
  prefixLength: number;
  at: Date;
}): XTweet {
  const { network, post, target, quoted } = input;
  const id = network.ids.next(input.at);
  const originals = new Map<string, string>();
  const text = rewriteUrls(input.text, (url) => {
    const short = `https://t.co/${network.random.string(10)}`;
    originals.set(short, /^www\./i.test(url) ? `http://${url}` : url);
    return short;
  });
  const entities = buildEntities(network, text, originals);
  const onlyEntities = text.replace(/[@#$]\w+|https?:\/\/\S+/g, "").trim() === "";
  const tweet: XTweet = {
    id,
    text,
    authorId: input.author.id,
    createdAt: input.at,
    conversationId: target?.conversationId ?? id,
    referencedTweets: [],
    entities,
    displayTextRange: [input.prefixLength, Array.from(text).length],
    lang: post.lang ?? (onlyEntities ? "zxx" : network.policy.defaultLang),
    metrics: {
      retweet_count: 0,
      reply_count: 0,
      like_count: 0,
      quote_count: 0,
      bookmark_count: 0,
      impression_count: 0,
      ...post.metrics,
    },
    replySettings: post.replySettings ?? "everyone",
    deleted: false,
    via: post.via,
  };
  if (target) {
    tweet.inReplyToUserId = target.authorId;
    tweet.referencedTweets.push({ type: "replied_to", id: target.id });
    target.metrics.reply_count++;
  }
  if (quoted) {
    tweet.referencedTweets.push({ type: "quoted", id: quoted.id });
    quoted.metrics.quote_count++;
  }
  input.author.tweetCount++;
  network.store.addTweet(tweet);
  tweetCreated(network, tweet);
  return tweet;
}

/** Deletes a post; only its author may. Returns false when the post does not exist (or is gone). */
export function deletePost(network: XNetwork, input: { tweetId: string; byUserId: string }): boolean {
  const tweet = liveTweet(network, input.tweetId);
  if (!tweet) return false;
  if (tweet.authorId !== input.byUserId) throw forbidden("You are not authorized to delete this Tweet.");
  tweet.deleted = true;
  const parent = liveTweet(network, tweet.referencedTweets.find((r) => r.type === "replied_to")?.id);
  if (parent) parent.metrics.reply_count = Math.max(0, parent.metrics.reply_count - 1);
  tweetDeleted(network, tweet);
  return true;
}
