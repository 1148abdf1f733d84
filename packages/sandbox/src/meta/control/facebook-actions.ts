import type { MetaDeps } from "../deps";
import {
  publishCommentChange,
  publishMessengerEvent,
  publishMessengerMessage,
  publishPostChange,
} from "../facebook/events";
import { newIds } from "../state/ids";
import type { CommentRecord, DirectMessageRecord, PostRecord } from "../state/types";
import { ControlError, defaultPageId, requireCustomer } from "./customers";

/**
 * What customers (and the brand's own posting) do on Facebook, each fanning out like the real
 * platform: stored (readable through Graph) and delivered as a signed webhook.
 */
export interface CreatePostInput {
  pageId?: string | undefined;
  message: string;
  /** A visitor post by this customer; absent = the Page posts. */
  customerId?: string | undefined;
}

export function createPost(deps: MetaDeps, input: CreatePostInput): PostRecord {
  const pageId = defaultPageId(deps, input.pageId);
  const page = deps.store.pages.get(pageId);
  const customer = input.customerId ? requireCustomer(deps, input.customerId) : undefined;
  const number = newIds.postNumber(deps.store);
  const now = deps.clock.now();
  const post: PostRecord = {
    id: `${pageId}_${number}`,
    pageId,
    number,
    message: input.message,
    createdAt: now,
    updatedAt: now,
    authorId: customer ? (customer.psids[pageId] as string) : pageId,
    authorName: customer ? customer.name : (page?.name ?? ""),
    customerId: customer?.id,
    statusType: customer ? "wall_post" : "added_photos",
    hidden: false,
    removed: false,
  };
  deps.store.posts.set(post.id, post);
  void publishPostChange(deps, post, "add");
  return post;
}

export interface CustomerCommentInput {
  customerId: string;
  /** Comment on this post... */
  postId?: string | undefined;
  /** ...or reply to this comment. */
  commentId?: string | undefined;
  message: string;
}

function placement(deps: MetaDeps, input: CustomerCommentInput) {
  if (input.commentId) {
    const parent = deps.store.comments.get(input.commentId);
    if (!parent || parent.removed) throw new ControlError(`unknown comment ${input.commentId}`, 404);
    const root = deps.store.comments.get(parent.parentId) ?? parent;
    return { pageId: parent.pageId, postId: parent.postId, parentId: root.id };
  }
  const post = input.postId ? deps.store.posts.get(input.postId) : undefined;
  if (!post || post.removed) throw new ControlError(`unknown post ${input.postId}`, 404);
  return { pageId: post.pageId, postId: post.id, parentId: post.id };
}

export function customerComments(deps: MetaDeps, input: CustomerCommentInput): CommentRecord {
  const customer = requireCustomer(deps, input.customerId);
  const where = placement(deps, input);
  const postNumber = where.postId.split("_")[1] as string;
  const post = deps.store.posts.get(where.postId) as PostRecord;
  post.updatedAt = deps.clock.now();
  const comment: CommentRecord = {
    id: `${postNumber}_${newIds.commentNumber(deps.store)}`,
    ...where,
    message: input.message,
    createdAt: deps.clock.now(),
    authorId: customer.psids[where.pageId] as string,
    authorName: customer.name,
    customerId: customer.id,
    hidden: false,
    removed: false,
  };
  deps.store.comments.set(comment.id, comment);
  void publishCommentChange(deps, comment, "add");
  return comment;
}

function customerComment(deps: MetaDeps, commentId: string): CommentRecord {
  const comment = deps.store.comments.get(commentId);
  if (!comment || comment.removed || !comment.customerId)
    throw new ControlError(`unknown customer comment ${commentId}`, 404);
  return comment;
}

export function customerEditsComment(
  deps: MetaDeps,
  input: { commentId: string; message: string },
): CommentRecord {
  const comment = customerComment(deps, input.commentId);
  comment.message = input.message;
  void publishCommentChange(deps, comment, "edited");
  return comment;
}

export function customerDeletesComment(deps: MetaDeps, input: { commentId: string }): CommentRecord {
  const comment = customerComment(deps, input.commentId);
  comment.removed = true;
  void publishCommentChange(deps, comment, "remove");
  return comment;
}

export interface CustomerMessageInput {
  customerId: string;
  pageId?: string | undefined;
  text?: string | undefined;
  attachments?: unknown[] | undefined;
  replyToMid?: string | undefined;
}

/** A Messenger DM to the Page: opens (restarts) the 24 h standard window. */
export function customerSendsMessage(deps: MetaDeps, input: CustomerMessageInput): DirectMessageRecord {
  const customer = requireCustomer(deps, input.customerId);
  const pageId = defaultPageId(deps, input.pageId);
  if (input.text === undefined && !input.attachments) throw new ControlError("text or attachments required");
  const psid = customer.psids[pageId] as string;
  const message: DirectMessageRecord = {
    mid: newIds.messengerMid(deps.store),
    platform: "messenger",
    businessId: pageId,
    customerId: customer.id,
    userId: psid,
    direction: "inbound",
    text: input.text,
    attachments: input.attachments,
    replyToMid: input.replyToMid,
    createdAt: deps.clock.now(),
  };
  deps.store.messages.push(message);
  deps.store.conversationId(pageId, psid);
  deps.store.lastInbound.set(deps.store.windowKey(pageId, psid), message.createdAt);
  void publishMessengerMessage(deps, message);
  return message;
}

/** The customer opened the thread: `message_reads` with a watermark of now. */
export function customerReadsMessages(
  deps: MetaDeps,
  input: { customerId: string; pageId?: string | undefined },
): void {
  const customer = requireCustomer(deps, input.customerId);
  const pageId = defaultPageId(deps, input.pageId);
  const now = deps.clock.now().getTime();
  void publishMessengerEvent(deps, {
    pageId,
    field: "message_reads",
    event: {
      sender: { id: customer.psids[pageId] },
      recipient: { id: pageId },
      timestamp: now,
      read: { watermark: now },
    },
  });
}
