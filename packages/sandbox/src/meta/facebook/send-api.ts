import type { MetaDeps } from "../deps";
import { errors } from "../graph/errors";
import { obj, str } from "../graph/params";
import type { BucType } from "../graph/usage";
import { publishIgMessage } from "../instagram/events";
import type { MetaCall, MetaRoute } from "../principal";
import { newIds } from "../state/ids";
import type { CustomerRecord, DirectMessageRecord, DirectPlatform } from "../state/types";
import { publishMessengerEvent, publishMessengerMessage } from "./events";
import { canReplyPrivately } from "./objects";
import { findRecipient, type Recipient } from "./recipient";
import { assertInsideWindow, resolveMessagingType } from "./window";

export interface SendLimits {
  /** Messenger: text must be fewer than 2000 characters (§2.6). */
  messengerTextMax: number;
  /** Instagram: commonly cited 1000 (unverified, §2.7). */
  instagramTextMax: number;
}

function messageContent(message: Record<string, unknown> | undefined, max: number, platform: DirectPlatform) {
  if (!message) throw errors.invalidParam("Must send either message or sender_action");
  const text = typeof message.text === "string" ? message.text : undefined;
  const attachment = message.attachment as Record<string, unknown> | undefined;
  if (text === undefined && !attachment)
    throw errors.invalidParam("Param message must contain text or attachment");
  if (text !== undefined && [...text].length >= max) {
    throw errors.invalidParam(
      `Length of param message[text] must be less than ${max} characters (${platform})`,
    );
  }
  const metadata = typeof message.metadata === "string" ? message.metadata : undefined;
  return { text, attachments: attachment ? [attachment] : undefined, metadata };
}

function claimPrivateReply(deps: MetaDeps, recipient: Recipient, mid: string): void {
  const target = recipient.privateReplyTo;
  if (!target) return;
  if (target.record.privateReplyMid) throw errors.alreadyRepliedPrivately();
  if (target.kind === "comment" && !canReplyPrivately(deps.store, target.record))
    throw errors.privateReplyExpired();
  if (
    target.kind !== "comment" &&
    deps.clock.now().getTime() - target.record.createdAt.getTime() > 7 * 86_400_000
  ) {
    throw errors.privateReplyExpired();
  }
  target.record.privateReplyMid = mid;
}

function assertCanMessage(deps: MetaDeps, call: MetaCall, recipient: Recipient, customer: CustomerRecord) {
  if (customer.unavailable) throw errors.recipientUnavailable();
  if (recipient.privateReplyTo) return undefined;
  const messagingType = resolveMessagingType({
    platform: recipient.platform,
    messagingType: str(call.params, "messaging_type"),
    tag: str(call.params, "tag"),
  });
  assertInsideWindow({
    platform: recipient.platform,
    messagingType,
    tag: str(call.params, "tag"),
    lastInboundAt: deps.store.lastInbound.get(deps.store.windowKey(recipient.businessId, recipient.userId)),
    now: deps.clock.now(),
  });
  return messagingType;
}

function senderAction(deps: MetaDeps, recipient: Recipient, customer: CustomerRecord) {
  if (recipient.privateReplyTo) throw errors.invalidParam("sender_action requires recipient[id]");
  if (customer.unavailable) throw errors.recipientUnavailable();
  assertInsideWindow({
    platform: recipient.platform,
    messagingType: "RESPONSE",
    tag: undefined,
    lastInboundAt: deps.store.lastInbound.get(deps.store.windowKey(recipient.businessId, recipient.userId)),
    now: deps.clock.now(),
  });
  return { recipient_id: recipient.userId };
}

async function send(deps: MetaDeps, limits: SendLimits, call: MetaCall) {
  const recipient = findRecipient(deps, call.node, obj(call.params, "recipient"));
  const customer = recipient.customer;
  if (str(call.params, "sender_action")) return senderAction(deps, recipient, customer);
  const max = recipient.platform === "instagram" ? limits.instagramTextMax : limits.messengerTextMax;
  const content = messageContent(obj(call.params, "message"), max, recipient.platform);
  const messagingType = assertCanMessage(deps, call, recipient, customer);
  const mid =
    recipient.platform === "instagram"
      ? newIds.instagramMid(deps.store, recipient.businessId)
      : newIds.messengerMid(deps.store);
  claimPrivateReply(deps, recipient, mid);
  const message: DirectMessageRecord = {
    mid,
    platform: recipient.platform,
    businessId: recipient.businessId,
    customerId: customer.id,
    userId: recipient.userId,
    direction: "outbound",
    ...content,
    createdAt: deps.clock.now(),
    messagingType,
    tag: messagingType === "MESSAGE_TAG" ? str(call.params, "tag") : undefined,
    commentId: recipient.privateReplyTo?.record.id,
  };
  deps.store.messages.push(message);
  deps.store.conversationId(message.businessId, message.userId);
  deps.store.recordAction({
    kind: recipient.privateReplyTo ? "private_reply" : "message",
    platform: recipient.platform,
    id: mid,
    targetId: recipient.privateReplyTo?.record.id ?? recipient.userId,
    customerId: customer.id,
    text: content.text,
    messagingType,
    tag: message.tag,
  });
  publishEcho(deps, message);
  return { recipient_id: recipient.userId, message_id: mid };
}

/** The Page's echo, then (Messenger) the delivery receipt the customer's device sends. */
function publishEcho(deps: MetaDeps, message: DirectMessageRecord): void {
  if (message.platform === "instagram") {
    void publishIgMessage(deps, message);
    return;
  }
  void publishMessengerMessage(deps, message);
  void publishMessengerEvent(deps, {
    pageId: message.businessId,
    field: "message_deliveries",
    event: {
      sender: { id: message.userId },
      recipient: { id: message.businessId },
      timestamp: message.createdAt.getTime(),
      delivery: { mids: [message.mid], watermark: message.createdAt.getTime() },
    },
  });
}

function sendUsage(call: MetaCall): { businessId: string; type: BucType } {
  return { businessId: call.node.id, type: call.node.kind === "ig_account" ? "instagram" : "messenger" };
}

/** Send API: `POST /{page-id}/messages`, `/me/messages`, `/{ig-user-id}/messages` (§2.6, §2.7). */
export function sendApiRoutes(deps: MetaDeps, limits: SendLimits): MetaRoute[] {
  return [
    {
      method: "POST",
      kind: "page",
      edge: "messages",
      usage: sendUsage,
      handle: (call) => send(deps, limits, call),
    },
    {
      method: "POST",
      kind: "ig_account",
      edge: "messages",
      usage: sendUsage,
      handle: (call) => send(deps, limits, call),
    },
  ];
}
