import { type Clock, systemClock } from "./clock";

/**
 * Outbound webhook delivery with retries, as the networks do it: POST the exact body bytes, count a
 * 2xx inside the timeout as delivered, otherwise retry after each configured delay, then give up.
 * Signing is the caller's business (each network signs differently); this only moves bytes.
 */
export interface RetryPolicy {
  /** Wait before each retry; the array length is the number of retries after the first attempt. */
  retryDelaysMs: readonly number[];
  /** A receiver that has not answered within this time counts as a failed attempt. */
  timeoutMs: number;
}

export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** Free text for the delivery log (e.g. the event kind). */
  label?: string;
}

export interface DeliveryAttempt {
  deliveryId: number;
  label?: string;
  url: string;
  attempt: number;
  at: string;
  ok: boolean;
  status?: number;
  error?: string;
}

export interface DeliveryOutcome {
  delivered: boolean;
  attempts: DeliveryAttempt[];
}

export interface HttpResult {
  status?: number;
  text?: string;
  error?: string;
}

export type FetchLike = typeof fetch;

/** One HTTP request with a timeout; never throws (network errors come back as `error`). */
export async function sendHttp(input: {
  url: string;
  method: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
  fetch?: FetchLike;
}): Promise<HttpResult> {
  const timeout = AbortSignal.timeout(input.timeoutMs);
  const signal = input.signal ? AbortSignal.any([input.signal, timeout]) : timeout;
  try {
    const response = await (input.fetch ?? fetch)(input.url, {
      method: input.method,
      body: input.body,
      headers: input.headers,
      signal,
      redirect: "manual",
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    if (timeout.aborted) return { error: `timeout after ${input.timeoutMs} ms` };
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export class WebhookDispatcher {
  private readonly pending = new Set<Promise<DeliveryOutcome>>();
  private readonly closing = new AbortController();
  private readonly attempts: DeliveryAttempt[] = [];
  private nextId = 1;

  constructor(
    private readonly options: {
      policy: RetryPolicy;
      clock?: Clock;
      fetch?: FetchLike;
      /** How many attempts the in-memory log keeps (oldest dropped first). */
      logLimit?: number;
    },
  ) {}

  /** Starts a delivery in the background; the promise settles when it is delivered or abandoned. */
  dispatch(request: WebhookRequest): Promise<DeliveryOutcome> {
    const delivery = this.deliver(request, this.nextId++);
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
    return delivery;
  }

  /** Resolves when every delivery started so far (including its retries) has finished. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Abandons pending retries and in-flight requests (server shutdown). */
  close(): void {
    this.closing.abort(new Error("dispatcher closed"));
  }

  get log(): readonly DeliveryAttempt[] {
    return this.attempts;
  }

  clearLog(): void {
    this.attempts.length = 0;
  }

  private async deliver(request: WebhookRequest, deliveryId: number): Promise<DeliveryOutcome> {
    const attempts: DeliveryAttempt[] = [];
    const delays = [0, ...this.options.policy.retryDelaysMs];
    for (const [index, delay] of delays.entries()) {
      if (this.closing.signal.aborted) break;
      if (delay > 0 && !(await sleep(delay, this.closing.signal))) break;
      const attempt = await this.attempt(request, deliveryId, index + 1);
      attempts.push(attempt);
      if (attempt.ok) return { delivered: true, attempts };
    }
    return { delivered: false, attempts };
  }

  private async attempt(
    request: WebhookRequest,
    deliveryId: number,
    attempt: number,
  ): Promise<DeliveryAttempt> {
    const at = (this.options.clock ?? systemClock).now().toISOString();
    const result = await sendHttp({
      url: request.url,
      method: "POST",
      body: request.body,
      headers: request.headers,
      timeoutMs: this.options.policy.timeoutMs,
      signal: this.closing.signal,
      fetch: this.options.fetch,
    });
    const ok = result.status !== undefined && result.status >= 200 && result.status < 300;
    const record: DeliveryAttempt = { deliveryId, url: request.url, attempt, at, ok };
    if (request.label) record.label = request.label;
    if (result.status !== undefined) record.status = result.status;
    if (result.error) record.error = result.error;
    this.remember(record);
    return record;
  }

  private remember(record: DeliveryAttempt): void {
    this.attempts.push(record);
    const limit = this.options.logLimit ?? 1000;
    if (this.attempts.length > limit) this.attempts.splice(0, this.attempts.length - limit);
  }
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
