/**
 * A pipeline-like worker for the crash test (nats-bus.test.ts), run as its own process with
 * `node --import tsx`. For each message it records the id with an idempotent insert (a file created
 * with `wx`: a second create of the same id is a no-op, like `on conflict do nothing`), appends the
 * delivery to a log, and only then lets the bus ack. The test kills it with SIGKILL at any point.
 */
import { appendFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createNatsBus } from "../nats-bus";

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

function recordOnce(dir: string, id: string): void {
  try {
    writeFileSync(path.join(dir, "ids", id), "", { flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
}

const outDir = env("CRASH_OUT_DIR");
const bus = await createNatsBus({
  servers: env("NATS_URL"),
  stream: env("CRASH_STREAM"),
  subjectPrefix: env("CRASH_PREFIX"),
  partitions: Number(env("CRASH_PARTITIONS")),
  ackWaitMs: Number(env("CRASH_ACK_WAIT_MS")),
  retryDelayMs: () => 50,
  name: `crash-worker-${process.pid}`,
});

await bus.subscribe(
  "crash.events",
  "recorder",
  async (msg) => {
    const { id } = msg.json<{ id: string }>();
    appendFileSync(path.join(outDir, "deliveries.log"), `${id} ${msg.key ?? ""}\n`);
    recordOnce(outDir, id);
    return "ack";
  },
  { concurrency: 8 },
);

process.on("SIGTERM", () => {
  void bus.close().then(() => process.exit(0));
});
process.stdout.write("ready\n");
