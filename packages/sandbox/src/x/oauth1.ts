import { createHmac } from "node:crypto";
import { safeEqual } from "../shared/hmac";

/**
 * OAuth 1.0a (RFC 5849) HMAC-SHA1 verification, enough for the user-context calls that X still
 * signs this way (and that the twitter-api-v2 client makes with `{appKey, appSecret, accessToken,
 * accessSecret}`). Timestamps and nonces are not checked: the emulator's clock is often simulated.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!*'()]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function parseOAuthHeader(header: string): Record<string, string> | undefined {
  if (!/^OAuth\s+/i.test(header)) return undefined;
  const params: Record<string, string> = {};
  for (const match of header.replace(/^OAuth\s+/i, "").matchAll(/([\w.~%-]+)\s*=\s*"([^"]*)"/g)) {
    params[decodeURIComponent(match[1] ?? "")] = decodeURIComponent(match[2] ?? "");
  }
  return params;
}

/** Scheme and host lower-cased, default port dropped, query removed (RFC 5849 §3.4.1.2). */
export function baseStringUri(absoluteUrl: string): string {
  const url = new URL(absoluteUrl);
  return `${url.protocol}//${url.host}${url.pathname}`;
}

export function signatureBaseString(input: {
  method: string;
  url: string;
  params: Array<[string, string]>;
}): string {
  const normalized = input.params
    .map(([key, value]) => [percentEncode(key), percentEncode(value)] as const)
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
  return [
    input.method.toUpperCase(),
    percentEncode(baseStringUri(input.url)),
    percentEncode(normalized),
  ].join("&");
}

export function oauth1Signature(input: {
  method: string;
  url: string;
  params: Array<[string, string]>;
  consumerSecret: string;
  tokenSecret: string;
}): string {
  const key = `${percentEncode(input.consumerSecret)}&${percentEncode(input.tokenSecret)}`;
  return createHmac("sha1", key).update(signatureBaseString(input)).digest("base64");
}

/** Checks `oauth_signature` against the request: oauth_* header params + query + form body params. */
export function verifyOAuth1(input: {
  method: string;
  url: string;
  header: Record<string, string>;
  formParams?: Array<[string, string]>;
  consumerSecret: string;
  tokenSecret: string;
}): boolean {
  const signature = input.header.oauth_signature;
  if (!signature || (input.header.oauth_signature_method ?? "HMAC-SHA1") !== "HMAC-SHA1") return false;
  const oauthParams = Object.entries(input.header).filter(
    ([key]) => key !== "oauth_signature" && key !== "realm",
  );
  const queryParams = [...new URL(input.url).searchParams.entries()];
  const expected = oauth1Signature({
    method: input.method,
    url: input.url,
    params: [...oauthParams, ...queryParams, ...(input.formParams ?? [])],
    consumerSecret: input.consumerSecret,
    tokenSecret: input.tokenSecret,
  });
  return safeEqual(expected, signature);
}
