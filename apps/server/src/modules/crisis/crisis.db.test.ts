import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BackgroundWork, startBackgroundWork } from "../../outbox/workers";
import {
  auditLog,
  conversationEvents,
  conversations,
  crisisAlerts,
  listeningProfiles,
  messages,
  rules,
  teams,
  templates,
} from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { createWorkspaceFixture, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, type Credentials, createTestApp, type TestApp } from "../../testing/harness";
import { connectXChannel, type XChannelFixture } from "../../testing/x-channel";
import { createRuleCache } from "../rules/rules.repo";

/*
 * Crisis mode (SPEC W6) through the API and the live pipeline: starting it writes the rule it
 * owns; a real X mention on the topic then goes to the crisis team with replies held for approval
 * and the holding message offered; once it ends, the next mention is handled as usual.
 */
let t: TestApp;
let w: WorkspaceFixture;
let other: WorkspaceFixture;
let channel: XChannelFixture;
let worker: BackgroundWork;
let prTeam: string;
let holding: string;
let alertId: string;
let modeId: string;
let seq = 0;

const call = (method: "GET" | "POST", url: string, as: Credentials, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, payload, headers: authHeaders(as) });

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "crisis");
  other = await createWorkspaceFixture(t.app, t.database.db, "crisis-other");
  channel = await connectXChannel(t.app, w.sessions.admin, { brandId: "7711229900" });
  worker = await startBackgroundWork(
    t.deps,
    { error: () => {}, warn: () => {} },
    { autostart: false, rules: createRuleCache(t.database.db, 0) },
  );
  const db = t.database.db;
  prTeam = newId();
  holding = newId();
  alertId = newId();
  await db.insert(teams).values({ id: prTeam, workspaceId: w.workspaceId, name: "PR" });
  await db.insert(templates).values({
    id: holding,
    workspaceId: w.workspaceId,
    name: "Blackout holding",
    kind: "holding",
    body: "We know about the power cut and are working on it. Updates here every 30 minutes.",
  });
  const now = new Date();
  await db.insert(crisisAlerts).values({
    id: alertId,
    workspaceId: w.workspaceId,
    topicKind: "keyword",
    topic: "blackout",
    kind: "volume",
    windowStart: new Date(now.getTime() - 15 * 60_000),
    windowEnd: now,
    volume: 40,
    negative: 25,
    baselineVolume: 1.5,
    baselineNegativeShare: 0.2,
  });
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

/** A mention as X's Account Activity webhook delivers it, run through the pipeline. */
async function mention(text: string) {
  const id = String(1_897_500_000_000_000_000n + BigInt(++seq));
  const user = `crisis${seq}`;
  const body = JSON.stringify({
    for_user_id: channel.brandId,
    tweet_create_events: [
      {
        id_str: id,
        created_at: new Date().toUTCString(),
        text,
        user: { id_str: `77${seq}`, name: user, screen_name: user, followers_count: 100 },
      },
    ],
  });
  expect((await channel.deliver(body)).statusCode).toBe(200);
  await worker.tick();
  const [m] = await t.database.db.select().from(messages).where(eq(messages.externalId, id));
  const [c] = await t.database.db
    .select()
    .from(conversations)
    .where(eq(conversations.id, m?.conversationId as string));
  return c as typeof conversations.$inferSelect;
}

const start = (as: Credentials, body: object) => call("POST", "/crisis/modes", as, body);
const fields = (res: { json(): { errors?: { field: string }[] } }) => res.json().errors?.map((e) => e.field);

it("documents its endpoints under the crisis tag, each behind a permission", async () => {
  const doc = (await t.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
  const crisis = Object.entries<Record<string, { tags?: string[] }>>(doc.paths).filter(([path]) =>
    path.startsWith("/api/v1/crisis/"),
  );
  expect(crisis.map(([path, ops]) => `${Object.keys(ops).sort().join(",")} ${path}`).sort()).toEqual([
    "get /api/v1/crisis/alerts",
    "get,post /api/v1/crisis/modes",
    "post /api/v1/crisis/alerts/{id}/acknowledge",
    "post /api/v1/crisis/alerts/{id}/dismiss",
    "post /api/v1/crisis/modes/{id}/end",
  ]);
  for (const [, ops] of crisis) for (const op of Object.values(ops)) expect(op.tags).toEqual(["crisis"]);
});

describe("starting crisis mode", () => {
  it("needs rules:manage, and names each unknown or foreign reference in a 400", async () => {
    const body = { topic_kind: "keyword", topic: "blackout" };
    for (const role of ["agent", "lead", "approver", "analyst"] as const)
      expect((await start(w.sessions[role], body)).statusCode, role).toBe(403);
    const unknown = await start(w.sessions.admin, {
      ...body,
      team_id: newId(),
      holding_template_id: newId(),
    });
    expect(unknown.statusCode).toBe(400);
    expect(fields(unknown)).toEqual(["body.team_id", "body.holding_template_id"]);
    const foreign = await start(w.sessions.admin, { ...body, team_id: other.teamId });
    expect(foreign.statusCode).toBe(400);
    expect(fields(foreign)).toEqual(["body.team_id"]);
    const profile = await start(w.sessions.admin, { topic_kind: "listening", topic: "not-an-id" });
    expect(fields(profile)).toEqual(["body.topic"]);
    const theirProfile = newId();
    await t.database.db
      .insert(listeningProfiles)
      .values({ id: theirProfile, workspaceId: other.workspaceId, name: "Theirs", kind: "brand" });
    expect(fields(await start(w.sessions.admin, { topic_kind: "listening", topic: theirProfile }))).toEqual([
      "body.topic",
    ]);
    const wrongAlert = await start(w.sessions.admin, {
      topic_kind: "category",
      topic: "billing",
      alert_id: alertId,
    });
    expect(fields(wrongAlert)).toEqual(["body.alert_id"]);
    expect(fields(await start(other.sessions.admin, { ...body, alert_id: alertId }))).toEqual([
      "body.alert_id",
    ]);
    expect(await t.database.db.select().from(rules).where(eq(rules.workspaceId, w.workspaceId))).toEqual([]);
  });

  it("writes the rule it runs through, marks the alert and returns the holding message", async () => {
    const res = await start(w.apiKeys.admin, {
      topic_kind: "keyword",
      topic: "  BlackOut ",
      team_id: prTeam,
      holding_template_id: holding,
      alert_id: alertId,
    });
    expect(res.statusCode).toBe(201);
    const mode = res.json();
    modeId = mode.id;
    expect(mode).toMatchObject({
      topic_kind: "keyword",
      topic: "blackout",
      team_id: prTeam,
      alert_id: alertId,
      started_via: "manual",
      active: true,
      holding_message: "We know about the power cut and are working on it. Updates here every 30 minutes.",
    });
    const [rule] = await t.database.db.select().from(rules).where(eq(rules.id, mode.rule_id));
    expect(rule).toMatchObject({
      workspaceId: w.workspaceId,
      name: "Crisis mode: blackout",
      position: -1000,
      enabled: true,
      trigger: "message_received",
      conditions: {
        all: [
          { field: "message.text", op: "contains", value: "blackout" },
          { field: "message.is_spam", op: "eq", value: false },
        ],
      },
      actions: [
        { type: "route_to_team", team_id: prTeam },
        { type: "require_approval", reason: "Crisis mode: blackout" },
        { type: "suggest_template", template_id: holding },
        { type: "add_tag", tag: "crisis" },
      ],
    });
    const [alert] = await t.database.db.select().from(crisisAlerts).where(eq(crisisAlerts.id, alertId));
    expect(alert?.status).toBe("crisis");
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, w.workspaceId), eq(auditLog.action, "crisis_mode.started")));
    expect(audit).toMatchObject([{ actorType: "api_key", targetId: modeId }]);
  });

  it("lists crisis mode's rule first among the workspace's rules", async () => {
    const listed = await call("GET", "/rules", w.sessions.admin);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items[0]).toMatchObject({ name: "Crisis mode: blackout", position: -1000 });
  });

  it("refuses a second crisis mode on the same topic, and lists the running one", async () => {
    const again = await start(w.sessions.admin, { topic_kind: "keyword", topic: "blackout" });
    expect(again.statusCode).toBe(409);
    const active = await call("GET", "/crisis/modes?active=true", w.sessions.agent);
    expect(active.json().items.map((m: { id: string }) => m.id)).toEqual([modeId]);
    expect((await call("GET", "/crisis/modes?active=true", other.sessions.admin)).json().items).toEqual([]);
    expect((await call("POST", `/crisis/modes/${modeId}/end`, other.sessions.admin)).statusCode).toBe(404);
  });
});

describe("deciding alerts", () => {
  const insertAlert = async (topic: string) => {
    const id = newId();
    const now = new Date();
    await t.database.db.insert(crisisAlerts).values({
      id,
      workspaceId: w.workspaceId,
      topicKind: "category",
      topic,
      kind: "negative_share",
      windowStart: new Date(now.getTime() - 15 * 60_000),
      windowEnd: now,
      volume: 12,
      negative: 9,
      baselineVolume: 10,
      baselineNegativeShare: 0.1,
    });
    return id;
  };

  it("acknowledges, then dismisses; refuses what is past; needs rules:manage", async () => {
    const id = await insertAlert("delivery");
    expect((await call("POST", `/crisis/alerts/${id}/acknowledge`, w.sessions.lead)).statusCode).toBe(403);
    const ack = await call("POST", `/crisis/alerts/${id}/acknowledge`, w.sessions.admin);
    expect(ack.json()).toMatchObject({ status: "acknowledged", decided_by: w.userIds.admin });
    expect((await call("POST", `/crisis/alerts/${id}/acknowledge`, w.sessions.admin)).statusCode).toBe(409);
    const dismissed = await call("POST", `/crisis/alerts/${id}/dismiss`, w.sessions.admin);
    expect(dismissed.json().status).toBe("dismissed");
    expect((await call("POST", `/crisis/alerts/${id}/dismiss`, w.sessions.admin)).statusCode).toBe(409);
    expect((await call("POST", `/crisis/alerts/${alertId}/dismiss`, w.sessions.admin)).statusCode).toBe(409);
    const late = await start(w.sessions.admin, { topic_kind: "category", topic: "delivery", alert_id: id });
    expect(late.statusCode).toBe(409);
  });

  it("pages through alerts newest first, filtered by status", async () => {
    await insertAlert("website");
    const all: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page = await call(
        "GET",
        `/crisis/alerts?limit=1${cursor ? `&cursor=${cursor}` : ""}`,
        w.sessions.agent,
      );
      expect(page.statusCode).toBe(200);
      all.push(...page.json().items.map((a: { topic: string }) => a.topic));
      cursor = page.json().next_cursor;
    }
    expect(all).toEqual(["website", "delivery", "blackout"]);
    const open = await call("GET", "/crisis/alerts?status=open", w.sessions.agent);
    expect(open.json().items.map((a: { topic: string }) => a.topic)).toEqual(["website"]);
    const bad = await call("GET", "/crisis/alerts?status=sleeping&bogus=1", w.sessions.agent);
    expect(fields(bad)).toEqual(expect.arrayContaining(["querystring.status", "querystring.bogus"]));
  });
});

describe("crisis mode in the pipeline", () => {
  it("routes a mention on the topic to the crisis team, under approval, with the holding message", async () => {
    const c = await mention("@acme_help total blackout on our street since 6am, nobody tells us anything");
    expect(c).toMatchObject({
      teamId: prTeam,
      approvalRequired: true,
      approvalReason: "Crisis mode: blackout",
    });
    expect(c.tags).toContain("crisis");
    const events = await t.database.db
      .select()
      .from(conversationEvents)
      .where(eq(conversationEvents.conversationId, c.id));
    const suggestion = events.find((e) => e.type === "suggestion");
    expect(suggestion?.data).toMatchObject({ action: { type: "suggest_template", template_id: holding } });
    const off = await mention("@acme_help how do I change my billing address?");
    expect(off).toMatchObject({ teamId: null, approvalRequired: false });
  });

  it("ends: the rule is disabled and the next mention on the topic is handled as usual", async () => {
    const ended = await call("POST", `/crisis/modes/${modeId}/end`, w.sessions.admin);
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ active: false, ended_by: w.userIds.admin });
    const [rule] = await t.database.db.select().from(rules).where(eq(rules.id, ended.json().rule_id));
    expect(rule?.enabled).toBe(false);
    expect((await call("POST", `/crisis/modes/${modeId}/end`, w.sessions.admin)).statusCode).toBe(409);
    expect((await call("GET", "/crisis/modes?active=true", w.sessions.agent)).json().items).toEqual([]);
    const c = await mention("@acme_help still a blackout here, what is going on?");
    expect(c).toMatchObject({ teamId: null, approvalRequired: false });
    expect(c.tags).not.toContain("crisis");
  });
});
