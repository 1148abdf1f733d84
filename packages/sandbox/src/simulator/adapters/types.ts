import type { Clock } from "../../shared/clock";
import type { Random } from "../../shared/random";
import type { Conversation } from "../memory";
import type { Customer } from "../profiles";
import type { Intent } from "../templates";
import type { Channel, Network } from "../types";

/**
 * One network as the simulated customers see it: who they are there, how they post and message,
 * and what the brand did since the last look. Each adapter calls only its emulator's in-process
 * control/actions API (never HTTP), so a step runs synchronously.
 */
export interface AdapterDeps {
  random: Random;
  clock: Clock;
}

export interface Posted {
  /** Id of the created item: post, comment, DM event, mid or wamid. */
  ref: string;
  /** The text as the network stored it, when it differs from what was sent (X adds @handles, t.co links). */
  text?: string;
  /** When public: the item later public follow-ups reply under. */
  publicRef?: string;
  /** The public item is a post (Facebook visitor post), not a comment. */
  isPost?: boolean;
}

export interface Opening {
  customer: Customer;
  channel: Channel;
  text: string;
  intent: Intent;
  lang: string;
}

/** Something the brand said to a customer, found by polling the emulator. */
export interface BrandReply {
  /** Conversation key, `<network>:<account id>`. */
  key: string;
  network: Network;
  channel: Channel;
  text: string;
  /** Id of the brand's message; public follow-ups reply under it. */
  ref: string;
}

export interface NetworkAdapter {
  readonly network: Network;
  /** Publishes what customers need to find on the network (the brand's own posts), once at start. */
  prepare?(): void;
  /** Makes sure the customer has an account here; returns the conversation key. */
  enroll(customer: Customer): string;
  open(opening: Opening): Posted;
  followUp(input: { conversation: Conversation; customer: Customer; channel: Channel; text: string }): Posted;
  /** What the brand sent to customers since the previous call (the first call skips history). */
  poll(): BrandReply[];
}
