import type { AddressInfo } from "node:net";
import { createSimulator } from "@parley/sandbox";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp } from "../app";
import { type BackgroundWork, startBackgroundWork } from "../outbox/workers";
import { openTestDatabase } from "../platform/db/testing";
import type { Deps } from "../platform/deps";
import { createTestDeps } from "../testing/harness";
import { provisionDemoChannels } from "./provision";
import { closeSandbox, createSandbox, mountSandbox, type Sandbox } from "./sandbox";
import { DEMO_PASSWORD, seedDemo } from "./seed-demo";

/*
 * What `npm start` does on a fresh machine, end to end over real HTTP: the sandbox networks are
 * mounted on Parley's port, the demo channels are connected and subscribed, simulated customers
 * post on all four networks, and conversations from each network reach the inbox through the
 * connectors only.
 */

let app: FastifyInstance;
let database: Awaited<ReturnType<typeof openTestDatabase>>;
let sandbox: Sandbox;
let worker: BackgroundWork;
let cookie: string;
const log = { info: () => {}, warn: () => {}, error: () => {} };

beforeAll(async () => {
  database = await openTestDatabase();
  const deps: Deps = createTestDeps(database);
  await seedDemo(deps.db, new Date());
  app = await buildApp({ deps, ping: database.ping, logger: false });
  sandbox = createSandbox({ clock: deps.clock, seed: 11 });
  await mountSandbox(app, sandbox);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const port = (app.server.address() as AddressInfo).port;
  await provisionDemoChannels(deps, sandbox, `http://127.0.0.1:${port}`, log, { historyDays: 0 });
  worker = await startBackgroundWork(deps, log, { autostart: false });
  const login = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email: "agent@acme.example", password: DEMO_PASSWORD },
  });
  cookie = `parley_session=${login.cookies.find((c) => c.name === "parley_session")?.value}`;
});
afterAll(async () => {
  await worker?.stop();
  await closeSandbox(sandbox);
  await app?.close();
  await database?.close();
});

async function settle() {
  await Promise.all([sandbox.x.control.idle(), sandbox.meta.webhooks.idle(), sandbox.whatsapp.idle()]);
  while ((await worker.tick()) > 0) {}
}

const inbox = async () =>
  (
    await app.inject({
      method: "GET",
      url: "/api/v1/conversations?limit=200&status=new,open,pending,resolved",
      headers: { cookie },
    })
  ).json().items as {
    id: string;
    channel: string;
    preview: string;
  }[];

it("connects the demo brand's four accounts to the sandbox networks", async () => {
  const channels = (await app.inject({ method: "GET", url: "/api/v1/channels", headers: { cookie } })).json()
    .items;
  expect(channels.map((c: { network: string }) => c.network).sort()).toEqual([
    "facebook",
    "instagram",
    "whatsapp",
    "x",
  ]);
  expect(channels.every((c: { base_url: string }) => c.base_url.includes("/sandbox/"))).toBe(true);
});

it("shows simulated customers' conversations from X, Facebook, Instagram and WhatsApp", async () => {
  const simulator = createSimulator({
    x: sandbox.x,
    meta: sandbox.meta,
    whatsapp: sandbox.whatsapp,
    seed: 5,
    ratePerMinute: 60,
    crisisEvery: 0,
  });
  for (let i = 0; i < 12; i++) {
    simulator.tick(10);
    await settle();
  }
  const channels = new Set((await inbox()).map((c) => c.channel));
  expect([...channels].sort()).toEqual(["facebook", "instagram", "whatsapp", "x"]);
}, 120_000);
