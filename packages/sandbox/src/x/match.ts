import type { QueryNode, QueryTerm } from "./query";
import type { XTweet, XUser } from "./types";

/**
 * Evaluates a parsed query against a post. Search and stream differ as documented (§1.7.3): search
 * matches keywords with or without accents and only the post's own text; the stream is
 * accent-sensitive and also matches the text of a quoted post.
 */
export type MatchMode = "search" | "stream";

export interface MatchSubject {
  tweet: XTweet;
  author: XUser;
  /** Resolves @username / id values for from:, to:, @mention. */
  userById: (id: string) => XUser | undefined;
  quoted?: XTweet;
}

const WORD = /[\p{L}\p{M}\p{N}_]+|\p{Extended_Pictographic}/gu;

function fold(text: string, mode: MatchMode): string {
  const lower = text.toLowerCase();
  return mode === "search" ? lower.normalize("NFD").replace(/\p{M}/gu, "") : lower.normalize("NFC");
}

export function tokens(text: string, mode: MatchMode): string[] {
  return fold(text, mode).match(WORD) ?? [];
}

function withoutLinks(tweet: XTweet): string {
  return tweet.text.replace(/https?:\/\/\S+/g, " ");
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((word, j) => haystack[i + j] === word)) return true;
  }
  return false;
}

/** "a b"~N: in written order at most N tokens apart, reversed at most N-2 (documented semantics). */
function withinProximity(haystack: string[], words: string[], distance: number): boolean {
  const positions = words.map((w) => haystack.flatMap((t, i) => (t === w ? [i] : [])));
  if (positions.some((p) => p.length === 0)) return false;
  if (words.length !== 2) {
    const firsts = positions.map((p) => p[0] ?? 0);
    return Math.max(...firsts) - Math.min(...firsts) - (words.length - 1) <= distance;
  }
  const [left = [], right = []] = positions;
  return left.some((i) => right.some((j) => (j > i ? j - i - 1 <= distance : i - j - 1 <= distance - 2)));
}

function userMatches(user: XUser | undefined, value: string): boolean {
  if (!user) return false;
  const wanted = value.replace(/^@/, "").toLowerCase();
  return user.id === wanted || user.username.toLowerCase() === wanted;
}

function countInRange(count: number, value: string): boolean {
  const [from, to] = value.split("..").map(Number);
  if (from === undefined || Number.isNaN(from)) return false;
  return to === undefined ? count >= from : count >= from && count <= (Number.isNaN(to) ? from : to);
}

function hasFeature(tweet: XTweet, feature: string): boolean {
  const e = tweet.entities;
  const map: Record<string, boolean> = {
    hashtags: e.hashtags.length > 0,
    cashtags: e.cashtags.length > 0,
    links: e.urls.length > 0,
    mentions: e.mentions.length > 0,
  };
  return map[feature] ?? false;
}

function isFeature(subject: MatchSubject, feature: string): boolean {
  const refs = subject.tweet.referencedTweets;
  const map: Record<string, boolean> = {
    reply: subject.tweet.inReplyToUserId !== undefined,
    quote: refs.some((r) => r.type === "quoted"),
    retweet: refs.some((r) => r.type === "retweeted"),
    verified: subject.author.verified,
  };
  return map[feature] ?? false;
}

function textTokens(subject: MatchSubject, mode: MatchMode): string[] {
  const own = tokens(withoutLinks(subject.tweet), mode);
  if (mode === "stream" && subject.quoted) return [...own, ...tokens(withoutLinks(subject.quoted), mode)];
  return own;
}

function matchText(term: QueryTerm, subject: MatchSubject, mode: MatchMode): boolean {
  const haystack = textTokens(subject, mode);
  const needle = tokens(term.value, mode);
  if (term.proximity !== undefined) return withinProximity(haystack, needle, term.proximity);
  return containsSequence(haystack, needle);
}

function referenced(tweet: XTweet, type: string, id: string): boolean {
  return tweet.referencedTweets.some((r) => r.type === type && r.id === id);
}

function matchTerm(term: QueryTerm, subject: MatchSubject, mode: MatchMode): boolean {
  const { tweet, author } = subject;
  const value = term.value;
  const lower = fold(value, mode);
  switch (term.operator) {
    case "keyword":
    case "phrase":
      return matchText(term, subject, mode);
    case "hashtag":
      return tweet.entities.hashtags.some((h) => fold(h.tag, mode) === lower);
    case "cashtag":
      return tweet.entities.cashtags.some((c) => c.tag.toLowerCase() === lower);
    case "mention":
      return tweet.entities.mentions.some((m) => m.username.toLowerCase() === lower);
    case "from":
      return userMatches(author, value);
    case "to":
      return userMatches(tweet.inReplyToUserId ? subject.userById(tweet.inReplyToUserId) : undefined, value);
    case "url":
      return tweet.entities.urls.some((u) => u.expanded_url.toLowerCase().includes(lower) || u.url === value);
    case "conversation_id":
      return tweet.conversationId === value;
    case "in_reply_to_tweet_id":
    case "in_reply_to_status_id":
      return referenced(tweet, "replied_to", value);
    case "quotes_of_tweet_id":
      return referenced(tweet, "quoted", value);
    case "is":
      return isFeature(subject, lower);
    case "has":
      return hasFeature(tweet, lower);
    case "lang":
      return tweet.lang === lower;
    case "sample":
      return BigInt(tweet.id) % 100n < BigInt(Number.parseInt(value, 10) || 0);
    case "bio":
      return containsSequence(tokens(author.description, mode), tokens(value, mode));
    case "bio_name":
      return containsSequence(tokens(author.name, mode), tokens(value, mode));
    case "bio_location":
      return containsSequence(tokens(author.location ?? "", mode), tokens(value, mode));
    case "followers_count":
      return countInRange(author.followersCount, value);
    case "following_count":
      return countInRange(author.followingCount, value);
    case "tweets_count":
      return countInRange(author.tweetCount, value);
    case "listed_count":
      return countInRange(author.listedCount, value);
    default:
      // Geo, context/entity annotations, lists and retweets do not exist in the emulator.
      return false;
  }
}

export function matchesQuery(node: QueryNode, subject: MatchSubject, mode: MatchMode): boolean {
  switch (node.kind) {
    case "and":
      return node.children.every((child) => matchesQuery(child, subject, mode));
    case "or":
      return node.children.some((child) => matchesQuery(child, subject, mode));
    case "not":
      return !matchesQuery(node.child, subject, mode);
    default:
      return matchTerm(node, subject, mode);
  }
}
