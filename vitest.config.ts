import { defineConfig } from "vitest/config";

/*
 * Every test runs on embedded PGlite; the database suites (*.db.test.ts) run a second time on the
 * PostgreSQL server at DATABASE_URL when it is set (CI sets it), from the same files.
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
    ],
  },
});
