import type { MetaDeps } from "../deps";
import { publishIgComment, publishIgMessage, publishIgSeen } from "../instagram/events";
import { newIds } from "../state/ids";
import type { DirectMessageRecord, IgCommentRecord, IgMediaRecord } from "../state/types";
import { ControlError, defaultAccountId, requireCustomer } from "./customers";

/** Brand media and customer comments/DMs on Instagram, fanned out like §2.7. */
export interface CreateMediaInput {
  accountId?: string | undefined;
  caption: string;
  mediaType?: string | undefined;
  productType?: string | undefined;
}

export function createIgMedia(deps: MetaDeps, input: CreateMediaInput): IgMediaRecord {
  const accountId = defaultAccountId(deps, input.accountId);
  const media: IgMediaRecord = {
    id: newIds.igMedia(deps.store),
    accountId,
    caption: input.caption,
    createdAt: deps.clock.now(),
    mediaType: input.mediaType ?? "IMAGE",
    productType: input.productType ?? "FEED",
    shortcode: newIds.shortcode(deps.store),
  };
  deps.store.igMedia.set(media.id, media);
  return media;
}

export interface IgCommentInput {
  customerId: string;
  mediaId?: string | undefined;
  /** Reply to this comment (its media is implied). */
  parentId?: string | undefined;
  text: string;
}

export function customerCommentsOnInstagram(deps: MetaDeps, input: IgCommentInput): IgCommentRecord {
  const customer = requireCustomer(deps, input.customerId);
  const parent = input.parentId ? deps.store.igComments.get(input.parentId) : undefined;
  if (input.parentId && (!parent || parent.removed))
    throw new ControlError(`unknown comment ${input.parentId}`, 404);
  const media = deps.store.igMedia.get(parent?.mediaId ?? input.mediaId ?? "");
  if (!media) throw new ControlError(`unknown media ${input.mediaId}`, 404);
  const comment: IgCommentRecord = {
    id: newIds.igComment(deps.store),
    accountId: media.accountId,
    mediaId: media.id,
    parentId: parent ? (parent.parentId ?? parent.id) : undefined,
    text: input.text,
    createdAt: deps.clock.now(),
    authorId: customer.igsids[media.accountId] as string,
    username: customer.username,
    customerId: customer.id,
    hidden: false,
    removed: false,
  };
  deps.store.igComments.set(comment.id, comment);
  void publishIgComment(deps, comment);
  return comment;
}

export interface IgMessageInput {
  customerId: string;
  accountId?: string | undefined;
  text?: string | undefined;
  attachments?: unknown[] | undefined;
  replyToMid?: string | undefined;
}

/** An Instagram DM to the business: opens the 24 h window like Messenger. */
export function customerSendsInstagramMessage(deps: MetaDeps, input: IgMessageInput): DirectMessageRecord {
  const customer = requireCustomer(deps, input.customerId);
  const accountId = defaultAccountId(deps, input.accountId);
  if (input.text === undefined && !input.attachments) throw new ControlError("text or attachments required");
  const igsid = customer.igsids[accountId] as string;
  const message: DirectMessageRecord = {
    mid: newIds.instagramMid(deps.store, accountId),
    platform: "instagram",
    businessId: accountId,
    customerId: customer.id,
    userId: igsid,
    direction: "inbound",
    text: input.text,
    attachments: input.attachments,
    replyToMid: input.replyToMid,
    createdAt: deps.clock.now(),
  };
  deps.store.messages.push(message);
  deps.store.conversationId(accountId, igsid);
  deps.store.lastInbound.set(deps.store.windowKey(accountId, igsid), message.createdAt);
  void publishIgMessage(deps, message);
  return message;
}

/** The customer saw the business's latest message (`messaging_seen`). */
export function customerSeesInstagramMessages(
  deps: MetaDeps,
  input: { customerId: string; accountId?: string | undefined },
): void {
  const customer = requireCustomer(deps, input.customerId);
  const accountId = defaultAccountId(deps, input.accountId);
  const igsid = customer.igsids[accountId] as string;
  const last = [...deps.store.thread(accountId, igsid)].reverse().find((m) => m.direction === "outbound");
  if (!last) throw new ControlError("no business message to mark as seen");
  void publishIgSeen(deps, { accountId, igsid, mid: last.mid });
}
