import type { Clock } from "../meta/core/clock";
import type { WebhookHub } from "../meta/webhooks/hub";
import { statusError } from "./errors";
import { publishStatus, type WhatsAppIdentity } from "./events";
import type { OutboundMessage, StatusName } from "./store";

export interface ProgressionOptions {
  clock: Clock;
  hub: WebhookHub;
  identity: WhatsAppIdentity;
  delaysMs: [number, number, number];
  autoRead: boolean;
}

/**
 * What happens after the `200`: an accepted message walks `sent → delivered → read`, each its
 * own signed webhook, or fails later with one `failed` status (131047 outside the window,
 * 131026 undeliverable, or an injected code). Timers are tracked so `idle()` can wait for them.
 */
export class StatusProgression {
  private readonly pending = new Map<NodeJS.Timeout, (proceed: boolean) => void>();
  private outstanding = 0;
  private waiters: (() => void)[] = [];
  private generation = 0;

  constructor(private readonly options: ProgressionOptions) {}

  /** Starts the walk for an accepted message; `failureCode` makes it fail instead. */
  start(message: OutboundMessage, failureCode: number | undefined): void {
    const generation = this.generation;
    this.outstanding++;
    void this.walk(message, failureCode, generation).finally(() => {
      this.outstanding--;
      this.settle();
    });
  }

  private async walk(
    message: OutboundMessage,
    failureCode: number | undefined,
    generation: number,
  ): Promise<void> {
    const [sent, delivered, read] = this.options.delaysMs;
    if (!(await this.wait(sent, generation))) return;
    if (failureCode !== undefined) {
      await this.emit(message, "failed", failureCode);
      return;
    }
    await this.emit(message, "sent");
    if (!(await this.wait(delivered, generation))) return;
    await this.emit(message, "delivered");
    if (!this.options.autoRead || !(await this.wait(read, generation))) return;
    await this.emit(message, "read");
  }

  /** Records and publishes one status (also used by the control API to move a message on). */
  emit(message: OutboundMessage, status: StatusName, errorCode?: number): Promise<void> {
    const timestamp = this.options.clock.now();
    const errors = status === "failed" ? [statusError(errorCode ?? 131000)] : undefined;
    message.statuses.push({
      status,
      timestamp: String(Math.floor(timestamp.getTime() / 1000)),
      ...(errors ? { errors } : {}),
    });
    message.finalStatus = status;
    return publishStatus(this.options.hub, this.options.identity, message, {
      status,
      timestamp,
      ...(errors ? { errors } : {}),
    });
  }

  /** Resolves false when a reset happened meanwhile (the walk is abandoned). */
  private wait(ms: number, generation: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve(generation === this.generation);
      }, ms);
      timer.unref();
      this.pending.set(timer, resolve);
    });
  }

  /** Waits for every walk and for the webhook deliveries they caused. */
  async idle(): Promise<void> {
    while (this.outstanding > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
    await this.options.hub.idle();
  }

  /** Abandons every walk in progress (control reset, plugin close). */
  reset(): void {
    this.generation++;
    for (const [timer, resolve] of this.pending) {
      clearTimeout(timer);
      resolve(false);
    }
    this.pending.clear();
  }

  private settle(): void {
    if (this.outstanding > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
