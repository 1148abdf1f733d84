import type { Random } from "../shared/random";
import type { Customer } from "./profiles";
import type { FollowUpKind, Intent, Lang } from "./templates";
import type { Slots } from "./text";
import type { Channel, Network } from "./types";

/**
 * What the simulator remembers, bounded so it can run for hours: at most `maxCustomers` customers
 * (least recently active forgotten first, with their conversations), at most one conversation per
 * customer and network, and conversations idle longer than `forgetAfterSteps` are dropped.
 */
export interface Conversation {
  /** `<network>:<account id on that network>`, the key brand replies are matched on. */
  key: string;
  customerId: string;
  network: Network;
  lang: Lang;
  intent: Intent;
  topic: string;
  slots: Slots;
  openedStep: number;
  lastStep: number;
  /** Public items to reply under: the customer's latest post/comment, the brand's latest reply. */
  thread: { own?: string; ownIsPost?: boolean; brand?: string };
  brandReplied: boolean;
  detailsGiven: boolean;
  /** The customer thanked the brand: the issue is closed from their side. */
  resolved: boolean;
  followUps: number;
  pending?: { due: number; kind: FollowUpKind; channel: Channel };
}

export function identityKey(network: Network, customer: Customer): string | undefined {
  const id =
    network === "x" ? customer.ids.x : network === "whatsapp" ? customer.ids.whatsapp : customer.ids.meta;
  return id === undefined ? undefined : `${network}:${id}`;
}

export class SimMemory {
  readonly customers = new Map<string, Customer>();
  readonly conversations = new Map<string, Conversation>();
  /** Keys of conversations with a follow-up scheduled (insertion order keeps runs reproducible). */
  private readonly scheduled = new Set<string>();

  constructor(private readonly limits: { maxCustomers: number; forgetAfterSteps: number }) {}

  /** Adds or refreshes a customer as the most recently active one. */
  touch(customer: Customer, step: number): void {
    customer.lastStep = step;
    this.customers.delete(customer.id);
    this.customers.set(customer.id, customer);
    while (this.customers.size > this.limits.maxCustomers) {
      const oldest = this.customers.values().next().value as Customer;
      this.forgetCustomer(oldest);
    }
  }

  /** A known (human) customer coming back with something new. */
  returning(random: Random): Customer | undefined {
    if (this.customers.size === 0) return undefined;
    return [...this.customers.values()][random.int(this.customers.size)];
  }

  open(conversation: Conversation): void {
    this.scheduled.delete(conversation.key);
    this.conversations.delete(conversation.key);
    this.conversations.set(conversation.key, conversation);
  }

  schedule(conversation: Conversation, pending: NonNullable<Conversation["pending"]>): void {
    conversation.pending = pending;
    this.scheduled.add(conversation.key);
  }

  /** Conversations whose follow-up is due, with the follow-up taken off them. */
  takeDue(step: number): Conversation[] {
    const due: Conversation[] = [];
    for (const key of this.scheduled) {
      const conversation = this.conversations.get(key);
      if (!conversation?.pending) {
        this.scheduled.delete(key);
        continue;
      }
      if (conversation.pending.due > step) continue;
      due.push(conversation);
      this.scheduled.delete(key);
    }
    return due;
  }

  pendingCount(): number {
    return this.scheduled.size;
  }

  /** Drops conversations nobody touched for a while (scheduled ones wait for their follow-up). */
  sweep(step: number): void {
    for (const [key, conversation] of this.conversations) {
      if (this.scheduled.has(key)) continue;
      if (step - conversation.lastStep > this.limits.forgetAfterSteps) this.conversations.delete(key);
    }
  }

  private forgetCustomer(customer: Customer): void {
    this.customers.delete(customer.id);
    for (const network of ["x", "facebook", "instagram", "whatsapp"] as const) {
      const key = identityKey(network, customer);
      if (key === undefined) continue;
      this.conversations.delete(key);
      this.scheduled.delete(key);
    }
  }
}
