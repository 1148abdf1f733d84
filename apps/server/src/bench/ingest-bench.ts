import { performance } from "node:perf_hooks";
import { createInbound } from "../ingest/inbound";
import type { ChannelRow } from "../modules/channels/channels.repo";
import { createWorkspace } from "../modules/workspaces/create-workspace";
import { startPipelineConsumer } from "../pipeline/consumer";
import { InlineBus } from "../platform/bus";
import { systemClock } from "../platform/clock";
import { type Database, openPglite } from "../platform/db";
import { channelAccounts } from "../platform/db/schema";
import { openScratchDatabase } from "../platform/db/testing";
import { newId } from "../platform/ids";
import { type BenchPost, generatePosts } from "./workload";

export interface IngestBenchResult {
  driver: "pglite" | "postgres";
  messages: number;
  /** Receipt of the first post to the last one visible in the inbox, pushed as fast as they are taken. */
  msgs_per_s: number;
  /** Receipt → visible in the inbox, at `latency_rate_per_s` (a steady load, not a flood). */
  p50_ms: number;
  p99_ms: number;
  latency_rate_per_s: number;
  /** The same percentiles during the flood, where posts queue behind each other. */
  flood_p50_ms: number;
  flood_p99_ms: number;
  peak_rss_mb: number;
  baseline_copy_rows_per_s: number;
  ratio: number;
}

const quiet = { warn: () => {}, error: () => {} };
const BRAND_ID = "9000000001";

/**
 * `parley bench ingest`: N generated X posts through the whole pipeline (receipt, raw event store,
 * bus, parse, classify, dedupe, identity, threading, priority, store) into a scratch database, then
 * a raw COPY of the same rows into the same database as the baseline of what the disk can take.
 */
export async function benchIngest(opts: {
  messages: number;
  postgresUrl: string | null;
  latencyRate?: number;
  latencySeconds?: number;
  driver?: "pglite" | "postgres";
}): Promise<IngestBenchResult[]> {
  const all: ("pglite" | "postgres")[] = opts.postgresUrl ? ["pglite", "postgres"] : ["pglite"];
  const drivers = opts.driver ? [opts.driver] : all;
  const results: IngestBenchResult[] = [];
  for (const driver of drivers) {
    const database = await openBenchDatabase(driver, opts.postgresUrl);
    try {
      results.push(
        await benchOne(driver, database, opts.messages, opts.latencyRate ?? 1000, opts.latencySeconds ?? 5),
      );
    } finally {
      await database.close();
    }
  }
  return results;
}

/** A scratch database as the product runs it: PGlite on its own thread (ADR 0019), or a new PostgreSQL database. */
async function openBenchDatabase(
  driver: "pglite" | "postgres",
  postgresUrl: string | null,
): Promise<Database> {
  if (driver === "postgres") return openScratchDatabase(driver, postgresUrl ?? undefined);
  const database = await openPglite(null, { thread: true });
  await database.migrate();
  return database;
}

async function benchOne(
  driver: "pglite" | "postgres",
  database: Database,
  n: number,
  rate: number,
  seconds: number,
): Promise<IngestBenchResult> {
  const db = database.db;
  const ws = await createWorkspace(db, { slug: "bench", name: "Bench", timezone: "UTC" }, new Date());
  const [channel] = await db
    .insert(channelAccounts)
    .values({
      id: newId(),
      workspaceId: ws.id,
      network: "x",
      name: "@acme_help",
      handle: "acme_help",
      externalAccountId: BRAND_ID,
      baseUrl: "http://127.0.0.1:1",
    })
    .returning();
  const bus = new InlineBus({ maxQueued: 100_000 });
  const parallel = driver === "postgres" ? 3 : 1;
  const inbound = createInbound({ db, clock: systemClock, bus, parallelWrites: parallel });
  const received = new Map<string, number>();
  const latencies: number[] = [];
  const consumer = await startPipelineConsumer({ db, clock: systemClock, bus, inbound }, quiet, {
    parallelBatches: parallel,
    onOutcome: (id) => {
      const t = received.get(id);
      if (t !== undefined) latencies.push(performance.now() - t);
    },
  });
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 20);
  const accept = async (post: BenchPost) => {
    const at = performance.now();
    const r = await inbound.accept({
      channel: channel as ChannelRow,
      idempotencyKey: post.key,
      payload: post.payload,
    });
    if (r.eventId) received.set(r.eventId, at);
  };
  try {
    // Warm-up: models loaded, statements planned, JIT warm.
    await Promise.all(generatePosts(500, 1).map(accept));
    await consumer.idle();
    latencies.length = 0;

    const flood = generatePosts(n, 2);
    const t0 = performance.now();
    await Promise.all(flood.map(accept));
    await consumer.idle();
    const elapsed = (performance.now() - t0) / 1000;
    const floodLatency = percentiles(latencies);
    latencies.length = 0;

    await paced(generatePosts(rate * seconds, 3), rate, accept);
    await consumer.idle();
    const steady = percentiles(latencies);
    const copyRate = await baselineCopy(database, flood);
    const msgsPerS = n / elapsed;
    return {
      driver,
      messages: n,
      msgs_per_s: Math.round(msgsPerS),
      p50_ms: steady.p50,
      p99_ms: steady.p99,
      latency_rate_per_s: rate,
      flood_p50_ms: floodLatency.p50,
      flood_p99_ms: floodLatency.p99,
      peak_rss_mb: Math.round(peakRss / 1_048_576),
      baseline_copy_rows_per_s: Math.round(copyRate),
      ratio: Math.round((msgsPerS / copyRate) * 1000) / 1000,
    };
  } finally {
    clearInterval(sampler);
    await consumer.stop();
    await bus.close();
  }
}

/** Posts at a steady rate, in 10 ms slices, as a live feed would deliver them. */
async function paced(posts: BenchPost[], rate: number, accept: (p: BenchPost) => Promise<void>) {
  const perSlice = Math.max(1, Math.round(rate / 100));
  const start = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < posts.length; i += perSlice) {
    const due = start + (i / rate) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    for (const p of posts.slice(i, i + perSlice)) inflight.push(accept(p));
  }
  await Promise.all(inflight);
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
  return { p50: at(0.5), p99: at(0.99) };
}

/** The same posts as message rows, COPYed into a table shaped like `messages`: the disk's pace. */
async function baselineCopy(database: Database, posts: BenchPost[]): Promise<number> {
  await database.db.execute(
    (await import("drizzle-orm")).sql.raw("create table bench_copy (like messages including defaults)"),
  );
  const csvField = (v: string) => `"${v.replaceAll('"', '""')}"`;
  const ws = newId();
  const conversation = newId();
  const lines = posts.map((p) => {
    const data = (
      p.payload as { data: { id: string; text: string; created_at: string; conversation_id: string } }
    ).data;
    return [
      newId(),
      ws,
      conversation,
      "x",
      "inbound",
      "public",
      "post",
      data.id,
      data.conversation_id,
      csvField(data.text),
      "received",
      data.created_at,
    ].join(",");
  });
  const columns = [
    "id",
    "workspace_id",
    "conversation_id",
    "channel",
    "direction",
    "visibility",
    "kind",
    "external_id",
    "external_thread_id",
    "text",
    "delivery_status",
    "sent_at",
  ];
  const t0 = performance.now();
  await database.copyFrom("bench_copy", columns, `${lines.join("\n")}\n`);
  return posts.length / ((performance.now() - t0) / 1000);
}
