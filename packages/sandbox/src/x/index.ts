export {
  type BrandAccount,
  defaultAccessToken,
  X_DEFAULTS,
  type XEmulatorOptions,
  type XPolicy,
} from "./config";
export type { XControl } from "./control";
export type { XNetwork } from "./network";
export { type StandaloneXEmulator, startXEmulator, type XEmulator, xEmulator } from "./plugin";
export type { EndpointLimit } from "./rate-limit";
export { compareIds, snowflakeAt, snowflakeTime } from "./snowflake";
export { extractEntities, weightedLength } from "./text";
export { crcResponseToken, webhookSignature } from "./webhooks";
