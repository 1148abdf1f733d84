import { appsMap, dmUser, tweetDeleteEvent, v1DmEvent, v1Tweet } from "./aaa";
import type { Selection } from "./fields";
import { expandTweets } from "./includes";
import type { MatchSubject } from "./match";
import type { XNetwork } from "./network";
import { renderTweet } from "./render";
import { matchingRulesJson } from "./rules";
import type { XDmEvent, XTweet } from "./types";

/**
 * Fan-out of new activity, like the real network: a new post reaches the filtered stream (when a
 * rule matches) and, as Account Activity events, every subscribed user it concerns.
 */
export function matchSubject(network: XNetwork, tweet: XTweet): MatchSubject | undefined {
  const author = network.store.user(tweet.authorId);
  if (!author) return undefined;
  const quotedId = tweet.referencedTweets.find((r) => r.type === "quoted")?.id;
  const quoted = quotedId ? network.store.tweet(quotedId) : undefined;
  return { tweet, author, userById: (id) => network.store.user(id), quoted };
}

/** One stream line for a post: data, includes/errors for the connection's expansions, matching_rules. */
export function streamPayload(network: XNetwork, tweet: XTweet, selection: Selection, rules: unknown[]) {
  const expanded = expandTweets(network.store, [tweet], selection);
  const payload: Record<string, unknown> = { data: renderTweet(tweet, selection.tweet) };
  if (Object.keys(expanded.includes).length > 0) payload.includes = expanded.includes;
  if (expanded.errors.length > 0) payload.errors = expanded.errors;
  payload.matching_rules = rules;
  return payload;
}

function usersConcernedBy(tweet: XTweet, network: XNetwork): Set<string> {
  const concerned = new Set<string>([tweet.authorId]);
  for (const mention of tweet.entities.mentions) if (mention.id) concerned.add(mention.id);
  if (tweet.inReplyToUserId) concerned.add(tweet.inReplyToUserId);
  for (const reference of tweet.referencedTweets) {
    const referenced = network.store.tweet(reference.id);
    if (reference.type === "quoted" && referenced) concerned.add(referenced.authorId);
  }
  return concerned;
}

function sourceOf(network: XNetwork, tweet: XTweet): string {
  if (tweet.via === "api") {
    const app = network.config.app;
    return `<a href="${app.url}" rel="nofollow">${app.name}</a>`;
  }
  return '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>';
}

export function tweetCreated(network: XNetwork, tweet: XTweet): void {
  const subject = matchSubject(network, tweet);
  if (!subject) return;
  const matched = network.rules.matching(subject);
  if (matched.length > 0) {
    const rules = matchingRulesJson(matched);
    network.streams.publish((selection) => streamPayload(network, tweet, selection, rules));
  }
  if (!network.webhooks.hasSubscribers()) return;
  const v1 = v1Tweet({
    tweet,
    userById: (id) => network.store.user(id),
    tweetById: (id) => network.store.tweet(id),
    source: sourceOf(network, tweet),
  });
  for (const userId of usersConcernedBy(tweet, network)) {
    const payload: Record<string, unknown> = { for_user_id: userId };
    if (userId !== tweet.authorId) payload.user_has_blocked = "false";
    payload.tweet_create_events = [v1];
    network.webhooks.deliver(userId, payload, "tweet_create_events");
  }
}

export function tweetDeleted(network: XNetwork, tweet: XTweet): void {
  const event = tweetDeleteEvent(tweet, network.clock.now());
  for (const userId of usersConcernedBy(tweet, network)) {
    network.webhooks.deliver(
      userId,
      { for_user_id: userId, tweet_delete_events: [event] },
      "tweet_delete_events",
    );
  }
}

export function dmCreated(network: XNetwork, event: XDmEvent): void {
  const app = network.config.app;
  const sourceAppId = event.via === "api" ? app.id : undefined;
  const users: Record<string, unknown> = {};
  for (const id of [event.senderId, event.recipientId]) {
    const user = network.store.user(id);
    if (user) users[id] = dmUser(user);
  }
  for (const userId of new Set([event.senderId, event.recipientId])) {
    const payload: Record<string, unknown> = {
      for_user_id: userId,
      direct_message_events: [v1DmEvent(event, sourceAppId)],
    };
    if (sourceAppId) payload.apps = appsMap(app);
    payload.users = users;
    network.webhooks.deliver(userId, payload, "direct_message_events");
  }
}
