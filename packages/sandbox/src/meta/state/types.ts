export interface PageRecord {
  id: string;
  name: string;
  accessToken: string;
  category: string;
  username: string;
  /** The Instagram professional account linked to this Page, if any. */
  instagramId?: string | undefined;
}

export interface InstagramAccountRecord {
  id: string;
  username: string;
  name: string;
  pageId: string;
  /** Token for "Instagram API with Instagram Login" calls (`/me/messages` as the IG user). */
  accessToken: string;
}

export interface CustomerRecord {
  /** Control-API id; the platform ids below are what the brand sees. */
  id: string;
  name: string;
  firstName: string;
  lastName: string;
  /** Page-scoped ids, one per Page (the same person has a different PSID on each Page). */
  psids: Record<string, string>;
  /** Instagram-scoped ids, one per IG account. */
  igsids: Record<string, string>;
  username: string;
  /** Blocked the Page / deactivated: sends fail with 551 / 1545041. */
  unavailable: boolean;
  createdAt: Date;
}

export interface PostRecord {
  id: string;
  pageId: string;
  number: string;
  message: string;
  createdAt: Date;
  updatedAt: Date;
  authorId: string;
  authorName: string;
  customerId?: string | undefined;
  statusType: string;
  hidden: boolean;
  removed: boolean;
  /** Visitor posts can get one private reply, like comments. */
  privateReplyMid?: string | undefined;
}

export interface CommentRecord {
  id: string;
  pageId: string;
  postId: string;
  /** The post id for a top-level comment, the parent comment id for a reply. */
  parentId: string;
  message: string;
  createdAt: Date;
  authorId: string;
  authorName: string;
  customerId?: string | undefined;
  hidden: boolean;
  removed: boolean;
  privateReplyMid?: string | undefined;
}

export interface IgMediaRecord {
  id: string;
  accountId: string;
  caption: string;
  createdAt: Date;
  mediaType: string;
  productType: string;
  shortcode: string;
}

export interface IgCommentRecord {
  id: string;
  accountId: string;
  mediaId: string;
  parentId?: string | undefined;
  text: string;
  createdAt: Date;
  authorId: string;
  username: string;
  customerId?: string | undefined;
  hidden: boolean;
  removed: boolean;
  privateReplyMid?: string | undefined;
}

export type DirectPlatform = "messenger" | "instagram";

export interface DirectMessageRecord {
  mid: string;
  platform: DirectPlatform;
  /** Page id (Messenger) or IG account id (Instagram). */
  businessId: string;
  customerId: string;
  /** PSID or IGSID. */
  userId: string;
  direction: "inbound" | "outbound";
  text?: string | undefined;
  attachments?: unknown[] | undefined;
  createdAt: Date;
  messagingType?: string | undefined;
  tag?: string | undefined;
  /** Set on private replies: the comment answered. */
  commentId?: string | undefined;
  metadata?: string | undefined;
  replyToMid?: string | undefined;
}

export type BrandActionKind = "comment" | "private_reply" | "message" | "hide" | "unhide" | "delete";

/** Everything the brand did through the Graph API, in order, for the control API's outbox. */
export interface BrandAction {
  seq: number;
  at: string;
  kind: BrandActionKind;
  platform: "facebook" | "messenger" | "instagram";
  /** The created comment id or message mid, or the moderated comment id. */
  id: string;
  /** The post/comment replied to, or the recipient PSID/IGSID. */
  targetId: string;
  customerId?: string | undefined;
  text?: string | undefined;
  messagingType?: string | undefined;
  tag?: string | undefined;
}
