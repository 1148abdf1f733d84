import { invalidParameter } from "./errors";
import { compareIds } from "./snowflake";

/**
 * Cursor pagination over id-sorted lists (newest first). Tokens are opaque lowercase strings that
 * encode the direction, the boundary id and a checksum of the request's scope, so replaying a
 * token returns the same page (§1.5) and a token used with a different query is rejected.
 */
export interface Page<T> {
  items: T[];
  nextToken?: string;
  previousToken?: string;
}

function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36).padStart(7, "0").slice(-7);
}

export function encodeToken(direction: "n" | "p", id: string, scope: string): string {
  const body = BigInt(id).toString(36).padStart(13, "0");
  return `${direction === "n" ? "7" : "b"}${body}${checksum(`${direction}${id}${scope}`)}`;
}

export function decodeToken(
  token: string,
  scope: string,
  parameter: string,
): { direction: "n" | "p"; id: string } {
  const invalid = () =>
    invalidParameter(parameter, token, `The \`${parameter}\` query parameter value [${token}] is not valid`);
  const match = /^([7b])([0-9a-z]{13})([0-9a-z]{7})$/.exec(token);
  if (!match) throw invalid();
  const direction = match[1] === "7" ? "n" : "p";
  let id = 0n;
  for (const digit of match[2] ?? "") id = id * 36n + BigInt(Number.parseInt(digit, 36));
  if (checksum(`${direction}${id}${scope}`) !== match[3]) throw invalid();
  return { direction, id: id.toString() };
}

/** One page of `newestFirst` (already filtered) starting after the token's boundary. */
export function paginate<T extends { id: string }>(input: {
  newestFirst: T[];
  maxResults: number;
  token?: string;
  tokenParameter: string;
  scope: string;
  withPreviousToken?: boolean;
}): Page<T> {
  const { newestFirst, maxResults, scope } = input;
  let window = newestFirst;
  let items: T[];
  const cursor = input.token ? decodeToken(input.token, scope, input.tokenParameter) : undefined;
  if (cursor?.direction === "p") {
    window = newestFirst.filter((item) => compareIds(item.id, cursor.id) > 0);
    items = window.slice(Math.max(0, window.length - maxResults));
  } else {
    if (cursor) window = newestFirst.filter((item) => compareIds(item.id, cursor.id) < 0);
    items = window.slice(0, maxResults);
  }
  const page: Page<T> = { items };
  const oldest = items.at(-1);
  const newest = items[0];
  if (oldest && newestFirst.some((item) => compareIds(item.id, oldest.id) < 0)) {
    page.nextToken = encodeToken("n", oldest.id, scope);
  }
  if (input.withPreviousToken && newest) page.previousToken = encodeToken("p", newest.id, scope);
  return page;
}
