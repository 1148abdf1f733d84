/** The emulator's in-memory records. Wire shapes are produced from them in render.ts and aaa.ts. */
export type VerifiedType = "blue" | "business" | "government" | "none";

export interface XUser {
  id: string;
  username: string;
  name: string;
  createdAt: Date;
  description: string;
  location?: string;
  url?: string;
  verified: boolean;
  verifiedType: VerifiedType;
  protected: boolean;
  profileImageUrl: string;
  followersCount: number;
  followingCount: number;
  tweetCount: number;
  listedCount: number;
  likeCount: number;
  mediaCount: number;
  /** Whether the brand may DM this user without an existing conversation (§1.9 permission rules). */
  receivesYourDm: boolean;
  pinnedTweetId?: string;
}

export interface XMentionEntity {
  start: number;
  end: number;
  username: string;
  id?: string;
}
export interface XTagEntity {
  start: number;
  end: number;
  tag: string;
}
export interface XUrlEntity {
  start: number;
  end: number;
  url: string;
  expanded_url: string;
  display_url: string;
  unwound_url: string;
}
export interface XEntities {
  mentions: XMentionEntity[];
  hashtags: XTagEntity[];
  cashtags: XTagEntity[];
  urls: XUrlEntity[];
}

export interface XPublicMetrics {
  retweet_count: number;
  reply_count: number;
  like_count: number;
  quote_count: number;
  bookmark_count: number;
  impression_count: number;
}

export type ReferenceType = "replied_to" | "quoted" | "retweeted";

export interface XTweet {
  id: string;
  text: string;
  authorId: string;
  createdAt: Date;
  conversationId: string;
  inReplyToUserId?: string;
  referencedTweets: Array<{ type: ReferenceType; id: string }>;
  entities: XEntities;
  /** Code-point range of the text without the leading reply @mentions. */
  displayTextRange: [number, number];
  lang: string;
  metrics: XPublicMetrics;
  replySettings: string;
  deleted: boolean;
  /** "api": created through POST /2/tweets; "control": posted by a simulated customer. */
  via: "api" | "control";
}

export interface XDmEvent {
  id: string;
  eventType: "MessageCreate";
  text: string;
  senderId: string;
  recipientId: string;
  dmConversationId: string;
  createdAt: Date;
  via: "api" | "control";
}

export interface XWebhook {
  id: string;
  url: string;
  valid: boolean;
  createdAt: Date;
  subscriptions: Set<string>;
}
