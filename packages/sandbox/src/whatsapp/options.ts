import { type Clock, systemClock } from "../meta/core/clock";
import type { WebhookTuning } from "../meta/options";
import { WHATSAPP_RETRY_DELAYS_MS } from "../meta/webhooks/delivery";

export type TemplateCategory = "MARKETING" | "UTILITY" | "AUTHENTICATION";
export type TemplateStatus = "APPROVED" | "PENDING" | "REJECTED" | "PAUSED" | "DISABLED";

export interface WhatsAppTemplate {
  name: string;
  language: string;
  category: TemplateCategory;
  status: TemplateStatus;
  /** The approved body text with `{{1}}`-style placeholders; their count is enforced (132000). */
  body: string;
}

export interface WhatsAppEmulatorOptions {
  clock?: Clock;
  seed?: string | number;
  appId?: string;
  appSecret?: string;
  /** Default verify token for `emulator.subscribe()`. */
  verifyToken?: string;
  graphVersion?: string;
  /** System-user / business-integration token expected as `Authorization: Bearer`. */
  accessToken?: string;
  businessAccount?: { id: string; name?: string };
  phoneNumber?: { id: string; displayPhoneNumber: string; verifiedName?: string };
  templates?: WhatsAppTemplate[];
  /** Waits before the `sent`, `delivered` and `read` statuses of an accepted message. */
  statusDelaysMs?: [number, number, number];
  /** Customers read what they receive (emits `read`); off = stop at `delivered`. */
  autoRead?: boolean;
  /** Enforce ~1 message per 6 s to the same customer (131056). */
  enforcePairRate?: boolean;
  /** Enforce the per-number throughput (130429). */
  enforceThroughput?: boolean;
  throughputPerSecond?: number;
  requireAppsecretProof?: boolean;
  /** The app is subscribed on the WABA (`POST /{waba-id}/subscribed_apps`) from the start. */
  preinstalled?: boolean;
  webhooks?: WebhookTuning;
}

export const DEFAULT_TEMPLATES: WhatsAppTemplate[] = [
  { name: "hello_world", language: "en_US", category: "UTILITY", status: "APPROVED", body: "Hello World" },
  {
    name: "case_update",
    language: "en_GB",
    category: "UTILITY",
    status: "APPROVED",
    body: "Your case {{1}} is now {{2}}.",
  },
  {
    name: "reengage_offer",
    language: "en_GB",
    category: "MARKETING",
    status: "APPROVED",
    body: "We miss you, {{1}}!",
  },
  { name: "paused_promo", language: "en_GB", category: "MARKETING", status: "PAUSED", body: "Promo" },
];

export function resolveWhatsAppOptions(options: WhatsAppEmulatorOptions) {
  const webhooks = options.webhooks ?? {};
  return {
    clock: options.clock ?? systemClock,
    seed: options.seed ?? "parley-whatsapp",
    appId: options.appId ?? "880000000000001",
    appSecret: options.appSecret ?? "emulator_app_secret",
    verifyToken: options.verifyToken ?? "emulator_verify_token",
    graphVersion: options.graphVersion ?? "v24.0",
    accessToken: options.accessToken ?? "EAAGemulatorWhatsAppToken",
    businessAccount: { name: "Acme", ...(options.businessAccount ?? { id: "300000000000001" }) },
    phoneNumber: {
      verifiedName: "Acme Support",
      ...(options.phoneNumber ?? { id: "110000000000002", displayPhoneNumber: "447700900001" }),
    },
    templates: options.templates ?? DEFAULT_TEMPLATES,
    statusDelaysMs: options.statusDelaysMs ?? ([50, 250, 1000] as [number, number, number]),
    autoRead: options.autoRead ?? true,
    enforcePairRate: options.enforcePairRate ?? false,
    enforceThroughput: options.enforceThroughput ?? false,
    throughputPerSecond: options.throughputPerSecond ?? 80,
    requireAppsecretProof: options.requireAppsecretProof ?? false,
    preinstalled: options.preinstalled ?? false,
    retryDelaysMs: webhooks.retryDelaysMs ?? WHATSAPP_RETRY_DELAYS_MS,
    timeoutMs: webhooks.timeoutMs ?? 10_000,
    batchWindowMs: webhooks.batchWindowMs ?? 0,
    verifyTimeoutMs: webhooks.verifyTimeoutMs ?? 5_000,
  };
}

export type ResolvedWhatsAppOptions = ReturnType<typeof resolveWhatsAppOptions>;
