import { expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

it("defaults to embedded PGlite under ./data with the demo on", () => {
  const c = loadConfig({});
  expect(c.database).toMatchObject({ driver: "pglite" });
  expect(c.port).toBe(3000);
  expect(c.demo).toBe(true);
});

it("switches to PostgreSQL with DATABASE_URL, demo off unless asked", () => {
  const c = loadConfig({ DATABASE_URL: "postgres://u@h:5432/db" });
  expect(c.database).toEqual({ driver: "postgres", url: "postgres://u@h:5432/db" });
  expect(c.demo).toBe(false);
  expect(loadConfig({ DATABASE_URL: "postgres://u@h/db", PARLEY_DEMO: "true" }).demo).toBe(true);
});

it("names every invalid variable", () => {
  expect(() => loadConfig({ PORT: "eighty", PARLEY_SECRET_KEY: "short" })).toThrow(ConfigError);
  try {
    loadConfig({ PORT: "eighty", PARLEY_SECRET_KEY: "short" });
  } catch (e) {
    expect((e as Error).message).toContain("PORT");
    expect((e as Error).message).toContain("PARLEY_SECRET_KEY");
  }
});
