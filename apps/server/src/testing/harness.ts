import { randomBytes } from "node:crypto";
import { ROLES, type Role } from "@parley/contracts";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../app";
import { loadConfig } from "../config";
import { createInbound } from "../ingest/inbound";
import { recordDeadLetter } from "../pipeline/consumer";
import { createInlineChangeFeed, InlineBus } from "../platform/bus";
import { type Clock, systemClock } from "../platform/clock";
import type { Database } from "../platform/db";
import { openTestDatabase } from "../platform/db/testing";
import type { Deps } from "../platform/deps";
import { createSecretBox } from "../platform/secrets";

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  deps: Deps;
  close(): Promise<void>;
}

/** Dependencies on a test database: an in-process bus with quick retries, dead letters recorded. */
export function createTestDeps(database: Database, clock: Clock = systemClock): Deps {
  const config = {
    ...loadConfig({ PARLEY_DATA_DIR: "/nonexistent", LOG_LEVEL: "silent" }),
    webDir: "/nonexistent",
  };
  const bus = new InlineBus({
    retryDelayMs: () => 20,
    onDead: (dead) => recordDeadLetter(database.db, dead),
  });
  return {
    db: database.db,
    clock,
    config,
    secrets: createSecretBox(randomBytes(32).toString("hex")),
    bus,
    inbound: createInbound({ db: database.db, clock, bus }),
    changes: createInlineChangeFeed(),
  };
}

/** The real app on a fresh migrated database (PGlite or PostgreSQL, per PARLEY_TEST_DB). */
export async function createTestApp(opts: { clock?: Clock } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const deps = createTestDeps(database, opts.clock);
  const app = await buildApp({ deps, ping: database.ping, logger: false });
  await app.ready();
  return {
    app,
    database,
    deps,
    close: async () => {
      // Test clients (emulators' webhook senders) keep connections alive: end them with the app.
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      await deps.bus.close();
      await database.close();
    },
  };
}

export type Credentials = { cookie: string } | { bearer: string };

export function authHeaders(c: Credentials): Record<string, string> {
  return "cookie" in c ? { cookie: c.cookie } : { authorization: `Bearer ${c.bearer}` };
}

/** Logs in through the API and returns the session cookie. */
export async function loginAs(
  app: FastifyInstance,
  email: string,
  password: string,
  workspace?: string,
): Promise<Credentials> {
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email, password, ...(workspace ? { workspace } : {}) },
  });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "parley_session");
  if (!cookie) throw new Error("no session cookie");
  return { cookie: `parley_session=${cookie.value}` };
}

export const ALL_ROLES: readonly Role[] = ROLES;
