import { hmacSha1Hex, hmacSha256Hex, safeEqual } from "../../shared/hmac";

export { safeEqual };

/**
 * Meta signs (and sends) webhook bodies with every character outside printable ASCII written as
 * a lowercase `\uXXXX` escape, astral characters as UTF-16 surrogate pairs (§2.3). JSON.stringify
 * leaves them raw, so escape afterwards; the regex works on UTF-16 code units, which yields the
 * surrogate pairs for free.
 */
export function escapeNonAscii(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The exact bytes a Meta webhook POST (and a Graph response) carries: compact JSON, non-ASCII escaped. */
export function serializeMetaJson(payload: unknown): string {
  return escapeNonAscii(JSON.stringify(payload));
}

/** `X-Hub-Signature-256` value: `sha256=` + lowercase hex HMAC-SHA256(app secret, raw body). */
export function hubSignature256(appSecret: string, rawBody: string): string {
  return `sha256=${hmacSha256Hex(appSecret, rawBody)}`;
}

/** Legacy `X-Hub-Signature` value, still sent next to the sha256 one. */
export function hubSignatureSha1(appSecret: string, rawBody: string): string {
  return `sha1=${hmacSha1Hex(appSecret, rawBody)}`;
}

/** Graph call hardening: lowercase hex HMAC-SHA256(app secret, access token) (§0.1). */
export function appsecretProof(appSecret: string, accessToken: string): string {
  return hmacSha256Hex(appSecret, accessToken);
}
