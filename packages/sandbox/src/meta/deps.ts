import type { Clock } from "./core/clock";
import type { MetaStore } from "./state/store";
import type { WebhookHub } from "./webhooks/hub";

/** What the Graph handlers and the customer actions share. */
export interface MetaDeps {
  store: MetaStore;
  hub: WebhookHub;
  clock: Clock;
  appId: string;
}
