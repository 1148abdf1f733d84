import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatePosts } from "../../bench/workload";
import { createInbound } from "../../ingest/inbound";
import type { ChannelRow } from "../../modules/channels/channels.repo";
import { createWorkspace } from "../../modules/workspaces/create-workspace";
import { startPipelineConsumer } from "../../pipeline/consumer";
import { insertXAccount } from "../../testing/fixtures";
import { InlineBus } from "../bus";
import { systemClock } from "../clock";
import { type Database, openDatabase, openPglite, queryRows } from "./index";
import { conversations, messages } from "./schema";

/** PGlite on its own thread, reached through node-postgres (ADR 0019): what `npm start` runs. */
describe("PGlite on a worker thread", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openPglite(null, { thread: true });
    await database.migrate();
  }, 60_000);
  afterAll(() => database?.close());

  it("answers queries with node-postgres' types", async () => {
    const [row] = await queryRows<Record<string, unknown>>(
      database.db,
      sql`select 1::int4 as i, 2::int8 as big, ${"é ✓"}::text as s, '{"a":[1]}'::jsonb as j,
        true as b, null::text as n, array[1,2]::int[] as arr`,
    );
    expect(row).toEqual({ i: 1, big: "2", s: "é ✓", j: { a: [1] }, b: true, n: null, arr: [1, 2] });
  });

  it("commits a transaction, rolls a failed one back, and goes on after an error", async () => {
    await database.db.execute(sql`create table t_thread (id int primary key)`);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into t_thread values (1), (2)`);
    });
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into t_thread values (3)`);
        await tx.execute(sql`insert into t_thread values (1)`); // duplicate key
      }),
    ).rejects.toThrow();
    await expect(database.db.execute(sql`select * from no_such_table`)).rejects.toThrow(/no_such_table/);
    const rows = await queryRows<{ id: number }>(database.db, sql`select id from t_thread order by id`);
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
  });

  it("queues concurrent queries on its one connection, each with its own answer", async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => queryRows<{ n: number }>(database.db, sql`select ${i}::int as n`)),
    );
    expect(answers.map((r) => r[0]?.n)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it("carries large statements and results whole", async () => {
    const text = "x".repeat(300_000);
    const [row] = await queryRows<{ len: number; back: string }>(
      database.db,
      sql`select length(${text}::text) as len, ${text}::text as back`,
    );
    expect(row?.len).toBe(300_000);
    expect(row?.back).toBe(text);
  });

  it("COPYs CSV text in", async () => {
    await database.db.execute(sql`create table t_copy (a int, b text)`);
    await database.copyFrom("t_copy", ["a", "b"], '1,"one"\n2,"two, too"\n');
    const rows = await queryRows<{ a: number; b: string }>(
      database.db,
      sql`select a, b from t_copy order by a`,
    );
    expect(rows).toEqual([
      { a: 1, b: "one" },
      { a: 2, b: "two, too" },
    ]);
  });

  it("runs the ingestion pipeline: posts in, conversations and messages out", async () => {
    const db = database.db;
    const ws = await createWorkspace(db, { slug: "thread", name: "Thread" }, new Date());
    const channel = await insertXAccount(db, ws.id);
    const posts = generatePosts(60, 11);
    // A post that answers none of the customer's earlier ones opens a conversation.
    const roots = posts.filter((p) => {
      const d = (p.payload as { data: { id: string; conversation_id: string } }).data;
      return d.conversation_id === d.id;
    }).length;
    const bus = new InlineBus();
    const inbound = createInbound({ db, clock: systemClock, bus });
    const quiet = { warn: () => {}, error: () => {} };
    const consumer = await startPipelineConsumer({ db, clock: systemClock, bus, inbound }, quiet);
    try {
      await Promise.all(
        posts.map((p) =>
          inbound.accept({ channel: channel as ChannelRow, idempotencyKey: p.key, payload: p.payload }),
        ),
      );
      await consumer.idle();
    } finally {
      await consumer.stop();
      await bus.close();
    }
    const [counts] = await queryRows<{ m: number; c: number }>(
      db,
      sql`select (select count(*) from ${messages})::int as m, (select count(*) from ${conversations})::int as c`,
    );
    expect(counts).toEqual({ m: 60, c: roots });
  });
});

describe("PGlite on a worker thread, with a data directory", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "parley-thread-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps what was committed across a restart", async () => {
    const config = { driver: "pglite" as const, dataDir: dir, thread: true };
    const first = await openDatabase(config);
    await first.db.execute(sql`create table kept (v text)`);
    await first.db.execute(sql`insert into kept values ('still here')`);
    await first.close();
    const second = await openDatabase(config);
    try {
      expect(await queryRows(second.db, sql`select v from kept`)).toEqual([{ v: "still here" }]);
    } finally {
      await second.close();
    }
  }, 60_000);
});
