import { type Clock, systemClock } from "./core/clock";
import { GRAPH_RETRY_DELAYS_MS } from "./webhooks/delivery";

export interface MetaInstagramOptions {
  id: string;
  username: string;
  name?: string;
  /** Token of "Instagram API with Instagram Login" calls; Page tokens work too (Facebook Login). */
  accessToken?: string;
}

export interface MetaPageOptions {
  id: string;
  name: string;
  accessToken: string;
  username?: string;
  category?: string;
  instagram?: MetaInstagramOptions;
}

export interface WebhookTuning {
  /** Waits before each redelivery after a non-2xx or a timeout (default: ~34 h schedule). */
  retryDelaysMs?: number[];
  /** Per-attempt timeout of a delivery POST. */
  timeoutMs?: number;
  /** > 0 batches the entries published within the window into one POST. */
  batchWindowMs?: number;
  /** Timeout of the verification GET. */
  verifyTimeoutMs?: number;
}

export interface MetaEmulatorOptions {
  clock?: Clock;
  seed?: string | number;
  appId?: string;
  appSecret?: string;
  appName?: string;
  /** Default verify token for `emulator.subscribe()` (Graph callers pass their own). */
  verifyToken?: string;
  pages?: MetaPageOptions[];
  /** Version echoed in `facebook-api-version` and paging URLs; any `vNN.N` prefix is accepted. */
  graphVersion?: string;
  /** Reject Graph calls without a valid `appsecret_proof` (a wrong one is always rejected). */
  requireAppsecretProof?: boolean;
  /** Install the app on every Page and IG account with all fields, as if `subscribed_apps` was called. */
  preinstalled?: boolean;
  webhooks?: WebhookTuning;
  limits?: {
    messengerTextMax?: number;
    instagramTextMax?: number;
    appCallsPerHour?: number;
    businessCallsPerHour?: number;
  };
}

export const DEFAULT_PAGE: MetaPageOptions = {
  id: "104455667788990",
  name: "Acme Support",
  accessToken: "EAAemulatorPageToken",
  username: "acme",
  category: "Telecommunication Company",
  instagram: {
    id: "17841400000000001",
    username: "acme",
    name: "Acme",
    accessToken: "IGAAemulatorUserToken",
  },
};

export const PAGE_FIELDS = [
  "feed",
  "messages",
  "messaging_postbacks",
  "message_deliveries",
  "message_reads",
  "message_echoes",
];
export const INSTAGRAM_FIELDS = ["comments", "mentions", "messages", "messaging_seen", "messaging_postbacks"];

export function resolveMetaOptions(options: MetaEmulatorOptions) {
  const webhooks = options.webhooks ?? {};
  const limits = options.limits ?? {};
  return {
    clock: options.clock ?? systemClock,
    seed: options.seed ?? "parley-meta",
    appId: options.appId ?? "880000000000001",
    appSecret: options.appSecret ?? "emulator_app_secret",
    appName: options.appName ?? "Parley Sandbox",
    verifyToken: options.verifyToken ?? "emulator_verify_token",
    pages: options.pages ?? [DEFAULT_PAGE],
    graphVersion: options.graphVersion ?? "v24.0",
    requireAppsecretProof: options.requireAppsecretProof ?? false,
    preinstalled: options.preinstalled ?? false,
    retryDelaysMs: webhooks.retryDelaysMs ?? GRAPH_RETRY_DELAYS_MS,
    timeoutMs: webhooks.timeoutMs ?? 10_000,
    batchWindowMs: webhooks.batchWindowMs ?? 0,
    verifyTimeoutMs: webhooks.verifyTimeoutMs ?? 5_000,
    messengerTextMax: limits.messengerTextMax ?? 2000,
    instagramTextMax: limits.instagramTextMax ?? 1000,
    appCallsPerHour: limits.appCallsPerHour ?? 10_000,
    businessCallsPerHour: limits.businessCallsPerHour ?? 10_000,
  };
}

export type ResolvedMetaOptions = ReturnType<typeof resolveMetaOptions>;
