import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface RunningParley {
  /** http://127.0.0.1:<port>, where the web app, the API and the sandbox networks are served. */
  url: string;
  /** What the server printed, for the failure message of a test. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The real product as a person starts it (`parley start` on embedded defaults): PGlite, the demo
 * workspace, the sandbox networks mounted on the same port with the demo's channels connected,
 * and simulated customers. Its data lives in shared memory (a RAM disk) and is removed on stop.
 */
export async function startParley(opts: { simulatedPerMinute: number }): Promise<RunningParley> {
  if (!existsSync(path.join(root, "apps/web/dist/index.html")))
    throw new Error("The web app is not built: run `npm run build:web` before the end-to-end tests.");
  const dataDir = mkdtempSync(path.join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "parley-e2e-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    PARLEY_DATA_DIR: dataDir,
    PARLEY_SIM_RATE: String(opts.simulatedPerMinute),
    PARLEY_SIM_SEED: "7",
    // Two days of demo history give the reports numbers; the full 30 has its own suite.
    PARLEY_DEMO_HISTORY_DAYS: "2",
    LOG_LEVEL: "warn",
  };
  // CI exports these for the database and bus suites; the demo runs on the embedded defaults.
  for (const key of ["DATABASE_URL", "NATS_URL", "PARLEY_DEMO", "PARLEY_SANDBOX", "PARLEY_PUBLIC_URL"])
    delete env[key];
  const child = spawn(process.execPath, [path.join(root, "apps/server/bin/parley.js"), "start"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d: Buffer) => {
    log += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    log += d.toString();
  });
  const stop = () => stopChild(child).finally(() => rmSync(dataDir, { recursive: true, force: true }));
  try {
    const port = await waitForBanner(child, () => log, 90_000);
    return { url: `http://127.0.0.1:${port}`, output: () => log, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function waitForBanner(child: ChildProcess, log: () => string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const port = /Parley is running at http:\/\/localhost:(\d+)/.exec(log())?.[1];
      if (port) done(() => resolve(Number(port)));
    }, 100);
    const deadline = setTimeout(
      () => done(() => reject(new Error(`parley start did not come up in ${timeoutMs} ms:\n${log()}`))),
      timeoutMs,
    );
    const onExit = (code: number | null) =>
      done(() => reject(new Error(`parley start exited (${code}) before listening:\n${log()}`)));
    child.once("exit", onExit);
    function done(settle: () => void) {
      clearInterval(timer);
      clearTimeout(deadline);
      child.off("exit", onExit);
      settle();
    }
  });
}

/** SIGTERM lets the server finish in-flight work and close PGlite; SIGKILL if it hangs. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}
