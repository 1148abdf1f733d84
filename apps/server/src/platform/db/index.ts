import { mkdirSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { DatabaseConfig } from "../../config";
import { startPgliteThread } from "./pglite-thread";
import * as schema from "./schema";

export { schema };
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle: the same query API as Db. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Queryable = Db | Tx;

/** Runs raw SQL and returns its rows, the same on PGlite and node-postgres (both answer `{rows}`). */
export async function queryRows<T = Record<string, unknown>>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export interface Database {
  db: Db;
  driver: "pglite" | "postgres";
  migrate(): Promise<void>;
  ping(): Promise<void>;
  /** `COPY table (columns) FROM` CSV text: the fastest bulk load either driver has (benchmarks). */
  copyFrom(table: string, columns: string[], csv: string): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS = fileURLToPath(new URL("../../../drizzle", import.meta.url));
/** Serialises migrations when several Parley processes start against one PostgreSQL. */
const MIGRATION_LOCK = 7_252_019;

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.driver === "pglite"
    ? openPglite(config.dataDir, { thread: config.thread })
    : openPostgres(config.url);
}

/**
 * PGlite keeps data in `dataDir`, or in memory when it is null (tests); `loadDataDir` starts it
 * from a data directory dumped by `dumpDataDir` (tests: a migrated database, without initdb). With
 * `thread` it runs on a worker thread of its own and is reached through node-postgres (ADR 0019);
 * otherwise in this thread, through drizzle's PGlite driver.
 */
export async function openPglite(
  dataDir: string | null,
  opts: { loadDataDir?: Blob; thread?: boolean } = {},
): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  if (opts.thread) return openPgliteThread(dataDir, opts.loadDataDir);
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    migrate: () => migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: MIGRATIONS }),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    copyFrom: async (table, columns, csv) => {
      await client.query(`copy ${table} (${columns.join(", ")}) from '/dev/blob' with (format csv)`, [], {
        blob: new Blob([csv]),
      });
    },
    close: () => client.close(),
  };
}

async function openPgliteThread(dataDir: string | null, loadDataDir?: Blob): Promise<Database> {
  const thread = await startPgliteThread({ dataDir, loadDataDir });
  // One connection (PGlite is one session), never closed for being idle: a new one would start
  // a new session handshake on the same backend for nothing.
  const pool = new pg.Pool({
    max: 1,
    idleTimeoutMillis: 0,
    stream: thread.stream,
    user: "postgres",
    database: "postgres",
  });
  pool.on("error", () => {});
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    migrate: () => migratePg(db as never, { migrationsFolder: MIGRATIONS }),
    ping: async () => {
      await pool.query("select 1");
    },
    copyFrom: (table, columns, csv) =>
      thread.copyCsv(`copy ${table} (${columns.join(", ")}) from '/dev/blob' with (format csv)`, csv),
    close: async () => {
      await pool.end();
      await thread.close();
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection dropped by the server (restart, failover) must not crash the process:
  // the pool discards it and opens a new one on the next query.
  pool.on("error", () => {});
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    driver: "postgres",
    migrate: async () => {
      const conn = await pool.connect();
      try {
        await conn.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
        await migratePg(drizzlePg({ client: conn, schema }), { migrationsFolder: MIGRATIONS });
      } finally {
        await conn.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
        conn.release();
      }
    },
    ping: async () => {
      await pool.query("select 1");
    },
    copyFrom: async (table, columns, csv) => {
      const conn = await pool.connect();
      try {
        const stream = conn.query(
          copyFrom(`copy ${table} (${columns.join(", ")}) from stdin with (format csv)`),
        );
        await pipeline(Readable.from([csv]), stream);
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}
