import { z } from "zod";
import { Channel } from "./enums";

/** Secrets each network needs; stored AES-256-GCM encrypted, never returned by the API. */
const secret = z.string().min(1).max(2000);
export const CHANNEL_CREDENTIALS = {
  x: z.strictObject({
    api_key: secret.describe("OAuth 1.0a consumer key (API key)"),
    api_secret: secret.describe("Consumer secret: signs CRC answers and verifies webhook signatures"),
    bearer_token: secret.describe("App-only bearer token: search, filtered stream, webhook management"),
    access_token: secret.describe("OAuth 2.0 user-context token of the brand account: posting and DMs"),
  }),
  facebook: z.strictObject({
    app_id: secret,
    app_secret: secret.describe("Verifies X-Hub-Signature-256 on webhooks"),
    verify_token: secret.describe("Echo check of the webhook subscription"),
    page_access_token: secret,
  }),
  instagram: z.strictObject({
    app_id: secret,
    app_secret: secret,
    verify_token: secret,
    access_token: secret,
  }),
  whatsapp: z.strictObject({
    app_id: secret,
    app_secret: secret,
    verify_token: secret,
    access_token: secret,
  }),
  email: z.record(z.string(), secret),
  webchat: z.record(z.string(), secret),
  rss: z.record(z.string(), secret),
  webhook: z.strictObject({ signing_secret: secret }),
} as const;

/** Where each network's API lives; the sandbox demo points these at /sandbox/<network>. */
export const DEFAULT_BASE_URLS: Record<Channel, string> = {
  x: "https://api.x.com",
  facebook: "https://graph.facebook.com",
  instagram: "https://graph.facebook.com",
  whatsapp: "https://graph.facebook.com",
  email: "imaps://localhost",
  webchat: "",
  rss: "",
  webhook: "",
};

export const ConnectChannelRequest = z.strictObject({
  network: Channel,
  name: z.string().trim().min(1).max(200),
  handle: z.string().max(200).optional(),
  external_account_id: z
    .string()
    .min(1)
    .max(200)
    .describe("The account's id on the network: X user id, Page id, phone-number id..."),
  base_url: z.url().optional().describe("Defaults to the network's real API."),
  credentials: z.record(z.string(), z.string()),
  settings: z.record(z.string(), z.unknown()).optional(),
});

export const UpdateChannelRequest = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  status: z.enum(["active", "paused"]).optional(),
  base_url: z.url().optional(),
  credentials: z.record(z.string(), z.string()).optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
});

export const ChannelAccount = z.object({
  id: z.uuid(),
  network: Channel,
  name: z.string(),
  handle: z.string().nullable(),
  external_account_id: z.string(),
  base_url: z.string(),
  status: z.enum(["active", "paused", "error", "disconnected"]),
  credential_keys: z.array(z.string()).describe("Which secrets are set (their values are never returned)."),
  settings: z.record(z.string(), z.unknown()),
  webhook_url: z
    .string()
    .nullable()
    .describe(
      "The full webhook URL when PARLEY_PUBLIC_URL is configured; otherwise prefix webhook_path with Parley's public address.",
    ),
  webhook_path: z
    .string()
    .describe("Where the network must deliver webhooks, relative to Parley's public URL."),
  health: z.object({
    last_event_at: z.string().nullable(),
    lag_seconds: z.number().nullable().describe("Seconds since the last event arrived."),
    last_error: z.string().nullable(),
    last_error_at: z.string().nullable(),
  }),
  created_at: z.string(),
});
export type ChannelAccount = z.infer<typeof ChannelAccount>;
