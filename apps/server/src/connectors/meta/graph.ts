import type { ConnectorContext } from "../connector";
import type { NetworkResponse } from "../http";
import { hmacSha256 } from "../signatures";

/** The Graph API version Parley speaks; the path prefix of every call (§2, §3). */
export const GRAPH_VERSION = "v24.0";

/** Graph call hardening (§0.1): lowercase hex HMAC-SHA256(app secret, access token). */
export const appsecretProof = (appSecret: string, accessToken: string) =>
  hmacSha256(appSecret, accessToken, "hex");

export interface GraphCall {
  token: string;
  query?: Record<string, string>;
  body?: unknown;
}

/** Absolute URL of a Graph path on the channel's host, with `appsecret_proof` when the secret is known. */
export function graphUrl(ctx: ConnectorContext, path: string, call: GraphCall): string {
  const query = new URLSearchParams(call.query ?? {});
  const secret = ctx.credentials.app_secret;
  if (secret) query.set("appsecret_proof", appsecretProof(secret, call.token));
  const base = ctx.channel.baseUrl.replace(/\/+$/, "");
  return `${base}/${GRAPH_VERSION}/${path}?${query.toString()}`;
}

/** One Graph call. The token travels in the Authorization header, never in the URL (logs). */
export function graph(
  ctx: ConnectorContext,
  method: "GET" | "POST",
  path: string,
  call: GraphCall,
): Promise<NetworkResponse> {
  return ctx.http.request(method, graphUrl(ctx, path, call), {
    headers: { authorization: `Bearer ${call.token}` },
    body: call.body,
  });
}

/** Graph REST times are ISO-8601 with a `+0000` offset (§0.3); some engines reject it without the colon. */
export function parseGraphTime(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const d = new Date(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Reconciliation looks for replies created shortly before the message was queued, for clock skew. */
export const RECONCILE_SLACK_MS = 60_000;

/** The `data` items of a Graph list answer. */
export const listData = <T>(json: unknown): T[] => ((json as { data?: T[] } | null)?.data ?? []) as T[];
