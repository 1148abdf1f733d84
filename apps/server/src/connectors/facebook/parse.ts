import type { ChannelRow } from "../../modules/channels/channels.repo";
import type { InboundItem } from "../connector";
import { messagingItem, person } from "../meta/messaging";
import { entriesOf, fromEpochMillis, fromEpochSeconds } from "../meta/webhooks";

/*
 * `object: "page"` deliveries (§2.4, §2.5): feed changes (comments and visitor posts, times in
 * epoch seconds) and Messenger events (milliseconds). Only new content (`verb: "add"`) is a
 * message; edits, removals, hides and reactions are not.
 */

interface FeedValue {
  item?: string;
  verb?: string;
  post_id?: string;
  comment_id?: string;
  parent_id?: string;
  from?: { id?: string; name?: string };
  message?: string;
  created_time?: number;
  photo?: string;
  video?: string;
  link?: string;
}

const VISITOR_POST_ITEMS = ["status", "post", "photo", "video", "share"];

/** The text, with a placeholder for each attachment (`[photo]`). */
function textOf(v: FeedValue): string {
  const media = (["photo", "video", "link"] as const).filter((k) => v[k]).map((k) => `[${k}]`);
  return [v.message ?? "", ...media].filter(Boolean).join(" ");
}

/** Meta may withhold who commented (§2.4): such a commenter is a contact of their own. */
const authorOf = (v: FeedValue, fallbackId: string) =>
  v.from?.id ? person(v.from.id, null, v.from.name ?? null) : person(`anonymous:${fallbackId}`);

function commentItem(v: FeedValue, pageId: string, entryTime: Date | null): InboundItem | null {
  if (!v.comment_id) return null;
  const fromPage = v.from?.id === pageId;
  const isReply = Boolean(v.parent_id && v.parent_id !== v.post_id);
  // The Page's own top-level comments answer no one. Its replies are the brand's: those Parley
  // made are matched to their outbound message by id; others (made in Meta's tools) are recorded.
  if (fromPage && !isReply) return null;
  return {
    network: "facebook",
    externalId: v.comment_id,
    kind: "comment",
    visibility: "public",
    threadExternalId: v.post_id ?? null,
    replyToExternalId: v.parent_id ?? v.post_id ?? null,
    fromBrand: fromPage,
    author: authorOf(v, v.comment_id),
    text: textOf(v),
    sentAt: fromEpochSeconds(v.created_time) ?? entryTime ?? new Date(),
    language: null,
    recipient: null,
  };
}

/** A customer's post on the Page's timeline. The Page's own posts are not customer messages. */
function visitorPost(v: FeedValue, pageId: string, entryTime: Date | null): InboundItem | null {
  if (!v.post_id || v.from?.id === pageId) return null;
  return {
    network: "facebook",
    externalId: v.post_id,
    kind: "post",
    visibility: "public",
    threadExternalId: v.post_id,
    replyToExternalId: null,
    fromBrand: false,
    author: authorOf(v, v.post_id),
    text: textOf(v),
    sentAt: fromEpochSeconds(v.created_time) ?? entryTime ?? new Date(),
    language: null,
    recipient: null,
  };
}

export function feedItem(value: unknown, pageId: string, entryTime: Date | null): InboundItem | null {
  const v = (value ?? {}) as FeedValue;
  if (v.verb !== "add") return null;
  if (v.item === "comment") return commentItem(v, pageId, entryTime);
  if (v.item && VISITOR_POST_ITEMS.includes(v.item)) return visitorPost(v, pageId, entryTime);
  return null;
}

/**
 * Every entry and every change or messaging event of a (possibly batched) delivery. Entries of
 * another Page (one app can serve several) are left to that Page's channel.
 */
export function parseFacebookPayload(payload: unknown, channel: ChannelRow): InboundItem[] {
  const pageId = channel.externalAccountId;
  const items: (InboundItem | null)[] = [];
  for (const entry of entriesOf(payload, "page")) {
    if (entry.id && entry.id !== pageId) continue;
    for (const change of entry.changes ?? [])
      if (change.field === "feed") items.push(feedItem(change.value, pageId, fromEpochSeconds(entry.time)));
    for (const event of entry.messaging ?? [])
      items.push(messagingItem(event, "facebook", pageId, fromEpochMillis(entry.time)));
  }
  return items.filter((i): i is InboundItem => i !== null);
}
