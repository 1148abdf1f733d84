/*
 * The one HTTP client connectors use. It classifies failures so the outbox knows what to do:
 * rate limited → wait for the reset; transient (5xx) → retry with backoff; uncertain (timeout
 * after sending) → reconcile before any retry; rejected (4xx) → fail with the network's words.
 */

export class RateLimitedError extends Error {
  constructor(
    readonly resetAt: Date,
    message: string,
  ) {
    super(message);
  }
}
export class TransientError extends Error {}
/** The request may or may not have reached the network (timeout, connection reset). */
export class UncertainError extends Error {}
/** The network refused for good (policy, validation, auth): retrying cannot help. */
export class RejectedError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string | number,
  ) {
    super(message);
  }
}

export interface NetworkResponse {
  status: number;
  headers: Headers;
  json: unknown;
}

export interface NetworkClient {
  request(
    method: string,
    url: string,
    init?: { headers?: Record<string, string>; body?: unknown; timeoutMs?: number },
  ): Promise<NetworkResponse>;
}

export function createNetworkClient(opts: { fetch?: typeof fetch; timeoutMs?: number } = {}): NetworkClient {
  const doFetch = opts.fetch ?? fetch;
  return {
    async request(method, url, init = {}) {
      const headers: Record<string, string> = { accept: "application/json", ...init.headers };
      let body: string | undefined;
      if (init.body !== undefined) {
        headers["content-type"] = "application/json";
        body = JSON.stringify(init.body);
      }
      let res: Response;
      try {
        res = await doFetch(url, {
          method,
          headers,
          body,
          signal: AbortSignal.timeout(init.timeoutMs ?? opts.timeoutMs ?? 15_000),
        });
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        // A GET that never got an answer is safe to repeat; a POST may have been applied.
        if (method === "GET") throw new TransientError(`${method} ${url}: ${reason}`);
        throw new UncertainError(`${method} ${url}: ${reason}`);
      }
      const text = await res.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = { raw: text.slice(0, 500) };
      }
      return { status: res.status, headers: res.headers, json };
    },
  };
}

/** Seconds-since-epoch reset header (X) or a fallback delay. */
export function resetFrom(headers: Headers, header: string, now: Date, fallbackMs = 60_000): Date {
  const reset = Number(headers.get(header));
  return Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : new Date(now.getTime() + fallbackMs);
}
