import { compareIds } from "./snowflake";
import type { XDmEvent, XTweet, XUser, XWebhook } from "./types";

/**
 * The emulated network's memory: users, posts, DMs and webhooks. Posts and DMs are kept sorted by
 * id (= by time), which every timeline, search and pagination rule relies on.
 */
export class XStore {
  private readonly users = new Map<string, XUser>();
  private readonly usernames = new Map<string, string>();
  private readonly tweets = new Map<string, XTweet>();
  private tweetIds: string[] = [];
  private dms: XDmEvent[] = [];
  readonly webhooks = new Map<string, XWebhook>();

  addUser(user: XUser): XUser {
    const existing = this.users.get(user.id);
    if (existing) this.usernames.delete(existing.username.toLowerCase());
    this.users.set(user.id, user);
    this.usernames.set(user.username.toLowerCase(), user.id);
    return user;
  }

  user(id: string): XUser | undefined {
    return this.users.get(id);
  }

  userByUsername(username: string): XUser | undefined {
    const id = this.usernames.get(username.replace(/^@/, "").toLowerCase());
    return id === undefined ? undefined : this.users.get(id);
  }

  allUsers(): XUser[] {
    return [...this.users.values()];
  }

  addTweet(tweet: XTweet): void {
    this.tweets.set(tweet.id, tweet);
    insertSorted(this.tweetIds, tweet.id);
  }

  /** Any post ever created, deleted ones included (callers decide what a deletion hides). */
  tweet(id: string): XTweet | undefined {
    return this.tweets.get(id);
  }

  /** Live posts, newest first, optionally filtered. */
  tweetsNewestFirst(filter: (tweet: XTweet) => boolean = () => true): XTweet[] {
    const out: XTweet[] = [];
    for (let i = this.tweetIds.length - 1; i >= 0; i--) {
      const tweet = this.tweets.get(this.tweetIds[i] ?? "");
      if (tweet && !tweet.deleted && filter(tweet)) out.push(tweet);
    }
    return out;
  }

  /** Scans newest first; `olderThan` ends the scan early (ids are time-ordered). */
  newestTweet(filter: (tweet: XTweet) => boolean, olderThan?: Date): XTweet | undefined {
    for (let i = this.tweetIds.length - 1; i >= 0; i--) {
      const tweet = this.tweets.get(this.tweetIds[i] ?? "");
      if (tweet && olderThan && tweet.createdAt < olderThan) return undefined;
      if (tweet && !tweet.deleted && filter(tweet)) return tweet;
    }
    return undefined;
  }

  addDm(event: XDmEvent): void {
    this.dms.push(event);
    if (this.dms.length > 1 && compareIds(this.dms.at(-2)?.id ?? "0", event.id) > 0) {
      this.dms.sort((a, b) => compareIds(a.id, b.id));
    }
  }

  dmsNewestFirst(filter: (event: XDmEvent) => boolean = () => true): XDmEvent[] {
    return this.dms.filter(filter).reverse();
  }

  hasConversation(a: string, b: string): boolean {
    return this.dms.some(
      (e) => (e.senderId === a && e.recipientId === b) || (e.senderId === b && e.recipientId === a),
    );
  }

  /** Forgets everything except the users for which `keepUser` answers true. */
  clear(keepUser: (user: XUser) => boolean): void {
    for (const user of [...this.users.values()]) {
      if (!keepUser(user)) {
        this.users.delete(user.id);
        this.usernames.delete(user.username.toLowerCase());
      }
    }
    this.tweets.clear();
    this.tweetIds = [];
    this.dms = [];
    this.webhooks.clear();
  }
}

function insertSorted(ids: string[], id: string): void {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareIds(ids[mid] ?? "0", id) < 0) low = mid + 1;
    else high = mid;
  }
  ids.splice(low, 0, id);
}
