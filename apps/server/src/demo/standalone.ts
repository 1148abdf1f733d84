import Fastify from "fastify";
import { systemClock } from "../platform/clock";
import { closeSandbox, createSandbox, demoChannels, mountSandbox } from "./sandbox";
import { startDemoTraffic } from "./traffic";

/** `parley sandbox`: the emulated networks on their own port, for trying a connector or a client. */
export async function runStandaloneSandbox(opts: {
  port: number;
  host: string;
  ratePerMinute: number;
  seed: number;
}) {
  const sandbox = createSandbox({ clock: systemClock, seed: opts.seed });
  const app = Fastify({ logger: { level: "warn" }, forceCloseConnections: true });
  await mountSandbox(app, sandbox);
  await app.listen({ port: opts.port, host: opts.host });
  const url = `http://localhost:${opts.port}`;
  const traffic = opts.ratePerMinute > 0 ? startDemoTraffic(sandbox, opts, app.log) : null;
  const lines = ["", "  Parley sandbox networks (in memory; emulating the real APIs):"];
  for (const c of demoChannels(url)) {
    lines.push(`    ${c.network.padEnd(10)} ${c.base_url}   account ${c.external_account_id}`);
    lines.push(`               credentials ${JSON.stringify(c.credentials)}`);
  }
  lines.push(`  Control APIs (act as customers): ${url}/sandbox/<x|meta|whatsapp>/_control/...`);
  if (traffic) lines.push(`  Simulated customers: ${opts.ratePerMinute}/min (seed ${opts.seed})`);
  process.stdout.write(`${lines.join("\n")}\n\n`);
  const stop = async () => {
    traffic?.stop();
    await closeSandbox(sandbox);
    await app.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}
