import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fixedClock } from "../clock";
import type { Database } from "../db";
import { jobs } from "../db/schema";
import { openTestDatabase } from "../db/testing";
import { claimJobs, enqueue } from "./queue";
import { backoff, startJobWorker } from "./worker";

let database: Database;
const clock = fixedClock(new Date("2026-03-01T12:00:00Z"));
const log = { error: () => {}, warn: () => {} };

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

it("dedupes by key and runs each job once across concurrent workers", async () => {
  const db = database.db;
  for (let i = 0; i < 30; i++) await enqueue(db, { queue: "q1", payload: { i }, key: `k${i}` }, clock.now());
  expect(await enqueue(db, { queue: "q1", payload: { i: 0 }, key: "k0" }, clock.now())).toBeNull();
  const seen: number[] = [];
  const handlers = {
    q1: async (job: { payload: Record<string, unknown> }) => {
      seen.push(Number(job.payload.i));
      return { status: "done" as const };
    },
  };
  const w1 = startJobWorker({ db, clock, handlers, log, autostart: false, batch: 7 });
  const w2 = startJobWorker({ db, clock, handlers, log, autostart: false, batch: 7 });
  while ((await Promise.all([w1.tick(), w2.tick()])).some((n) => n > 0)) {}
  expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
});

it("retries a failing job with backoff, then dead-letters it after max attempts", async () => {
  const db = database.db;
  const id = await enqueue(db, { queue: "q2", payload: {}, maxAttempts: 3 }, clock.now());
  let calls = 0;
  const worker = startJobWorker({
    db,
    clock,
    log,
    autostart: false,
    handlers: {
      q2: async () => {
        calls++;
        throw new Error("network down");
      },
    },
  });
  await worker.tick();
  const [afterFirst] = await db
    .select()
    .from(jobs)
    .where(eq(jobs.id, id ?? ""));
  expect(afterFirst).toMatchObject({ status: "pending", attempts: 1, lastError: "network down" });
  expect(await worker.tick()).toBe(0); // not due yet
  for (let i = 0; i < 2; i++) {
    clock.advance(3_600_000);
    await worker.tick();
  }
  const [dead] = await db
    .select()
    .from(jobs)
    .where(eq(jobs.id, id ?? ""));
  expect(calls).toBe(3);
  expect(dead).toMatchObject({ status: "dead", attempts: 3 });
  expect(dead?.lastError).toContain("gave up after 3 attempts");
});

it("takes back a job whose worker died, flagged as recovered", async () => {
  const db = database.db;
  await enqueue(db, { queue: "q3", payload: {} }, clock.now());
  const [first] = await claimJobs(db, {
    queues: ["q3"],
    limit: 1,
    workerId: "dead-worker",
    lockMs: 30_000,
    now: clock.now(),
  });
  expect(first?.recovered).toBe(false);
  expect(
    await claimJobs(db, { queues: ["q3"], limit: 1, workerId: "other", lockMs: 30_000, now: clock.now() }),
  ).toEqual([]);
  clock.advance(31_000);
  const [again] = await claimJobs(db, {
    queues: ["q3"],
    limit: 1,
    workerId: "other",
    lockMs: 30_000,
    now: clock.now(),
  });
  expect(again).toMatchObject({ id: first?.id, recovered: true, attempts: 2 });
});

it("backs off exponentially with jitter, capped at ten minutes", () => {
  const now = new Date(0);
  expect(backoff(1, now, () => 0).getTime()).toBe(500);
  expect(backoff(1, now, () => 1).getTime()).toBe(1000);
  expect(backoff(4, now, () => 1).getTime()).toBe(8000);
  expect(backoff(30, now, () => 1).getTime()).toBe(600_000);
});
