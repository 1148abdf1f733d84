import { TEXT_LIMITS } from "@parley/contracts";
import type { Connector, ConnectorContext, OutboundRequest, SendResult } from "../connector";
import { RejectedError } from "../http";
import { checkGraph } from "../meta/errors";
import { graph, listData, parseGraphTime, RECONCILE_SLACK_MS } from "../meta/graph";
import { findPrivate, privateRoute, type SendApiTarget, sendPrivate } from "../meta/send-api";
import { metaHandshake, metaVerify } from "../meta/webhooks";
import { parseFacebookPayload } from "./parse";

/*
 * Facebook Pages and Messenger (§2): public replies answer the comment (`POST /{comment}/comments`)
 * or visitor post; private replies go through the Messenger Send API as the Page.
 */

const messenger = (ctx: ConnectorContext): SendApiTarget => ({
  network: "facebook",
  node: ctx.channel.externalAccountId,
  brandId: ctx.channel.externalAccountId,
  token: ctx.credentials.page_access_token ?? "",
});

const length = (text: string) => [...text].length;

interface GraphComment {
  id: string;
  message?: string;
  from?: { id?: string };
  created_time?: string;
  parent?: { id?: string };
}

/** Comment threads are two levels deep: a reply to a reply lands under its top-level comment. */
async function threadRootOf(ctx: ConnectorContext, req: OutboundRequest, token: string): Promise<string> {
  const target = req.replyTo?.externalId ?? "";
  if (req.replyTo?.kind !== "comment") return target;
  const res = await graph(ctx, "GET", target, { token, query: { fields: "id,parent{id}" } });
  checkGraph(res, "facebook", ctx.now);
  return (res.json as GraphComment).parent?.id ?? target;
}

/** After a crash: the Page's comment with the same text under the comment it answered, made after queueing. */
async function findPublic(ctx: ConnectorContext, req: OutboundRequest): Promise<SendResult | null> {
  const token = ctx.credentials.page_access_token ?? "";
  const root = await threadRootOf(ctx, req, token);
  const res = await graph(ctx, "GET", `${root}/comments`, {
    token,
    query: { order: "reverse_chronological", limit: "100", fields: "id,message,from,created_time" },
  });
  checkGraph(res, "facebook", ctx.now);
  const since = req.queuedAt.getTime() - RECONCILE_SLACK_MS;
  const match = listData<GraphComment>(res.json).find(
    (c) =>
      c.from?.id === ctx.channel.externalAccountId &&
      c.message === req.text &&
      (parseGraphTime(c.created_time)?.getTime() ?? since) >= since,
  );
  return match ? { externalId: match.id } : null;
}

export const facebookConnector: Connector = {
  network: "facebook",
  handshake: metaHandshake,
  verify: metaVerify,
  parse: parseFacebookPayload,

  policy(req, now) {
    if (req.visibility === "public") {
      if (!req.replyTo) return "A public reply on Facebook needs a comment or post to answer.";
      if (length(req.text) > TEXT_LIMITS.facebook.public)
        return `Facebook comments are limited to ${TEXT_LIMITS.facebook.public} characters; this one has ${length(req.text)}.`;
      return null;
    }
    if (length(req.text) >= TEXT_LIMITS.facebook.private)
      return `Messenger messages must be shorter than ${TEXT_LIMITS.facebook.private} characters; this one has ${length(req.text)}. Shorten it or split it.`;
    const route = privateRoute(req, now, "facebook");
    return route.via === "none" ? route.reason : null;
  },

  async send(ctx, req) {
    if (req.visibility === "private") return sendPrivate(ctx, req, messenger(ctx));
    if (!req.replyTo)
      throw new RejectedError(422, "A public reply on Facebook needs a comment or post to answer.");
    const res = await graph(ctx, "POST", `${req.replyTo.externalId}/comments`, {
      token: ctx.credentials.page_access_token ?? "",
      body: { message: req.text },
    });
    checkGraph(res, "facebook", ctx.now);
    return { externalId: (res.json as { id: string }).id };
  },

  findSent: (ctx, req) =>
    req.visibility === "public" ? findPublic(ctx, req) : findPrivate(ctx, req, messenger(ctx)),

  async publish(ctx, post) {
    const res = await graph(ctx, "POST", `${ctx.channel.externalAccountId}/feed`, {
      token: ctx.credentials.page_access_token ?? "",
      body: { message: post.text },
    });
    checkGraph(res, "facebook", ctx.now);
    return { externalId: (res.json as { id: string }).id };
  },
};
