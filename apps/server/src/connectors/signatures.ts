import { createHmac, timingSafeEqual } from "node:crypto";

export function hmacSha256(key: string, message: string | Buffer, encoding: "base64" | "hex"): string {
  return createHmac("sha256", key).update(message).digest(encoding);
}

/** Constant-time comparison of a received signature header with the expected value. */
export function signatureMatches(received: string | string[] | undefined, expected: string): boolean {
  if (typeof received !== "string") return false;
  const a = Buffer.from(received);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
