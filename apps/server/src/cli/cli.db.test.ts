import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadConfig } from "../config";
import { openTestDatabase } from "../platform/db/testing";
import { buildRuntimeApp, openRuntime, type Runtime } from "../runtime";

const run = promisify(execFile);
const BIN = fileURLToPath(new URL("../../bin/parley.js", import.meta.url));

/** The CLI against the suite's database: a PGlite data directory, or a fresh PostgreSQL database. */
let env: Record<string, string>;
let dropDatabase: () => Promise<void> = async () => {};
let runtime: Runtime | undefined;

beforeAll(async () => {
  const base = { LOG_LEVEL: "silent", PARLEY_DEMO: "false", PATH: process.env.PATH ?? "" };
  if (process.env.PARLEY_TEST_DB === "postgres") {
    const db = await openTestDatabase();
    env = { ...base, DATABASE_URL: db.url ?? "" };
    dropDatabase = db.close;
  } else {
    env = { ...base, PARLEY_DATA_DIR: mkdtempSync(path.join(tmpdir(), "parley-cli-")) };
  }
});
afterAll(async () => {
  await runtime?.close();
  await dropDatabase();
});

const parley = (...args: string[]) => run(process.execPath, [BIN, ...args], { env, timeout: 60_000 });

it("creates a workspace, a user and an API key that works over HTTP", async () => {
  expect(
    (await parley("workspace", "create", "globex", "--name", "Globex Mobile", "--timezone", "Europe/Paris"))
      .stdout,
  ).toContain("Workspace globex created");
  await parley(
    "user",
    "create",
    "--workspace",
    "globex",
    "--email",
    "sam@globex.example",
    "--role",
    "admin",
    "--password",
    "0123456789ab",
  );
  const { stdout } = await parley(
    "api-key",
    "create",
    "--workspace",
    "globex",
    "--role",
    "analyst",
    "--name",
    "bi",
  );
  const key = stdout.trim().split("\n").at(-1) ?? "";
  expect(key).toMatch(/^pk_[\w-]{40,}$/);

  runtime = await openRuntime(loadConfig(env));
  const app = await buildRuntimeApp(runtime, false);
  const me = await app.inject({
    method: "GET",
    url: "/api/v1/auth/me",
    headers: { authorization: `Bearer ${key}` },
  });
  expect(me.json()).toMatchObject({
    kind: "api_key",
    role: "analyst",
    workspace: { slug: "globex", name: "Globex Mobile", timezone: "Europe/Paris" },
  });
  const login = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email: "sam@globex.example", password: "0123456789ab" },
  });
  expect(login.statusCode).toBe(200);
  await app.close();
  await runtime.close();
  runtime = undefined;
}, 120_000);

it("explains what to fix instead of failing obscurely", async () => {
  const missing = await parley("api-key", "create", "--workspace", "nowhere", "--role", "agent").catch(
    (e) => e,
  );
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('No workspace "nowhere"');
  const badRole = await parley("api-key", "create", "--workspace", "globex", "--role", "king").catch(
    (e) => e,
  );
  expect(badRole.stderr).toContain("Allowed choices are agent, lead, approver, admin, analyst");
  const dup = await parley("workspace", "create", "globex").catch((e) => e);
  expect(dup.stderr).toContain('Workspace "globex" already exists');
}, 120_000);
