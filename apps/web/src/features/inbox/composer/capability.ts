import { type Channel, HUMAN_AGENT_WINDOW_MS, MESSAGING_WINDOW_MS, type Message } from "@parley/contracts";
import { formatDuration } from "../../../ui/time";
import type { ReplyVisibility } from "./counter";

/**
 * What the composer may send in this conversation, mirroring the connectors' rules
 * (apps/server/src/connectors/*: policy): which side (public/private) the network allows and the
 * state of its messaging window. The server checks again; this tells the agent before they type.
 */

/** Networks Parley can post on; the others are read-only in the desk for now. */
const SENDING_NETWORKS: readonly Channel[] = ["x", "facebook", "instagram", "whatsapp"];
const NETWORK_NAMES: Partial<Record<Channel, string>> = {
  x: "X",
  facebook: "Messenger",
  instagram: "Instagram",
  whatsapp: "WhatsApp",
};
/** Meta allows one private reply to a public comment within 7 days of it. */
const PRIVATE_REPLY_TO_COMMENT_MS = 7 * 24 * 3_600_000;

export type WindowState =
  | { kind: "none" }
  | { kind: "open"; closesAt: number; label: string }
  | { kind: "extended"; closesAt: number; label: string }
  | { kind: "closed"; label: string };

export interface ReplyCapability {
  /** Null: allowed; otherwise why not, in a sentence for a tooltip. */
  publicBlocked: string | null;
  privateBlocked: string | null;
  window: WindowState;
}

export interface CapabilityInput {
  channel: Channel;
  messages: readonly Pick<Message, "direction" | "visibility" | "kind" | "sent_at" | "external_id">[];
  now: number;
}

const left = (ms: number) => formatDuration(ms).replace(/ 0?0m$/, "");

function latest(
  messages: CapabilityInput["messages"],
  keep: (m: CapabilityInput["messages"][number]) => boolean,
) {
  let at: number | null = null;
  for (const m of messages) {
    if (m.direction !== "inbound" || !keep(m)) continue;
    const t = Date.parse(m.sent_at);
    if (at === null || t > at) at = t;
  }
  return at;
}

/** The state of the network's free-form messaging window for a private reply now. */
export function messagingWindow({ channel, messages, now }: CapabilityInput): WindowState {
  if (!(channel in MESSAGING_WINDOW_MS)) return { kind: "none" };
  const name = NETWORK_NAMES[channel] ?? channel;
  const window = MESSAGING_WINDOW_MS[channel as keyof typeof MESSAGING_WINDOW_MS];
  const last = latest(messages, (m) => m.visibility === "private");
  if (last !== null && now - last <= window) {
    const closesAt = last + window;
    return { kind: "open", closesAt, label: `${name} window closes in ${left(closesAt - now)}` };
  }
  if (channel === "whatsapp") {
    return {
      kind: "closed",
      label: last
        ? "The 24 h WhatsApp window is closed: send an approved message template, or wait for the customer to write again."
        : "The customer has not written on WhatsApp yet: only an approved message template can start the conversation.",
    };
  }
  if (last !== null && now - last <= HUMAN_AGENT_WINDOW_MS) {
    const closesAt = last + HUMAN_AGENT_WINDOW_MS;
    return {
      kind: "extended",
      closesAt,
      label: `24 h window closed; a person's reply is allowed for ${left(closesAt - now)} more (human agent tag)`,
    };
  }
  const comment = latest(messages, (m) => m.kind === "comment" && m.visibility === "public");
  if (comment !== null && now - comment <= PRIVATE_REPLY_TO_COMMENT_MS) {
    const closesAt = comment + PRIVATE_REPLY_TO_COMMENT_MS;
    return {
      kind: "extended",
      closesAt,
      label: `One private reply to the comment allowed for ${left(closesAt - now)}`,
    };
  }
  return {
    kind: "closed",
    label: last
      ? `${name} allows no private message more than 7 days after the customer last wrote: reply publicly, or wait for them to write.`
      : `The customer has not written to you on ${name}: a private message cannot start the conversation. Reply publicly instead.`,
  };
}

function publicRule(channel: Channel, messages: CapabilityInput["messages"]): string | null {
  const publicIn = messages.filter((m) => m.direction === "inbound" && m.visibility === "public");
  if (channel === "whatsapp") return "WhatsApp has no public replies: answer with a private message.";
  if (channel === "instagram" && !publicIn.some((m) => m.kind === "comment"))
    return "A public reply on Instagram answers a comment, and this conversation has none.";
  if (publicIn.length === 0) return "There is no public post or comment from the customer to reply to.";
  return null;
}

export function replyCapability(input: CapabilityInput): ReplyCapability {
  const { channel, messages } = input;
  if (!SENDING_NETWORKS.includes(channel)) {
    const why = "Parley cannot send on this channel yet: use an internal note.";
    return { publicBlocked: why, privateBlocked: why, window: { kind: "none" } };
  }
  const window = messagingWindow(input);
  const hasCustomer = messages.some((m) => m.direction === "inbound");
  return {
    publicBlocked: publicRule(channel, messages),
    privateBlocked: !hasCustomer
      ? "There is no customer message to answer yet."
      : window.kind === "closed"
        ? window.label
        : null,
    window,
  };
}

/** The visibility the composer starts with: the side the customer last wrote on, if allowed. */
export function defaultVisibility(
  cap: ReplyCapability,
  lastInbound: ReplyVisibility | null,
): ReplyVisibility {
  if (lastInbound === "private" && !cap.privateBlocked) return "private";
  if (!cap.publicBlocked) return "public";
  return "private";
}
