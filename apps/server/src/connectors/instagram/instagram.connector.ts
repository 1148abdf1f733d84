import { TEXT_LIMITS } from "@parley/contracts";
import type { Connector, ConnectorContext, OutboundRequest, SendResult } from "../connector";
import { RejectedError } from "../http";
import { checkGraph } from "../meta/errors";
import { graph, listData, parseGraphTime, RECONCILE_SLACK_MS } from "../meta/graph";
import { findPrivate, privateRoute, type SendApiTarget, sendPrivate } from "../meta/send-api";
import { metaHandshake, metaVerify } from "../meta/webhooks";
import { parseInstagramPayload } from "./parse";

/*
 * Instagram professional accounts (§2.7): public replies answer the comment
 * (`POST /{ig-comment}/replies`), private replies are Instagram DMs through the Send API. `me`
 * works with both kinds of token: an Instagram-Login user token (graph.instagram.com) and a Page
 * token of the linked Page (graph.facebook.com).
 */

const direct = (ctx: ConnectorContext): SendApiTarget => ({
  network: "instagram",
  node: "me",
  brandId: ctx.channel.externalAccountId,
  token: ctx.credentials.access_token ?? "",
});

const length = (text: string) => [...text].length;

interface IgComment {
  id: string;
  text?: string;
  from?: { id?: string };
  timestamp?: string;
  parent_id?: string;
}

/** Instagram threads are one level deep: a reply to a reply lands under its top-level comment. */
async function threadRootOf(ctx: ConnectorContext, commentId: string, token: string): Promise<string> {
  const res = await graph(ctx, "GET", commentId, { token, query: { fields: "id,parent_id" } });
  checkGraph(res, "instagram", ctx.now);
  return (res.json as IgComment).parent_id ?? commentId;
}

/** After a crash: the account's reply with the same text under the comment it answered, made after queueing. */
async function findPublic(ctx: ConnectorContext, req: OutboundRequest): Promise<SendResult | null> {
  if (!req.replyTo) return null;
  const token = ctx.credentials.access_token ?? "";
  const root = await threadRootOf(ctx, req.replyTo.externalId, token);
  const res = await graph(ctx, "GET", `${root}/replies`, {
    token,
    query: { limit: "100", fields: "id,text,from,timestamp" },
  });
  checkGraph(res, "instagram", ctx.now);
  const since = req.queuedAt.getTime() - RECONCILE_SLACK_MS;
  const match = listData<IgComment>(res.json).find(
    (c) =>
      c.from?.id === ctx.channel.externalAccountId &&
      c.text === req.text &&
      (parseGraphTime(c.timestamp)?.getTime() ?? since) >= since,
  );
  return match ? { externalId: match.id } : null;
}

export const instagramConnector: Connector = {
  network: "instagram",
  handshake: metaHandshake,
  verify: metaVerify,
  parse: parseInstagramPayload,

  policy(req, now) {
    if (req.visibility === "public") {
      if (req.replyTo?.kind !== "comment") return "A public reply on Instagram answers a comment.";
      if (length(req.text) > TEXT_LIMITS.instagram.public)
        return `Instagram comments are limited to ${TEXT_LIMITS.instagram.public} characters; this one has ${length(req.text)}.`;
      return null;
    }
    if (length(req.text) >= TEXT_LIMITS.instagram.private)
      return `Instagram messages must be shorter than ${TEXT_LIMITS.instagram.private} characters; this one has ${length(req.text)}. Shorten it or split it.`;
    const route = privateRoute(req, now, "instagram");
    return route.via === "none" ? route.reason : null;
  },

  async send(ctx, req) {
    if (req.visibility === "private") return sendPrivate(ctx, req, direct(ctx));
    if (!req.replyTo) throw new RejectedError(422, "A public reply on Instagram answers a comment.");
    const res = await graph(ctx, "POST", `${req.replyTo.externalId}/replies`, {
      token: ctx.credentials.access_token ?? "",
      body: { message: req.text },
    });
    checkGraph(res, "instagram", ctx.now);
    return { externalId: (res.json as { id: string }).id };
  },

  findSent: (ctx, req) =>
    req.visibility === "public" ? findPublic(ctx, req) : findPrivate(ctx, req, direct(ctx)),
};
