export type { Clock } from "./core/clock";
export {
  appsecretProof,
  escapeNonAscii,
  hubSignature256,
  hubSignatureSha1,
  serializeMetaJson,
} from "./core/signature";
export { type MetaEmulator, metaEmulator } from "./emulator";
export type { MetaEmulatorOptions, MetaPageOptions, WebhookTuning } from "./options";
export type { BrandAction, CustomerRecord, DirectMessageRecord } from "./state/types";
export type { DeliveryRecord } from "./webhooks/delivery";
