import { getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Queryable } from "./index";

/**
 * Inserts many rows in one statement with one parameter: the rows as JSON, unpacked by
 * `jsonb_to_recordset`. Several times faster than a multi-row VALUES list on both drivers for
 * batches of hundreds (no per-value parameter to build, send and parse). The columns are those
 * set in the first row; every row must set the same ones.
 */
export async function bulkInsert<T extends PgTable>(
  db: Queryable,
  table: T,
  rows: T["$inferInsert"][],
  opts: { onConflictDoNothing?: boolean; returning?: (keyof T["$inferSelect"] & string)[] } = {},
): Promise<Record<string, unknown>[]> {
  const first = rows[0];
  if (!first) return [];
  const all = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  const keys = Object.keys(first).filter(
    (k) => all[k] && (first as Record<string, unknown>)[k] !== undefined,
  );
  const columns = keys.map((k) => all[k] as { name: string; getSQLType(): string });
  const json = JSON.stringify(rows.map((r) => keys.map((k) => encode((r as Record<string, unknown>)[k]))));
  const names = sql.raw(columns.map((c) => `"${c.name}"`).join(", "));
  const select = sql.raw(
    columns
      .map((c, i) => {
        const type = c.getSQLType();
        if (type.startsWith("json")) return `nullif(r->${i}, 'null'::jsonb)::${type}`;
        if (type.endsWith("[]")) return `array(select jsonb_array_elements_text(r->${i}))::${type}`;
        return `(r->>${i})::${type}`;
      })
      .join(", "),
  );
  let query: SQL = sql`insert into ${sql.raw(`"${getTableName(table)}"`)} (${names})
    select ${select} from jsonb_array_elements(${json}::jsonb) as r`;
  if (opts.onConflictDoNothing) query = sql`${query} on conflict do nothing`;
  if (opts.returning?.length) {
    const ret = opts.returning.map((k) => `"${(all[k] as { name: string }).name}" as "${k}"`).join(", ");
    query = sql`${query} returning ${sql.raw(ret)}`;
  }
  const result = (await db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
  return result.rows;
}

const encode = (v: unknown) => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);

/** A `uuid[]` parameter as one string literal, the same on both drivers: `${uuidArray(ids)}::uuid[]`. */
export const uuidArray = (ids: string[]) => `{${ids.join(",")}}`;
