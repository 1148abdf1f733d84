import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type BackgroundWork, startBackgroundWork } from "../../outbox/workers";
import { fixedClock } from "../../platform/clock";
import { conversationEvents, conversations, messages, teams } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { createWorkspaceFixture, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, createTestApp, type TestApp } from "../../testing/harness";
import { connectXChannel, type XChannelFixture } from "../../testing/x-channel";
import { createRuleCache } from "./rules.repo";

/* Time-based rules (SPEC W1): "no agent reply within 30 minutes → escalate to the leads' team". */
const clock = fixedClock(new Date("2026-04-14T10:00:00Z"));
let t: TestApp;
let w: WorkspaceFixture;
let channel: XChannelFixture;
let worker: BackgroundWork;

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await createWorkspaceFixture(t.app, t.database.db, "timers");
  channel = await connectXChannel(t.app, w.sessions.admin, { brandId: "6611223344" });
  worker = await startBackgroundWork(
    t.deps,
    { error: () => {}, warn: () => {} },
    { autostart: false, rules: createRuleCache(t.database.db, 0) },
  );
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

async function mention(id: string, text: string) {
  const body = JSON.stringify({
    for_user_id: channel.brandId,
    tweet_create_events: [
      {
        id_str: id,
        created_at: clock.now().toUTCString(),
        text,
        user: { id_str: "4455667788", name: "Waiting", screen_name: "waiting", followers_count: 30 },
      },
    ],
  });
  expect((await channel.deliver(body)).statusCode).toBe(200);
  await worker.tick();
  const [m] = await t.database.db.select().from(messages).where(eq(messages.externalId, id));
  return m?.conversationId as string;
}

it("fires once the customer has waited 30 minutes, once per wait, and not before", async () => {
  const leads = newId();
  await t.database.db
    .insert(teams)
    .values({ id: leads, workspaceId: w.workspaceId, name: "Leads", routing: "manual" });
  const created = await t.app.inject({
    method: "POST",
    url: "/api/v1/rules",
    headers: authHeaders(w.sessions.admin),
    payload: {
      name: "Unanswered for 30 minutes",
      trigger: "time_elapsed",
      after_seconds: 1800,
      conditions: { field: "conversation.status", op: "in", value: ["new", "open"] },
      actions: [
        { type: "escalate", to: { team_id: leads }, reason: "No agent reply within 30 minutes" },
        { type: "add_tag", tag: "overdue" },
      ],
    },
  });
  expect(created.statusCode, created.body).toBe(201);

  const conversationId = await mention("1897500000000000001", "@acme_help my order never arrived");
  clock.advance(29 * 60_000);
  expect(await worker.timers.tick()).toBe(0);
  clock.advance(60_000);
  expect(await worker.timers.tick()).toBe(1);
  expect(await worker.timers.tick()).toBe(0);
  const [c] = await t.database.db.select().from(conversations).where(eq(conversations.id, conversationId));
  expect(c).toMatchObject({ status: "escalated", teamId: leads, tags: ["overdue"] });
  const events = await t.database.db
    .select()
    .from(conversationEvents)
    .where(eq(conversationEvents.conversationId, conversationId))
    .orderBy(asc(conversationEvents.seq));
  expect(events.filter((e) => e.type === "rule_matched")).toHaveLength(1);
  expect(events.find((e) => e.type === "escalated")?.data).toMatchObject({
    reason: "No agent reply within 30 minutes",
  });
});
