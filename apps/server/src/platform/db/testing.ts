import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { type Database, MIGRATIONS, openDatabase, openPglite } from "./index";

/**
 * A fresh, migrated database for one test file. PARLEY_TEST_DB picks the driver (the vitest
 * projects set it): an in-memory PGlite, or a new database on the DATABASE_URL server that is
 * dropped on close.
 */
export async function openTestDatabase(): Promise<Database & { url: string | null }> {
  const driver = process.env.PARLEY_TEST_DB === "postgres" ? "postgres" : "pglite";
  return openScratchDatabase(driver, process.env.DATABASE_URL);
}

/**
 * A fresh, migrated, throw-away database (tests, benchmarks): in-memory PGlite or a new one on a
 * server. Both start from a copy of a database migrated once per migration set (initdb plus the
 * migrations cost PGlite ~4 s a database, a copy ~1 s; CREATE DATABASE … TEMPLATE on PostgreSQL).
 */
export async function openScratchDatabase(
  driver: "pglite" | "postgres",
  adminUrl?: string,
): Promise<Database & { url: string | null }> {
  if (driver === "pglite") {
    const database = await openPglite(null, { loadDataDir: await pgliteSnapshot() });
    return { ...database, url: null };
  }
  if (!adminUrl) throw new Error("a PostgreSQL scratch database needs DATABASE_URL");
  const template = await postgresTemplate(adminUrl);
  const name = `parley_t_${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, `create database ${name} template ${template}`);
  const url = databaseUrl(adminUrl, name);
  const database = await openDatabase({ driver: "postgres", url });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** Names the migration set: a new or edited migration (or PGlite version) makes a new copy. */
function migrationsKey(): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(MIGRATIONS, { recursive: true, encoding: "utf8" }).sort()) {
    if (!file.endsWith(".sql") && !file.endsWith(".json")) continue;
    hash.update(file).update(readFileSync(path.join(MIGRATIONS, file)));
  }
  const pglite = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  hash.update(readFileSync(path.join(path.dirname(pglite), "../package.json")));
  return hash.digest("hex").slice(0, 16);
}

let snapshot: Promise<Blob> | undefined;

/**
 * A migrated PGlite data directory (gzipped tar), kept in the temp directory so every test
 * process after the first loads it instead of running initdb and the migrations. Written to a
 * unique name and renamed, so concurrent workers never read half a file.
 */
function pgliteSnapshot(): Promise<Blob> {
  snapshot ??= (async () => {
    const file = path.join(tmpdir(), `parley-test-pglite-${migrationsKey()}.tgz`);
    try {
      return new Blob([readFileSync(file)]);
    } catch {
      const client = await PGlite.create();
      try {
        await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS });
        const dump = await client.dumpDataDir("gzip");
        const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
        writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
        renameSync(partial, file);
        return dump;
      } finally {
        await client.close();
      }
    }
  })();
  return snapshot;
}

/** Serialises building the template when several test workers start at once. */
const TEMPLATE_LOCK = 7_252_020;
const templates = new Map<string, Promise<string>>();

/**
 * A migrated database on the server to copy test databases from, built once per migration set:
 * migrated under another name, then renamed, so a crash midway never leaves a half-migrated one.
 */
function postgresTemplate(adminUrl: string): Promise<string> {
  let template = templates.get(adminUrl);
  if (!template) {
    template = buildPostgresTemplate(adminUrl);
    templates.set(adminUrl, template);
  }
  return template;
}

async function buildPostgresTemplate(adminUrl: string): Promise<string> {
  const name = `parley_template_${migrationsKey()}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [TEMPLATE_LOCK]);
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (rowCount) return name;
    const building = `${name}_building`;
    await client.query(`drop database if exists ${building} with (force)`);
    await client.query(`create database ${building}`);
    const database = await openDatabase({ driver: "postgres", url: databaseUrl(adminUrl, building) });
    try {
      await database.migrate();
    } finally {
      await database.close();
    }
    await client.query(`alter database ${building} rename to ${name}`);
    await dropOlderTemplates(client, name);
    return name;
  } finally {
    await client.query("select pg_advisory_unlock($1)", [TEMPLATE_LOCK]).catch(() => {});
    await client.end();
  }
}

/**
 * Templates of earlier migration sets are not used again: dropped once a new one is built. One
 * still being copied from (another checkout's tests at this very moment) is left for next time.
 */
async function dropOlderTemplates(client: pg.Client, current: string) {
  const { rows } = await client.query<{ datname: string }>(
    "select datname from pg_database where datname like 'parley\\_template\\_%' and datname <> $1",
    [current],
  );
  for (const { datname } of rows) await client.query(`drop database if exists "${datname}"`).catch(() => {});
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
