import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { partitionOf } from "./bus";
import { busConfigFromEnv } from "./create-bus";
import { createNatsBus, type NatsBus } from "./nats-bus";
import { deleteStream, uniqueNatsNames, waitFor } from "./testing/harness";

describe("choosing and partitioning the bus", () => {
  it("selects JetStream only when NATS_URL is set", () => {
    expect(busConfigFromEnv({})).toEqual({ driver: "inline" });
    expect(busConfigFromEnv({ NATS_URL: " " })).toEqual({ driver: "inline" });
    expect(busConfigFromEnv({ NATS_URL: "nats://a:4222,nats://b:4222" })).toEqual({
      driver: "nats",
      url: "nats://a:4222,nats://b:4222",
    });
  });

  it("maps a key to the same partition in every process, and spreads keys over all of them", () => {
    // Fixed values: a change here would move keys between partitions on a live stream (ADR 0010).
    expect(["conv-1", "conv-2", "customer-42"].map((k) => partitionOf(k, 16))).toEqual([13, 4, 14]);
    const used = new Set(Array.from({ length: 1000 }, (_, i) => partitionOf(`conv-${i}`, 16)));
    expect(used.size).toBe(16);
  });
});

/*
 * The target: kill -9 a worker in the middle of a stream, start another, and every message
 * is stored exactly once with none lost. Needs a NATS server, so it joins only when NATS_URL is set.
 */
const natsUrl = process.env.NATS_URL;
const suites = natsUrl ? [natsUrl] : [];

const TOTAL = 2_000;
const PARTITIONS = 8;
const ACK_WAIT_MS = 2_000;
const workerScript = path.join(import.meta.dirname, "testing", "crash-worker.ts");

describe.each(suites)("NATS bus survives kill -9 of a worker (%s)", (url) => {
  const names = uniqueNatsNames();
  const outDir = mkdtempSync(path.join(tmpdir(), "parley-bus-crash-"));
  let publisher: NatsBus;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    mkdirSync(path.join(outDir, "ids"));
    publisher = await createNatsBus({ servers: url, ...names, partitions: PARTITIONS });
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
    await publisher?.close();
    await deleteStream(url, names.stream as string);
    rmSync(outDir, { recursive: true, force: true });
  });

  function startWorker(): Promise<ChildProcess> {
    const child = spawn(process.execPath, ["--import", "tsx", workerScript], {
      cwd: import.meta.dirname,
      env: {
        ...process.env,
        NATS_URL: url,
        CRASH_OUT_DIR: outDir,
        CRASH_STREAM: names.stream,
        CRASH_PREFIX: names.subjectPrefix,
        CRASH_PARTITIONS: String(PARTITIONS),
        CRASH_ACK_WAIT_MS: String(ACK_WAIT_MS),
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    workers.push(child);
    return new Promise((resolve, reject) => {
      child.stdout?.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("ready")) resolve(child);
      });
      child.once("exit", (code) => reject(new Error(`worker exited early with ${code}`)));
    });
  }

  const recorded = () => readdirSync(path.join(outDir, "ids"));
  const deliveries = () =>
    readFileSync(path.join(outDir, "deliveries.log"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split(" ") as [string, string]);

  async function publishAll(): Promise<void> {
    for (let start = 0; start < TOTAL; start += 100) {
      const batch = Array.from({ length: 100 }, (_, j) => start + j);
      await Promise.all(
        batch.map((i) =>
          publisher.publish("crash.events", { id: `m${i}` }, { key: `c${i % 50}`, msgId: `m${i}` }),
        ),
      );
    }
  }

  it("stores every message exactly once, in per-key order, across the crash", async () => {
    const first = await startWorker();
    const publishing = publishAll();
    await waitFor(() => recorded().length >= TOTAL / 4, 30_000, "the first worker to get going");
    const exited = new Promise((resolve) => first.once("exit", resolve));
    first.kill("SIGKILL");
    await exited;
    const atCrash = recorded().length;
    expect(atCrash).toBeLessThan(TOTAL);

    const second = await startWorker();
    await publishing;
    await waitFor(() => recorded().length === TOTAL, 60_000, "every message to be recorded");
    // Give a stray redelivery the time to show up, then stop cleanly.
    await new Promise((resolve) => setTimeout(resolve, ACK_WAIT_MS + 500));
    second.kill("SIGTERM");

    const expected = Array.from({ length: TOTAL }, (_, i) => `m${i}`).sort();
    expect(recorded().sort()).toEqual(expected);
    expectPerKeyOrder(deliveries());
  }, 120_000);
});

/** The first handling of each message, per key, follows publish order even across the crash. */
function expectPerKeyOrder(log: Array<[string, string]>): void {
  const firstSeen = new Set<string>();
  const lastIndexByKey = new Map<string, number>();
  for (const [id, key] of log) {
    if (firstSeen.has(id)) continue;
    firstSeen.add(id);
    const index = Number(id.slice(1));
    expect(index, `key ${key}`).toBeGreaterThan(lastIndexByKey.get(key) ?? -1);
    lastIndexByKey.set(key, index);
  }
  expect(firstSeen.size).toBe(TOTAL);
}
