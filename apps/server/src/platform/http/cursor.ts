import { badRequest } from "./problem";

/** Opaque keyset cursors: base64url JSON of the sort key of the last row of a page. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => typeof v === "string" || typeof v === "number")
    ) {
      return values;
    }
  } catch {}
  throw badRequest("The cursor is not one this API issued.", [
    { field: "querystring.cursor", message: "is not a valid cursor" },
  ]);
}

/** Takes `limit + 1` rows: returns the page and whether there is a next one. */
export function pageFrom<T>(rows: T[], limit: number, cursorOf: (last: T) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next_cursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
