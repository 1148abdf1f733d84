import { DAY_MS, graphTime } from "../core/time";
import type { UrlFor } from "../graph/dispatch";
import { edge, type FieldSpec, render } from "../graph/fields";
import { pageOf } from "../graph/paging";
import type { MetaStore } from "../state/store";
import type { CommentRecord, PageRecord, PostRecord } from "../state/types";

/** Graph node renderers for Facebook Pages content (§2.1); dates as ISO with `+0000`. */
export interface RenderContext {
  store: MetaStore;
  urlFor: UrlFor;
}

export const POST_DEFAULT_FIELDS = ["created_time", "message", "id"];
export const COMMENT_DEFAULT_FIELDS = ["created_time", "from", "message", "id"];
const PRIVATE_REPLY_WINDOW_MS = 7 * DAY_MS;

export function pageOwner(store: MetaStore, pageId: string): PageRecord {
  const page = store.pages.get(pageId);
  if (!page) throw new Error(`unknown page ${pageId}`);
  return page;
}

export function postPermalink(store: MetaStore, post: PostRecord): string {
  return `https://www.facebook.com/${pageOwner(store, post.pageId).username}/posts/${post.number}`;
}

export function commentPermalink(store: MetaStore, comment: CommentRecord): string {
  const post = store.posts.get(comment.postId);
  const base = post ? postPermalink(store, post) : "https://www.facebook.com/";
  return `${base}?comment_id=${comment.id.split("_")[1]}`;
}

export function canReplyPrivately(store: MetaStore, comment: CommentRecord): boolean {
  if (comment.privateReplyMid || comment.removed || !comment.customerId) return false;
  return store.clock.now().getTime() - comment.createdAt.getTime() <= PRIVATE_REPLY_WINDOW_MS;
}

/** Top-level comments of a post (`filter=toplevel`) or every comment on it (`filter=stream`). */
export function listComments(
  store: MetaStore,
  parentId: string,
  filter: string | undefined,
): CommentRecord[] {
  const all = [...store.comments.values()].filter((c) => !c.removed);
  const post = store.posts.get(parentId);
  if (post && filter === "stream") return all.filter((c) => c.postId === post.id);
  return all.filter((c) => c.parentId === parentId);
}

export function orderByTime<T extends { createdAt: Date }>(items: T[], order: string | undefined): T[] {
  const sorted = [...items].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return order === "reverse_chronological" ? sorted.reverse() : sorted;
}

/** Renders `comments` as a paged edge, either at `/{id}/comments` or nested in `fields`. */
export function commentsEdge(
  ctx: RenderContext,
  parentId: string,
  query: {
    filter?: string | undefined;
    order?: string | undefined;
    limit?: string | undefined;
    after?: string | undefined;
    before?: string | undefined;
    summary?: string | undefined;
  },
  children: FieldSpec[] | undefined,
  url: (cursor: { after?: string; before?: string }) => string,
): Record<string, unknown> {
  const items = orderByTime(listComments(ctx.store, parentId, query.filter), query.order);
  const paged: Record<string, unknown> = {
    ...pageOf({
      items,
      idOf: (c) => c.id,
      request: query,
      url,
      render: (c) => render(commentNode(ctx, c), children, COMMENT_DEFAULT_FIELDS),
    }),
  };
  if (query.summary === "true" || query.summary === "1") {
    paged.summary = { order: query.order ?? "chronological", total_count: items.length, can_comment: true };
  }
  return paged;
}

function nestedComments(ctx: RenderContext, parentId: string, spec: FieldSpec) {
  const query = { ...spec.modifiers };
  return commentsEdge(ctx, parentId, query, spec.children, (cursor) =>
    ctx.urlFor(`${parentId}/comments`, { ...query, ...cursor } as Record<string, string>),
  );
}

export function fromOf(id: string, name: string): { name: string; id: string } {
  return { name, id };
}

export function commentNode(ctx: RenderContext, comment: CommentRecord): Record<string, unknown> {
  const { store } = ctx;
  const parent = store.comments.get(comment.parentId);
  const replies = listComments(store, comment.id, undefined);
  return {
    id: comment.id,
    message: comment.message,
    from: fromOf(comment.authorId, comment.authorName),
    created_time: graphTime(comment.createdAt),
    parent: parent ? render(commentNode(ctx, parent), undefined, COMMENT_DEFAULT_FIELDS) : undefined,
    permalink_url: commentPermalink(store, comment),
    is_hidden: comment.hidden,
    can_reply_privately: canReplyPrivately(store, comment),
    can_hide: comment.authorId !== comment.pageId,
    can_remove: true,
    can_comment: !parent,
    comment_count: replies.length,
    like_count: 0,
    message_tags: [],
    object: { id: comment.postId },
    comments: edge((spec) => nestedComments(ctx, comment.id, spec)),
  };
}

export function postNode(ctx: RenderContext, post: PostRecord): Record<string, unknown> {
  return {
    id: post.id,
    message: post.message,
    created_time: graphTime(post.createdAt),
    updated_time: graphTime(post.updatedAt),
    from: fromOf(post.authorId, post.authorName),
    permalink_url: postPermalink(ctx.store, post),
    status_type: post.statusType,
    is_published: true,
    is_hidden: post.hidden,
    comments: edge((spec) => nestedComments(ctx, post.id, spec)),
  };
}

export function pageNode(ctx: RenderContext, page: PageRecord): Record<string, unknown> {
  return {
    id: page.id,
    name: page.name,
    category: page.category,
    username: page.username,
    link: `https://www.facebook.com/${page.username}`,
    instagram_business_account: page.instagramId ? { id: page.instagramId } : undefined,
    feed: edge((spec) => nestedFeed(ctx, page.id, "feed", spec)),
  };
}

/** `feed` = Page posts and visitor posts; `posts`/`published_posts` = the Page's own only. */
export function feedPosts(store: MetaStore, pageId: string, edgeName: string): PostRecord[] {
  const posts = [...store.posts.values()].filter((p) => p.pageId === pageId && !p.removed);
  const filtered =
    edgeName === "feed"
      ? posts
      : edgeName === "visitor_posts"
        ? posts.filter((p) => p.customerId)
        : posts.filter((p) => !p.customerId);
  return orderByTime(filtered, "reverse_chronological");
}

function nestedFeed(ctx: RenderContext, pageId: string, edgeName: string, spec: FieldSpec) {
  const query = { ...spec.modifiers };
  return pageOf({
    items: feedPosts(ctx.store, pageId, edgeName),
    idOf: (p) => p.id,
    request: query,
    url: (cursor) => ctx.urlFor(`${pageId}/${edgeName}`, { ...query, ...cursor } as Record<string, string>),
    render: (p) => render(postNode(ctx, p), spec.children, POST_DEFAULT_FIELDS),
  });
}
