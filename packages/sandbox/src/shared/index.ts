export { type Clock, epochSeconds, ManualClock, systemClock } from "./clock";
export { hmac, hmacSha1Hex, hmacSha256Base64, hmacSha256Hex, safeEqual } from "./hmac";
export { createRandom, type Random } from "./random";
export {
  type DeliveryAttempt,
  type DeliveryOutcome,
  type RetryPolicy,
  sendHttp,
  WebhookDispatcher,
  type WebhookRequest,
} from "./webhook-delivery";
