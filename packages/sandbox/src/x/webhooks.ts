import type { Clock } from "../shared/clock";
import { hmacSha256Base64 } from "../shared/hmac";
import type { Random } from "../shared/random";
import { sendHttp, WebhookDispatcher } from "../shared/webhook-delivery";
import type { WebhookOptions } from "./config";
import type { XStore } from "./store";
import type { XWebhook } from "./types";

/**
 * Webhook registration, CRC and signed delivery (§1.10). X's CRC answer and body signature are
 * `sha256=` + base64(HMAC-SHA256(consumer secret, crc_token | raw body)).
 */
export function crcResponseToken(secret: string, crcToken: string): string {
  return `sha256=${hmacSha256Base64(secret, crcToken)}`;
}

export function webhookSignature(secret: string, rawBody: string | Buffer): string {
  return `sha256=${hmacSha256Base64(secret, rawBody)}`;
}

export type RegistrationFailure =
  | "CrcValidationFailed"
  | "UrlValidationFailed"
  | "DuplicateUrlFailed"
  | "WebhookLimitExceeded";

export class WebhookService {
  readonly dispatcher: WebhookDispatcher;

  constructor(
    private readonly deps: {
      store: XStore;
      clock: Clock;
      random: Random;
      nextId: () => string;
      consumerSecret: string;
      options: WebhookOptions;
    },
  ) {
    this.dispatcher = new WebhookDispatcher({
      policy: deps.options,
      clock: deps.clock,
      fetch: deps.options.fetch,
    });
  }

  list(): XWebhook[] {
    return [...this.deps.store.webhooks.values()];
  }

  get(id: string): XWebhook | undefined {
    return this.deps.store.webhooks.get(id);
  }

  async register(url: string): Promise<XWebhook | RegistrationFailure> {
    if (!this.urlAllowed(url)) return "UrlValidationFailed";
    if (this.list().some((w) => w.url === url)) return "DuplicateUrlFailed";
    if (this.list().length >= this.deps.options.maxWebhooks) return "WebhookLimitExceeded";
    if (!(await this.crc(url))) return "CrcValidationFailed";
    const webhook: XWebhook = {
      id: this.deps.nextId(),
      url,
      valid: true,
      createdAt: this.deps.clock.now(),
      subscriptions: new Set(),
    };
    this.deps.store.webhooks.set(webhook.id, webhook);
    return webhook;
  }

  /** PUT /2/webhooks/:id: re-runs CRC; a failure marks the webhook invalid (no deliveries). */
  async revalidate(webhook: XWebhook): Promise<boolean> {
    webhook.valid = await this.crc(webhook.url);
    return webhook.valid;
  }

  remove(id: string): boolean {
    return this.deps.store.webhooks.delete(id);
  }

  subscriptionCount(): number {
    return this.list().reduce((sum, w) => sum + w.subscriptions.size, 0);
  }

  /** Cheap check so posts are not turned into AAA payloads nobody will receive. */
  hasSubscribers(): boolean {
    return this.list().some((w) => w.valid && w.subscriptions.size > 0);
  }

  /** Sends one AAA payload to every valid webhook the user is subscribed through. */
  deliver(forUserId: string, payload: Record<string, unknown>, label: string): void {
    for (const webhook of this.list()) {
      if (!webhook.valid || !webhook.subscriptions.has(forUserId)) continue;
      const body = JSON.stringify(payload);
      void this.dispatcher.dispatch({ url: webhook.url, body, headers: this.signedHeaders(body), label });
    }
  }

  signedHeaders(body: string): Record<string, string> {
    const headers: Record<string, string> = {
      "content-type": "application/json; charset=utf-8",
      "x-twitter-webhooks-signature": webhookSignature(this.deps.consumerSecret, body),
    };
    const oauth2Secret = this.deps.options.oauth2ClientSecret;
    if (oauth2Secret) headers["x-twitter-webhooks-signature-oauth2"] = webhookSignature(oauth2Secret, body);
    return headers;
  }

  private urlAllowed(raw: string): boolean {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return false;
    }
    if (this.deps.options.requireHttps) return url.protocol === "https:" && url.port === "";
    return url.protocol === "https:" || url.protocol === "http:";
  }

  private async crc(rawUrl: string): Promise<boolean> {
    const token = this.deps.random.string(32);
    const url = new URL(rawUrl);
    url.searchParams.set("crc_token", token);
    const result = await sendHttp({
      url: url.toString(),
      method: "GET",
      timeoutMs: this.deps.options.crcTimeoutMs,
      fetch: this.deps.options.fetch,
    });
    if (result.status !== 200 || result.text === undefined) return false;
    const secrets = [this.deps.consumerSecret, this.deps.options.oauth2ClientSecret].filter(
      (s): s is string => s !== undefined,
    );
    try {
      const answer = JSON.parse(result.text) as { response_token?: unknown };
      return secrets.some((secret) => answer.response_token === crcResponseToken(secret, token));
    } catch {
      return false;
    }
  }
}
