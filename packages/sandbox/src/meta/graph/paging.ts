import { errors } from "./errors";

/** Graph cursors are opaque base64 strings; ours encode the item id. */
export function encodeCursor(id: string): string {
  return Buffer.from(id, "utf8").toString("base64");
}

function decodeCursor(cursor: string): string {
  return Buffer.from(cursor, "base64").toString("utf8");
}

export interface PageRequest {
  limit?: string | undefined;
  after?: string | undefined;
  before?: string | undefined;
}

export interface PagedResult<T> {
  data: T[];
  paging?: { cursors: { before: string; after: string }; next?: string; previous?: string };
}

/** Builds the absolute `paging.next` / `paging.previous` URL the connector follows verbatim. */
export type UrlBuilder = (cursor: { after?: string; before?: string }) => string;

function parseLimit(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw errors.invalidParam("Param limit must be a positive integer");
  return Math.min(n, 100);
}

function indexAfterCursor(ids: string[], cursor: string): number {
  const index = ids.indexOf(decodeCursor(cursor));
  if (index < 0) throw errors.invalidParam("The after/before cursor is not valid");
  return index;
}

/**
 * Cursor paging over an already ordered list: `after` continues past the item it names,
 * `before` returns the slice ending just before it. `next` only when more items follow.
 */
export function pageOf<T>(args: {
  items: T[];
  idOf: (item: T) => string;
  request: PageRequest;
  url: UrlBuilder;
  render: (item: T) => unknown;
  defaultLimit?: number;
}): PagedResult<unknown> {
  const { items, idOf, request, url } = args;
  const ids = items.map(idOf);
  const limit = parseLimit(request.limit, args.defaultLimit ?? 25);
  let start = 0;
  let end = Math.min(items.length, limit);
  if (request.after) {
    start = indexAfterCursor(ids, request.after) + 1;
    end = Math.min(items.length, start + limit);
  } else if (request.before) {
    end = indexAfterCursor(ids, request.before);
    start = Math.max(0, end - limit);
  }
  const slice = items.slice(start, end);
  if (slice.length === 0) return { data: [] };
  const before = encodeCursor(ids[start] as string);
  const after = encodeCursor(ids[end - 1] as string);
  const paging: NonNullable<PagedResult<T>["paging"]> = { cursors: { before, after } };
  if (start > 0) paging.previous = url({ before });
  if (end < items.length) paging.next = url({ after });
  return { data: slice.map(args.render), paging };
}
