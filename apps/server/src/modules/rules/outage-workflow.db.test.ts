import { type StandaloneXEmulator, startXEmulator } from "@parley/sandbox";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createNetworkClient } from "../../connectors/http";
import { type BackgroundWork, startBackgroundWork } from "../../outbox/workers";
import { fixedClock } from "../../platform/clock";
import {
  conversationEvents,
  conversations,
  memberships,
  messages,
  teamMembers,
} from "../../platform/db/schema";
import { createWorkspaceFixture, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, type Credentials, createTestApp, type TestApp } from "../../testing/harness";
import { connectXEmulator } from "../../testing/x-channel";
import { WEEKDAYS_9_TO_5 } from "../sla/sla.fixture";
import { createRuleCache } from "./rules.repo";

/*
 * Issue 5's scenario end to end, through the sandbox X emulator and the real pipeline, on an
 * injected clock: an angry mention about an outage from a customer with a quarter of a million
 * followers arrives on a Friday at 16:30 London time. A rule makes it urgent and routes it to the
 * outage team, where the one available agent with room gets it; its reply waits for an approver
 * and reaches X only once approved; its one-business-hour first-response target runs out at
 * Monday 09:30 London, and the breach is logged at exactly that instant.
 */
const FRIDAY_1630 = new Date("2026-03-06T16:30:00Z"); // London is on GMT until 29 March
const MONDAY_0930 = new Date("2026-03-09T09:30:00Z");
const clock = fixedClock(FRIDAY_1630);
let x: StandaloneXEmulator;
let t: TestApp;
let w: WorkspaceFixture;
let worker: BackgroundWork;

const call = (method: "GET" | "POST" | "PUT", url: string, as: Credentials, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, payload, headers: authHeaders(as) });
// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field below
const ok = async (res: Promise<{ statusCode: number; body: string; json(): any }>, status = 201) => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
};
async function drain() {
  await x.emulator.control.idle();
  while ((await worker.tick()) > 0) {}
}

beforeAll(async () => {
  x = await startXEmulator({ clock, seed: 11 });
  t = await createTestApp({ clock });
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  w = await createWorkspaceFixture(t.app, t.database.db, "outage");
  await connectXEmulator(t.app, w.sessions.admin, x);
  worker = await startBackgroundWork(
    t.deps,
    { error: () => {}, warn: () => {} },
    {
      autostart: false,
      http: createNetworkClient({ timeoutMs: 3000 }),
      rules: createRuleCache(t.database.db, 0),
    },
  );
});
afterAll(async () => {
  await x?.close();
  await worker?.stop();
  await t?.close();
});

it("prioritises, routes, assigns, holds the reply for approval and breaches at the business-hours instant", async () => {
  const db = t.database.db;
  // The outage team: the agent is available with room, the lead is in it but away.
  const team = await ok(call("POST", "/teams", w.sessions.admin, { name: "Outage", routing: "round_robin" }));
  for (const role of ["agent", "lead"] as const)
    await db
      .insert(teamMembers)
      .values({ workspaceId: w.workspaceId, teamId: team.id, userId: w.userIds[role] });
  await db.update(memberships).set({ capacity: 3 }).where(eq(memberships.workspaceId, w.workspaceId));
  await ok(call("PUT", "/me/availability", w.sessions.agent, { availability: "available" }), 200);
  await ok(call("PUT", "/me/availability", w.sessions.lead, { availability: "away" }), 200);

  const hours = await ok(
    call("POST", "/business-hours", w.sessions.admin, {
      name: "London office",
      timezone: "Europe/London",
      weekly: WEEKDAYS_9_TO_5,
      holidays: [],
    }),
  );
  await ok(
    call("POST", "/sla-policies", w.sessions.admin, {
      name: "Urgent: answer within a business hour",
      priority: "urgent",
      first_response_seconds: 3600,
      business_hours_id: hours.id,
    }),
  );
  const rule = await ok(
    call("POST", "/rules", w.sessions.admin, {
      name: "Outage from an influencer",
      conditions: {
        all: [
          { field: "message.text", op: "contains", value: "outage" },
          { field: "message.sentiment", op: "eq", value: "negative" },
          { field: "customer.followers", op: "gte", value: 10_000 },
        ],
      },
      actions: [
        { type: "set_priority", priority: "urgent" },
        { type: "route_to_team", team_id: team.id },
        { type: "require_approval", reason: "Outage replies are checked before they go out" },
      ],
    }),
  );

  x.emulator.control.createUser({ username: "bigvoice", name: "Big Voice", followers_count: 250_000 });
  x.emulator.control.createUser({ username: "quietone", name: "Quiet One", followers_count: 90 });
  x.emulator.control.postTweet({
    author_username: "bigvoice",
    text: "@acme third outage this week, your service is useless and I am furious",
  });
  x.emulator.control.postTweet({
    author_username: "quietone",
    text: "@acme another outage, this is useless and awful",
  });
  await drain();

  const [angry] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, w.workspaceId), eq(conversations.teamId, team.id)));
  expect(angry).toMatchObject({
    priority: "urgent",
    assigneeId: w.userIds.agent,
    approvalRequired: true,
    firstResponseDueAt: MONDAY_0930,
    slaState: "ok",
  });
  const all = await db.select().from(conversations).where(eq(conversations.workspaceId, w.workspaceId));
  const quiet = all.find((c) => c.id !== angry?.id && c.channelAccountId === angry?.channelAccountId);
  expect(quiet).toMatchObject({ teamId: null, assigneeId: null, approvalRequired: false });

  // The agent answers at once; the reply waits for approval and X receives nothing.
  const reply = await ok(
    call("POST", `/conversations/${angry?.id}/replies`, w.sessions.agent, {
      text: "We are so sorry. Engineers are on the outage now, we will update you here.",
      visibility: "public",
    }),
    202,
  );
  expect(reply.delivery_status).toBe("awaiting_approval");
  await drain();
  expect(x.emulator.control.brandTweets()).toEqual([]);

  // The weekend passes without an approver: the warning at 80% of the hour, then the breach.
  clock.set(new Date(MONDAY_0930.getTime() - 1000));
  await worker.sla.tick();
  const before = await db
    .select()
    .from(conversationEvents)
    .where(
      and(
        eq(conversationEvents.conversationId, angry?.id as string),
        eq(conversationEvents.type, "sla_breached"),
      ),
    );
  expect(before).toEqual([]);
  clock.set(MONDAY_0930);
  await worker.sla.tick();
  const events = await db
    .select()
    .from(conversationEvents)
    .where(eq(conversationEvents.conversationId, angry?.id as string))
    .orderBy(asc(conversationEvents.seq));
  const warning = events.find((e) => e.type === "sla_warning");
  const breach = events.filter((e) => e.type === "sla_breached");
  expect(warning?.occurredAt).toEqual(new Date("2026-03-09T09:18:00Z"));
  expect(breach).toHaveLength(1);
  expect(breach[0]?.occurredAt).toEqual(MONDAY_0930);
  const [late] = await db
    .select()
    .from(conversations)
    .where(eq(conversations.id, angry?.id as string));
  expect(late?.slaState).toBe("breached");

  // The approver lets it go: exactly one post on X, with the approved text.
  await ok(call("POST", `/messages/${reply.id}/approve`, w.sessions.approver, {}), 200);
  await drain();
  const posted = x.emulator.control.brandTweets() as { text: string }[];
  expect(posted).toHaveLength(1);
  expect(posted[0]?.text).toContain("Engineers are on the outage now");

  // The dry run of the live rule over the stored traffic matches exactly what it matched live.
  const live = await db
    .select({ messageId: conversationEvents.messageId })
    .from(conversationEvents)
    .where(and(eq(conversationEvents.type, "rule_matched"), eq(conversationEvents.actorId, rule.id)));
  const dry = await ok(call("POST", "/rules/dry-run", w.sessions.admin, { rule_id: rule.id, days: 7 }), 200);
  expect(dry.matches.map((m: { message_id: string }) => m.message_id)).toEqual(live.map((l) => l.messageId));
  expect(dry.messages_matched).toBe(1);
  const [matched] = await db
    .select()
    .from(messages)
    .where(eq(messages.id, live[0]?.messageId as string));
  expect(matched?.conversationId).toBe(angry?.id);
});
