import { createHash } from "node:crypto";
import { extractEntities } from "./text";
import type { XDmEvent, XTweet, XUser } from "./types";

/**
 * Account Activity API payloads (§1.10, AAA): v1.1-style objects with the v1.1 date format,
 * numeric `id` next to `id_str`, entity `indices`, and long texts truncated to 140 with the full
 * text in `extended_tweet`.
 */
type Json = Record<string, unknown>;

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const TRUNCATED_LENGTH = 140;
const KEPT_BEFORE_LINK = 115;

export interface AppInfo {
  id: string;
  name: string;
  url: string;
}

/** `Wed Mar 05 16:02:11 +0000 2025` */
export function v1Date(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const day = `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${pad(date.getUTCDate())}`;
  return `${day} ${time} +0000 ${date.getUTCFullYear()}`;
}

export function v1User(user: XUser): Json {
  return {
    id: Number(user.id),
    id_str: user.id,
    name: user.name,
    screen_name: user.username,
    location: user.location ?? null,
    url: user.url ?? null,
    description: user.description,
    protected: user.protected,
    verified: user.verified,
    followers_count: user.followersCount,
    friends_count: user.followingCount,
    listed_count: user.listedCount,
    favourites_count: user.likeCount,
    statuses_count: user.tweetCount,
    created_at: v1Date(user.createdAt),
    profile_image_url_https: user.profileImageUrl,
    default_profile_image: false,
  };
}

/** The user map of DM events (ids as strings, `created_timestamp` in epoch ms). */
export function dmUser(user: XUser): Json {
  return {
    id: user.id,
    created_timestamp: String(user.createdAt.getTime()),
    name: user.name,
    screen_name: user.username,
    protected: user.protected,
    verified: user.verified,
    followers_count: user.followersCount,
    friends_count: user.followingCount,
    statuses_count: user.tweetCount,
    profile_image_url_https: user.profileImageUrl,
  };
}

function v1Entities(tweet: XTweet, userById: (id: string) => XUser | undefined, limit: number): Json {
  const within = <T extends { end: number }>(list: T[]) => list.filter((e) => e.end <= limit);
  return {
    hashtags: within(tweet.entities.hashtags).map((h) => ({ text: h.tag, indices: [h.start, h.end] })),
    symbols: within(tweet.entities.cashtags).map((c) => ({ text: c.tag, indices: [c.start, c.end] })),
    user_mentions: within(tweet.entities.mentions).map((m) => ({
      screen_name: m.username,
      name: (m.id && userById(m.id)?.name) ?? m.username,
      id: m.id ? Number(m.id) : null,
      id_str: m.id ?? null,
      indices: [m.start, m.end],
    })),
    urls: within(tweet.entities.urls).map((u) => ({
      url: u.url,
      expanded_url: u.expanded_url,
      display_url: u.display_url,
      indices: [u.start, u.end],
    })),
  };
}

/** Stable t.co code for the "read more" link of a truncated post (payloads are built more than once). */
function statusLink(tweetId: string): string {
  return `https://t.co/${createHash("sha256").update(tweetId).digest("base64url").slice(0, 10)}`;
}

function textFields(tweet: XTweet, userById: (id: string) => XUser | undefined): Json {
  const chars = Array.from(tweet.text);
  if (chars.length <= TRUNCATED_LENGTH) {
    return { text: tweet.text, truncated: false, entities: v1Entities(tweet, userById, chars.length) };
  }
  const kept = chars.slice(0, KEPT_BEFORE_LINK).join("").trimEnd();
  const link = statusLink(tweet.id);
  const keptLength = Array.from(kept).length;
  const entities = v1Entities(tweet, userById, keptLength);
  const readMore = {
    url: link,
    expanded_url: `https://twitter.com/i/web/status/${tweet.id}`,
    display_url: `twitter.com/i/web/status/${tweet.id.slice(0, 3)}…`,
    indices: [keptLength + 2, keptLength + 2 + link.length],
  };
  return {
    text: `${kept}… ${link}`,
    truncated: true,
    entities: { ...entities, urls: [...(entities.urls as unknown[]), readMore] },
    extended_tweet: {
      full_text: tweet.text,
      display_text_range: tweet.displayTextRange,
      entities: v1Entities(tweet, userById, chars.length),
    },
  };
}

export function v1Tweet(input: {
  tweet: XTweet;
  userById: (id: string) => XUser | undefined;
  tweetById: (id: string) => XTweet | undefined;
  source: string;
}): Json {
  const { tweet, userById } = input;
  const author = userById(tweet.authorId);
  const repliedTo = tweet.referencedTweets.find((r) => r.type === "replied_to")?.id;
  const quoted = tweet.referencedTweets.find((r) => r.type === "quoted")?.id;
  const replyUser = tweet.inReplyToUserId ? userById(tweet.inReplyToUserId) : undefined;
  const quotedTweet = quoted ? input.tweetById(quoted) : undefined;
  const out: Json = {
    created_at: v1Date(tweet.createdAt),
    id: Number(tweet.id),
    id_str: tweet.id,
    ...textFields(tweet, userById),
    source: input.source,
    in_reply_to_status_id: repliedTo ? Number(repliedTo) : null,
    in_reply_to_status_id_str: repliedTo ?? null,
    in_reply_to_user_id: tweet.inReplyToUserId ? Number(tweet.inReplyToUserId) : null,
    in_reply_to_user_id_str: tweet.inReplyToUserId ?? null,
    in_reply_to_screen_name: replyUser?.username ?? null,
    user: author ? v1User(author) : null,
    geo: null,
    coordinates: null,
    place: null,
    contributors: null,
    is_quote_status: quoted !== undefined,
    quote_count: tweet.metrics.quote_count,
    reply_count: tweet.metrics.reply_count,
    retweet_count: tweet.metrics.retweet_count,
    favorite_count: tweet.metrics.like_count,
    favorited: false,
    retweeted: false,
    filter_level: "low",
    lang: tweet.lang,
    timestamp_ms: String(tweet.createdAt.getTime()),
  };
  if (quoted) {
    out.quoted_status_id = Number(quoted);
    out.quoted_status_id_str = quoted;
    if (quotedTweet && !quotedTweet.deleted) {
      out.quoted_status = v1Tweet({ ...input, tweet: quotedTweet, tweetById: () => undefined });
    }
  }
  return out;
}

export function v1DmEvent(event: XDmEvent, sourceAppId?: string): Json {
  const found = extractEntities(event.text);
  const messageCreate: Json = {
    target: { recipient_id: event.recipientId },
    sender_id: event.senderId,
    message_data: {
      text: event.text,
      entities: {
        hashtags: found.hashtags.map((h) => ({ text: h.tag, indices: [h.start, h.end] })),
        symbols: found.cashtags.map((c) => ({ text: c.tag, indices: [c.start, c.end] })),
        user_mentions: found.mentions.map((m) => ({ screen_name: m.username, indices: [m.start, m.end] })),
        urls: found.urls.map((u) => ({
          url: u.url,
          expanded_url: u.url,
          display_url: u.url,
          indices: [u.start, u.end],
        })),
      },
    },
  };
  if (sourceAppId) messageCreate.source_app_id = sourceAppId;
  return {
    type: "message_create",
    id: event.id,
    created_timestamp: String(event.createdAt.getTime()),
    message_create: messageCreate,
  };
}

export function tweetDeleteEvent(tweet: XTweet, at: Date): Json {
  return { status: { id: tweet.id, user_id: tweet.authorId }, timestamp_ms: String(at.getTime()) };
}

export function appsMap(app: AppInfo): Json {
  return { [app.id]: { id: app.id, name: app.name, url: app.url } };
}
