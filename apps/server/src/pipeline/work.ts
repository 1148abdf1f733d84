import type { DeliveryUpdate, InboundItem } from "../connectors/connector";
import type { ChannelRow } from "../modules/channels/channels.repo";
import type { inboundEvents } from "../platform/db/schema";
import type { EventOutcome } from "./result";
import type { Triage } from "./triage";

/** One inbound event travelling through the pipeline, with what each step found. */
export interface EventWork {
  /** The stored delivery: only what the steps read (the pipeline loads no more per message). */
  event: Pick<
    typeof inboundEvents.$inferSelect,
    "id" | "workspaceId" | "channelAccountId" | "network" | "payload" | "receivedAt"
  >;
  channel: ChannelRow;
  items: ItemWork[];
  updates: DeliveryUpdate[];
  /** Conversations whose sent messages this event's delivery updates changed (the live channel). */
  deliveryChanged?: string[];
  /** Set by the step that ended the event's run early, or by the runner at the end. */
  outcome?: EventOutcome;
}

/** One message of an event. */
export interface ItemWork {
  item: InboundItem;
  /** Set when this message needs nothing stored (a duplicate, the brand's post with no customer). */
  skip?: string;
  triage: Triage | null;
  identity?: { identityId: string; contactId: string };
  contact?: ContactFacts;
  conversationId?: string;
  /** True when the conversation is created by this message. */
  opensConversation?: boolean;
  messageId?: string;
  /** SPEC T3: the score this message gives its conversation, and why. */
  priority?: { score: number; priority: "urgent" | "high" | "normal" | "low"; reasons: string[] };
}

/** What prioritising needs to know about the customer. */
export interface ContactFacts {
  followers: number | null;
  verified: boolean;
  priorPosts: number;
  vipTier: string | null;
  location: string | null;
}
