import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * HMAC helpers shared by the emulators. Networks differ only in algorithm and encoding
 * (X: SHA-256 base64; Meta: SHA-256 lowercase hex, legacy SHA-1 hex), so both are parameters.
 * Messages are signed as given: pass the exact bytes that go on the wire, never re-serialized JSON.
 */
export type HmacAlgorithm = "sha256" | "sha1";
export type HmacEncoding = "base64" | "hex";

export function hmac(input: {
  algorithm: HmacAlgorithm;
  key: string | Buffer;
  message: string | Buffer;
  encoding: HmacEncoding;
}): string {
  return createHmac(input.algorithm, input.key).update(input.message).digest(input.encoding);
}

export function hmacSha256Base64(key: string | Buffer, message: string | Buffer): string {
  return hmac({ algorithm: "sha256", key, message, encoding: "base64" });
}

export function hmacSha256Hex(key: string | Buffer, message: string | Buffer): string {
  return hmac({ algorithm: "sha256", key, message, encoding: "hex" });
}

export function hmacSha1Hex(key: string | Buffer, message: string | Buffer): string {
  return hmac({ algorithm: "sha1", key, message, encoding: "hex" });
}

/** Constant-time string comparison; unequal lengths return false without leaking where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}
