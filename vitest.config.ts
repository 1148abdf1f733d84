import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/*
 * Every test runs on embedded PGlite; the database suites (*.db.test.ts) run a second time on the
 * PostgreSQL server at DATABASE_URL when it is set (CI sets it), from the same files. The browser
 * flows (e2e/, Debian's Chromium) run last and alone, so a loaded machine does not slow them into
 * timeouts; `npm test` installs Chromium first (e2e/ensure-chromium.mjs).
 *
 * One worker per core (Vitest's default leaves one core to itself: on CI's two cores that is one
 * worker, and most of a test file's time is its own CPU work on PGlite, not Vitest's). Test
 * databases are copies of one migrated database (platform/db/testing.ts), and each suite names
 * its own NATS streams, temp directories and ports, so files running side by side share nothing.
 */
const postgres = process.env.DATABASE_URL
  ? [
      {
        extends: true as const,
        test: {
          name: "postgres",
          include: ["apps/*/src/**/*.db.test.ts", "packages/*/src/**/*.db.test.ts"],
          env: { PARLEY_TEST_DB: "postgres" },
        },
      },
    ]
  : [];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true as const,
        test: {
          name: "pglite",
          include: ["apps/*/src/**/*.test.ts", "packages/*/src/**/*.test.ts"],
          env: { PARLEY_TEST_DB: "pglite" },
        },
      },
      ...postgres,
      {
        extends: true as const,
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
