import { eq, getTableColumns } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboundState } from "../ingest/inbound";
import { type BackgroundWork, startBackgroundWork } from "../outbox/workers";
import { inboundEvents, messages } from "../platform/db/schema";
import { createWorkspaceFixture } from "../testing/fixtures";
import { createTestApp, type TestApp } from "../testing/harness";
import { connectXChannel, type XChannelFixture } from "../testing/x-channel";

/*
 * The bad-input target: whatever a network sends, the pipeline goes on; each delivery is
 * stored (cleaned) or dead-lettered with a reason, and the others of its batch are not held back.
 */
let t: TestApp;
let worker: BackgroundWork;
let x: XChannelFixture;
const BRAND = "9911223344";

beforeAll(async () => {
  t = await createTestApp();
  const w = await createWorkspaceFixture(t.app, t.database.db, "bad-input");
  x = await connectXChannel(t.app, w.sessions.admin, { brandId: BRAND });
  worker = await startBackgroundWork(t.deps, { error: () => {}, warn: () => {} }, { autostart: false });
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

/** An Account Activity delivery holding one tweet; `text` is spliced in as raw JSON. */
const delivery = (id: string, textJson: string, extra = "") =>
  Buffer.from(
    `{"for_user_id":"${BRAND}","tweet_create_events":[{"id_str":"${id}","created_at":"Wed Mar 05 16:02:11 +0000 2025",` +
      `"text":${textJson},"user":{"id_str":"33${id}","screen_name":"c${id}","name":"C ${id}"}${extra}}]}`,
  );
const stored = async (id: string) =>
  (await t.database.db.select().from(messages).where(eq(messages.externalId, id)))[0];

describe("bad input never stops the pipeline", () => {
  it("stores each odd message, cleaned, and dead-letters an unreadable one with its reason", async () => {
    const invalidUtf8 = Buffer.concat([
      Buffer.from(
        `{"for_user_id":"${BRAND}","tweet_create_events":[{"id_str":"103","created_at":"Wed Mar 05 16:02:11 +0000 2025","text":"caf`,
      ),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from(`","user":{"id_str":"33103","screen_name":"c103"}}]}`),
    ]);
    const bodies = [
      delivery("101", '""'),
      delivery("102", JSON.stringify(`@acme_help ${"slow ".repeat(20_000)}`)),
      invalidUtf8,
      delivery("104", '"@acme\\u0000_help help\\u200b me\\u0007 \\ud83d now\\ufeff"'),
      delivery("105", JSON.stringify("😡😡😡📵")),
      delivery(
        "106",
        '"@acme_help hello"',
        ',"some_future_field":{"nested":[1,2,3]},"quoted_status_permalink":null',
      ),
      Buffer.from(`{"for_user_id":"${BRAND}","tweet_create_events":[null]}`),
    ];
    for (const body of bodies) expect((await x.deliver(body)).statusCode).toBe(200);
    await worker.tick();

    expect((await stored("101"))?.text).toBe("");
    expect((await stored("102"))?.text).toHaveLength(100_000);
    expect((await stored("103"))?.text).toBe("caf\uFFFD(\uFFFD");
    expect((await stored("104"))?.text).toBe("@acme_help help me \uFFFD now");
    expect((await stored("105"))?.text).toBe("😡😡😡📵");
    expect((await stored("106"))?.text).toBe("@acme_help hello");

    const events = await t.database.db
      .select({ ...getTableColumns(inboundEvents), status: inboundState })
      .from(inboundEvents);
    expect(events).toHaveLength(bodies.length);
    const dead = events.filter((e) => e.status === "dead");
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ failedStep: "normalize" });
    expect(dead[0]?.error).toMatch(/unreadable x payload/);
    expect(events.filter((e) => e.status === "processed")).toHaveLength(bodies.length - 1);
  });
});
