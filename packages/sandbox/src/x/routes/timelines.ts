import type { FastifyInstance } from "fastify";
import { matchSubject } from "../activity";
import { defineEndpoint } from "../endpoint";
import { invalidParameter, invalidRequest, type ParameterError, resourceNotFound } from "../errors";
import { idParam, intParam, parseQuery, TWEET_EXPANSIONS, TWEET_PARAMS } from "../fields";
import { expandTweets } from "../includes";
import { matchesQuery } from "../match";
import type { XNetwork } from "../network";
import { paginate } from "../paging";
import { checkRuleQuery, type QueryNode } from "../query";
import { envelope, renderTweet } from "../render";
import { compareIds, snowflakeAt } from "../snowflake";
import type { XTweet } from "../types";

/** Recent search (§1.5) and the mentions timeline (§1.6): cursors, time bounds, envelopes. */
const TIME_PARAMS = ["since_id", "until_id", "start_time", "end_time"];
const SEARCH_PARAMS = [
  "query",
  ...TIME_PARAMS,
  "max_results",
  "next_token",
  "pagination_token",
  "sort_order",
  "post.fields",
  ...TWEET_PARAMS,
];
const MENTION_PARAMS = [...TIME_PARAMS, "max_results", "pagination_token", ...TWEET_PARAMS];
const MAX_MENTIONS = 800;

interface Bounds {
  sinceId?: string;
  untilId?: string;
  start?: Date;
  end?: Date;
}

function timeParam(values: Record<string, string>, name: string): Date | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(raw)
    ? new Date(raw)
    : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw invalidParameter(
      name,
      raw,
      `The \`${name}\` query parameter value [${raw}] is not a valid RFC3339 date-time`,
    );
  }
  return date;
}

function exclusive(values: Record<string, string>, pairs: Array<[string, string]>): void {
  const errors: ParameterError[] = pairs
    .filter(([a, b]) => values[a] !== undefined && values[b] !== undefined)
    .map(([a, b]) => ({
      parameters: { [a]: [values[a] ?? ""], [b]: [values[b] ?? ""] },
      message: `The \`${a}\` and \`${b}\` query parameters can not be used together`,
    }));
  if (errors.length > 0) throw invalidRequest(errors);
}

/** since_id/start_time must fall inside the search window; end_time at least 10 s in the past. */
function readBounds(network: XNetwork, values: Record<string, string>, windowed: boolean): Bounds {
  const bounds: Bounds = {
    sinceId: idParam(values, "since_id"),
    untilId: idParam(values, "until_id"),
    start: timeParam(values, "start_time"),
    end: timeParam(values, "end_time"),
  };
  if (!windowed) return bounds;
  const now = network.clock.now();
  const earliest = new Date(now.getTime() - network.policy.searchWindowDays * 86_400_000);
  const minute = earliest.toISOString().slice(0, 16);
  if (bounds.start && bounds.start < earliest) {
    const raw = values.start_time ?? "";
    throw invalidParameter(
      "start_time",
      raw,
      `Invalid 'start_time':'${raw}'. 'start_time' must be on or after ${minute}Z`,
    );
  }
  if (bounds.sinceId && compareIds(bounds.sinceId, snowflakeAt(earliest)) < 0) {
    const raw = bounds.sinceId;
    throw invalidParameter(
      "since_id",
      raw,
      `Invalid 'since_id':'${raw}'. 'since_id' must be a tweet id created after ${minute}Z`,
    );
  }
  if (bounds.end && bounds.end.getTime() > now.getTime() - 10_000) {
    const raw = values.end_time ?? "";
    throw invalidParameter(
      "end_time",
      raw,
      `Invalid 'end_time':'${raw}'. 'end_time' must be a minimum of 10 seconds prior to the request time.`,
    );
  }
  return bounds;
}

function withinBounds(tweet: XTweet, bounds: Bounds): boolean {
  if (bounds.sinceId && compareIds(tweet.id, bounds.sinceId) <= 0) return false;
  if (bounds.untilId && compareIds(tweet.id, bounds.untilId) >= 0) return false;
  if (bounds.start && tweet.createdAt < bounds.start) return false;
  if (bounds.end && tweet.createdAt >= bounds.end) return false;
  return true;
}

function parseSearchQuery(network: XNetwork, raw: string | undefined): QueryNode {
  if (!raw)
    throw invalidRequest([
      { parameters: { query: [] }, message: "The `query` query parameter can not be empty" },
    ]);
  const max = network.policy.maxQueryLength;
  if (raw.length > max) {
    throw invalidParameter(
      "query",
      raw,
      `The \`query\` query parameter value [${raw}] is not between 1 and ${max} characters`,
    );
  }
  const checked = checkRuleQuery(raw);
  if ("errors" in checked) {
    throw invalidParameter(
      "query",
      raw,
      `There were errors processing your request: ${checked.errors.join(", ")}`,
    );
  }
  return checked.node;
}

function timelineBody(
  network: XNetwork,
  page: ReturnType<typeof paginate<XTweet>>,
  selection: Parameters<typeof expandTweets>[2],
) {
  if (page.items.length === 0) return { meta: { result_count: 0 } };
  const expanded = expandTweets(network.store, page.items, selection);
  const meta: Record<string, unknown> = {
    newest_id: page.items[0]?.id,
    oldest_id: page.items.at(-1)?.id,
    result_count: page.items.length,
  };
  if (page.nextToken) meta.next_token = page.nextToken;
  if (page.previousToken) meta.previous_token = page.previousToken;
  return envelope({
    data: page.items.map((t) => renderTweet(t, selection.tweet)),
    includes: expanded.includes,
    errors: expanded.errors,
    meta,
  });
}

export function registerTimelineRoutes(app: FastifyInstance, network: XNetwork): void {
  defineEndpoint(app, network, {
    method: "GET",
    path: "/2/tweets/search/recent",
    auth: "any",
    handler: ({ query }) => {
      const { values, selection } = parseQuery(query, {
        params: SEARCH_PARAMS,
        expansions: TWEET_EXPANSIONS,
      });
      exclusive(values, [
        ["start_time", "since_id"],
        ["end_time", "until_id"],
        ["next_token", "pagination_token"],
      ]);
      const node = parseSearchQuery(network, values.query);
      const order = values.sort_order;
      if (order !== undefined && order !== "recency" && order !== "relevancy") {
        throw invalidParameter(
          "sort_order",
          order,
          `The \`sort_order\` query parameter value [${order}] is not one of [recency,relevancy]`,
        );
      }
      const maxResults = intParam({ values, name: "max_results", min: 10, max: 100, fallback: 10 });
      const bounds = readBounds(network, values, true);
      const earliest = network.clock.now().getTime() - network.policy.searchWindowDays * 86_400_000;
      const newestFirst = network.store.tweetsNewestFirst((tweet) => {
        if (tweet.createdAt.getTime() < earliest || !withinBounds(tweet, bounds)) return false;
        const subject = matchSubject(network, tweet);
        return subject !== undefined && !subject.author.protected && matchesQuery(node, subject, "search");
      });
      const tokenParameter = values.pagination_token !== undefined ? "pagination_token" : "next_token";
      const scope = `search|${values.query}|${TIME_PARAMS.map((p) => values[p] ?? "").join("|")}`;
      const token = values.next_token ?? values.pagination_token;
      const page = paginate({ newestFirst, maxResults, token, tokenParameter, scope });
      return { body: timelineBody(network, page, selection) };
    },
  });

  defineEndpoint(app, network, {
    method: "GET",
    path: "/2/users/:id/mentions",
    auth: "any",
    handler: ({ query, params }) => {
      const { values, selection } = parseQuery(query, {
        params: MENTION_PARAMS,
        expansions: TWEET_EXPANSIONS,
      });
      const userId = params.id ?? "";
      if (!network.store.user(userId)) {
        return {
          body: { errors: [resourceNotFound({ value: userId, parameter: "id", resourceType: "user" })] },
        };
      }
      const maxResults = intParam({ values, name: "max_results", min: 5, max: 100, fallback: 10 });
      const bounds = readBounds(network, values, false);
      // since_id takes precedence over start_time, until_id over end_time (§1.6).
      if (bounds.sinceId) bounds.start = undefined;
      if (bounds.untilId) bounds.end = undefined;
      const mentions = network.store
        .tweetsNewestFirst((tweet) => tweet.entities.mentions.some((m) => m.id === userId))
        .slice(0, MAX_MENTIONS)
        .filter((tweet) => withinBounds(tweet, bounds));
      const scope = `mentions|${userId}|${TIME_PARAMS.map((p) => values[p] ?? "").join("|")}`;
      const page = paginate({
        newestFirst: mentions,
        maxResults,
        token: values.pagination_token,
        tokenParameter: "pagination_token",
        scope,
        withPreviousToken: true,
      });
      return { body: timelineBody(network, page, selection) };
    },
  });
}
