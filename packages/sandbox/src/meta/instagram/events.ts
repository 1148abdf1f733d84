import { epochSeconds } from "../core/time";
import type { MetaDeps } from "../deps";
import { messagePayload, messagingEntry } from "../facebook/events";
import type { DirectMessageRecord, IgCommentRecord } from "../state/types";

/**
 * `object: "instagram"` payloads (§2.7): comments in `changes[]` (entry time in seconds),
 * DMs in `messaging[]` with millisecond timestamps; echoes of the business's own messages come
 * under the same `messages` field with `is_echo: true`.
 */
function businessIdsFor(deps: MetaDeps, accountId: string): string[] {
  const account = deps.store.instagram.get(accountId);
  // With Facebook Login the app is installed on the linked Page; with IG Login on the account.
  return account ? [accountId, account.pageId] : [accountId];
}

export function publishIgComment(deps: MetaDeps, comment: IgCommentRecord): Promise<void> {
  const media = deps.store.igMedia.get(comment.mediaId);
  const value: Record<string, unknown> = {
    from: { id: comment.authorId, username: comment.username },
    media: { id: comment.mediaId, media_product_type: media?.productType ?? "FEED" },
    id: comment.id,
    text: comment.text,
  };
  if (comment.parentId) value.parent_id = comment.parentId;
  return deps.hub.publish({
    object: "instagram",
    field: "comments",
    businessIds: businessIdsFor(deps, comment.accountId),
    installCheck: "any",
    entry: {
      id: comment.accountId,
      time: epochSeconds(deps.clock.now()),
      changes: [{ field: "comments", value }],
    },
  });
}

export function publishIgMessage(deps: MetaDeps, message: DirectMessageRecord): Promise<void> {
  const inbound = message.direction === "inbound";
  const [sender, recipient] = inbound
    ? [message.userId, message.businessId]
    : [message.businessId, message.userId];
  const event = {
    sender: { id: sender },
    recipient: { id: recipient },
    timestamp: message.createdAt.getTime(),
    message: messagePayload(message, inbound ? undefined : { appId: deps.appId }),
  };
  return deps.hub.publish({
    object: "instagram",
    field: "messages",
    businessIds: businessIdsFor(deps, message.businessId),
    installCheck: "any",
    entry: messagingEntry(message.businessId, deps.clock.now().getTime(), event),
  });
}

/** `messaging_seen`: the customer read the business's messages up to now. */
export function publishIgSeen(
  deps: MetaDeps,
  args: { accountId: string; igsid: string; mid: string },
): Promise<void> {
  const now = deps.clock.now().getTime();
  return deps.hub.publish({
    object: "instagram",
    field: "messaging_seen",
    businessIds: businessIdsFor(deps, args.accountId),
    installCheck: "any",
    entry: messagingEntry(args.accountId, now, {
      sender: { id: args.igsid },
      recipient: { id: args.accountId },
      timestamp: now,
      read: { mid: args.mid },
    }),
  });
}
