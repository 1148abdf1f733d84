import type { FastifyInstance } from "fastify";
import { buildApp } from "./app";
import type { Config } from "./config";
import { createInbound } from "./ingest/inbound";
import { recordDeadLetter } from "./pipeline/consumer";
import { createBus, createChangeFeed } from "./platform/bus";
import { systemClock } from "./platform/clock";
import { type Database, openDatabase } from "./platform/db";
import type { Deps } from "./platform/deps";
import { createSecretBox, resolveSecretKey } from "./platform/secrets";

export interface Runtime {
  database: Database;
  deps: Deps;
  close(): Promise<void>;
}

/** Opens the configured database, applies migrations and assembles the dependencies. */
export async function openRuntime(config: Config): Promise<Runtime> {
  const database = await openDatabase(config.database);
  await database.migrate();
  const secrets = createSecretBox(resolveSecretKey(config.secretKey, config.dataDir));
  const bus = await createBus(config.bus, { onDead: (dead) => recordDeadLetter(database.db, dead) });
  const inbound = createInbound({
    db: database.db,
    clock: systemClock,
    bus,
    parallelWrites: database.driver === "postgres" ? 3 : 1,
  });
  const changes = createChangeFeed(bus);
  const deps: Deps = { db: database.db, clock: systemClock, config, secrets, bus, inbound, changes };
  return {
    database,
    deps,
    close: async () => {
      await changes.close();
      await bus.close();
      await database.close();
    },
  };
}

export async function buildRuntimeApp(runtime: Runtime, logger = true): Promise<FastifyInstance> {
  return buildApp({ deps: runtime.deps, ping: runtime.database.ping, logger });
}
