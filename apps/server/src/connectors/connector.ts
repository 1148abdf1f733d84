import type { Channel, MessageKind, Visibility } from "@parley/contracts";
import type { ChannelRow } from "../modules/channels/channels.repo";
import type { NetworkClient } from "./http";

/** One message as a network delivered it, in Parley's words (the pipeline's input). */
export interface InboundItem {
  network: Channel;
  externalId: string;
  kind: MessageKind;
  visibility: Visibility;
  /** The network's thread: X conversation_id, Facebook post id, DM conversation id... */
  threadExternalId: string | null;
  replyToExternalId: string | null;
  /** True when the brand account itself wrote it (a reply made on the network, an echo). */
  fromBrand: boolean;
  author: {
    externalId: string;
    handle: string | null;
    name: string | null;
    followersCount: number | null;
    verified: boolean;
  };
  text: string;
  sentAt: Date;
  language: string | null;
  /** For the brand's own private messages: the customer they went to. */
  recipient: InboundItem["author"] | null;
}

/** What an agent asked to send, resolved against the conversation it answers. */
export interface OutboundRequest {
  /** Parley's message id: idempotency and reconciliation key. */
  messageId: string;
  text: string;
  visibility: Visibility;
  /**
   * The customer message being answered (public reply target, private-reply comment). `sentAt`,
   * when known, lets a connector check windows that run from it (Meta: private reply to a comment
   * within 7 days); without it the network's own refusal applies.
   */
  replyTo: { externalId: string; kind: MessageKind; threadExternalId: string | null; sentAt?: Date } | null;
  /** The customer's id on the network (DM recipient, phone number...). */
  recipientExternalId: string;
  /** When the customer last wrote privately (messaging windows). */
  lastCustomerPrivateAt: Date | null;
  /** When the message was queued: reconciliation only looks after it. */
  queuedAt: Date;
}

export type SendResult = { externalId: string };

/**
 * A network's later word on a message it accepted (WhatsApp `statuses[]`): a `200` only means
 * accepted, the outcome arrives by webhook. Parley records failures on the message.
 */
export interface DeliveryUpdate {
  network: Channel;
  /** The id `send` returned. */
  externalId: string;
  status: "sent" | "delivered" | "read" | "failed";
  at: Date;
  /** For `failed`: why, in words for the agent (with the network's code). */
  error: string | null;
}

export interface ConnectorContext {
  channel: ChannelRow;
  credentials: Record<string, string>;
  http: NetworkClient;
  now: Date;
}

export interface HandshakeAnswer {
  status: number;
  contentType: string;
  body: string;
}

/**
 * What Parley needs from each network. Pure parsing and checks take plain data; only `send`,
 * `findSent` and the pollers do IO, through the injected client.
 */
export interface Connector {
  network: Channel;
  /** GET on the webhook URL: X CRC, Meta hub.challenge. */
  handshake(query: Record<string, string | undefined>, credentials: Record<string, string>): HandshakeAnswer;
  /** Checks the delivery's signature over the exact bytes received. */
  verify(
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
    credentials: Record<string, string>,
  ): boolean;
  /** Turns one stored delivery (webhook body, stream line, polled page) into messages. */
  parse(payload: unknown, channel: ChannelRow): InboundItem[];
  /**
   * Optional, for networks that report delivery outcomes by webhook after accepting a send:
   * reads them from the same stored delivery as `parse` (a delivery may carry both).
   */
  deliveryUpdates?(payload: unknown, channel: ChannelRow): DeliveryUpdate[];
  /** The network rule that forbids this send, in words for the agent, or null. */
  policy(request: OutboundRequest, now: Date): string | null;
  send(ctx: ConnectorContext, request: OutboundRequest): Promise<SendResult>;
  /**
   * Optional, for networks where the brand can post of its own accord (SPEC W7: an outage alert):
   * a new public post on the account's timeline or page, not a reply.
   */
  publish?(ctx: ConnectorContext, post: { text: string }): Promise<SendResult>;
  /** After a crash mid-send: did the network post it? Null when it did not (or cannot tell). */
  findSent(ctx: ConnectorContext, request: OutboundRequest): Promise<SendResult | null | "unknown">;
}
