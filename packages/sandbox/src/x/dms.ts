import { dmCreated } from "./activity";
import { forbidden, invalidBody } from "./errors";
import type { XNetwork } from "./network";
import { compareIds } from "./snowflake";
import type { XDmEvent } from "./types";

/** 1:1 conversation id: "<lower id>-<higher id>" (§1.9). */
export function oneToOneConversationId(a: string, b: string): string {
  return compareIds(a, b) <= 0 ? `${a}-${b}` : `${b}-${a}`;
}

export const MAX_DM_LENGTH = 10_000;

export interface NewDm {
  senderId: string;
  recipientId: string;
  text: string;
  createdAt?: Date;
  via: "api" | "control";
}

export function sendDm(network: XNetwork, dm: NewDm): XDmEvent {
  if (typeof dm.text !== "string" || dm.text.length === 0) {
    throw invalidBody("Either text or attachments must be present.");
  }
  if (Array.from(dm.text).length > MAX_DM_LENGTH)
    throw invalidBody("The text of your direct message is over the max character limit.");
  const recipient = network.store.user(dm.recipientId);
  const sender = network.store.user(dm.senderId);
  if (!recipient || !sender || recipient.id === sender.id)
    throw forbidden("You cannot send messages to this user.");
  // §1.9: the recipient must accept DMs from the sender, or the two already have a conversation.
  const allowed = recipient.receivesYourDm || network.store.hasConversation(sender.id, recipient.id);
  if (dm.via === "api" && !allowed) throw forbidden("You cannot send messages to this user.");
  const createdAt = dm.createdAt ?? network.clock.now();
  const event: XDmEvent = {
    id: network.ids.next(createdAt),
    eventType: "MessageCreate",
    text: dm.text,
    senderId: sender.id,
    recipientId: recipient.id,
    dmConversationId: oneToOneConversationId(sender.id, recipient.id),
    createdAt,
    via: dm.via,
  };
  network.store.addDm(event);
  dmCreated(network, event);
  return event;
}
