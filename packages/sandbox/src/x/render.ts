import { extractEntities } from "./text";
import type { XDmEvent, XEntities, XTweet, XUser } from "./types";

/**
 * v2 wire objects (reference §1.2, §1.3, §1.9). Default fields are always present; every other
 * field only when requested, and absent (not null) when the record has no value for it.
 */
type Json = Record<string, unknown>;

const EDIT_WINDOW_MS = 60 * 60 * 1000;

function entitiesJson(entities: XEntities): Json | undefined {
  const out: Json = {};
  for (const [key, list] of Object.entries(entities)) if (list.length > 0) out[key] = list;
  return Object.keys(out).length > 0 ? out : undefined;
}

function optional(out: Json, key: string, value: unknown): void {
  if (value !== undefined) out[key] = value;
}

export function renderTweet(tweet: XTweet, fields: ReadonlySet<string>): Json {
  const out: Json = { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] };
  const want = (field: string) => fields.has(field);
  if (want("author_id")) out.author_id = tweet.authorId;
  if (want("created_at")) out.created_at = tweet.createdAt.toISOString();
  if (want("conversation_id")) out.conversation_id = tweet.conversationId;
  if (want("in_reply_to_user_id")) optional(out, "in_reply_to_user_id", tweet.inReplyToUserId);
  if (want("referenced_tweets") && tweet.referencedTweets.length > 0)
    out.referenced_tweets = tweet.referencedTweets;
  if (want("entities")) optional(out, "entities", entitiesJson(tweet.entities));
  if (want("lang")) out.lang = tweet.lang;
  if (want("public_metrics")) out.public_metrics = { ...tweet.metrics };
  if (want("possibly_sensitive")) out.possibly_sensitive = false;
  if (want("reply_settings")) out.reply_settings = tweet.replySettings;
  if (want("display_text_range")) out.display_text_range = tweet.displayTextRange;
  if (want("edit_controls")) {
    out.edit_controls = {
      edits_remaining: 5,
      is_edit_eligible: true,
      editable_until: new Date(tweet.createdAt.getTime() + EDIT_WINDOW_MS).toISOString(),
    };
  }
  return out;
}

export function publicMetrics(user: XUser): Json {
  return {
    followers_count: user.followersCount,
    following_count: user.followingCount,
    tweet_count: user.tweetCount,
    listed_count: user.listedCount,
    like_count: user.likeCount,
    media_count: user.mediaCount,
  };
}

export interface UserExtras {
  mostRecentTweetId?: string;
}

export function renderUser(user: XUser, fields: ReadonlySet<string>, extras: UserExtras = {}): Json {
  const out: Json = { id: user.id, name: user.name, username: user.username };
  const want = (field: string) => fields.has(field);
  if (want("created_at")) out.created_at = user.createdAt.toISOString();
  if (want("description")) out.description = user.description;
  if (want("location")) optional(out, "location", user.location);
  if (want("url")) out.url = user.url ?? "";
  if (want("profile_image_url")) out.profile_image_url = user.profileImageUrl;
  if (want("protected")) out.protected = user.protected;
  if (want("public_metrics")) out.public_metrics = publicMetrics(user);
  if (want("verified")) out.verified = user.verified;
  if (want("verified_type")) out.verified_type = user.verifiedType;
  if (want("receives_your_dm")) out.receives_your_dm = user.receivesYourDm;
  if (want("pinned_tweet_id")) optional(out, "pinned_tweet_id", user.pinnedTweetId);
  if (want("most_recent_tweet_id")) optional(out, "most_recent_tweet_id", extras.mostRecentTweetId);
  if (want("connection_status")) out.connection_status = [];
  if (want("parody")) out.parody = false;
  if (want("is_identity_verified")) out.is_identity_verified = false;
  if (want("subscription_type")) out.subscription_type = "None";
  return out;
}

export function renderDmEvent(event: XDmEvent, fields: ReadonlySet<string>): Json {
  const out: Json = { id: event.id, event_type: event.eventType, text: event.text };
  const want = (field: string) => fields.has(field);
  if (want("sender_id")) out.sender_id = event.senderId;
  if (want("dm_conversation_id")) out.dm_conversation_id = event.dmConversationId;
  if (want("created_at")) out.created_at = event.createdAt.toISOString();
  if (want("entities")) {
    const found = extractEntities(event.text);
    const entities: XEntities = {
      mentions: found.mentions,
      hashtags: found.hashtags,
      cashtags: found.cashtags,
      urls: found.urls.map((u) => ({ ...u, expanded_url: u.url, display_url: u.url, unwound_url: u.url })),
    };
    optional(out, "entities", entitiesJson(entities));
  }
  return out;
}

/** `{data, includes?, meta?, errors?}`; an empty collection has no `data` key at all (§1.4). */
export function envelope(input: { data?: unknown; includes?: Json; meta?: Json; errors?: unknown[] }): Json {
  const out: Json = {};
  const emptyList = Array.isArray(input.data) && input.data.length === 0;
  if (input.data !== undefined && !emptyList) out.data = input.data;
  if (input.includes && Object.keys(input.includes).length > 0) out.includes = input.includes;
  if (input.errors && input.errors.length > 0) out.errors = input.errors;
  if (input.meta) out.meta = input.meta;
  return out;
}
