import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "./index";

/**
 * A fresh, migrated database for one test file. PARLEY_TEST_DB picks the driver (the vitest
 * projects set it): an in-memory PGlite, or a new database on the DATABASE_URL server that is
 * dropped on close.
 */
export async function openTestDatabase(): Promise<Database & { url: string | null }> {
  const driver = process.env.PARLEY_TEST_DB === "postgres" ? "postgres" : "pglite";
  return openScratchDatabase(driver, process.env.DATABASE_URL);
}

/** A fresh, migrated, throw-away database (tests, benchmarks): in-memory PGlite or a new one on a server. */
export async function openScratchDatabase(
  driver: "pglite" | "postgres",
  adminUrl?: string,
): Promise<Database & { url: string | null }> {
  if (driver === "pglite") {
    const database = await openDatabase({ driver: "pglite", dataDir: null });
    await database.migrate();
    return { ...database, url: null };
  }
  if (!adminUrl) throw new Error("a PostgreSQL scratch database needs DATABASE_URL");
  const name = `parley_t_${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ driver: "postgres", url: url.toString() });
  await database.migrate();
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
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
