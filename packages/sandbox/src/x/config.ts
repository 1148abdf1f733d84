import { type Clock, systemClock } from "../shared/clock";
import type { FetchLike, RetryPolicy } from "../shared/webhook-delivery";
import type { Credentials, UserToken } from "./auth";
import type { EndpointLimit } from "./rate-limit";

/** Everything configurable about the X emulator; every field has a default. */
export interface XEmulatorOptions {
  clock?: Clock;
  /** Seeds ids, t.co codes and tokens: same seed + same clock + same calls = same output. */
  seed?: number | string;
  /** The brand account Parley manages. */
  brand?: Partial<BrandAccount>;
  /** The developer app (named in DM `apps` maps and in `source`). */
  app?: { id?: string; name?: string; url?: string };
  credentials?: Partial<Credentials>;
  /** Per-endpoint overrides keyed like "GET /2/tweets/search/recent". */
  rateLimits?: Record<string, EndpointLimit>;
  stream?: { keepAliveMs?: number; maxConnections?: number };
  webhooks?: Partial<WebhookOptions>;
  policy?: Partial<XPolicy>;
}

export interface BrandAccount {
  id: string;
  username: string;
  name: string;
  description: string;
  followersCount: number;
  verified: boolean;
  createdAt: string;
}

export interface WebhookOptions extends RetryPolicy {
  /** How long X waits for a CRC answer. */
  crcTimeoutMs: number;
  /** X requires https without an explicit port; off by default so local receivers work. */
  requireHttps: boolean;
  maxWebhooks: number;
  maxSubscriptions: number;
  /** When set, deliveries also carry `x-twitter-webhooks-signature-oauth2` signed with it. */
  oauth2ClientSecret?: string;
  fetch?: FetchLike;
}

/** Behaviour switches that tests and the simulator may change at run time (control API). */
export interface XPolicy {
  /** §1.12 self-serve rule: replies only to posts whose author mentioned or quoted the brand. */
  replyRestriction: boolean;
  /** Identical text by the same account within this window is refused with 403. */
  duplicateWindowMs: number;
  searchWindowDays: number;
  maxQueryLength: number;
  maxRules: number;
  maxRuleLength: number;
  dmHistoryDays: number;
  /** `lang` of posts whose creator did not give one (the emulator does not detect languages). */
  defaultLang: string;
  /** The docs list 409 for connecting a stream with no rules; off unless asked for. */
  rejectStreamWithoutRules: boolean;
}

export interface XConfig {
  clock: Clock;
  seed: number | string;
  brand: BrandAccount;
  app: { id: string; name: string; url: string };
  credentials: Credentials;
  rateLimits: Record<string, EndpointLimit>;
  stream: { keepAliveMs: number; maxConnections: number };
  webhooks: WebhookOptions;
  policy: XPolicy;
}

export const X_DEFAULTS = {
  brand: {
    id: "9911223344",
    username: "acme",
    name: "Acme Telecom",
    description: "Official customer care for Acme Telecom. We're here 24/7.",
    followersCount: 50210,
    verified: true,
    createdAt: "2011-03-13T07:06:40.000Z",
  },
  bearerToken: "emulator_bearer_token",
  consumerKey: "emulator_consumer_key",
  consumerSecret: "emulator_consumer_secret",
  userBearer: "emulator_user_token",
  accessSecret: "emulator_access_secret",
} as const;

export function defaultAccessToken(brandId: string): string {
  return `${brandId}-emulator_access_token`;
}

export function resolveConfig(options: XEmulatorOptions = {}): XConfig {
  const brand: BrandAccount = { ...X_DEFAULTS.brand, ...options.brand };
  const brandToken: UserToken = {
    userId: brand.id,
    bearer: X_DEFAULTS.userBearer,
    accessToken: defaultAccessToken(brand.id),
    accessSecret: X_DEFAULTS.accessSecret,
  };
  const credentials: Credentials = {
    bearerTokens: [X_DEFAULTS.bearerToken],
    consumerKey: X_DEFAULTS.consumerKey,
    consumerSecret: X_DEFAULTS.consumerSecret,
    userTokens: [brandToken],
    oauth1: "signature",
    ...options.credentials,
  };
  return {
    clock: options.clock ?? systemClock,
    seed: options.seed ?? 1,
    brand,
    app: { id: "24680135", name: "Parley", url: "https://github.com/parley", ...options.app },
    credentials,
    rateLimits: options.rateLimits ?? {},
    stream: { keepAliveMs: 20_000, maxConnections: 1, ...options.stream },
    webhooks: {
      timeoutMs: 3_000,
      retryDelaysMs: [2_000, 60_000, 240_000],
      crcTimeoutMs: 10_000,
      requireHttps: false,
      maxWebhooks: 1,
      maxSubscriptions: 3,
      ...options.webhooks,
    },
    policy: {
      replyRestriction: true,
      duplicateWindowMs: 24 * 60 * 60 * 1000,
      searchWindowDays: 7,
      maxQueryLength: 512,
      maxRules: 1000,
      maxRuleLength: 1024,
      dmHistoryDays: 30,
      defaultLang: "en",
      rejectStreamWithoutRules: false,
      ...options.policy,
    },
  };
}
