import { z } from "zod";
import { sendDm } from "./dms";
import { DM_EVENT_FIELDS, TWEET_FIELDS, USER_FIELDS } from "./fields";
import type { XNetwork } from "./network";
import { createPost, deletePost } from "./posts";
import type { EndpointLimit } from "./rate-limit";
import { renderDmEvent, renderTweet, renderUser } from "./render";
import { compareIds } from "./snowflake";
import type { XUser } from "./types";

/**
 * The control API (not part of X): what the traffic simulator and tests use to act as customers,
 * to read what the brand did, and to steer the network (failures, limits, disconnects, policy).
 * Inputs are snake_case JSON like X's own; the same functions back the HTTP routes.
 */
const ALL_TWEET = new Set<string>(TWEET_FIELDS);
const ALL_USER = new Set<string>(USER_FIELDS);
const ALL_DM = new Set<string>(DM_EVENT_FIELDS);

const id = z.string().regex(/^[0-9]{1,19}$/);
const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), "must be an ISO date");

export const NewUserSchema = z.object({
  id: id.optional(),
  username: z.string().regex(/^@?[A-Za-z0-9_]{1,15}$/),
  name: z.string().optional(),
  description: z.string().optional(),
  location: z.string().optional(),
  url: z.string().optional(),
  followers_count: z.number().int().nonnegative().optional(),
  following_count: z.number().int().nonnegative().optional(),
  tweet_count: z.number().int().nonnegative().optional(),
  listed_count: z.number().int().nonnegative().optional(),
  verified: z.boolean().optional(),
  verified_type: z.enum(["blue", "business", "government", "none"]).optional(),
  protected: z.boolean().optional(),
  receives_your_dm: z.boolean().optional(),
  created_at: isoDate.optional(),
  profile_image_url: z.string().optional(),
});

export const CustomerPostSchema = z.object({
  author_id: id.optional(),
  author_username: z.string().optional(),
  text: z.string().min(1),
  in_reply_to_tweet_id: id.optional(),
  quote_tweet_id: id.optional(),
  lang: z.string().optional(),
  created_at: isoDate.optional(),
  public_metrics: z.record(z.string(), z.number().int().nonnegative()).optional(),
});

export const CustomerDmSchema = z.object({
  sender_id: id.optional(),
  sender_username: z.string().optional(),
  recipient_id: id.optional(),
  text: z.string().min(1),
  created_at: isoDate.optional(),
});

export const SinceSchema = z.object({ since: isoDate.optional(), since_id: id.optional() });

export const FailureSchema = z.object({
  endpoint: z.string().default("*"),
  status: z.number().int().min(400).max(599),
  count: z.number().int().positive().default(1),
  body: z.record(z.string(), z.unknown()).optional(),
});

export const RateLimitSchema = z.object({
  endpoint: z.string(),
  app: z.number().int().nonnegative().optional(),
  user: z.number().int().nonnegative().optional(),
  window_seconds: z.number().int().positive().optional(),
});

export const PolicySchema = z.object({
  replyRestriction: z.boolean().optional(),
  duplicateWindowMs: z.number().int().nonnegative().optional(),
  searchWindowDays: z.number().positive().optional(),
  maxQueryLength: z.number().int().positive().optional(),
  maxRules: z.number().int().positive().optional(),
  maxRuleLength: z.number().int().positive().optional(),
  dmHistoryDays: z.number().positive().optional(),
  defaultLang: z.string().optional(),
  rejectStreamWithoutRules: z.boolean().optional(),
});

export class ControlError extends Error {}

export function userJson(user: XUser) {
  return renderUser(user, ALL_USER);
}

/** Finds the acting customer by id or username; an unknown username is created on the fly. */
function actor(network: XNetwork, byId: string | undefined, byUsername: string | undefined): XUser {
  if (byId) {
    const user = network.store.user(byId);
    if (!user) throw new ControlError(`unknown user id ${byId}`);
    return user;
  }
  if (!byUsername) throw new ControlError("give the customer's id or username");
  return network.store.userByUsername(byUsername) ?? network.createUser({ username: byUsername });
}

function sinceFilter(input: z.infer<typeof SinceSchema>) {
  const since = input.since ? Date.parse(input.since) : undefined;
  return (item: { id: string; createdAt: Date }) =>
    (since === undefined || item.createdAt.getTime() >= since) &&
    (input.since_id === undefined || compareIds(item.id, input.since_id) > 0);
}

export function createXControl(network: XNetwork) {
  return {
    createUser(input: z.input<typeof NewUserSchema>) {
      const parsed = NewUserSchema.parse(input);
      if (network.store.userByUsername(parsed.username))
        throw new ControlError(`username ${parsed.username} is taken`);
      return userJson(network.createUser(parsed));
    },
    listUsers: () => network.store.allUsers().map(userJson),
    /** A customer posts (a mention, a reply, a quote); fans out to search, stream and webhooks. */
    postTweet(input: z.input<typeof CustomerPostSchema>) {
      const parsed = CustomerPostSchema.parse(input);
      const author = actor(network, parsed.author_id, parsed.author_username);
      const tweet = createPost(network, {
        authorId: author.id,
        text: parsed.text,
        inReplyToTweetId: parsed.in_reply_to_tweet_id,
        quoteTweetId: parsed.quote_tweet_id,
        lang: parsed.lang,
        createdAt: parsed.created_at ? new Date(parsed.created_at) : undefined,
        metrics: parsed.public_metrics,
        via: "control",
      });
      return renderTweet(tweet, ALL_TWEET);
    },
    deleteTweet(tweetId: string) {
      const tweet = network.store.tweet(tweetId);
      if (!tweet) throw new ControlError(`unknown tweet ${tweetId}`);
      return deletePost(network, { tweetId, byUserId: tweet.authorId });
    },
    /** A customer DMs the brand (or `recipient_id`). */
    sendDm(input: z.input<typeof CustomerDmSchema>) {
      const parsed = CustomerDmSchema.parse(input);
      const sender = actor(network, parsed.sender_id, parsed.sender_username);
      const event = sendDm(network, {
        senderId: sender.id,
        recipientId: parsed.recipient_id ?? network.config.brand.id,
        text: parsed.text,
        createdAt: parsed.created_at ? new Date(parsed.created_at) : undefined,
        via: "control",
      });
      return renderDmEvent(event, ALL_DM);
    },
    /** What the brand posted (oldest first), optionally since a time or id. */
    brandTweets(input: z.input<typeof SinceSchema> = {}) {
      const keep = sinceFilter(SinceSchema.parse(input));
      const brandId = network.config.brand.id;
      return network.store
        .tweetsNewestFirst((t) => t.authorId === brandId && keep(t))
        .reverse()
        .map((t) => renderTweet(t, ALL_TWEET));
    },
    /** DMs the brand sent (oldest first). */
    brandDms(input: z.input<typeof SinceSchema> = {}) {
      const keep = sinceFilter(SinceSchema.parse(input));
      const brandId = network.config.brand.id;
      return network.store
        .dmsNewestFirst((e) => e.senderId === brandId && keep(e))
        .reverse()
        .map((e) => renderDmEvent(e, ALL_DM));
    },
    injectFailure(input: z.input<typeof FailureSchema>) {
      const parsed = FailureSchema.parse(input);
      network.failures.add({
        endpoint: parsed.endpoint,
        status: parsed.status,
        remaining: parsed.count,
        body: parsed.body,
      });
      return network.failures.list();
    },
    clearFailures: () => network.failures.clear(),
    setRateLimit(input: z.input<typeof RateLimitSchema>) {
      const parsed = RateLimitSchema.parse(input);
      const patch: EndpointLimit = {};
      if (parsed.app !== undefined) patch.app = parsed.app;
      if (parsed.user !== undefined) patch.user = parsed.user;
      if (parsed.window_seconds !== undefined) patch.windowSeconds = parsed.window_seconds;
      network.limiter.setLimit(parsed.endpoint, patch);
      return network.limiter.limitFor(parsed.endpoint);
    },
    resetRateLimits: () => network.limiter.reset(),
    /** Forces an operational disconnect of every open filtered-stream connection. */
    disconnectStreams: (detail?: string) => network.streams.disconnectAll(detail),
    streams: () => network.streams.list().map((c) => ({ id: c.id, opened_at: c.openedAt.toISOString() })),
    setPolicy(input: z.input<typeof PolicySchema>) {
      Object.assign(network.policy, PolicySchema.parse(input));
      return { ...network.policy };
    },
    /** Registers (with CRC) and subscribes the brand in one step; the simulator's shortcut. */
    async registerWebhook(url: string) {
      const result = await network.webhooks.register(url);
      if (typeof result === "string") throw new ControlError(result);
      result.subscriptions.add(network.config.brand.id);
      return {
        id: result.id,
        url: result.url,
        valid: result.valid,
        created_at: result.createdAt.toISOString(),
      };
    },
    deliveries: () => [...network.webhooks.dispatcher.log],
    /** Waits until pending webhook deliveries (and their retries) are finished. */
    idle: () => network.webhooks.dispatcher.idle(),
    reset: () => network.reset(),
  };
}

export type XControl = ReturnType<typeof createXControl>;
