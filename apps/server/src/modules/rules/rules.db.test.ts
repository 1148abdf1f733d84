import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BackgroundWork, startBackgroundWork } from "../../outbox/workers";
import {
  conversationEvents,
  conversations,
  memberships,
  messages,
  teamMembers,
  teams,
  templates,
} from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { createWorkspaceFixture, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, type Credentials, createTestApp, type TestApp } from "../../testing/harness";
import { connectXChannel, type XChannelFixture } from "../../testing/x-channel";
import { createRuleCache } from "./rules.repo";

/* Rules (SPEC W1) run by the pipeline on real X webhook deliveries, routing (W2), and the dry run. */
let t: TestApp;
let w: WorkspaceFixture;
let other: WorkspaceFixture;
let channel: XChannelFixture;
let worker: BackgroundWork;
let outageTeam: string;
let seq = 0;

const call = (
  method: "GET" | "POST" | "PATCH" | "DELETE" | "PUT",
  url: string,
  as: Credentials,
  payload?: object,
) => t.app.inject({ method, url: `/api/v1${url}`, payload, headers: authHeaders(as) });

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "rules");
  other = await createWorkspaceFixture(t.app, t.database.db, "rules-other");
  channel = await connectXChannel(t.app, w.sessions.admin, { brandId: "7711223344" });
  worker = await startBackgroundWork(
    t.deps,
    { error: () => {}, warn: () => {} },
    { autostart: false, rules: createRuleCache(t.database.db, 0) },
  );
  outageTeam = newId();
  const db = t.database.db;
  await db
    .insert(teams)
    .values({ id: outageTeam, workspaceId: w.workspaceId, name: "Outage", routing: "round_robin" });
  // The agent is available with room; the lead is in the team but away: only the agent may get it.
  for (const [role, availability] of [
    ["agent", "available"],
    ["lead", "away"],
  ] as const) {
    await db
      .insert(teamMembers)
      .values({ workspaceId: w.workspaceId, teamId: outageTeam, userId: w.userIds[role] });
    await db
      .update(memberships)
      .set({ availability, capacity: 5 })
      .where(and(eq(memberships.workspaceId, w.workspaceId), eq(memberships.userId, w.userIds[role])));
  }
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

/** A mention as X's Account Activity webhook delivers it, through the signed webhook. */
async function mention(text: string, followers: number, user = `cust${++seq}`) {
  const id = String(1_897_400_000_000_000_000n + BigInt(++seq));
  const body = JSON.stringify({
    for_user_id: channel.brandId,
    tweet_create_events: [
      {
        id_str: id,
        created_at: new Date().toUTCString(),
        text,
        user: { id_str: `88${seq}`, name: user, screen_name: user, followers_count: followers },
      },
    ],
  });
  expect((await channel.deliver(body)).statusCode).toBe(200);
  await worker.tick();
  const [m] = await t.database.db.select().from(messages).where(eq(messages.externalId, id));
  return m as typeof messages.$inferSelect;
}

const outageRule = () => ({
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
    { type: "route_to_team", team_id: outageTeam },
    { type: "add_tag", tag: "outage" },
    { type: "require_approval", reason: "Outage replies are checked by a lead" },
  ],
});

describe("rules API", () => {
  it("refuses an invalid rule naming the part, and scopes rules to the workspace", async () => {
    const bad = await call("POST", "/rules", w.sessions.admin, {
      ...outageRule(),
      conditions: { all: [{ field: "message.text", op: "gt", value: 3 }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    expect(bad.json().errors[0].field).toBe("body.conditions.all[0].op");

    const agent = await call("POST", "/rules", w.sessions.agent, outageRule());
    expect(agent.statusCode).toBe(403);

    const created = await call("POST", "/rules", w.sessions.admin, { ...outageRule(), name: "temp" });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await call("GET", `/rules/${id}`, other.sessions.admin)).statusCode).toBe(404);
    const patched = await call("PATCH", `/rules/${id}`, w.sessions.admin, { enabled: false, position: 500 });
    expect(patched.json()).toMatchObject({ enabled: false, position: 500, name: "temp" });
    expect((await call("DELETE", `/rules/${id}`, w.sessions.admin)).statusCode).toBe(204);
    expect((await call("GET", "/rules", w.sessions.agent)).json().items).toEqual([]);
  });
});

describe("rules in the pipeline", () => {
  it("prioritises, tags, routes to the team, assigns an available agent and requires approval", async () => {
    const created = await call("POST", "/rules", w.sessions.admin, outageRule());
    expect(created.statusCode).toBe(201);
    const ruleId = created.json().id;

    const angry = await mention(
      "@acme_help third outage this week, this is useless and I am furious",
      52_000,
    );
    const calm = await mention("@acme_help is there an outage in Leeds? thanks", 120);
    const small = await mention("@acme_help another outage, this is useless and I am furious", 40);

    const [c] = await t.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, angry.conversationId));
    expect(c).toMatchObject({
      priority: "urgent",
      teamId: outageTeam,
      assigneeId: w.userIds.agent,
      approvalRequired: true,
      approvalReason: "Outage replies are checked by a lead",
      tags: ["outage"],
    });
    for (const m of [calm, small]) {
      const [o] = await t.database.db
        .select()
        .from(conversations)
        .where(eq(conversations.id, m.conversationId));
      expect(o).toMatchObject({ teamId: null, assigneeId: null, approvalRequired: false });
    }
    const events = await t.database.db
      .select()
      .from(conversationEvents)
      .where(eq(conversationEvents.conversationId, angry.conversationId))
      .orderBy(asc(conversationEvents.seq));
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        "message_in",
        "rule_matched",
        "priority_changed",
        "team_changed",
        "tags_changed",
        "assigned",
      ]),
    );
    expect(events.find((e) => e.type === "rule_matched")).toMatchObject({
      actorType: "rule",
      actorId: ruleId,
    });

    // The dry run of the same rule over the stored traffic finds exactly what the live rule did.
    const dry = await call("POST", "/rules/dry-run", w.sessions.admin, { rule_id: ruleId, days: 1 });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ messages_matched: 1, conversations_matched: 1, truncated: false });
    expect(dry.json().matches.map((m: { message_id: string }) => m.message_id)).toEqual([angry.id]);
    const draft = await call("POST", "/rules/dry-run", w.sessions.admin, {
      rule: { ...outageRule(), conditions: { field: "message.text", op: "contains", value: "OUTAGE" } },
    });
    expect(draft.json().conversations_matched).toBe(3);
    expect(draft.json().messages_scanned).toBeGreaterThanOrEqual(3);
  });
});

describe("acknowledgements", () => {
  it("answers in the channel with the template filled in, through the outbox", async () => {
    const template = newId();
    await t.database.db.insert(templates).values({
      id: template,
      workspaceId: w.workspaceId,
      name: "Ack",
      kind: "acknowledgement",
      body: "Hi {{first_name}}, thanks for reaching out {{unknown}}! We are on it.",
    });
    const created = await call("POST", "/rules", w.sessions.admin, {
      name: "Acknowledge refunds",
      conditions: { field: "message.text", op: "contains", value: "refund" },
      actions: [{ type: "send_acknowledgement", template_id: template, visibility: "public" }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const asked = await mention("@acme_help where is my refund?", 15, "Robin Banks");
    const [ack] = await t.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.conversationId, asked.conversationId), eq(messages.direction, "outbound")));
    expect(ack).toMatchObject({
      text: "Hi Robin, thanks for reaching out! We are on it.",
      visibility: "public",
      replyToMessageId: asked.id,
      authorUserId: null,
    });
    expect(["queued", "sending", "sent", "failed"]).toContain(ack?.deliveryStatus);
    const [suggestion] = await t.database.db
      .select()
      .from(conversationEvents)
      .where(
        and(
          eq(conversationEvents.conversationId, asked.conversationId),
          eq(conversationEvents.type, "suggestion"),
        ),
      );
    expect(suggestion?.data).toMatchObject({ result: { status: "queued", messageId: ack?.id } });
  });
});

describe("routing", () => {
  it("agents set their availability and pull the next best conversation", async () => {
    const away = await call("PUT", "/me/availability", w.sessions.agent, { availability: "away" });
    expect(away.json().availability).toBe("away");
    const pulled = await call("POST", "/conversations/next", w.sessions.approver);
    // The approver is in no team: they take the most urgent unassigned conversation outside any team.
    expect(pulled.statusCode).toBe(200);
    expect(pulled.json().assignee_id).toBe(w.userIds.approver);
    expect(pulled.json().team_id).toBeNull();
    const key = await call("POST", "/conversations/next", w.apiKeys.agent);
    expect(key.statusCode).toBe(403);
  });
});
