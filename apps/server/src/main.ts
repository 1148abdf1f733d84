import type { AddressInfo } from "node:net";
import type { Config } from "./config";
import { startListeners } from "./connectors/listeners";
import { provisionDemoChannels } from "./demo/provision";
import { closeSandbox, createSandbox, mountSandbox, type Sandbox } from "./demo/sandbox";
import { DEMO_PASSWORD, DEMO_USERS, DEMO_WORKSPACE, seedDemo } from "./demo/seed-demo";
import { startDemoTraffic } from "./demo/traffic";
import { startBackgroundWork } from "./outbox/workers";
import { buildRuntimeApp, openRuntime } from "./runtime";

/**
 * `parley start`: the HTTP server and its background work (inbound processing, the outbox, live
 * feeds). On embedded defaults it also runs the demo: workspace, sandbox networks mounted under
 * /sandbox with the demo brand's channels connected to them, and simulated customer traffic.
 */
export async function startServer(config: Config): Promise<void> {
  const runtime = await openRuntime(config);
  const { deps } = runtime;
  if (config.demo) await seedDemo(deps.db, deps.clock.now());
  const app = await buildRuntimeApp(runtime);
  const sandbox: Sandbox | null = config.sandbox
    ? createSandbox({ clock: deps.clock, seed: config.simulator.seed })
    : null;
  if (sandbox) await mountSandbox(app, sandbox);
  const worker = await startBackgroundWork(deps, app.log);
  const listeners = startListeners(deps, app.log, { onStored: worker.wake });
  let traffic: { stop(): void } | null = null;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down: finishing in-flight requests");
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    traffic?.stop();
    listeners.stop();
    if (sandbox) await closeSandbox(sandbox);
    await app.close();
    await worker.stop();
    await runtime.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  await app.listen({ port: config.port, host: config.host });
  const port = (app.server.address() as AddressInfo).port;
  if (sandbox) {
    await provisionDemoChannels(deps, sandbox, config.publicUrl ?? `http://127.0.0.1:${port}`, app.log, {
      historyDays: config.demoHistoryDays,
    });
    if (config.simulator.ratePerMinute > 0) traffic = startDemoTraffic(sandbox, config.simulator, app.log);
  }
  printBanner(config, runtime.database.driver, port, Boolean(traffic));
}

function printBanner(config: Config, driver: string, port: number, simulating: boolean) {
  const url = `http://localhost:${port}`;
  const lines = [
    "",
    `  Parley is running at ${url}  (database: ${driver}${config.database.driver === "pglite" ? ` in ${config.database.dataDir}` : ""})`,
    `  API docs: ${url}/api/docs`,
  ];
  if (config.sandbox) {
    lines.push(
      `  Sandbox networks: ${url}/sandbox/{x,meta,whatsapp}${simulating ? `, simulated customers: ${config.simulator.ratePerMinute}/min` : ""}`,
    );
  }
  if (config.demo) {
    lines.push(
      `  Demo workspace "${DEMO_WORKSPACE.slug}" — log in with any of these, password "${DEMO_PASSWORD}":`,
    );
    for (const u of DEMO_USERS) lines.push(`    ${u.role.padEnd(9)} ${u.email}`);
  }
  process.stdout.write(`${lines.join("\n")}\n\n`);
}
