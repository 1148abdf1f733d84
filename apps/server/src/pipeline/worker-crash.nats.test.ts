import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatePosts } from "../bench/workload";
import { createInbound, type Inbound } from "../ingest/inbound";
import type { ChannelRow } from "../modules/channels/channels.repo";
import { createWorkspace } from "../modules/workspaces/create-workspace";
import { createNatsBus, type NatsBus } from "../platform/bus";
import { deleteStream, sleep, uniqueNatsNames } from "../platform/bus/testing/harness";
import { systemClock } from "../platform/clock";
import { type Database, queryRows } from "../platform/db";
import { openScratchDatabase } from "../platform/db/testing";
import { insertXAccount } from "../testing/fixtures";

/*
 * The crash target, end to end: real `parley worker` processes share the pipeline over
 * NATS JetStream and PostgreSQL; one is killed with SIGKILL in the middle of the stream and another
 * started; every message is stored exactly once and none is lost. Needs both servers (CI has them).
 */
const natsUrl = process.env.NATS_URL ?? "";
const pgUrl = process.env.DATABASE_URL ?? "";
const TOTAL = 600;
const BIN = path.resolve(import.meta.dirname, "../../bin/parley.js");

// Without both (a plain `npm test` on a fresh machine) the suite is reported skipped: a file with
// no suite at all would fail the run.
describe.runIf(natsUrl && pgUrl)("pipeline workers over NATS survive kill -9", () => {
  const names = uniqueNatsNames();
  const dataDir = mkdtempSync(path.join(tmpdir(), "parley-worker-"));
  const workers: ChildProcess[] = [];
  let database: Database & { url: string | null };
  let bus: NatsBus;
  let inbound: Inbound;
  let channel: ChannelRow;

  beforeAll(async () => {
    database = await openScratchDatabase("postgres", pgUrl);
    const ws = await createWorkspace(
      database.db,
      { slug: "crash", name: "Crash", timezone: "UTC" },
      new Date(),
    );
    channel = await insertXAccount(database.db, ws.id);
    bus = await createNatsBus({ servers: natsUrl, ...names });
    inbound = createInbound({ db: database.db, clock: systemClock, bus });
  }, 60_000);
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
    await bus?.close();
    await deleteStream(natsUrl, names.stream as string);
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function startWorker(): Promise<ChildProcess> {
    const child = spawn(process.execPath, [BIN, "worker"], {
      env: {
        ...process.env,
        DATABASE_URL: database.url as string,
        NATS_URL: natsUrl,
        NATS_STREAM: names.stream,
        NATS_SUBJECT_PREFIX: names.subjectPrefix,
        NATS_ACK_WAIT_MS: "2000",
        PARLEY_DATA_DIR: dataDir,
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    workers.push(child);
    return new Promise((resolve, reject) => {
      child.stdout?.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("pipeline worker started")) resolve(child);
      });
      child.once("exit", (code, signal) => reject(new Error(`worker exited early (${code ?? signal})`)));
    });
  }

  const counts = async () => {
    const [row] = await queryRows<{
      processed: number;
      pending: number;
      dead: number;
      messages: number;
      distinct: number;
      events: number;
    }>(
      database.db,
      sql`select (select count(*) from inbound_events e where e.status = 'received'
                   and not exists (select 1 from inbound_queue q where q.event_id = e.id))::int as processed,
                 (select count(*) from inbound_queue)::int as pending,
                 (select count(*) from inbound_events where status = 'dead')::int as dead,
                 (select count(*) from messages)::int as messages,
                 (select count(distinct external_id) from messages)::int as distinct,
                 (select count(*) from conversation_events where type = 'message_in')::int as events`,
    );
    return row as NonNullable<typeof row>;
  };

  it("stores every message exactly once, none lost", async () => {
    const [first] = await Promise.all([startWorker(), startWorker()]);
    const posts = generatePosts(TOTAL, 11);
    const send = (from: number, to: number) =>
      Promise.all(
        posts
          .slice(from, to)
          .map((p) => inbound.accept({ channel, idempotencyKey: p.key, payload: p.payload })),
      );
    let sent = 0;
    let killed = false;
    let processedAtKill = 0;
    while (sent < TOTAL) {
      await send(sent, sent + 50);
      sent += 50;
      await sleep(100);
      // Mid-stream: some events done, more in flight and still to come.
      const now = await counts();
      if (!killed && (now.processed >= 100 || sent >= TOTAL / 2)) {
        processedAtKill = now.processed;
        first?.kill("SIGKILL");
        killed = true;
        await startWorker();
      }
    }
    let last = await counts();
    for (let i = 0; i < 900 && last.processed + last.dead < TOTAL; i++) {
      await sleep(100);
      last = await counts();
    }
    expect(killed).toBe(true);
    expect(processedAtKill).toBeGreaterThan(0);
    expect(last).toEqual({
      processed: TOTAL,
      pending: 0,
      dead: 0,
      messages: TOTAL,
      distinct: TOTAL,
      events: TOTAL,
    });
  }, 150_000);
});
