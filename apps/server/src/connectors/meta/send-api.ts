import { HUMAN_AGENT_WINDOW_MS, MESSAGING_WINDOW_MS } from "@parley/contracts";
import type { ConnectorContext, OutboundRequest, SendResult } from "../connector";
import { RejectedError } from "../http";
import { checkGraph } from "./errors";
import { graph, listData, parseGraphTime, RECONCILE_SLACK_MS } from "./graph";

/*
 * The Send API shared by Messenger and Instagram DMs (§2.6, §2.7), and the rules that decide how
 * a private reply may go: a normal reply within 24 h of the customer's last private message, a
 * person's reply (HUMAN_AGENT tag) up to 7 days, or, when the customer has not written privately
 * in that time, one private reply to the comment being answered (within 7 days of the comment).
 */

export type PrivateRoute =
  | { via: "message"; messagingType: "RESPONSE" }
  | { via: "message"; messagingType: "MESSAGE_TAG"; tag: "HUMAN_AGENT" }
  | { via: "comment"; commentId: string }
  | { via: "none"; reason: string };

const PRIVATE_REPLY_WINDOW_MS = 7 * 24 * 3_600_000;
const day = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");

export function privateRoute(
  req: Pick<OutboundRequest, "lastCustomerPrivateAt" | "replyTo">,
  now: Date,
  network: "facebook" | "instagram",
): PrivateRoute {
  const name = network === "facebook" ? "Messenger" : "Instagram";
  const last = req.lastCustomerPrivateAt;
  const age = last ? now.getTime() - last.getTime() : Number.POSITIVE_INFINITY;
  if (age <= MESSAGING_WINDOW_MS[network]) return { via: "message", messagingType: "RESPONSE" };
  if (age <= HUMAN_AGENT_WINDOW_MS)
    return { via: "message", messagingType: "MESSAGE_TAG", tag: "HUMAN_AGENT" };
  const comment = req.replyTo?.kind === "comment" ? req.replyTo : null;
  if (comment) {
    if (comment.sentAt && now.getTime() - comment.sentAt.getTime() > PRIVATE_REPLY_WINDOW_MS)
      return {
        via: "none",
        reason: `A private reply to a comment is only possible within 7 days of it; this comment was written on ${day(comment.sentAt)} UTC. Reply publicly instead.`,
      };
    return { via: "comment", commentId: comment.externalId };
  }
  return {
    via: "none",
    reason: last
      ? `The customer last wrote on ${name} on ${day(last)} UTC, more than 7 days ago: ${name} allows no private reply until they write again. Reply publicly instead.`
      : `The customer has not written to you on ${name}, so a private message cannot start the conversation. Reply publicly instead.`,
  };
}

function sendApiBody(route: PrivateRoute, req: OutboundRequest) {
  const message = { text: req.text };
  if (route.via === "comment") return { recipient: { comment_id: route.commentId }, message };
  if (route.via === "message" && route.messagingType === "MESSAGE_TAG")
    return {
      recipient: { id: req.recipientExternalId },
      messaging_type: "MESSAGE_TAG",
      tag: route.tag,
      message,
    };
  return { recipient: { id: req.recipientExternalId }, messaging_type: "RESPONSE", message };
}

export interface SendApiTarget {
  network: "facebook" | "instagram";
  /** The node whose `messages` and `conversations` edges to use: the Page id, or `me`. */
  node: string;
  /** The brand's id in `from` of its own messages: Page id or IG account id. */
  brandId: string;
  token: string;
}

export async function sendPrivate(
  ctx: ConnectorContext,
  req: OutboundRequest,
  target: SendApiTarget,
): Promise<SendResult> {
  const route = privateRoute(req, ctx.now, target.network);
  // The outbox checked the policy just before; a route of "none" here means it changed meanwhile.
  if (route.via === "none") throw new RejectedError(422, route.reason);
  const res = await graph(ctx, "POST", `${target.node}/messages`, {
    token: target.token,
    body: sendApiBody(route, req),
  });
  checkGraph(res, target.network, ctx.now);
  return { externalId: (res.json as { message_id: string }).message_id };
}

interface ThreadMessage {
  id: string;
  message?: string;
  from?: { id?: string };
  created_time?: string;
}

/** After a crash: the brand's message with the same text in the customer's conversation, sent after queueing. */
export async function findPrivate(
  ctx: ConnectorContext,
  req: OutboundRequest,
  target: SendApiTarget,
): Promise<SendResult | null> {
  const res = await graph(ctx, "GET", `${target.node}/conversations`, {
    token: target.token,
    query: {
      platform: target.network === "facebook" ? "messenger" : "instagram",
      user_id: req.recipientExternalId,
      fields: "messages.limit(50){id,message,from,created_time}",
    },
  });
  checkGraph(res, target.network, ctx.now);
  const since = req.queuedAt.getTime() - RECONCILE_SLACK_MS;
  const messages = listData<{ messages?: unknown }>(res.json).flatMap((c) =>
    listData<ThreadMessage>(c.messages),
  );
  const match = messages.find(
    (m) =>
      m.from?.id === target.brandId &&
      m.message === req.text &&
      (parseGraphTime(m.created_time)?.getTime() ?? since) >= since,
  );
  return match ? { externalId: match.id } : null;
}
