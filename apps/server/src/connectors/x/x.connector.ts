import { TEXT_LIMITS, xWeightedLength } from "@parley/contracts";
import type { Connector, ConnectorContext, OutboundRequest } from "../connector";
import { throwForStatus } from "../errors";
import { type NetworkResponse, resetFrom, UncertainError } from "../http";
import { hmacSha256, signatureMatches } from "../signatures";
import { parseXPayload } from "./parse";

const auth = (ctx: ConnectorContext, kind: "app" | "user") => ({
  authorization: `Bearer ${kind === "app" ? ctx.credentials.bearer_token : ctx.credentials.access_token}`,
});

/** X's problem bodies: `{title, detail}` (v2) or `{errors: [{message}]}` (v1.1 style). */
function describe(json: unknown): string {
  const j = (json ?? {}) as { detail?: string; title?: string; errors?: { message?: string }[] };
  return j.detail ?? j.errors?.[0]?.message ?? j.title ?? "X refused the request";
}

function check(res: NetworkResponse, now: Date): void {
  if (res.status < 300) return;
  // A duplicate means an earlier attempt was posted: reconcile instead of failing.
  if (res.status === 403 && /duplicate content/i.test(describe(res.json)))
    throw new UncertainError(describe(res.json));
  throwForStatus(res, describe, () => resetFrom(res.headers, "x-rate-limit-reset", now));
}

/** X search wants `YYYY-MM-DDTHH:mm:ssZ` (second precision). */
const searchTime = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;
const sameText = (posted: string, wanted: string) =>
  posted.replace(/^(@\w+\s+)+/, "").trim() === wanted.replace(/^(@\w+\s+)+/, "").trim();

async function findPublic(ctx: ConnectorContext, req: OutboundRequest) {
  if (!req.replyTo || !ctx.channel.handle) return "unknown" as const;
  const query = encodeURIComponent(
    `from:${ctx.channel.handle} in_reply_to_tweet_id:${req.replyTo.externalId}`,
  );
  const start = searchTime(new Date(req.queuedAt.getTime() - 60_000));
  const res = await ctx.http.request(
    "GET",
    `${ctx.channel.baseUrl}/2/tweets/search/recent?query=${query}&start_time=${start}&max_results=100`,
    { headers: auth(ctx, "app") },
  );
  check(res, ctx.now);
  const posts = ((res.json as { data?: { id: string; text: string }[] }).data ?? []).filter((t) =>
    sameText(t.text, req.text),
  );
  return posts[0] ? { externalId: posts[0].id } : null;
}

async function findPrivate(ctx: ConnectorContext, req: OutboundRequest) {
  const url = `${ctx.channel.baseUrl}/2/dm_conversations/with/${req.recipientExternalId}/dm_events?dm_event.fields=id,text,sender_id,created_at&max_results=100`;
  const res = await ctx.http.request("GET", url, { headers: auth(ctx, "user") });
  check(res, ctx.now);
  const since = req.queuedAt.getTime() - 60_000;
  const events =
    (res.json as { data?: { id: string; text?: string; sender_id?: string; created_at?: string }[] }).data ??
    [];
  const match = events.find(
    (e) =>
      e.sender_id === ctx.channel.externalAccountId &&
      e.text === req.text &&
      (!e.created_at || Date.parse(e.created_at) >= since),
  );
  return match ? { externalId: match.id } : null;
}

export const xConnector: Connector = {
  network: "x",

  handshake(query, credentials) {
    if (!query.crc_token)
      return {
        status: 400,
        contentType: "application/json",
        body: JSON.stringify({ error: "crc_token is required" }),
      };
    const token = `sha256=${hmacSha256(credentials.api_secret ?? "", query.crc_token, "base64")}`;
    return { status: 200, contentType: "application/json", body: JSON.stringify({ response_token: token }) };
  },

  verify(rawBody, headers, credentials) {
    const expected = `sha256=${hmacSha256(credentials.api_secret ?? "", rawBody, "base64")}`;
    return signatureMatches(headers["x-twitter-webhooks-signature"], expected);
  },

  parse: parseXPayload,

  policy(req) {
    if (req.visibility === "public") {
      const length = xWeightedLength(req.text);
      if (length > TEXT_LIMITS.x.public)
        return `Posts on X are limited to 280 characters; this one counts ${length}. Shorten it or reply privately.`;
      if (!req.replyTo) return "A public reply on X needs a post to reply to.";
    } else if (req.text.length > TEXT_LIMITS.x.private) {
      return `Direct messages on X are limited to ${TEXT_LIMITS.x.private} characters.`;
    }
    return null;
  },

  async send(ctx, req) {
    if (req.visibility === "public") {
      const res = await ctx.http.request("POST", `${ctx.channel.baseUrl}/2/tweets`, {
        headers: auth(ctx, "user"),
        body: { text: req.text, reply: { in_reply_to_tweet_id: req.replyTo?.externalId } },
      });
      check(res, ctx.now);
      return { externalId: (res.json as { data: { id: string } }).data.id };
    }
    const res = await ctx.http.request(
      "POST",
      `${ctx.channel.baseUrl}/2/dm_conversations/with/${req.recipientExternalId}/messages`,
      {
        headers: auth(ctx, "user"),
        body: { text: req.text },
      },
    );
    check(res, ctx.now);
    return { externalId: (res.json as { data: { dm_event_id: string } }).data.dm_event_id };
  },

  findSent: (ctx, req) => (req.visibility === "public" ? findPublic(ctx, req) : findPrivate(ctx, req)),

  async publish(ctx, post) {
    const res = await ctx.http.request("POST", `${ctx.channel.baseUrl}/2/tweets`, {
      headers: auth(ctx, "user"),
      body: { text: post.text },
    });
    check(res, ctx.now);
    return { externalId: (res.json as { data: { id: string } }).data.id };
  },
};
