import type { FastifyInstance } from "fastify";
import { matchSubject, streamPayload } from "../activity";
import { defineEndpoint } from "../endpoint";
import { PROBLEMS, XApiError } from "../errors";
import { intParam, parseQuery, TWEET_EXPANSIONS, TWEET_PARAMS } from "../fields";
import type { XNetwork } from "../network";
import { matchingRulesJson } from "../rules";

/** GET /2/tweets/search/stream (§1.7.2): a long-lived `\r\n`-delimited JSON response. */
const STREAM_PARAMS = ["backfill_minutes", "start_time", "end_time", ...TWEET_PARAMS];

function tooManyConnections(): XApiError {
  return new XApiError(429, {
    title: "ConnectionException",
    detail: "This stream is currently at the maximum allowed connection limit.",
    connection_issue: "TooManyConnections",
    type: `${PROBLEMS}streaming-connection`,
  });
}

function noRules(): XApiError {
  return new XApiError(409, {
    title: "ConnectionException",
    detail: "This stream has no rules; add rules before connecting.",
    type: `${PROBLEMS}streaming-connection`,
  });
}

/** Replays matches of the last `minutes` minutes, oldest first (reconnect recovery). */
function backfill(
  network: XNetwork,
  connectionId: number,
  selection: Parameters<typeof streamPayload>[2],
  minutes: number,
) {
  if (minutes <= 0) return;
  const since = network.clock.now().getTime() - minutes * 60_000;
  const recent = network.store.tweetsNewestFirst((t) => t.createdAt.getTime() >= since).reverse();
  for (const tweet of recent) {
    const subject = matchSubject(network, tweet);
    const matched = subject ? network.rules.matching(subject) : [];
    if (matched.length === 0) continue;
    network.streams.writeTo(
      connectionId,
      streamPayload(network, tweet, selection, matchingRulesJson(matched)),
    );
  }
}

export function registerStreamRoutes(app: FastifyInstance, network: XNetwork): void {
  defineEndpoint(app, network, {
    method: "GET",
    path: "/2/tweets/search/stream",
    auth: "app",
    handler: ({ query, reply, headers, request }) => {
      const { values, selection } = parseQuery(query, {
        params: STREAM_PARAMS,
        expansions: TWEET_EXPANSIONS,
      });
      const minutes = intParam({ values, name: "backfill_minutes", min: 0, max: 5, fallback: 0 });
      if (network.streams.isFull()) throw tooManyConnections();
      if (network.policy.rejectStreamWithoutRules && network.rules.list().length === 0) throw noRules();
      reply.hijack();
      reply.raw.writeHead(200, {
        ...headers,
        "content-type": "application/json; charset=utf-8",
        connection: "keep-alive",
      });
      request.raw.socket.setTimeout(0);
      reply.raw.flushHeaders();
      const connection = network.streams.attach(reply.raw, selection, network.clock.now());
      backfill(network, connection.id, selection, minutes);
      return undefined;
    },
  });
}
