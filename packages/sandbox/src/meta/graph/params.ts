import { errors } from "./errors";

export type Params = Record<string, unknown>;

const VERSION = /^v\d+\.\d+$/;

export interface GraphPath {
  /** `v24.0` etc., or null for the unversioned path (both accepted, §2). */
  version: string | null;
  segments: string[];
}

export function parseGraphPath(wildcard: string): GraphPath {
  const segments =
    wildcard
      .split("?")[0]
      ?.split("/")
      .filter((s) => s.length > 0)
      .map((s) => decodeURIComponent(s)) ?? [];
  const first = segments[0];
  if (first && VERSION.test(first)) return { version: first, segments: segments.slice(1) };
  return { version: null, segments };
}

/** Form fields and query params may hold JSON strings (`recipient={"id":"..."}`, §2). */
function decodeJsonString(value: unknown): unknown {
  if (typeof value !== "string" || !value.startsWith("{")) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === "object" ? parsed : value;
  } catch {
    return value;
  }
}

/** Graph reads parameters from the query string and the body alike; the body wins. */
export function mergeParams(query: unknown, body: unknown, bodyIsJson: boolean): Params {
  const merged: Params = {};
  if (query && typeof query === "object") {
    for (const [k, v] of Object.entries(query)) merged[k] = decodeJsonString(v);
  }
  if (body && typeof body === "object" && !Array.isArray(body)) {
    for (const [k, v] of Object.entries(body)) merged[k] = bodyIsJson ? v : decodeJsonString(v);
  }
  return merged;
}

export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(authorization ?? "");
  return match?.[1];
}

export function str(params: Params, key: string): string | undefined {
  const value = params[key];
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

export function requireStr(params: Params, key: string): string {
  const value = str(params, key);
  if (value === undefined || value === "") throw errors.invalidParam(`The parameter ${key} is required`);
  return value;
}

export function bool(params: Params, key: string): boolean | undefined {
  const value = params[key];
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  return undefined;
}

export function obj(params: Params, key: string): Record<string, unknown> | undefined {
  const value = decodeJsonString(params[key]);
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** `fields=feed,messages` or `fields=["feed","messages"]` or a JSON array string. */
export function list(params: Params, key: string): string[] {
  let value = params[key];
  if (typeof value === "string" && value.startsWith("[")) {
    try {
      value = JSON.parse(value);
    } catch {
      // fall through: treat as a comma list
    }
  }
  const items = Array.isArray(value) ? value.map(String) : typeof value === "string" ? value.split(",") : [];
  return items.map((s) => s.trim()).filter((s) => s.length > 0);
}
