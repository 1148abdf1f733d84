import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { loadConfig } from "../config";
import { buildRuntimeApp, openRuntime } from "../runtime";
import { DEMO_PASSWORD, seedDemo } from "./seed-demo";

// PGlite only (a *.test.ts, not *.db.test.ts): PostgreSQL keeps its data by itself.
it("keeps its data across a restart on PGlite", async () => {
  const config = loadConfig({
    PARLEY_DATA_DIR: mkdtempSync(path.join(tmpdir(), "parley-restart-")),
    LOG_LEVEL: "silent",
  });
  const first = await openRuntime(config);
  await seedDemo(first.deps.db, new Date());
  const app1 = await buildRuntimeApp(first, false);
  const created = await app1.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email: "admin@acme.example", password: DEMO_PASSWORD },
  });
  const cookie = `parley_session=${created.cookies.find((c) => c.name === "parley_session")?.value}`;
  expect(
    (
      await app1.inject({
        method: "POST",
        url: "/api/v1/teams",
        payload: { name: "Night shift" },
        headers: { cookie },
      })
    ).statusCode,
  ).toBe(201);
  await app1.close();
  await first.close();

  const second = await openRuntime(config);
  await seedDemo(second.deps.db, new Date());
  const app2 = await buildRuntimeApp(second, false);
  const teamsRes = await app2.inject({ method: "GET", url: "/api/v1/teams", headers: { cookie } });
  expect(teamsRes.statusCode).toBe(200);
  expect(teamsRes.json().items.map((t: { name: string }) => t.name)).toContain("Night shift");
  expect(teamsRes.json().items).toHaveLength(4);
  await app2.close();
  await second.close();
}, 60_000);
