/**
 * Where events may go. Meta needs two things before it delivers: an app-level subscription per
 * object (`POST /{app-id}/subscriptions`, callback URL + fields) and the app installed on the
 * business object (`POST /{page-id}/subscribed_apps`, or the WABA's). Both are modelled.
 */
export type WebhookObject = "page" | "instagram" | "whatsapp_business_account";

export interface AppSubscription {
  object: WebhookObject;
  callbackUrl: string;
  verifyToken: string;
  fields: string[];
  includeValues: boolean;
  active: boolean;
}

export class SubscriptionStore {
  private readonly subscriptions = new Map<WebhookObject, AppSubscription>();
  private readonly installs = new Map<string, Set<string>>();

  get(object: WebhookObject): AppSubscription | undefined {
    return this.subscriptions.get(object);
  }

  list(): AppSubscription[] {
    return [...this.subscriptions.values()];
  }

  /** Graph merges new fields into an existing subscription rather than replacing them. */
  upsert(subscription: AppSubscription): void {
    const existing = this.subscriptions.get(subscription.object);
    const fields = new Set([...(existing?.fields ?? []), ...subscription.fields]);
    this.subscriptions.set(subscription.object, { ...subscription, fields: [...fields] });
  }

  /** Removes some fields, or the whole object when none are given. */
  remove(object: WebhookObject, fields: string[]): void {
    const existing = this.subscriptions.get(object);
    if (!existing) return;
    if (fields.length === 0) {
      this.subscriptions.delete(object);
      return;
    }
    const left = existing.fields.filter((f) => !fields.includes(f));
    if (left.length === 0) this.subscriptions.delete(object);
    else this.subscriptions.set(object, { ...existing, fields: left });
  }

  install(businessId: string, fields: string[]): void {
    this.installs.set(businessId, new Set(fields));
  }

  uninstall(businessId: string): void {
    this.installs.delete(businessId);
  }

  installedFields(businessId: string): string[] | undefined {
    const fields = this.installs.get(businessId);
    return fields ? [...fields] : undefined;
  }

  reset(): void {
    this.subscriptions.clear();
    this.installs.clear();
  }
}
