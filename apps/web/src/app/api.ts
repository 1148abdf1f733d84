import type { Problem } from "@parley/contracts";

/** A page of a list endpoint: pass `next_cursor` back as `cursor` until it is null. */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface FieldError {
  field: string;
  message: string;
}

/** An answer that was not 2xx, carrying the RFC 9457 problem details the server sent. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  /** The problem type URI, e.g. ending in "/reply-conflict". */
  readonly type: string;
  /** The whole problem body, with any extension members (e.g. `conflicting_message`). */
  readonly problem: Problem & Record<string, unknown>;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
    this.type = problem.type;
    this.problem = problem;
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
  }

  /** Field errors keyed by the last segment of their path (`body.email` -> `email`). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const { field, message } of this.errors) {
      const key = field.split(".").pop() ?? field;
      out[key] ??= message.charAt(0).toUpperCase() + message.slice(1);
    }
    return out;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** The sentence to show a person for any error thrown by the client or the network. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail ?? error.title;
  if (error instanceof TypeError) return "Parley could not be reached. Check your connection and try again.";
  return error instanceof Error ? error.message : "Something went wrong.";
}

export type QueryValue = string | number | readonly string[] | null | undefined;

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(","));
    } else {
      params.set(key, String(value));
    }
  }
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ""}`;
}

async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      if (typeof body.title === "string") {
        return new ApiError({
          type: body.type ?? "about:blank",
          ...body,
          status: response.status,
        } as Problem);
      }
    } catch {
      // fall through to a generic problem built from the status line
    }
  }
  return new ApiError({
    type: "about:blank",
    title: response.statusText || "Request failed",
    status: response.status,
  });
}

interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json, application/problem+json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(buildUrl(path, options.query), {
    method,
    headers,
    credentials: "same-origin",
    body: options.body === undefined ? null : JSON.stringify(options.body),
    signal: options.signal ?? null,
  });
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204 || response.headers.get("content-length") === "0") return undefined as T;
  return (await response.json()) as T;
}

/** The typed client of the Parley REST API (`/api/v1`), using the session cookie. */
export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>("GET", path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, { body }),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, { body }),
  delete: (path: string) => request<void>("DELETE", path),
};
