import type { ChannelRow } from "../../modules/channels/channels.repo";
import type { InboundItem } from "../connector";

/*
 * X delivers posts in two shapes: v2 objects (filtered stream, search, mentions, XAA webhooks)
 * and v1.1 objects (Account Activity webhooks). Both become the same InboundItem.
 */

type V2User = {
  id: string;
  username?: string;
  name?: string;
  verified?: boolean;
  public_metrics?: { followers_count?: number };
};
type V2Tweet = {
  id: string;
  text: string;
  author_id?: string;
  created_at?: string;
  conversation_id?: string;
  in_reply_to_user_id?: string;
  lang?: string;
  note_tweet?: { text?: string };
  referenced_tweets?: { type: string; id: string }[];
};
type V1User = {
  id_str?: string;
  id?: string;
  screen_name?: string;
  name?: string;
  followers_count?: number;
  verified?: boolean;
};
type V1Tweet = {
  id_str: string;
  text?: string;
  full_text?: string;
  extended_tweet?: { full_text?: string };
  created_at?: string;
  timestamp_ms?: string;
  in_reply_to_status_id_str?: string | null;
  in_reply_to_user_id_str?: string | null;
  in_reply_to_screen_name?: string | null;
  lang?: string;
  user?: V1User;
  retweeted_status?: unknown;
};
type V1Dm = {
  type?: string;
  id: string;
  created_timestamp: string;
  message_create?: { sender_id: string; target: { recipient_id: string }; message_data?: { text?: string } };
};

const language = (lang: string | undefined) => (lang && lang !== "und" && lang !== "zxx" ? lang : null);

/** `Wed Mar 05 16:02:11 +0000 2025` (v1.1) → Date. */
export function parseV1Date(value: string): Date {
  const m = /^\w{3} (\w{3}) (\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{4}) (\d{4})$/.exec(value);
  if (!m) return new Date(value);
  return new Date(`${m[2]} ${m[1]} ${m[5]} ${m[3]} GMT${m[4]}`);
}

function fromV2(tweet: V2Tweet, users: Map<string, V2User>, brandId: string): InboundItem | null {
  if (tweet.referenced_tweets?.some((r) => r.type === "retweeted")) return null; // reposts are not messages
  const author = users.get(tweet.author_id ?? "");
  const replyTo = tweet.referenced_tweets?.find((r) => r.type === "replied_to")?.id ?? null;
  const fromBrand = tweet.author_id === brandId;
  const repliedTo = tweet.in_reply_to_user_id;
  return {
    network: "x",
    externalId: tweet.id,
    kind: replyTo ? "reply" : "post",
    visibility: "public",
    threadExternalId: tweet.conversation_id ?? null,
    replyToExternalId: replyTo,
    fromBrand,
    author: {
      externalId: tweet.author_id ?? "unknown",
      handle: author?.username ?? null,
      name: author?.name ?? null,
      followersCount: author?.public_metrics?.followers_count ?? null,
      verified: author?.verified ?? false,
    },
    text: tweet.note_tweet?.text ?? tweet.text ?? "",
    sentAt: tweet.created_at ? new Date(tweet.created_at) : new Date(),
    language: language(tweet.lang),
    // The brand answering someone on the network: file it with that customer.
    recipient:
      fromBrand && repliedTo && repliedTo !== brandId ? personOf(repliedTo, users.get(repliedTo)) : null,
  };
}

const personOf = (id: string, user: V2User | undefined): InboundItem["author"] => ({
  externalId: id,
  handle: user?.username ?? null,
  name: user?.name ?? null,
  followersCount: user?.public_metrics?.followers_count ?? null,
  verified: user?.verified ?? false,
});

function fromV1(tweet: V1Tweet, brandId: string): InboundItem | null {
  if (tweet.retweeted_status) return null;
  const user = tweet.user ?? {};
  const userId = user.id_str ?? String(user.id ?? "unknown");
  const replyTo = tweet.in_reply_to_status_id_str ?? null;
  const repliedTo = tweet.in_reply_to_user_id_str;
  const fromBrand = userId === brandId;
  return {
    network: "x",
    externalId: tweet.id_str,
    kind: replyTo ? "reply" : "post",
    visibility: "public",
    threadExternalId: null,
    replyToExternalId: replyTo,
    fromBrand,
    author: {
      externalId: userId,
      handle: user.screen_name ?? null,
      name: user.name ?? null,
      followersCount: user.followers_count ?? null,
      verified: user.verified ?? false,
    },
    text: tweet.extended_tweet?.full_text ?? tweet.full_text ?? tweet.text ?? "",
    sentAt: tweet.timestamp_ms ? new Date(Number(tweet.timestamp_ms)) : parseV1Date(tweet.created_at ?? ""),
    language: language(tweet.lang),
    recipient:
      fromBrand && repliedTo && repliedTo !== brandId
        ? personOf(repliedTo, { id: repliedTo, username: tweet.in_reply_to_screen_name ?? undefined })
        : null,
  };
}

/** 1:1 DM conversations are named `<lower id>-<higher id>` on X. */
export function dmConversationId(a: string, b: string): string {
  return BigInt(a) < BigInt(b) ? `${a}-${b}` : `${b}-${a}`;
}

function fromV1Dm(
  dm: V1Dm,
  users: Record<string, V1User & { id?: string }>,
  brandId: string,
): InboundItem | null {
  const mc = dm.message_create;
  if (dm.type !== "message_create" || !mc) return null;
  const person = (id: string) => {
    const u = users[id] ?? {};
    return {
      externalId: id,
      handle: u.screen_name ?? null,
      name: u.name ?? null,
      followersCount: u.followers_count ?? null,
      verified: u.verified ?? false,
    };
  };
  const fromBrand = mc.sender_id === brandId;
  return {
    network: "x",
    externalId: dm.id,
    kind: "dm",
    visibility: "private",
    threadExternalId: dmConversationId(mc.sender_id, mc.target.recipient_id),
    replyToExternalId: null,
    fromBrand,
    author: person(mc.sender_id),
    text: mc.message_data?.text ?? "",
    sentAt: new Date(Number(dm.created_timestamp)),
    language: null,
    recipient: fromBrand ? person(mc.target.recipient_id) : null,
  };
}

function v2Users(includes: unknown): Map<string, V2User> {
  const users = ((includes as { users?: (V2User | { data: V2User })[] } | undefined)?.users ?? []).map((u) =>
    "data" in u ? u.data : u,
  );
  return new Map(users.map((u) => [u.id, u]));
}

export function parseXPayload(payload: unknown, channel: ChannelRow): InboundItem[] {
  const brandId = channel.externalAccountId;
  const p = (payload ?? {}) as Record<string, unknown>;
  const items: (InboundItem | null)[] = [];
  if (Array.isArray(p.tweet_create_events))
    items.push(...(p.tweet_create_events as V1Tweet[]).map((t) => fromV1(t, brandId)));
  if (Array.isArray(p.direct_message_events)) {
    const users = (p.users ?? {}) as Record<string, V1User>;
    items.push(...(p.direct_message_events as V1Dm[]).map((d) => fromV1Dm(d, users, brandId)));
  }
  const data = p.data as Record<string, unknown> | Record<string, unknown>[] | undefined;
  if (data && !Array.isArray(data) && typeof data.event_type === "string") {
    // X Activity API envelope: a v2 post under `payload`.
    if (String(data.event_type).startsWith("post.") && data.payload) {
      items.push(fromV2(data.payload as V2Tweet, v2Users(data.includes), brandId));
    }
  } else if (data) {
    const users = v2Users(p.includes);
    for (const tweet of Array.isArray(data) ? data : [data])
      items.push(fromV2(tweet as unknown as V2Tweet, users, brandId));
  }
  return items.filter((i): i is InboundItem => i !== null && i.externalId !== undefined);
}
