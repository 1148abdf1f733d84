import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Fastify from "fastify";
import { expect, it } from "vitest";
import { registerWebApp } from "./web";

it("serves the app for client routes, files as they are, and 404s for missing files and API paths", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "parley-web-"));
  mkdirSync(path.join(dir, "assets"));
  writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Parley</title>");
  const app = Fastify();
  await registerWebApp(app, dir);
  writeFileSync(path.join(dir, "assets", "app-123.js"), "console.log(1)"); // built after start
  expect((await app.inject("/")).body).toContain("<title>Parley</title>");
  expect((await app.inject("/inbox/0190-abc")).body).toContain("<title>Parley</title>");
  expect((await app.inject("/assets/app-123.js")).body).toBe("console.log(1)");
  const missing = await app.inject("/assets/gone-999.js");
  expect(missing.statusCode).toBe(404);
  const api = await app.inject("/api/v1/nothing");
  expect(api.statusCode).toBe(404);
  expect(api.headers["content-type"]).toContain("application/problem+json");
  await app.close();
});
