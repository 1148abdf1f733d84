import { resourceNotFound } from "./errors";
import type { Selection } from "./fields";
import { renderTweet, renderUser } from "./render";
import type { XStore } from "./store";
import type { XDmEvent, XTweet, XUser } from "./types";

/**
 * The `includes` expansion (§1.3): referenced objects once each, in first-seen order; a referenced
 * post that is gone becomes a partial error in `errors[]`, and the response still succeeds.
 */
export interface Expanded {
  includes: Record<string, unknown[]>;
  errors: unknown[];
}

class Collector {
  private readonly users = new Map<string, XUser>();
  private readonly tweets = new Map<string, XTweet>();
  readonly errors: unknown[] = [];

  constructor(private readonly store: XStore) {}

  addUser(id: string | undefined): void {
    const user = id === undefined ? undefined : this.store.user(id);
    if (user && !this.users.has(user.id)) this.users.set(user.id, user);
  }

  addTweet(id: string, parameter: string): XTweet | undefined {
    const tweet = this.store.tweet(id);
    if (!tweet || tweet.deleted) {
      this.errors.push(resourceNotFound({ value: id, parameter, resourceType: "tweet" }));
      return undefined;
    }
    if (!this.tweets.has(id)) this.tweets.set(id, tweet);
    return tweet;
  }

  render(selection: Selection): Expanded {
    const includes: Record<string, unknown[]> = {};
    if (this.users.size > 0)
      includes.users = [...this.users.values()].map((u) => renderUser(u, selection.user));
    if (this.tweets.size > 0)
      includes.tweets = [...this.tweets.values()].map((t) => renderTweet(t, selection.tweet));
    return { includes, errors: this.errors };
  }
}

export function expandTweets(store: XStore, tweets: XTweet[], selection: Selection): Expanded {
  const want = (expansion: string) => selection.expansions.has(expansion);
  const collector = new Collector(store);
  for (const tweet of tweets) {
    if (want("author_id")) collector.addUser(tweet.authorId);
    if (want("in_reply_to_user_id")) collector.addUser(tweet.inReplyToUserId);
    if (want("entities.mentions.username")) {
      for (const mention of tweet.entities.mentions)
        collector.addUser(store.userByUsername(mention.username)?.id);
    }
    if (want("edit_history_tweet_ids")) collector.addTweet(tweet.id, "edit_history_tweet_ids");
    if (!want("referenced_tweets.id") && !want("referenced_tweets.id.author_id")) continue;
    for (const reference of tweet.referencedTweets) {
      const referenced = collector.addTweet(reference.id, "referenced_tweets.id");
      if (referenced && want("referenced_tweets.id.author_id")) collector.addUser(referenced.authorId);
    }
  }
  return collector.render(selection);
}

export function expandUsers(store: XStore, users: XUser[], selection: Selection): Expanded {
  const collector = new Collector(store);
  for (const user of users) {
    if (selection.expansions.has("pinned_tweet_id") && user.pinnedTweetId) {
      collector.addTweet(user.pinnedTweetId, "pinned_tweet_id");
    }
    if (selection.expansions.has("most_recent_tweet_id")) {
      const latest = mostRecentTweetId(store, user.id);
      if (latest) collector.addTweet(latest, "most_recent_tweet_id");
    }
  }
  return collector.render(selection);
}

export function expandDmEvents(store: XStore, events: XDmEvent[], selection: Selection): Expanded {
  const collector = new Collector(store);
  for (const event of events) {
    if (selection.expansions.has("sender_id")) collector.addUser(event.senderId);
    if (selection.expansions.has("participant_ids")) {
      collector.addUser(event.senderId);
      collector.addUser(event.recipientId);
    }
  }
  return collector.render(selection);
}

export function mostRecentTweetId(store: XStore, userId: string): string | undefined {
  return store.newestTweet((t) => t.authorId === userId)?.id;
}
