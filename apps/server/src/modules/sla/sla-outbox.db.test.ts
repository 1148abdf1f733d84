import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ContractEnv, startContract } from "../../connectors/contract/harness";
import { xPair } from "../../connectors/contract/x.pair";
import { fixedClock } from "../../platform/clock";
import { conversationEvents } from "../../platform/db/schema";
import { authHeaders } from "../../testing/harness";
import { slaOf } from "./sla.fixture";
import { sharedSlaCache } from "./sla-cache";
import { startSlaScheduler } from "./sla-scheduler";

/*
 * The wiring, end to end against the X emulator: an agent's change recomputes the SLA in its own
 * transaction, and the outbox recording a reply as sent meets the first response then and there.
 */
const MIN = 60_000;
const clock = fixedClock(new Date("2026-06-01T10:00:00Z"));
const pair = xPair();
let env: ContractEnv;

beforeAll(async () => {
  env = await startContract(pair, clock);
});
afterAll(() => env?.close());

it("a reply the network accepted meets the first response; no breach follows", async () => {
  const db = env.t.database.db;
  const agent = authHeaders(env.w.sessions.agent);
  const policy = await env.t.app.inject({
    method: "POST",
    url: "/api/v1/sla-policies",
    payload: { name: "High", priority: "high", first_response_seconds: 3600 },
    headers: authHeaders(env.w.sessions.admin),
  });
  expect(policy.statusCode).toBe(201);

  await pair.customerPosts("My router keeps rebooting");
  await env.drain();
  const [id = ""] = await env.conversationIds();
  const patched = await env.t.app.inject({
    method: "PATCH",
    url: `/api/v1/conversations/${id}`,
    payload: { priority: "high" },
    headers: agent,
  });
  const due = new Date(new Date(patched.json().first_customer_message_at).getTime() + 60 * MIN).toISOString();
  expect(patched.json().first_response_due_at).toBe(due);
  expect(await slaOf(db, id)).toMatchObject({ state: "ok", policyId: policy.json().id });

  clock.advance(20 * MIN);
  const reply = await env.reply(id, "Sorry about that, we are looking into it.", "public");
  expect(reply.statusCode).toBe(202);
  await env.drain();
  expect((await env.message(id, reply.json().id))?.delivery_status).toBe("sent");
  expect(await slaOf(db, id)).toMatchObject({ state: "met", firstResponseDueAt: due, nextCheckAt: null });

  clock.advance(3 * 60 * MIN);
  const log = { error: () => {}, warn: () => {} };
  const scheduler = startSlaScheduler({ db, clock, log, cache: sharedSlaCache, autostart: false });
  expect(await scheduler.tick()).toBe(0);
  const sla = await db
    .select()
    .from(conversationEvents)
    .where(
      and(
        eq(conversationEvents.conversationId, id),
        inArray(conversationEvents.type, ["sla_warning", "sla_breached"]),
      ),
    );
  expect(sla).toEqual([]);
});
