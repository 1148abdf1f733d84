import type { Clock } from "../core/clock";
import { type DeliveryOptions, type DeliveryRecord, WebhookDeliverer } from "./delivery";
import { SubscriptionStore, type WebhookObject } from "./subscriptions";

export interface WebhookEvent {
  object: WebhookObject;
  /** The subscription field the event belongs to (`feed`, `messages`, `comments`...). */
  field: string;
  /** Business objects (Page, IG account, WABA) on which the app must be installed. */
  businessIds: string[];
  /**
   * `field`: the install must list the field (Page `subscribed_fields`);
   * `any`: any install of the app is enough (Instagram via the linked Page, WABA).
   */
  installCheck: "field" | "any";
  entry: unknown;
}

export interface SkippedEvent {
  at: string;
  object: WebhookObject;
  field: string;
  reason: string;
}

/** Subscriptions, installs and the deliverer: decides whether an event is sent, then sends it. */
export class WebhookHub {
  readonly subscriptions = new SubscriptionStore();
  private readonly deliverer: WebhookDeliverer;
  private readonly skippedEvents: SkippedEvent[] = [];

  constructor(private readonly options: DeliveryOptions & { clock: Clock }) {
    this.deliverer = new WebhookDeliverer(options);
  }

  private skipReason(event: WebhookEvent): string | undefined {
    const subscription = this.subscriptions.get(event.object);
    if (!subscription?.active) return `no app subscription for object ${event.object}`;
    if (!subscription.fields.includes(event.field)) return `app subscription lacks field ${event.field}`;
    const installed = event.businessIds.some((id) => {
      const fields = this.subscriptions.installedFields(id);
      return fields !== undefined && (event.installCheck === "any" || fields.includes(event.field));
    });
    if (!installed) return `app not installed with field ${event.field} on ${event.businessIds.join(", ")}`;
    return undefined;
  }

  /** Resolves after the first delivery attempt (immediately when skipped, held or batched). */
  publish(event: WebhookEvent): Promise<void> {
    const reason = this.skipReason(event);
    const subscription = this.subscriptions.get(event.object);
    if (reason || !subscription) {
      this.skippedEvents.push({
        at: this.options.clock.now().toISOString(),
        object: event.object,
        field: event.field,
        reason: reason ?? "no subscription",
      });
      return Promise.resolve();
    }
    return this.deliverer.publish({
      object: event.object,
      callbackUrl: subscription.callbackUrl,
      entry: event.entry,
    });
  }

  deliveries(): DeliveryRecord[] {
    return this.deliverer.list();
  }

  skipped(): SkippedEvent[] {
    return [...this.skippedEvents];
  }

  hold(): void {
    this.deliverer.hold();
  }

  release(): Promise<void> {
    return this.deliverer.release();
  }

  retryNow(): Promise<void> {
    return this.deliverer.retryNow();
  }

  idle(): Promise<void> {
    return this.deliverer.idle();
  }

  /** Forgets deliveries; keeps subscriptions unless `subscriptions` is set (they are app config). */
  reset(options: { subscriptions?: boolean } = {}): void {
    this.deliverer.reset();
    this.skippedEvents.length = 0;
    if (options.subscriptions) this.subscriptions.reset();
  }
}
