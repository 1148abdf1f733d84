import { DAY_MS, HOUR_MS } from "../core/time";
import { errors } from "../graph/errors";
import type { DirectPlatform } from "../state/types";

/** Send API policy of §2.6/§2.7, kept pure: (last user message, now, type, tag) → ok or error. */
export const STANDARD_WINDOW_MS = 24 * HOUR_MS;
export const HUMAN_AGENT_WINDOW_MS = 7 * DAY_MS;

const MESSENGER_TAGS = new Set([
  "HUMAN_AGENT",
  "ACCOUNT_UPDATE",
  "CONFIRMED_EVENT_UPDATE",
  "POST_PURCHASE_UPDATE",
  "CUSTOMER_FEEDBACK",
]);
const MESSAGING_TYPES = new Set(["RESPONSE", "UPDATE", "MESSAGE_TAG"]);

export interface SendPolicyInput {
  platform: DirectPlatform;
  messagingType: string | undefined;
  tag: string | undefined;
  lastInboundAt: Date | undefined;
  now: Date;
}

/** Validates `messaging_type`/`tag` and returns the type in force (IG defaults to RESPONSE). */
export function resolveMessagingType(
  input: Pick<SendPolicyInput, "platform" | "messagingType" | "tag">,
): string {
  const type = input.messagingType ?? (input.platform === "instagram" ? "RESPONSE" : undefined);
  if (!type) throw errors.invalidParam("The parameter messaging_type is required");
  if (!MESSAGING_TYPES.has(type)) {
    throw errors.invalidParam("Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}");
  }
  if (type !== "MESSAGE_TAG") return type;
  if (!input.tag)
    throw errors.invalidParam("The parameter tag is required when messaging_type is MESSAGE_TAG");
  const allowed =
    input.platform === "instagram" ? input.tag === "HUMAN_AGENT" : MESSENGER_TAGS.has(input.tag);
  if (!allowed) throw errors.invalidParam(`Param tag must be a valid message tag for ${input.platform}`);
  return type;
}

/** Throws 10 / 2018278 when the message may not be sent now. */
export function assertInsideWindow(input: SendPolicyInput & { messagingType: string }): void {
  if (!input.lastInboundAt) throw errors.outsideWindow();
  const age = input.now.getTime() - input.lastInboundAt.getTime();
  if (input.messagingType !== "MESSAGE_TAG") {
    if (age > STANDARD_WINDOW_MS) throw errors.outsideWindow();
    return;
  }
  if (input.tag === "HUMAN_AGENT" && age > HUMAN_AGENT_WINDOW_MS) throw errors.outsideWindow();
  // Other Messenger tags are allowed any time after a first message (non-promotional updates).
}
