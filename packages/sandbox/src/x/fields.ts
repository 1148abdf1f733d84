import { invalidRequest, type ParameterError } from "./errors";

/** Allowed values of the field/expansion parameters (OpenAPI + twitter-api-v2 types). */
// biome-ignore format: long value lists read better packed
export const TWEET_FIELDS = [
  "article", "attachments", "author_id", "card_uri", "community_id", "context_annotations", "conversation_id",
  "created_at", "display_text_range", "edit_controls", "edit_history_tweet_ids", "entities", "geo", "id",
  "in_reply_to_user_id", "lang", "media_metadata", "non_public_metrics", "note_tweet", "organic_metrics",
  "possibly_sensitive", "promoted_metrics", "public_metrics", "referenced_tweets", "reply_settings", "scopes",
  "source", "text", "withheld",
] as const;
// biome-ignore format: long value lists read better packed
export const USER_FIELDS = [
  "affiliation", "confirmed_email", "connection_status", "created_at", "description", "entities", "id",
  "is_identity_verified", "location", "most_recent_tweet_id", "name", "parody", "pinned_tweet_id",
  "profile_banner_url", "profile_image_url", "protected", "public_metrics", "receives_your_dm", "subscription",
  "subscription_type", "url", "username", "verified", "verified_followers_count", "verified_type", "withheld",
] as const;
// biome-ignore format: long value lists read better packed
export const MEDIA_FIELDS = [
  "alt_text", "duration_ms", "height", "media_key", "non_public_metrics", "organic_metrics", "preview_image_url",
  "promoted_metrics", "public_metrics", "type", "url", "variants", "width",
] as const;
// biome-ignore format: long value lists read better packed
export const PLACE_FIELDS = [
  "contained_within", "country", "country_code", "full_name", "geo", "id", "name", "place_type",
] as const;
export const POLL_FIELDS = ["duration_minutes", "end_datetime", "id", "options", "voting_status"] as const;
export const DM_EVENT_FIELDS = [
  "attachments",
  "created_at",
  "dm_conversation_id",
  "entities",
  "event_type",
  "id",
  "participant_ids",
  "referenced_tweets",
  "sender_id",
  "text",
] as const;
// biome-ignore format: long value lists read better packed
export const TWEET_EXPANSIONS = [
  "article.cover_media", "article.media_entities", "attachments.media_keys", "attachments.media_source_tweet",
  "attachments.poll_ids", "author_id", "edit_history_tweet_ids", "entities.mentions.username",
  "entities.note.mentions.username", "geo.place_id", "in_reply_to_user_id", "referenced_tweets.id",
  "referenced_tweets.id.attachments.media_keys", "referenced_tweets.id.author_id",
] as const;
export const USER_EXPANSIONS = ["affiliation.user_id", "most_recent_tweet_id", "pinned_tweet_id"] as const;
export const DM_EXPANSIONS = [
  "attachments.media_keys",
  "participant_ids",
  "referenced_tweets.id",
  "sender_id",
] as const;

const LISTS: Record<string, readonly string[]> = {
  "tweet.fields": TWEET_FIELDS,
  "post.fields": TWEET_FIELDS,
  "user.fields": USER_FIELDS,
  "media.fields": MEDIA_FIELDS,
  "place.fields": PLACE_FIELDS,
  "poll.fields": POLL_FIELDS,
  "dm_event.fields": DM_EVENT_FIELDS,
};

/** Which list-valued parameters an endpoint takes, and which expansions it allows. */
export interface QuerySpec {
  params: readonly string[];
  expansions?: readonly string[];
}

export interface Selection {
  tweet: Set<string>;
  user: Set<string>;
  dm: Set<string>;
  expansions: Set<string>;
}

export interface ParsedQuery {
  /** Last value of each parameter. */
  values: Record<string, string>;
  selection: Selection;
}

export const TWEET_PARAMS = [
  "expansions",
  "tweet.fields",
  "user.fields",
  "media.fields",
  "place.fields",
  "poll.fields",
];
export const USER_PARAMS = ["expansions", "tweet.fields", "user.fields"];
export const DM_PARAMS = ["dm_event.fields", "expansions", "media.fields", "tweet.fields", "user.fields"];

function listErrors(name: string, raw: string, allowed: readonly string[]): ParameterError[] {
  const bad = raw.split(",").filter((value) => !allowed.includes(value));
  return bad.map((value) => ({
    parameters: { [name]: [value] },
    message: `The \`${name}\` query parameter value [${value}] is not one of [${allowed.join(",")}]`,
  }));
}

/** Validates every query parameter at once (X reports all problems in one 400) and builds the selection. */
export function parseQuery(query: URLSearchParams, spec: QuerySpec): ParsedQuery {
  const values: Record<string, string> = {};
  const errors: ParameterError[] = [];
  for (const [name, value] of query) {
    values[name] = value;
    if (!spec.params.includes(name)) {
      errors.push({
        parameters: { [name]: [value] },
        message: `The query parameter [${name}] is not one of [${spec.params.join(",")}]`,
      });
      continue;
    }
    const list = name === "expansions" ? spec.expansions : LISTS[name];
    if (list) errors.push(...listErrors(name, value, list));
  }
  if (errors.length > 0) throw invalidRequest(errors);
  const split = (name: string) => new Set(values[name] ? values[name].split(",") : []);
  const tweet = split("tweet.fields");
  for (const field of split("post.fields")) tweet.add(field);
  return {
    values,
    selection: {
      tweet,
      user: split("user.fields"),
      dm: split("dm_event.fields"),
      expansions: split("expansions"),
    },
  };
}

/** `max_results`-style integer parameter with X's range message. */
export function intParam(input: {
  values: Record<string, string>;
  name: string;
  min: number;
  max: number;
  fallback: number;
}): number {
  const raw = input.values[input.name];
  if (raw === undefined) return input.fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || value < input.min || value > input.max) {
    throw invalidRequest([
      {
        parameters: { [input.name]: [raw] },
        message: `The \`${input.name}\` query parameter value [${raw}] is not between ${input.min} and ${input.max}`,
      },
    ]);
  }
  return value;
}

/** Snowflake-valued parameter (ids, since_id, until_id). */
export function idParam(values: Record<string, string>, name: string): string | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (!/^[0-9]{1,19}$/.test(raw)) {
    throw invalidRequest([
      {
        parameters: { [name]: [raw] },
        message: `The \`${name}\` query parameter value [${raw}] does not match ^[0-9]{1,19}$`,
      },
    ]);
  }
  return raw;
}

export function emptySelection(): Selection {
  return { tweet: new Set(), user: new Set(), dm: new Set(), expansions: new Set() };
}
