import type { Channel } from "@parley/contracts";
import type { FieldError } from "../../../app/api";

/**
 * What the Connect form needs per network. Mirrors `CHANNEL_CREDENTIALS` and `DEFAULT_BASE_URLS`
 * of @parley/contracts without importing them, which would pull zod into the bundle; a unit test
 * keeps the two in step.
 */
export const CONNECTABLE = ["x", "facebook", "instagram", "whatsapp"] as const satisfies readonly Channel[];
export type ConnectableNetwork = (typeof CONNECTABLE)[number];

export interface CredentialField {
  key: string;
  label: string;
  description?: string;
}

const verifyToken: CredentialField = {
  key: "verify_token",
  label: "Verify token",
  description: "Any string; enter the same one in the app's webhook settings.",
};
const appId: CredentialField = { key: "app_id", label: "App ID" };
const appSecret: CredentialField = {
  key: "app_secret",
  label: "App secret",
  description: "Verifies the signature of every webhook.",
};

export const NETWORK_FORM: Record<
  ConnectableNetwork,
  { accountIdLabel: string; baseUrl: string; credentials: CredentialField[] }
> = {
  x: {
    accountIdLabel: "X user ID",
    baseUrl: "https://api.x.com",
    credentials: [
      { key: "api_key", label: "API key", description: "OAuth 1.0a consumer key." },
      { key: "api_secret", label: "API secret", description: "Signs CRC answers and verifies webhooks." },
      { key: "bearer_token", label: "Bearer token", description: "App-only: search, stream, webhooks." },
      { key: "access_token", label: "Access token", description: "The brand account's: posts and DMs." },
    ],
  },
  facebook: {
    accountIdLabel: "Page ID",
    baseUrl: "https://graph.facebook.com",
    credentials: [appId, appSecret, verifyToken, { key: "page_access_token", label: "Page access token" }],
  },
  instagram: {
    accountIdLabel: "Instagram account ID",
    baseUrl: "https://graph.facebook.com",
    credentials: [appId, appSecret, verifyToken, { key: "access_token", label: "Access token" }],
  },
  whatsapp: {
    accountIdLabel: "Phone number ID",
    baseUrl: "https://graph.facebook.com",
    credentials: [appId, appSecret, verifyToken, { key: "access_token", label: "Access token" }],
  },
};

export interface ConnectErrors {
  /** Errors of the top-level fields, by name (`name`, `external_account_id`, `base_url`…). */
  fields: Record<string, string>;
  /** Errors of single credentials, by key (`body.credentials.api_secret` -> `api_secret`). */
  credentials: Record<string, string>;
}

const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

/** Sorts the server's field errors onto the inputs of the Connect form. */
export function connectErrors(errors: readonly FieldError[]): ConnectErrors {
  const out: ConnectErrors = { fields: {}, credentials: {} };
  for (const { field, message } of errors) {
    const path = field.replace(/^body\./, "").split(".");
    const [head, key] = path;
    if (head === "credentials" && key) out.credentials[key] ??= sentence(message);
    else if (head) out.fields[head] ??= sentence(message);
  }
  return out;
}
