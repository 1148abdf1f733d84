import { DAY_MS, graphTime } from "../core/time";
import type { UrlFor } from "../graph/dispatch";
import { edge, type FieldSpec, render } from "../graph/fields";
import { pageOf } from "../graph/paging";
import type { MetaStore } from "../state/store";
import type { IgCommentRecord, IgMediaRecord, InstagramAccountRecord } from "../state/types";

/** Instagram Graph nodes (§2.1, §2.7): account, media, comments and replies. */
export interface IgRenderContext {
  store: MetaStore;
  urlFor: UrlFor;
}

export const IG_COMMENT_DEFAULT_FIELDS = ["timestamp", "text", "id"];
export const IG_MEDIA_DEFAULT_FIELDS = ["id"];

export function topLevelComments(store: MetaStore, mediaId: string): IgCommentRecord[] {
  return [...store.igComments.values()]
    .filter((c) => c.mediaId === mediaId && !c.parentId && !c.removed)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

export function replies(store: MetaStore, commentId: string): IgCommentRecord[] {
  return [...store.igComments.values()]
    .filter((c) => c.parentId === commentId && !c.removed)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

export function igCanReplyPrivately(store: MetaStore, comment: IgCommentRecord): boolean {
  if (comment.privateReplyMid || comment.removed || !comment.customerId) return false;
  return store.clock.now().getTime() - comment.createdAt.getTime() <= 7 * DAY_MS;
}

export function pagedComments(
  ctx: IgRenderContext,
  items: IgCommentRecord[],
  query: Record<string, string | undefined>,
  children: FieldSpec[] | undefined,
  url: (cursor: { after?: string; before?: string }) => string,
) {
  return pageOf({
    items,
    idOf: (c) => c.id,
    request: query,
    url,
    render: (c) => render(igCommentNode(ctx, c), children, IG_COMMENT_DEFAULT_FIELDS),
  });
}

export function igCommentNode(ctx: IgRenderContext, comment: IgCommentRecord): Record<string, unknown> {
  const media = ctx.store.igMedia.get(comment.mediaId);
  return {
    id: comment.id,
    text: comment.text,
    timestamp: graphTime(comment.createdAt),
    username: comment.username,
    from: { id: comment.authorId, username: comment.username },
    hidden: comment.hidden,
    like_count: 0,
    media: { id: comment.mediaId, media_product_type: media?.productType ?? "FEED" },
    parent_id: comment.parentId,
    replies: edge((spec) =>
      pagedComments(ctx, replies(ctx.store, comment.id), { ...spec.modifiers }, spec.children, (cursor) =>
        ctx.urlFor(`${comment.id}/replies`, { ...spec.modifiers, ...cursor } as Record<string, string>),
      ),
    ),
  };
}

export function igMediaNode(ctx: IgRenderContext, media: IgMediaRecord): Record<string, unknown> {
  const account = ctx.store.instagram.get(media.accountId);
  const comments = [...ctx.store.igComments.values()].filter((c) => c.mediaId === media.id && !c.removed);
  return {
    id: media.id,
    caption: media.caption,
    media_type: media.mediaType,
    media_product_type: media.productType,
    permalink: `https://www.instagram.com/p/${media.shortcode}/`,
    shortcode: media.shortcode,
    timestamp: graphTime(media.createdAt),
    username: account?.username,
    owner: { id: media.accountId },
    comments_count: comments.length,
    like_count: 0,
    is_comment_enabled: true,
    comments: edge((spec) =>
      pagedComments(
        ctx,
        topLevelComments(ctx.store, media.id),
        { ...spec.modifiers },
        spec.children,
        (cursor) =>
          ctx.urlFor(`${media.id}/comments`, { ...spec.modifiers, ...cursor } as Record<string, string>),
      ),
    ),
  };
}

export function accountMedia(store: MetaStore, accountId: string): IgMediaRecord[] {
  return [...store.igMedia.values()]
    .filter((m) => m.accountId === accountId)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

export function igAccountNode(
  ctx: IgRenderContext,
  account: InstagramAccountRecord,
): Record<string, unknown> {
  return {
    id: account.id,
    username: account.username,
    name: account.name,
    profile_picture_url: `https://scontent.cdninstagram.com/emulator/${account.id}.jpg`,
    followers_count: 0,
    media_count: accountMedia(ctx.store, account.id).length,
    media: edge((spec) =>
      pageOf({
        items: accountMedia(ctx.store, account.id),
        idOf: (m) => m.id,
        request: { ...spec.modifiers },
        url: (cursor) =>
          ctx.urlFor(`${account.id}/media`, { ...spec.modifiers, ...cursor } as Record<string, string>),
        render: (m) => render(igMediaNode(ctx, m), spec.children, IG_MEDIA_DEFAULT_FIELDS),
      }),
    ),
  };
}
