import { epochSeconds, graphTime } from "../core/time";
import type { MetaDeps } from "../deps";
import type { CommentRecord, DirectMessageRecord, PostRecord } from "../state/types";
import { postPermalink } from "./objects";

/**
 * Webhook payloads for `object: "page"`: feed changes (§2.4, epoch seconds) and Messenger
 * events (§2.5, epoch milliseconds). Key order follows the reference examples.
 */
export type FeedVerb = "add" | "edited" | "remove" | "hide" | "unhide";

function postSummary(deps: MetaDeps, post: PostRecord) {
  return {
    id: post.id,
    status_type: post.statusType,
    is_published: true,
    updated_time: graphTime(post.updatedAt),
    permalink_url: postPermalink(deps.store, post),
    promotion_status: "inactive",
  };
}

function feedEntry(deps: MetaDeps, pageId: string, value: Record<string, unknown>) {
  return { id: pageId, time: epochSeconds(deps.clock.now()), changes: [{ field: "feed", value }] };
}

export function publishCommentChange(deps: MetaDeps, comment: CommentRecord, verb: FeedVerb): Promise<void> {
  const post = deps.store.posts.get(comment.postId);
  const value: Record<string, unknown> = { from: { id: comment.authorId, name: comment.authorName } };
  if (post) value.post = postSummary(deps, post);
  if (verb !== "remove") value.message = comment.message;
  Object.assign(value, {
    post_id: comment.postId,
    comment_id: comment.id,
    created_time: epochSeconds(verb === "add" ? comment.createdAt : deps.clock.now()),
    item: "comment",
    parent_id: comment.parentId,
    verb,
  });
  if (verb === "hide" || verb === "unhide") value.is_hidden = verb === "hide";
  return deps.hub.publish({
    object: "page",
    field: "feed",
    businessIds: [comment.pageId],
    installCheck: "field",
    entry: feedEntry(deps, comment.pageId, value),
  });
}

export function publishPostChange(deps: MetaDeps, post: PostRecord, verb: FeedVerb): Promise<void> {
  const value: Record<string, unknown> = { from: { id: post.authorId, name: post.authorName } };
  if (verb !== "remove") value.message = post.message;
  Object.assign(value, {
    post_id: post.id,
    created_time: epochSeconds(post.createdAt),
    item: "status",
    published: 1,
    verb,
  });
  return deps.hub.publish({
    object: "page",
    field: "feed",
    businessIds: [post.pageId],
    installCheck: "field",
    entry: feedEntry(deps, post.pageId, value),
  });
}

/** The `message` object of a messaging event, shared by Messenger and Instagram DMs. */
export function messagePayload(message: DirectMessageRecord, echo: { appId: string } | undefined) {
  const payload: Record<string, unknown> = { mid: message.mid };
  if (echo) {
    payload.is_echo = true;
    payload.app_id = /^\d+$/.test(echo.appId) ? Number(echo.appId) : echo.appId;
    if (message.metadata !== undefined) payload.metadata = message.metadata;
  }
  if (message.text !== undefined) payload.text = message.text;
  if (message.attachments) payload.attachments = message.attachments;
  if (message.replyToMid) payload.reply_to = { mid: message.replyToMid };
  return payload;
}

export function messagingEntry(businessId: string, nowMs: number, event: Record<string, unknown>) {
  return { id: businessId, time: nowMs, messaging: [event] };
}

export function publishMessengerEvent(
  deps: MetaDeps,
  args: { pageId: string; field: string; event: Record<string, unknown> },
): Promise<void> {
  return deps.hub.publish({
    object: "page",
    field: args.field,
    businessIds: [args.pageId],
    installCheck: "field",
    entry: messagingEntry(args.pageId, deps.clock.now().getTime(), args.event),
  });
}

/** Inbound customer message (`messages`) or the Page's own echo (`message_echoes`). */
export function publishMessengerMessage(deps: MetaDeps, message: DirectMessageRecord): Promise<void> {
  const inbound = message.direction === "inbound";
  const [sender, recipient] = inbound
    ? [message.userId, message.businessId]
    : [message.businessId, message.userId];
  return publishMessengerEvent(deps, {
    pageId: message.businessId,
    field: inbound ? "messages" : "message_echoes",
    event: {
      sender: { id: sender },
      recipient: { id: recipient },
      timestamp: message.createdAt.getTime(),
      message: messagePayload(message, inbound ? undefined : { appId: deps.appId }),
    },
  });
}
