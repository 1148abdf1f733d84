import type { HandshakeAnswer } from "../connector";
import { hmacSha256, signatureMatches } from "../signatures";

/*
 * Webhook plumbing shared by Facebook, Instagram and WhatsApp (§2.2, §2.3, §3): the same
 * `hub.challenge` handshake and the same `X-Hub-Signature-256` over the exact bytes received.
 */

/** `hub.mode=subscribe` with the channel's verify token → 200 and the challenge as plain text; else 403. */
export function metaHandshake(
  query: Record<string, string | undefined>,
  credentials: Record<string, string>,
): HandshakeAnswer {
  const challenge = query["hub.challenge"];
  const token = credentials.verify_token;
  if (
    query["hub.mode"] === "subscribe" &&
    challenge !== undefined &&
    token !== undefined &&
    signatureMatches(query["hub.verify_token"], token)
  ) {
    return { status: 200, contentType: "text/plain", body: challenge };
  }
  return { status: 403, contentType: "text/plain", body: "verify token mismatch" };
}

/**
 * `sha256=` + lowercase hex HMAC(app secret, raw body). Meta signs the body with non-ASCII escaped
 * as `\uXXXX`, which is what it sends, so the raw bytes verify as they are; never re-serialise.
 */
export function metaVerify(
  rawBody: Buffer,
  headers: Record<string, string | string[] | undefined>,
  credentials: Record<string, string>,
): boolean {
  const secret = credentials.app_secret;
  if (!secret) return false;
  const received = headers["x-hub-signature-256"];
  const expected = `sha256=${hmacSha256(secret, rawBody, "hex")}`;
  return signatureMatches(typeof received === "string" ? received.toLowerCase() : undefined, expected);
}

/** Webhook entries: `changes[]` (feed, comments, WhatsApp) and `messaging[]` (Messenger, Instagram DMs). */
export interface MetaEntry {
  id?: string;
  /** Epoch seconds on `changes` entries, milliseconds on `messaging` entries (§0.3). */
  time?: number;
  changes?: { field?: string; value?: unknown }[];
  messaging?: unknown[];
}

export function entriesOf(payload: unknown, object: string): MetaEntry[] {
  const p = (payload ?? {}) as { object?: string; entry?: MetaEntry[] };
  return p.object === object && Array.isArray(p.entry) ? p.entry : [];
}

export const fromEpochSeconds = (value: unknown): Date | null =>
  typeof value === "number" || typeof value === "string" ? dateOr(Number(value) * 1000) : null;
export const fromEpochMillis = (value: unknown): Date | null =>
  typeof value === "number" || typeof value === "string" ? dateOr(Number(value)) : null;

function dateOr(ms: number): Date | null {
  return Number.isFinite(ms) && ms > 0 ? new Date(ms) : null;
}
