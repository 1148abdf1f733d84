import type { PresenceEntry, SupervisorOverview } from "@parley/contracts";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../platform/clock";
import {
  agentAvailabilityHistory,
  conversationEvents,
  conversations,
  crisisAlerts,
  crisisModes,
  memberships,
  messages,
  workspaces,
} from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { createWorkspaceFixture, insertConversation, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, createTestApp, type TestApp } from "../../testing/harness";
import { createWorkspace } from "../workspaces/create-workspace";
import { type LivePresence, supervisorOverview } from "./overview";

// Wednesday 2026-03-04, 10:00 in New York (UTC-5): the desk's day began at 05:00 UTC.
const at = (hhmm: string, day = "2026-03-04") => new Date(`${day}T${hhmm}:00Z`);
const NOW = at("15:00");

let t: TestApp;
let w: WorkspaceFixture;
let otherWorkspace: string;
let otherConversation: string;
const ids: Record<string, string> = {};

type Over = Parameters<typeof insertConversation>[2];

async function conversation(first: string, over: Over) {
  const c = await insertConversation(t.database.db, w.workspaceId, over, at(first));
  return c.conversationId;
}

async function event(
  conversationId: string,
  type: (typeof conversationEvents.$inferInsert)["type"],
  when: Date,
  data: Record<string, unknown> = {},
  actorId: string | null = null,
  workspaceId = w.workspaceId,
) {
  await t.database.db.insert(conversationEvents).values({
    workspaceId,
    conversationId,
    type,
    actorType: actorId ? "user" : "system",
    actorId,
    data,
    occurredAt: when,
  });
}

async function message(
  conversationId: string,
  direction: "inbound" | "outbound",
  when: Date,
  over: Partial<typeof messages.$inferInsert> = {},
) {
  const deliveryStatus = over.deliveryStatus ?? (direction === "inbound" ? "received" : "sent");
  await t.database.db.insert(messages).values({
    id: newId(),
    workspaceId: w.workspaceId,
    conversationId,
    channel: "x",
    direction,
    visibility: "public",
    kind: "reply",
    text: direction === "inbound" ? "@acme hello?" : "@cust on it",
    deliveryStatus,
    sentAt: when,
    ...over,
  });
  if (direction === "outbound" && deliveryStatus === "sent") await event(conversationId, "message_out", when);
}

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock(NOW) });
  const db = t.database.db;
  w = await createWorkspaceFixture(t.app, db, "sup");
  const { agent, lead } = w.userIds;
  await db.update(workspaces).set({ timezone: "America/New_York" }).where(eq(workspaces.id, w.workspaceId));
  // The fixture's own conversation is done with; logging in tracked availability at the real time.
  await db.update(conversations).set({ status: "closed" }).where(eq(conversations.id, w.conversationId));
  await db.delete(agentAvailabilityHistory).where(eq(agentAvailabilityHistory.workspaceId, w.workspaceId));

  // In queue, urgent, never answered since 14:00; first response due 15:10 (within 15 min).
  ids.a = await conversation("14:00", {
    status: "new",
    priority: "urgent",
    teamId: w.teamId,
    firstResponseDueAt: at("15:10"),
    slaState: "warning",
    slaNextCheckAt: at("15:10"),
  });
  // In progress, high, on Facebook: answered at 13:10, then the customer wrote at 13:30 and 14:30.
  ids.b = await conversation("13:00", {
    status: "open",
    priority: "high",
    channel: "facebook",
    teamId: w.teamId,
    assigneeId: agent,
    firstResponseAt: at("13:10"),
    lastAgentMessageAt: at("13:10"),
    lastCustomerMessageAt: at("14:30"),
    firstResponseDueAt: at("13:15"),
    nextResponseDueAt: at("15:40"),
    resolutionDueAt: at("20:00"),
    slaState: "ok",
    slaNextCheckAt: at("15:30"),
  });
  await message(ids.b, "outbound", at("13:10"), { authorUserId: agent });
  await message(ids.b, "inbound", at("13:30"));
  await message(ids.b, "inbound", at("14:30"));
  // Pending on the customer (not waiting), its first response breached at 12:30.
  ids.c = await conversation("12:00", {
    status: "pending",
    assigneeId: lead,
    firstResponseDueAt: at("12:30"),
    slaState: "breached",
  });
  // Escalated, answered last (nobody waits), resolution due later today.
  ids.d = await conversation("14:00", {
    status: "escalated",
    teamId: w.teamId,
    assigneeId: agent,
    firstResponseAt: at("14:50"),
    lastCustomerMessageAt: at("14:40"),
    lastAgentMessageAt: at("14:50"),
    resolutionDueAt: at("17:00"),
    slaState: "ok",
    slaNextCheckAt: at("16:30"),
  });
  await message(ids.d, "outbound", at("14:50"), { authorUserId: agent });
  // A draft and an automated acknowledgement are not replies; yesterday's (local) reply is not today's.
  await message(ids.d, "outbound", at("14:55"), { authorUserId: agent, deliveryStatus: "draft" });
  await message(ids.d, "outbound", at("14:01"), { classification: { automated: "acknowledgement" } });
  await message(ids.d, "outbound", at("04:00"), { authorUserId: agent });
  // In queue without a team since 14:45; its resolution is due beyond the hour.
  ids.i = await conversation("14:45", {
    status: "open",
    resolutionDueAt: at("16:30"),
    slaState: "ok",
    slaNextCheckAt: at("15:50"),
  });
  // First response met; the next target is the resolution at 15:20.
  ids.j = await conversation("14:30", {
    status: "open",
    teamId: w.teamId,
    assigneeId: agent,
    firstResponseAt: at("14:35"),
    lastAgentMessageAt: at("14:35"),
    lastCustomerMessageAt: at("14:30"),
    firstResponseDueAt: at("15:05"),
    resolutionDueAt: at("15:20"),
    slaState: "warning",
    slaNextCheckAt: at("15:20"),
  });

  // Settled today (since 05:00 UTC): B's first reply (above) and E's both targets were on time; G
  // and H breached their first response.
  ids.e = await conversation("05:50", {
    status: "resolved",
    firstResponseAt: at("06:00"),
    firstResponseDueAt: at("06:30"),
    resolvedAt: at("14:00"),
    resolutionDueAt: at("16:00"),
    slaState: "met",
  });
  await event(ids.e, "message_out", at("06:00"));
  await event(ids.e, "status_changed", at("14:00"), { from: "open", to: "resolved" });
  ids.g = await conversation("09:00", { status: "closed", firstResponseDueAt: at("10:00") });
  await event(ids.g, "sla_breached", at("10:00"), { target: "first_response" });
  await event(ids.g, "sla_breached", at("04:00"), { target: "resolution" });
  // Met late: the reply came at 09:00 for 08:00, so it stays breached.
  ids.h = await conversation("07:00", {
    status: "closed",
    firstResponseAt: at("09:00"),
    firstResponseDueAt: at("08:00"),
  });
  await event(ids.h, "sla_breached", at("08:00"), { target: "first_response" });
  await event(ids.h, "message_out", at("09:00"));
  // Settled at 23:30 and 23:50 the evening before in New York (04:30 and 04:50 UTC today).
  ids.f = await conversation("04:00", {
    status: "resolved",
    firstResponseAt: at("04:30"),
    firstResponseDueAt: at("04:45"),
    resolvedAt: at("04:50"),
    resolutionDueAt: at("05:30"),
  });
  await event(ids.f, "message_out", at("04:30"));
  await event(ids.f, "status_changed", at("04:50"), { from: "open", to: "resolved" });

  // The agent types in B right now; their beat on D is older than a minute.
  const beat = (s: number) => new Date(NOW.getTime() - s * 1000);
  await event(ids.b, "agent_activity", beat(60), { kind: "viewing" }, agent);
  await event(ids.b, "agent_activity", beat(45), { kind: "viewing" }, agent);
  await event(ids.b, "agent_activity", beat(30), { kind: "typing" }, agent);
  await event(ids.d, "agent_activity", at("14:50"), { kind: "viewing" }, agent);

  // Availability: the agent's open history row agrees with the membership; the lead's does not.
  await db
    .update(memberships)
    .set({ availability: "available", capacity: 4 })
    .where(eq(memberships.userId, agent));
  await db.update(memberships).set({ availability: "busy" }).where(eq(memberships.userId, lead));
  await db.insert(agentAvailabilityHistory).values([
    {
      id: newId(),
      workspaceId: w.workspaceId,
      userId: agent,
      availability: "available",
      startedAt: at("13:00"),
    },
    {
      id: newId(),
      workspaceId: w.workspaceId,
      userId: lead,
      availability: "available",
      startedAt: at("12:00"),
    },
  ]);

  // Crisis: one open alert, one dismissed, one mode running.
  const alert = {
    workspaceId: w.workspaceId,
    topicKind: "keyword" as const,
    topic: "outage",
    kind: "volume" as const,
    windowStart: at("14:00"),
    windowEnd: at("14:15"),
    volume: 40,
    negative: 30,
    baselineVolume: 4,
    baselineNegativeShare: 0.2,
  };
  await db.insert(crisisAlerts).values([
    { id: newId(), ...alert, createdAt: at("14:16") },
    { id: newId(), ...alert, status: "dismissed", createdAt: at("13:16") },
  ]);
  await db.insert(crisisModes).values({
    id: newId(),
    workspaceId: w.workspaceId,
    topicKind: "keyword",
    topic: "outage",
    startedVia: "manual",
    startedBy: lead,
    startedAt: at("14:20"),
  });

  // Another workspace's busy desk, which must not show.
  const other = await createWorkspace(db, { slug: "sup-other", name: "Other" }, NOW);
  otherWorkspace = other.id;
  const o = await insertConversation(db, other.id, { status: "new", priority: "urgent" }, at("09:00"));
  otherConversation = o.conversationId;
  await event(o.conversationId, "sla_breached", at("10:00"), { target: "first_response" }, null, other.id);
  await db
    .insert(crisisAlerts)
    .values({ id: newId(), ...alert, workspaceId: other.id, createdAt: at("14:16") });
});
afterAll(() => t?.close());

async function overview(role: "lead" | "analyst" | "admin" = "lead"): Promise<SupervisorOverview> {
  const res = await t.app.inject({
    method: "GET",
    url: "/api/v1/supervisor/overview",
    headers: authHeaders(w.sessions[role]),
  });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe("GET /supervisor/overview (SPEC A5)", () => {
  it("splits active conversations into in queue and in progress, by team and channel", async () => {
    const { queue, day_start, timezone } = await overview();
    expect(timezone).toBe("America/New_York");
    expect(day_start).toBe("2026-03-04T05:00:00.000Z");
    expect(queue).toMatchObject({
      in_queue: 2,
      in_progress: 4,
      urgent: 1,
      high: 1,
      // B's customer has waited since 13:30: the first message after the 13:10 reply.
      oldest_wait_s: 90 * 60,
      oldest_waiting_conversation_id: ids.b,
    });
    expect(queue.by_team).toEqual([
      {
        team_id: w.teamId,
        name: "Care",
        in_queue: 1,
        in_progress: 3,
        urgent: 1,
        high: 1,
        oldest_wait_s: 5400,
      },
      // C is pending (waiting on the customer), so I's 15 minutes is the team-less wait.
      { team_id: null, name: "No team", in_queue: 1, in_progress: 1, urgent: 0, high: 0, oldest_wait_s: 900 },
    ]);
    expect(queue.by_channel).toEqual([
      { channel: "x", in_queue: 2, in_progress: 3, urgent: 1, high: 0, oldest_wait_s: 3600 },
      { channel: "facebook", in_queue: 0, in_progress: 1, urgent: 0, high: 1, oldest_wait_s: 5400 },
    ]);
  });

  it("counts SLA targets settled since local midnight, in the workspace's time zone", async () => {
    const { sla } = await overview("analyst");
    expect(sla.today).toEqual({
      first_response: { met: 2, breached: 2 },
      resolution: { met: 1, breached: 0 },
      met: 3,
      breached: 2,
      attainment: 0.6,
    });
    // In UTC the day began at 00:00: F's on-time reply and resolution and G's resolution breach count.
    const db = t.database.db;
    await db.update(workspaces).set({ timezone: "UTC" }).where(eq(workspaces.id, w.workspaceId));
    try {
      const utc = await supervisorOverview(db, w.workspaceId, noPresence, NOW);
      expect(utc.day_start).toBe("2026-03-04T00:00:00.000Z");
      expect(utc.sla.today).toMatchObject({
        first_response: { met: 3, breached: 2 },
        resolution: { met: 2, breached: 1 },
      });
    } finally {
      await db
        .update(workspaces)
        .set({ timezone: "America/New_York" })
        .where(eq(workspaces.id, w.workspaceId));
    }
  });

  it("lists breached conversations and the next targets due within 15 and 60 minutes", async () => {
    const { sla } = await overview();
    expect(sla.breached_now).toBe(1);
    expect(sla.breached.map((b) => [b.conversation_id, b.target, b.due_at])).toEqual([
      [ids.c, "first_response", at("12:30").toISOString()],
    ]);
    expect(sla.due_within_15m).toBe(1);
    expect(sla.due_within_60m).toBe(3);
    expect(sla.coming.map((c) => [c.conversation_id, c.target, c.due_at])).toEqual([
      [ids.a, "first_response", at("15:10").toISOString()],
      [ids.j, "resolution", at("15:20").toISOString()],
      [ids.b, "next_response", at("15:40").toISOString()],
    ]);
    expect(sla.coming[0]).toMatchObject({ team_name: "Care", assignee_id: null, priority: "urgent" });
    expect(sla.coming[1]).toMatchObject({ assignee_id: w.userIds.agent, assignee_name: "agent of sup" });
  });

  it("shows each agent's availability, load, conversations, activity and replies today", async () => {
    const { agents } = await overview("admin");
    expect(agents.map((a) => a.role).sort()).toEqual(["admin", "agent", "approver", "lead"]);
    const agent = agents.find((a) => a.user_id === w.userIds.agent);
    expect(agent).toMatchObject({
      availability: "available",
      availability_since: at("13:00").toISOString(),
      capacity: 4,
      load: 3,
      replies_today: 2,
      last_reply_at: at("14:50").toISOString(),
    });
    // Highest priority first, then the most recent message.
    expect(agent?.conversations.map((c) => c.id)).toEqual([ids.b, ids.j, ids.d]);
    expect(agent?.conversations[0]).toMatchObject({ priority: "high", channel: "facebook", sla_state: "ok" });
    expect(agent?.presence).toEqual([
      {
        conversation_id: ids.b,
        subject: expect.any(String),
        activity: "typing",
        since: new Date(NOW.getTime() - 45_000).toISOString(),
      },
    ]);
    const lead = agents.find((a) => a.user_id === w.userIds.lead);
    expect(lead).toMatchObject({ availability: "busy", availability_since: null, load: 1, replies_today: 0 });
    // Available agents first.
    expect(agents[0]?.user_id).toBe(w.userIds.agent);
  });

  it("merges who views and types on the live channel, scoped to the workspace", async () => {
    const seen = (userId: string, typing: boolean): PresenceEntry => ({
      user_id: userId,
      name: "x",
      typing,
      typing_kind: typing ? "public" : null,
      since: at("14:58").toISOString(),
    });
    const board = new Map<string, PresenceEntry[]>([
      [ids.d as string, [seen(w.userIds.lead, false)]],
      [ids.b as string, [seen(w.userIds.agent, false)]],
      [otherConversation, [seen(w.userIds.lead, true)]],
    ]);
    const live: LivePresence = {
      occupied: () => board.keys(),
      presence: (wanted) =>
        new Map([...wanted].flatMap((id) => (board.has(id) ? [[id, board.get(id) ?? []]] : []))),
    };
    const { agents } = await supervisorOverview(t.database.db, w.workspaceId, live, NOW);
    const lead = agents.find((a) => a.user_id === w.userIds.lead);
    expect(lead?.presence).toEqual([
      {
        conversation_id: ids.d,
        subject: expect.any(String),
        activity: "viewing",
        since: at("14:58").toISOString(),
      },
    ]);
    // Typing from the activity beats beats plain viewing; the earliest since is kept.
    const agent = agents.find((a) => a.user_id === w.userIds.agent);
    expect(agent?.presence).toEqual([
      {
        conversation_id: ids.b,
        subject: expect.any(String),
        activity: "typing",
        since: at("14:58").toISOString(),
      },
    ]);
  });

  it("reports open crisis alerts and the running crisis mode", async () => {
    const { crisis } = await overview();
    expect(crisis.open_alert_count).toBe(1);
    expect(crisis.open_alerts).toEqual([
      expect.objectContaining({ topic: "outage", kind: "volume", volume: 40, negative: 30 }),
    ]);
    expect(crisis.active_modes).toEqual([
      expect.objectContaining({
        topic: "outage",
        started_via: "manual",
        started_at: at("14:20").toISOString(),
      }),
    ]);
  });

  it("is for leads, analysts and admins: agents and approvers get 403", async () => {
    for (const role of ["agent", "approver"] as const) {
      const res = await t.app.inject({
        method: "GET",
        url: "/api/v1/supervisor/overview",
        headers: authHeaders(w.sessions[role]),
      });
      expect(res.statusCode).toBe(403);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
    const byKey = await t.app.inject({
      method: "GET",
      url: "/api/v1/supervisor/overview",
      headers: authHeaders(w.apiKeys.agent),
    });
    expect(byKey.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: "GET", url: "/api/v1/supervisor/overview" });
    expect(anonymous.statusCode).toBe(401);
  });

  it("never counts another workspace's conversations, events or alerts", async () => {
    const other = await supervisorOverview(t.database.db, otherWorkspace, noPresence, NOW);
    expect(other.queue).toMatchObject({ in_queue: 1, in_progress: 0, urgent: 1 });
    expect(other.sla.today).toMatchObject({ first_response: { met: 0, breached: 1 } });
    expect(other.agents).toEqual([]);
    expect(other.crisis.open_alert_count).toBe(1);
    expect(other.crisis.active_modes).toEqual([]);
    const mine = await overview();
    expect(mine.sla.coming.concat(mine.sla.breached).map((c) => c.conversation_id)).not.toContain(
      otherConversation,
    );
  });
});

const noPresence: LivePresence = { occupied: () => [], presence: () => new Map() };
