import type { MetaDeps } from "../deps";
import { errors } from "../graph/errors";
import { render } from "../graph/fields";
import { pageOf } from "../graph/paging";
import { bool, str } from "../graph/params";
import type { MetaCall, MetaRoute } from "../principal";
import { newIds } from "../state/ids";
import type { IgCommentRecord, IgMediaRecord, InstagramAccountRecord } from "../state/types";
import { publishIgComment } from "./events";
import {
  accountMedia,
  IG_COMMENT_DEFAULT_FIELDS,
  IG_MEDIA_DEFAULT_FIELDS,
  type IgRenderContext,
  igAccountNode,
  igCommentNode,
  igMediaNode,
  pagedComments,
  replies,
  topLevelComments,
} from "./objects";

/** Instagram endpoints of §2.1/§2.7: media, comments, replies, hide, delete. */
const usage = (call: MetaCall) => ({ businessId: call.node.ownerId, type: "instagram" as const });
const ctxOf = (deps: MetaDeps, call: MetaCall): IgRenderContext => ({
  store: deps.store,
  urlFor: call.urlFor,
});
const pageQuery = (call: MetaCall) => ({
  limit: str(call.params, "limit"),
  after: str(call.params, "after"),
  before: str(call.params, "before"),
});

function account(deps: MetaDeps, id: string): InstagramAccountRecord {
  const found = deps.store.instagram.get(id);
  if (!found) throw errors.unknownObject(id, "GET");
  return found;
}

/** Instagram comments are one level deep: replying to a reply answers its top-level comment. */
function createReply(deps: MetaDeps, call: MetaCall) {
  const text = str(call.params, "message");
  if (!text) throw errors.invalidParam("The parameter message is required");
  const owner = account(deps, call.node.ownerId);
  let mediaId = call.node.id;
  let parentId: string | undefined;
  if (call.node.kind === "ig_comment") {
    const target = deps.store.igComments.get(call.node.id) as IgCommentRecord;
    mediaId = target.mediaId;
    parentId = target.parentId ?? target.id;
  }
  const comment: IgCommentRecord = {
    id: newIds.igComment(deps.store),
    accountId: owner.id,
    mediaId,
    parentId,
    text,
    createdAt: deps.clock.now(),
    authorId: owner.id,
    username: owner.username,
    hidden: false,
    removed: false,
  };
  deps.store.igComments.set(comment.id, comment);
  deps.store.recordAction({
    kind: "comment",
    platform: "instagram",
    id: comment.id,
    targetId: call.node.id,
    customerId: deps.store.igComments.get(call.node.id)?.customerId,
    text,
  });
  void publishIgComment(deps, comment);
  return { id: comment.id };
}

function moderate(deps: MetaDeps, call: MetaCall) {
  const comment = deps.store.igComments.get(call.node.id) as IgCommentRecord;
  const hide = bool(call.params, "hide");
  if (hide === undefined) throw errors.invalidParam("The parameter hide is required");
  comment.hidden = hide;
  const kind = hide ? "hide" : "unhide";
  deps.store.recordAction({
    kind,
    platform: "instagram",
    id: comment.id,
    targetId: comment.id,
    customerId: comment.customerId,
  });
  return { success: true };
}

function remove(deps: MetaDeps, call: MetaCall) {
  const comment = deps.store.igComments.get(call.node.id) as IgCommentRecord;
  comment.removed = true;
  deps.store.recordAction({
    kind: "delete",
    platform: "instagram",
    id: comment.id,
    targetId: comment.id,
    customerId: comment.customerId,
  });
  return { success: true };
}

export function instagramRoutes(deps: MetaDeps): MetaRoute[] {
  const r = (
    method: MetaRoute["method"],
    kind: MetaRoute["kind"],
    edge: string | undefined,
    handle: (call: MetaCall) => unknown,
  ): MetaRoute =>
    edge === undefined ? { method, kind, usage, handle } : { method, kind, edge, usage, handle };
  return [
    r("GET", "ig_account", undefined, (call) =>
      render(igAccountNode(ctxOf(deps, call), account(deps, call.node.id)), call.fields, ["id", "username"]),
    ),
    r("GET", "ig_account", "media", (call) =>
      pageOf({
        items: accountMedia(deps.store, call.node.id),
        idOf: (m) => m.id,
        request: pageQuery(call),
        url: (cursor) => call.selfUrl(cursor as Record<string, string>),
        render: (m) => render(igMediaNode(ctxOf(deps, call), m), call.fields, IG_MEDIA_DEFAULT_FIELDS),
      }),
    ),
    r("GET", "ig_media", undefined, (call) =>
      render(
        igMediaNode(ctxOf(deps, call), deps.store.igMedia.get(call.node.id) as IgMediaRecord),
        call.fields,
        IG_MEDIA_DEFAULT_FIELDS,
      ),
    ),
    r("GET", "ig_media", "comments", (call) =>
      pagedComments(
        ctxOf(deps, call),
        topLevelComments(deps.store, call.node.id),
        pageQuery(call),
        call.fields,
        (cursor) => call.selfUrl(cursor as Record<string, string>),
      ),
    ),
    r("POST", "ig_media", "comments", (call) => createReply(deps, call)),
    r("GET", "ig_comment", undefined, (call) =>
      render(
        igCommentNode(ctxOf(deps, call), deps.store.igComments.get(call.node.id) as IgCommentRecord),
        call.fields,
        IG_COMMENT_DEFAULT_FIELDS,
      ),
    ),
    r("GET", "ig_comment", "replies", (call) =>
      pagedComments(
        ctxOf(deps, call),
        replies(deps.store, call.node.id),
        pageQuery(call),
        call.fields,
        (cursor) => call.selfUrl(cursor as Record<string, string>),
      ),
    ),
    r("POST", "ig_comment", "replies", (call) => createReply(deps, call)),
    r("POST", "ig_comment", undefined, (call) => moderate(deps, call)),
    r("DELETE", "ig_comment", undefined, (call) => remove(deps, call)),
  ];
}
