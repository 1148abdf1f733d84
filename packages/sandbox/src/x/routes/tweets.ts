import type { FastifyInstance } from "fastify";
import { defineEndpoint } from "../endpoint";
import { invalidBody, invalidParameter, invalidRequest, resourceNotFound } from "../errors";
import { idParam, parseQuery, type Selection, TWEET_EXPANSIONS, TWEET_PARAMS } from "../fields";
import { jsonObject } from "../http";
import { expandTweets } from "../includes";
import type { XNetwork } from "../network";
import { createPost, deletePost } from "../posts";
import { envelope, renderTweet } from "../render";
import type { XTweet } from "../types";

/** Post lookup, creation and deletion (§1.1, §1.8). */
function lookupBody(
  network: XNetwork,
  found: XTweet[],
  errors: unknown[],
  selection: Selection,
  single: boolean,
) {
  const expanded = expandTweets(network.store, found, selection);
  const data = found.map((t) => renderTweet(t, selection.tweet));
  return envelope({
    data: single ? data[0] : data,
    includes: expanded.includes,
    errors: [...errors, ...expanded.errors],
  });
}

function visible(network: XNetwork, id: string): XTweet | undefined {
  const tweet = network.store.tweet(id);
  return tweet && !tweet.deleted ? tweet : undefined;
}

function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.map(String) : undefined;
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !/^[0-9]{1,19}$/.test(value))
    throw invalidBody(`${name} must be a numeric string id.`);
  return value;
}

export function registerTweetRoutes(app: FastifyInstance, network: XNetwork): void {
  defineEndpoint(app, network, {
    method: "GET",
    path: "/2/tweets/:id",
    auth: "any",
    handler: ({ query, params }) => {
      const { selection } = parseQuery(query, { params: TWEET_PARAMS, expansions: TWEET_EXPANSIONS });
      const id = params.id ?? "";
      if (!/^[0-9]{1,19}$/.test(id))
        throw invalidParameter(
          "id",
          id,
          `The \`id\` query parameter value [${id}] does not match ^[0-9]{1,19}$`,
        );
      const tweet = visible(network, id);
      if (!tweet)
        return {
          body: { errors: [resourceNotFound({ value: id, parameter: "id", resourceType: "tweet" })] },
        };
      return { body: lookupBody(network, [tweet], [], selection, true) };
    },
  });

  defineEndpoint(app, network, {
    method: "GET",
    path: "/2/tweets",
    auth: "any",
    handler: ({ query }) => {
      const { values, selection } = parseQuery(query, {
        params: ["ids", ...TWEET_PARAMS],
        expansions: TWEET_EXPANSIONS,
      });
      if (!values.ids) {
        throw invalidRequest([
          { parameters: { ids: [] }, message: "The `ids` query parameter can not be empty" },
        ]);
      }
      const ids = values.ids.split(",");
      for (const id of ids) idParam({ ids: id }, "ids");
      const found = ids.map((id) => visible(network, id)).filter((t): t is XTweet => t !== undefined);
      const missing = ids
        .filter((id) => !visible(network, id))
        .map((id) => resourceNotFound({ value: id, parameter: "ids", resourceType: "tweet" }));
      return { body: lookupBody(network, found, missing, selection, false) };
    },
  });

  defineEndpoint(app, network, {
    method: "POST",
    path: "/2/tweets",
    auth: "user",
    handler: ({ auth, request }) => {
      if (auth.kind !== "user") return undefined;
      const body = jsonObject(request);
      const media = body.media as { media_ids?: unknown } | undefined;
      if (Array.isArray(media?.media_ids) && media.media_ids.length > 0)
        throw invalidBody("Your media IDs are invalid.");
      const reply = (body.reply ?? {}) as Record<string, unknown>;
      const tweet = createPost(network, {
        authorId: auth.userId,
        text: body.text as string,
        inReplyToTweetId: optionalString(reply.in_reply_to_tweet_id, "reply.in_reply_to_tweet_id"),
        excludeReplyUserIds: stringArray(reply.exclude_reply_user_ids),
        quoteTweetId: optionalString(body.quote_tweet_id, "quote_tweet_id"),
        replySettings: typeof body.reply_settings === "string" ? body.reply_settings : undefined,
        via: "api",
      });
      return {
        status: 201,
        body: { data: { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] } },
      };
    },
  });

  defineEndpoint(app, network, {
    method: "DELETE",
    path: "/2/tweets/:id",
    auth: "user",
    handler: ({ auth, params }) => {
      if (auth.kind !== "user") return undefined;
      const id = params.id ?? "";
      const existing = network.store.tweet(id);
      // Deleting again is idempotent for the author (a retried DELETE must not look like a failure).
      if (existing?.deleted && existing.authorId === auth.userId)
        return { body: { data: { deleted: true } } };
      return { body: { data: { deleted: deletePost(network, { tweetId: id, byUserId: auth.userId }) } } };
    },
  });
}
