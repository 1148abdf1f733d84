import type { ChannelRow } from "../../modules/channels/channels.repo";
import type { InboundItem } from "../connector";
import { messagingItem, person } from "../meta/messaging";
import { entriesOf, fromEpochMillis, fromEpochSeconds } from "../meta/webhooks";

/*
 * `object: "instagram"` deliveries (§2.7): comments as `changes[]` (no time of their own: the
 * entry's, in epoch seconds) and DMs as Messenger-shaped `messaging[]` (milliseconds).
 * `mentions` only name a media or comment to fetch, so they are not read here.
 */

interface IgCommentValue {
  id?: string;
  text?: string;
  from?: { id?: string; username?: string };
  media?: { id?: string };
  parent_id?: string;
}

const COMMENT_FIELDS = ["comments", "live_comments"];

export function igCommentItem(value: unknown, accountId: string, entryTime: Date | null): InboundItem | null {
  const v = (value ?? {}) as IgCommentValue;
  if (!v.id) return null;
  const fromBrand = v.from?.id === accountId;
  // The account's own top-level comments answer no one; its replies are the brand's (Parley's
  // are matched to their outbound message by id, others were made in Instagram's own tools).
  if (fromBrand && !v.parent_id) return null;
  const username = v.from?.username ?? null;
  return {
    network: "instagram",
    externalId: v.id,
    kind: "comment",
    visibility: "public",
    threadExternalId: v.media?.id ?? null,
    replyToExternalId: v.parent_id ?? null,
    fromBrand,
    author: person(v.from?.id ?? `anonymous:${v.id}`, username, username),
    text: v.text ?? "",
    sentAt: entryTime ?? new Date(),
    language: null,
    recipient: null,
  };
}

/** Every entry of the delivery for this account (one app can serve several). */
export function parseInstagramPayload(payload: unknown, channel: ChannelRow): InboundItem[] {
  const accountId = channel.externalAccountId;
  const items: (InboundItem | null)[] = [];
  for (const entry of entriesOf(payload, "instagram")) {
    if (entry.id && entry.id !== accountId) continue;
    for (const change of entry.changes ?? [])
      if (COMMENT_FIELDS.includes(change.field ?? ""))
        items.push(igCommentItem(change.value, accountId, fromEpochSeconds(entry.time)));
    for (const event of entry.messaging ?? [])
      items.push(messagingItem(event, "instagram", accountId, fromEpochMillis(entry.time)));
  }
  return items.filter((i): i is InboundItem => i !== null);
}
