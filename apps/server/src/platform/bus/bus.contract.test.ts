import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Bus, BusMessage } from "./bus";
import { type BusHarness, inlineDriver, natsDriver, sleep, waitFor } from "./testing/harness";

/** The same contract for every driver; NATS joins when a server is configured (CI sets NATS_URL). */
const drivers = [inlineDriver, ...(process.env.NATS_URL ? [natsDriver(process.env.NATS_URL)] : [])];

describe.each(drivers)("bus contract: $name", (driver) => {
  let harness: BusHarness;
  let bus: Bus;
  let n = 0;
  const subject = () => `contract.s${++n}`;

  beforeEach(async () => {
    harness = await driver.start();
    bus = await harness.open();
  });
  afterEach(() => harness.cleanup());

  it("delivers object and byte payloads with their key and msgId", async () => {
    const s = subject();
    const got: BusMessage[] = [];
    await bus.subscribe(s, "g", async (msg) => {
      got.push(msg);
      return "ack";
    });
    await bus.publish(s, { hello: "world" }, { key: "conv-1", msgId: "m-1" });
    await bus.publish(s, new Uint8Array([1, 2, 3]), { key: "conv-1" });
    await waitFor(() => got.length === 2, 10_000, "two messages");
    expect(got[0]?.json()).toEqual({ hello: "world" });
    expect(got[0]).toMatchObject({ subject: s, key: "conv-1", msgId: "m-1", attempt: 1 });
    expect([...(got[1]?.data ?? [])]).toEqual([1, 2, 3]);
  });

  it("does not redeliver an acked message", async () => {
    const s = subject();
    let calls = 0;
    await bus.subscribe(s, "g", async () => {
      calls++;
      return "ack";
    });
    await bus.publish(s, { i: 1 });
    await waitFor(() => calls === 1);
    await sleep(500);
    expect(calls).toBe(1);
  });

  it("redelivers on retry (and on a throw) until the handler succeeds", async () => {
    const s = subject();
    const attempts: number[] = [];
    await bus.subscribe(s, "g", async (msg) => {
      attempts.push(msg.attempt);
      if (msg.attempt === 1) return "retry";
      if (msg.attempt === 2) throw new Error("database busy");
      return "ack";
    });
    await bus.publish(s, { i: 1 }, { key: "k" });
    await waitFor(() => attempts.length === 3);
    await sleep(200);
    expect(attempts).toEqual([1, 2, 3]);
  });

  it("dead-letters to <subject>.dlq after max attempts, or at once when the handler says dead", async () => {
    const s = subject();
    const dead: BusMessage[] = [];
    const calls: Record<string, number> = {};
    await bus.subscribe(`${s}.dlq`, "dlq", async (msg) => {
      dead.push(msg);
      return "ack";
    });
    await bus.subscribe(
      s,
      "g",
      async (msg) => {
        const { kind } = msg.json<{ kind: string }>();
        calls[kind] = (calls[kind] ?? 0) + 1;
        return kind === "poison" ? "dead" : "retry";
      },
      { maxAttempts: 3 },
    );
    await bus.publish(s, { kind: "flaky" }, { key: "a" });
    await bus.publish(s, { kind: "poison" }, { key: "b" });
    await waitFor(() => dead.length === 2, 10_000, "two dead letters");
    expect(calls).toEqual({ flaky: 3, poison: 1 });
    expect(dead.map((m) => [m.key, m.json<{ kind: string }>().kind]).sort()).toEqual([
      ["a", "flaky"],
      ["b", "poison"],
    ]);
  });

  it("handles one key at a time, in order, through retries, while keys run concurrently", async () => {
    const s = subject();
    const keys = ["k0", "k1", "k2", "k3", "k4"];
    const perKey = 30;
    const seen = new Map<string, number[]>(keys.map((k) => [k, []]));
    const active = new Set<string>();
    let overlap = false;
    let maxActive = 0;
    await bus.subscribe(
      s,
      "g",
      async (msg) => {
        const key = msg.key as string;
        if (active.has(key)) overlap = true;
        active.add(key);
        maxActive = Math.max(maxActive, active.size);
        await sleep(Math.random() * 4);
        active.delete(key);
        const { i } = msg.json<{ i: number }>();
        if (i % 10 === 5 && msg.attempt === 1) return "retry";
        seen.get(key)?.push(i);
        return "ack";
      },
      { concurrency: 8 },
    );
    for (let i = 0; i < perKey; i++) {
      await Promise.all(keys.map((key) => bus.publish(s, { i }, { key })));
    }
    await waitFor(() => [...seen.values()].every((l) => l.length === perKey), 20_000, "all messages");
    for (const key of keys) expect(seen.get(key)).toEqual(Array.from({ length: perKey }, (_, i) => i));
    expect(overlap).toBe(false);
    expect(maxActive).toBeGreaterThan(1);
  });

  it("shares a group's messages between consumers, each once, and copies them to every group", async () => {
    const s = subject();
    const other = await harness.open();
    const byConsumer: number[][] = [[], [], []];
    const handle = (into: number[]) => async (msg: BusMessage) => {
      await sleep(2);
      into.push(msg.json<{ i: number }>().i);
      return "ack" as const;
    };
    await bus.subscribe(s, "workers", handle(byConsumer[0] as number[]));
    await other.subscribe(s, "workers", handle(byConsumer[1] as number[]));
    await bus.subscribe(s, "audit", handle(byConsumer[2] as number[]));
    const total = 200;
    for (let i = 0; i < total; i++) await bus.publish(s, { i }, { key: `c${i % 40}` });
    const workers = () => [...(byConsumer[0] ?? []), ...(byConsumer[1] ?? [])];
    await waitFor(() => workers().length >= total && byConsumer[2]?.length === total, 20_000, "all");
    await sleep(300);
    expect(workers().sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i));
    expect(byConsumer[0]?.length).toBeGreaterThan(0);
    expect(byConsumer[1]?.length).toBeGreaterThan(0);
    expect(byConsumer[2]).toHaveLength(total);
  });

  it("drops a second publish with the same msgId", async () => {
    const s = subject();
    const got: string[] = [];
    await bus.subscribe(s, "g", async (msg) => {
      got.push(msg.json<{ v: string }>().v);
      return "ack";
    });
    await bus.publish(s, { v: "first" }, { key: "k", msgId: "event-42" });
    await bus.publish(s, { v: "again" }, { key: "k", msgId: "event-42" });
    // Same key, so once "last" is handled anything published before it has been too.
    await bus.publish(s, { v: "last" }, { key: "k", msgId: "event-43" });
    await waitFor(() => got.includes("last"));
    expect(got).toEqual(["first", "last"]);
  });
});
