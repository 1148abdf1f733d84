import type { MetaDeps } from "../deps";
import { errors } from "../graph/errors";
import { render } from "../graph/fields";
import { pageOf } from "../graph/paging";
import { bool, str } from "../graph/params";
import type { MetaCall, MetaRoute } from "../principal";
import { newIds } from "../state/ids";
import type { CommentRecord, PostRecord } from "../state/types";
import { publishCommentChange, publishPostChange } from "./events";
import {
  COMMENT_DEFAULT_FIELDS,
  commentNode,
  commentsEdge,
  feedPosts,
  POST_DEFAULT_FIELDS,
  pageNode,
  postNode,
  type RenderContext,
} from "./objects";

/** Page content endpoints of §2.1: feed, posts, comments, replies, hide and delete. */
const pagesUsage = (call: MetaCall) => ({ businessId: call.node.ownerId, type: "pages" as const });
const ctxOf = (deps: MetaDeps, call: MetaCall): RenderContext => ({ store: deps.store, urlFor: call.urlFor });

function requireMessage(call: MetaCall): string {
  const message = str(call.params, "message");
  if (!message && !str(call.params, "attachment_url") && !str(call.params, "attachment_id")) {
    throw errors.invalidParam("Missing message or attachment");
  }
  return message ?? "";
}

function listFeed(deps: MetaDeps, call: MetaCall) {
  return pageOf({
    items: feedPosts(deps.store, call.node.id, call.edge ?? "feed"),
    idOf: (p) => p.id,
    request: {
      limit: str(call.params, "limit"),
      after: str(call.params, "after"),
      before: str(call.params, "before"),
    },
    url: (cursor) => call.selfUrl(cursor as Record<string, string>),
    render: (p) => render(postNode(ctxOf(deps, call), p), call.fields, POST_DEFAULT_FIELDS),
  });
}

function createPagePost(deps: MetaDeps, call: MetaCall) {
  const page = deps.store.pages.get(call.node.id);
  if (!page) throw errors.unknownObject(call.node.id, "POST");
  const number = newIds.postNumber(deps.store);
  const now = deps.clock.now();
  const post: PostRecord = {
    id: `${page.id}_${number}`,
    pageId: page.id,
    number,
    message: requireMessage(call),
    createdAt: now,
    updatedAt: now,
    authorId: page.id,
    authorName: page.name,
    statusType: "mobile_status_update",
    hidden: false,
    removed: false,
  };
  deps.store.posts.set(post.id, post);
  void publishPostChange(deps, post, "add");
  return { id: post.id };
}

function listComments(deps: MetaDeps, call: MetaCall) {
  const p = call.params;
  const query = {
    filter: str(p, "filter"),
    order: str(p, "order"),
    limit: str(p, "limit"),
    after: str(p, "after"),
    before: str(p, "before"),
    summary: str(p, "summary"),
  };
  return commentsEdge(ctxOf(deps, call), call.node.id, query, call.fields, (cursor) =>
    call.selfUrl(cursor as Record<string, string>),
  );
}

/** Facebook threads are two levels deep: a reply to a reply joins the top-level comment's thread. */
function threadRoot(deps: MetaDeps, call: MetaCall): { postId: string; parentId: string } {
  if (call.node.kind === "post") return { postId: call.node.id, parentId: call.node.id };
  const comment = deps.store.comments.get(call.node.id) as CommentRecord;
  const parent = deps.store.comments.get(comment.parentId);
  return { postId: comment.postId, parentId: parent ? parent.id : comment.id };
}

function createPageComment(deps: MetaDeps, call: MetaCall) {
  const page = deps.store.pages.get(call.node.ownerId);
  if (!page) throw errors.unknownObject(call.node.id, "POST");
  const message = requireMessage(call);
  const { postId, parentId } = threadRoot(deps, call);
  const postNumber = postId.split("_")[1] as string;
  const comment: CommentRecord = {
    id: `${postNumber}_${newIds.commentNumber(deps.store)}`,
    pageId: page.id,
    postId,
    parentId,
    message,
    createdAt: deps.clock.now(),
    authorId: page.id,
    authorName: page.name,
    hidden: false,
    removed: false,
  };
  deps.store.comments.set(comment.id, comment);
  deps.store.recordAction({
    kind: "comment",
    platform: "facebook",
    id: comment.id,
    targetId: call.node.id,
    // The customer answered, so the simulator can find replies to its own comments.
    customerId:
      deps.store.comments.get(call.node.id)?.customerId ?? deps.store.posts.get(call.node.id)?.customerId,
    text: message,
  });
  void publishCommentChange(deps, comment, "add");
  return { id: comment.id };
}

function updateComment(deps: MetaDeps, call: MetaCall) {
  const comment = deps.store.comments.get(call.node.id) as CommentRecord;
  const hidden = bool(call.params, "is_hidden");
  const message = str(call.params, "message");
  if (hidden !== undefined) {
    if (comment.authorId === comment.pageId) throw errors.invalidParam("A Page cannot hide its own comments");
    comment.hidden = hidden;
    const kind = hidden ? "hide" : "unhide";
    deps.store.recordAction({
      kind,
      platform: "facebook",
      id: comment.id,
      targetId: comment.id,
      customerId: comment.customerId,
    });
    void publishCommentChange(deps, comment, kind);
    return { success: true };
  }
  if (message !== undefined) {
    if (comment.authorId !== comment.pageId) throw errors.invalidParam("Only the author can edit a comment");
    comment.message = message;
    void publishCommentChange(deps, comment, "edited");
    return { success: true };
  }
  throw errors.invalidParam("Param is_hidden or message is required");
}

function deleteComment(deps: MetaDeps, call: MetaCall) {
  const comment = deps.store.comments.get(call.node.id) as CommentRecord;
  comment.removed = true;
  deps.store.recordAction({
    kind: "delete",
    platform: "facebook",
    id: comment.id,
    targetId: comment.id,
    customerId: comment.customerId,
  });
  void publishCommentChange(deps, comment, "remove");
  return { success: true };
}

function getPost(deps: MetaDeps, call: MetaCall) {
  const post = deps.store.posts.get(call.node.id) as PostRecord;
  return render(postNode(ctxOf(deps, call), post), call.fields, POST_DEFAULT_FIELDS);
}

function getComment(deps: MetaDeps, call: MetaCall) {
  const comment = deps.store.comments.get(call.node.id) as CommentRecord;
  return render(commentNode(ctxOf(deps, call), comment), call.fields, COMMENT_DEFAULT_FIELDS);
}

export function pageContentRoutes(deps: MetaDeps): MetaRoute[] {
  const route = (
    method: MetaRoute["method"],
    kind: MetaRoute["kind"],
    edge: string | undefined,
    handle: (call: MetaCall) => unknown,
  ): MetaRoute =>
    edge === undefined
      ? { method, kind, usage: pagesUsage, handle }
      : { method, kind, edge, usage: pagesUsage, handle };
  return [
    route("GET", "page", undefined, (call) => {
      const page = deps.store.pages.get(call.node.id);
      return page ? render(pageNode(ctxOf(deps, call), page), call.fields, ["name", "id"]) : undefined;
    }),
    ...["feed", "posts", "published_posts", "visitor_posts"].map((edge) =>
      route("GET", "page", edge, (call) => listFeed(deps, call)),
    ),
    route("POST", "page", "feed", (call) => createPagePost(deps, call)),
    route("GET", "post", undefined, (call) => getPost(deps, call)),
    route("GET", "post", "comments", (call) => listComments(deps, call)),
    route("POST", "post", "comments", (call) => createPageComment(deps, call)),
    route("GET", "comment", undefined, (call) => getComment(deps, call)),
    route("GET", "comment", "comments", (call) => listComments(deps, call)),
    route("POST", "comment", "comments", (call) => createPageComment(deps, call)),
    route("POST", "comment", undefined, (call) => updateComment(deps, call)),
    route("DELETE", "comment", undefined, (call) => deleteComment(deps, call)),
  ];
}
