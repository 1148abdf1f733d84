import type { Config } from "./config";
import { DEMO_PASSWORD, DEMO_USERS, DEMO_WORKSPACE, seedDemo } from "./modules/demo/seed-demo";
import { startBackgroundWork } from "./outbox/workers";
import { buildRuntimeApp, openRuntime } from "./runtime";

/** `parley start`: the HTTP server, with the demo workspace on embedded defaults. */
export async function startServer(config: Config): Promise<void> {
  const runtime = await openRuntime(config);
  if (config.demo) await seedDemo(runtime.deps.db, runtime.deps.clock.now());
  const app = await buildRuntimeApp(runtime);
  const worker = startBackgroundWork(runtime.deps, app.log);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down: finishing in-flight requests");
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    await worker.stop();
    await runtime.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const lines = [
    "",
    `  Parley is running at ${url}  (database: ${runtime.database.driver}${config.database.driver === "pglite" ? ` in ${config.database.dataDir}` : ""})`,
    `  API docs: ${url}/api/docs`,
  ];
  if (config.demo) {
    lines.push(
      `  Demo workspace "${DEMO_WORKSPACE.slug}" — log in with any of these, password "${DEMO_PASSWORD}":`,
    );
    for (const u of DEMO_USERS) lines.push(`    ${u.role.padEnd(9)} ${u.email}`);
  }
  process.stdout.write(`${lines.join("\n")}\n\n`);
}
