import { type Clock, epochSeconds } from "../shared/clock";
import type { AuthContext } from "./auth";

/**
 * Per-endpoint request windows (§1.11): separate buckets per app (app-only auth) and per user
 * (user context), `x-rate-limit-*` headers on every answer, and the 24-hour caps of write endpoints.
 */
export interface EndpointLimit {
  /** Requests per window with app-only auth. */
  app?: number;
  /** Requests per window per authenticated user. */
  user?: number;
  windowSeconds?: number;
  /** 24-hour caps, reported in `x-app-limit-24hour-*` / `x-user-limit-24hour-*`. */
  app24h?: number;
  user24h?: number;
}

const FIFTEEN_MINUTES = 15 * 60;
const DAY = 24 * 60 * 60;

export const DEFAULT_LIMITS: Record<string, EndpointLimit> = {
  "GET /2/tweets/search/recent": { app: 450, user: 300 },
  "GET /2/users/:id/mentions": { app: 450, user: 300 },
  "GET /2/tweets/search/stream": { app: 50 },
  "GET /2/tweets/search/stream/rules": { app: 450 },
  "POST /2/tweets/search/stream/rules": { app: 100 },
  "POST /2/tweets": { user: 100, app24h: 10_000 },
  "DELETE /2/tweets/:id": { user: 50 },
  "GET /2/tweets/:id": { app: 450, user: 900 },
  "GET /2/tweets": { app: 450, user: 900 },
  "GET /2/users/me": { user: 75 },
  "GET /2/users/:id": { app: 300, user: 900 },
  "GET /2/users": { app: 300, user: 900 },
  "GET /2/users/by/username/:username": { app: 300, user: 900 },
  "GET /2/users/by": { app: 300, user: 900 },
  "GET /2/dm_events": { user: 15 },
  "GET /2/dm_conversations/with/:participant_id/dm_events": { user: 15 },
  "GET /2/dm_conversations/:dm_conversation_id/dm_events": { user: 15 },
  "POST /2/dm_conversations/with/:participant_id/messages": { user: 15, app24h: 1440, user24h: 1440 },
  "POST /2/dm_conversations/:dm_conversation_id/messages": { user: 15, app24h: 1440, user24h: 1440 },
};
/** Webhook and subscription management endpoints share one generous default (450 per app). */
const FALLBACK: EndpointLimit = { app: 450, user: 450 };

interface Window {
  startedMs: number;
  used: number;
}

export interface LimitCheck {
  allowed: boolean;
  headers: Record<string, string>;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly limits: Record<string, EndpointLimit>;

  constructor(
    private readonly clock: Clock,
    overrides: Record<string, EndpointLimit> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS };
    for (const [endpoint, patch] of Object.entries(overrides))
      this.limits[endpoint] = { ...this.limitFor(endpoint), ...patch };
  }

  limitFor(endpoint: string): EndpointLimit {
    return this.limits[endpoint] ?? FALLBACK;
  }

  /** Lowers (or raises) a limit at run time; a new window starts with the next call. */
  setLimit(endpoint: string, patch: EndpointLimit): void {
    this.limits[endpoint] = { ...this.limitFor(endpoint), ...patch };
    for (const key of [...this.windows.keys()]) if (key.startsWith(`${endpoint}|`)) this.windows.delete(key);
  }

  reset(): void {
    this.windows.clear();
  }

  /** Counts one request; when any window is exhausted the request is refused and nothing is counted. */
  consume(endpoint: string, auth: AuthContext): LimitCheck {
    const limit = this.limitFor(endpoint);
    const who = auth.kind === "app" ? "app" : `user:${auth.userId}`;
    const perWindow = (auth.kind === "app" ? limit.app : limit.user) ?? limit.app ?? limit.user ?? 450;
    const buckets = [
      {
        prefix: "x-rate-limit",
        key: `${endpoint}|${who}`,
        max: perWindow,
        seconds: limit.windowSeconds ?? FIFTEEN_MINUTES,
      },
    ];
    if (limit.app24h)
      buckets.push({
        prefix: "x-app-limit-24hour",
        key: `${endpoint}|24h|app`,
        max: limit.app24h,
        seconds: DAY,
      });
    if (limit.user24h && auth.kind === "user") {
      buckets.push({
        prefix: "x-user-limit-24hour",
        key: `${endpoint}|24h|${who}`,
        max: limit.user24h,
        seconds: DAY,
      });
    }
    const windows = buckets.map((b) => ({ ...b, window: this.window(b.key, b.seconds) }));
    const allowed = windows.every((w) => w.window.used < w.max);
    if (allowed) for (const w of windows) w.window.used++;
    const headers: Record<string, string> = {};
    for (const w of windows) {
      headers[`${w.prefix}-limit`] = String(w.max);
      headers[`${w.prefix}-remaining`] = String(Math.max(0, w.max - w.window.used));
      headers[`${w.prefix}-reset`] = String(epochSeconds(new Date(w.window.startedMs + w.seconds * 1000)));
    }
    return { allowed, headers };
  }

  private window(key: string, seconds: number): Window {
    const now = this.clock.now().getTime();
    const current = this.windows.get(key);
    if (current && now < current.startedMs + seconds * 1000) return current;
    const fresh = { startedMs: now, used: 0 };
    this.windows.set(key, fresh);
    return fresh;
  }
}

/** Failure injection for connector tests: the next N matching calls answer with the given status. */
export interface InjectedFailure {
  /** Endpoint key such as "POST /2/tweets", or "*" for every endpoint. */
  endpoint: string;
  status: number;
  remaining: number;
  body?: Record<string, unknown>;
}

export class FailureInjector {
  private failures: InjectedFailure[] = [];

  add(failure: InjectedFailure): void {
    this.failures.push({ ...failure });
  }

  /** Takes one failure for this endpoint, if any is pending. */
  take(endpoint: string): InjectedFailure | undefined {
    const failure = this.failures.find(
      (f) => f.remaining > 0 && (f.endpoint === "*" || f.endpoint === endpoint),
    );
    if (!failure) return undefined;
    failure.remaining--;
    this.failures = this.failures.filter((f) => f.remaining > 0);
    return failure;
  }

  list(): InjectedFailure[] {
    return this.failures.map((f) => ({ ...f }));
  }

  clear(): void {
    this.failures = [];
  }
}
