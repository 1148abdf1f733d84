import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, surveys } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { createWorkspaceFixture, insertConversation, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, createTestApp, type TestApp } from "../../testing/harness";
import { createWorkspace } from "../workspaces/create-workspace";
import { reportConversations, reportSummary } from "./report";
import { aggregateInJs, at, availability, DAY, openNineToSix, reportFixture } from "./report.fixture";
import type { ReportScope } from "./report-load";

let t: TestApp;
let w: WorkspaceFixture;
const ids: Record<string, string> = {};
let scope: ReportScope;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  w = await createWorkspaceFixture(t.app, db, "rep");
  await openNineToSix(db, w.workspaceId);
  const agent = w.userIds.agent;
  const { message, event, working, conversation } = reportFixture(db, w.workspaceId);

  // The seed's timeline, resolved at 19:05: FRT 10 min, waits 10 (in hours) and 60 min (out).
  ids.a = await conversation(
    "17:30",
    {
      category: "delivery",
      status: "resolved",
      assigneeId: agent,
      firstResponseDueAt: at("17:45"),
      resolutionDueAt: at("21:00"),
      resolvedAt: at("19:05"),
    },
    DAY,
    { sentiment: "negative" },
  );
  await message(ids.a, "outbound", "17:40", { authorUserId: agent });
  await message(ids.a, "inbound", "18:00", { sentiment: "positive" });
  await message(ids.a, "outbound", "19:00", { authorUserId: agent });
  await event(ids.a, "assigned", at("17:35"), { from: null, to: agent });
  await event(ids.a, "status_changed", at("17:40"), { from: "new", to: "open" });
  await event(ids.a, "status_changed", at("19:05"), { from: "open", to: "resolved" });
  // The seed's handling-time example: 2 min, then 5 min away from the desk's reply and 2 min more.
  await working(ids.a, agent, "17:38", 2);
  await working(ids.a, agent, "17:46", 5);
  await working(ids.a, agent, "18:58", 2);
  // Staffed 17:00-19:00 (available, then busy: still working what they hold); away before.
  await availability(db, w.workspaceId, agent, "away", at("16:00"), at("17:00"));
  await availability(db, w.workspaceId, agent, "available", at("17:00"), at("18:00"));
  await availability(db, w.workspaceId, agent, "busy", at("18:00"), at("19:00"));
  // Occupancy reads the availability history, not the audit log: this row changes nothing.
  await db.insert(auditLog).values({
    id: newId(),
    workspaceId: w.workspaceId,
    actorType: "user",
    actorId: w.userIds.lead,
    action: "user.availability",
    targetType: "user",
    targetId: w.userIds.lead,
    data: { availability: "available" },
    createdAt: at("08:00"),
  });

  // Facebook, answered late (first response breached), resolved after one reply: a sale.
  ids.b = await conversation(
    "10:00",
    {
      channel: "facebook",
      category: "billing",
      status: "resolved",
      tags: ["disposition:sale"],
      firstResponseDueAt: at("10:15"),
      resolvedAt: at("10:30"),
    },
    DAY,
    { channel: "facebook", sentiment: "neutral" },
  );
  await message(ids.b, "outbound", "10:20", { channel: "facebook", authorUserId: w.userIds.lead });
  await event(ids.b, "sla_breached", at("10:15"), { target: "first_response" });
  await event(ids.b, "status_changed", at("10:30"), { from: "new", to: "resolved" });

  // Out of hours, unanswered, due tomorrow morning.
  ids.c = await conversation("20:00", { status: "open", firstResponseDueAt: at("09:30", "2025-01-07") });
  ids.d = await conversation("12:00", { status: "spam" }, DAY, { isSpam: true });
  // Escalated, with only a draft reply: nobody has answered yet.
  ids.g = await conversation("11:00", { status: "escalated" });
  await message(ids.g, "outbound", "11:05", { deliveryStatus: "draft", authorUserId: agent });
  await event(ids.g, "escalated", at("11:10"), { reason: "legal" });
  // The day before: one still open (carried into the backlog), one resolved and done with.
  ids.e = await conversation("10:00", { status: "open" }, "2025-01-05");
  const done = await conversation(
    "09:00",
    { status: "resolved", resolvedAt: at("10:00", "2025-01-05"), updatedAt: at("10:00", "2025-01-05") },
    "2025-01-05",
  );
  await event(done, "status_changed", at("10:00", "2025-01-05"), { to: "resolved" });
  // Another workspace's conversation on the same day.
  const other = await createWorkspace(db, { slug: "rep-other", name: "Other" }, new Date());
  await insertConversation(db, other.id, {}, at("10:00"));

  // Surveys asked that day: CSAT 4 and 2 rating the agent on X, NPS 10 and 6 rating the lead on
  // Facebook, one CSAT still waiting, one that failed to send; and one asked the day before.
  const survey = async (
    conversationId: string,
    kind: "csat" | "nps",
    score: number | null,
    over: Partial<typeof surveys.$inferInsert> = {},
  ) => {
    const fb = conversationId === ids.b;
    await db.insert(surveys).values({
      id: newId(),
      workspaceId: w.workspaceId,
      conversationId,
      kind,
      channel: fb ? "facebook" : "x",
      agentId: fb ? w.userIds.lead : agent,
      status: score === null ? "asked" : "answered",
      askedAt: at("19:10"),
      expiresAt: at("19:10", "2025-01-08"),
      score,
      answeredAt: score === null ? null : at("19:30"),
      ...over,
    });
  };
  await survey(ids.a, "csat", 4);
  await survey(ids.a, "csat", 2);
  await survey(ids.b, "nps", 10);
  await survey(ids.b, "nps", 6);
  await survey(ids.c, "csat", null);
  await survey(ids.g, "csat", null, { status: "failed" });
  await survey(ids.e, "csat", 1, { askedAt: at("12:00", "2025-01-05") });

  // Two days later, a conversation whose customer answers its survey, then is thanked.
  ids.h = await conversation(
    "10:00",
    { status: "resolved", resolvedAt: at("10:15", "2025-01-08") },
    "2025-01-08",
  );
  const onDay8 = { sentAt: at("10:10", "2025-01-08") };
  await message(ids.h, "outbound", "10:10", { ...onDay8, authorUserId: agent });
  await message(ids.h, "outbound", "10:20", {
    sentAt: at("10:20", "2025-01-08"),
    classification: { automated: "survey" },
  });
  await message(ids.h, "inbound", "10:25", {
    sentAt: at("10:25", "2025-01-08"),
    text: "5 thanks!",
    sentiment: "positive",
    classification: { survey_answer: { survey_id: newId(), kind: "csat", score: 5 } },
  });
  await message(ids.h, "outbound", "10:40", { sentAt: at("10:40", "2025-01-08"), authorUserId: agent });

  scope = { workspaceId: w.workspaceId, from: at("00:00"), to: at("00:00", "2025-01-07") };
});
afterAll(() => t?.close());

describe("report summary (SPEC M1-M5, M7)", () => {
  it("measures volumes and response times in and out of business hours", async () => {
    const { figures } = await reportSummary(t.database.db, scope);
    expect(figures.volumes).toEqual({
      conversations: 4,
      inbound_messages: 5,
      responses: 3,
      spam_messages: 1,
      spam_conversations: 1,
      spam_share: 1 / 6,
      by_channel: [
        { channel: "facebook", conversations: 1, inbound_messages: 1, responses: 1 },
        { channel: "x", conversations: 3, inbound_messages: 4, responses: 2 },
      ],
      by_category: [
        { category: "billing", conversations: 1, inbound_messages: 1 },
        { category: "delivery", conversations: 1, inbound_messages: 2 },
        { category: null, conversations: 2, inbound_messages: 2 },
      ],
    });
    const rt = figures.response_times;
    expect(rt.first_response).toMatchObject({ count: 2, mean_s: 900, median_s: 900, max_s: 1200 });
    expect(rt.first_response.in_hours).toMatchObject({ count: 2, median_s: 900 });
    expect(rt.first_response.out_of_hours.count).toBe(0);
    expect(rt.average_response).toEqual({
      count: 3,
      mean_s: 1800,
      in_hours: { count: 2, mean_s: 900 },
      out_of_hours: { count: 1, mean_s: 3600 },
    });
  });

  it("measures service levels, sentiment, handling, occupancy and dispositions", async () => {
    const { figures, occupancy } = await reportSummary(t.database.db, scope);
    const s = figures.service_levels;
    expect(s.sla_first_response).toEqual({ met: 1, breached: 1, pending: 1, attainment: 0.5 });
    expect(s.sla_resolution).toEqual({ met: 1, breached: 0, pending: 0, attainment: 1 });
    expect(s.queue).toEqual({ count: 2, mean_s: 750, median_s: 750, max_s: 1200 });
    expect(s.resolution).toEqual({ count: 2, mean_s: 3750, median_s: 3750, max_s: 5700 });
    expect(s).toMatchObject({
      resolved: 2,
      resolution_rate: 0.5,
      first_contact_resolution: 1,
      first_contact_resolution_rate: 0.5,
      reopened: 0,
      escalated: 1,
      channels_to_resolution: { mean: 1, distribution: { "1": 2 } },
      backlog: 3,
    });
    expect(figures.sentiment).toEqual({
      rated: 2,
      start: { negative: 1, neutral: 1 },
      end: { neutral: 1, positive: 1 },
      negative_start: 1,
      converted: 1,
      conversion_rate: 1,
    });
    expect(figures.handling).toMatchObject({ conversations: 1, total_s: 540, average_s: 540 });
    expect(figures.handling.by_agent).toEqual([
      { user_id: w.userIds.agent, conversations: 1, total_s: 540, average_s: 540 },
    ]);
    expect(occupancy).toEqual([
      { user_id: w.userIds.agent, handling_s: 540, staffed_s: 7200, occupancy: 0.075 },
    ]);
    expect(figures.dispositions).toEqual([
      { disposition: "escalated", conversations: 1 },
      { disposition: "resolved", conversations: 1 },
      { disposition: "sale", conversations: 1 },
      { disposition: "unresolved", conversations: 1 },
    ]);
  });

  it("gives a per-day series, the JS aggregator's figures over the same rollup rows", async () => {
    const whole = await reportSummary(t.database.db, scope);
    expect(whole.series).toEqual([
      {
        date: DAY,
        conversations: 4,
        inbound_messages: 5,
        responses: 3,
        spam_messages: 1,
        frt_median_s: 900,
        frt_mean_s: 900,
        art_mean_s: 1800,
        resolved: 2,
        sla_breached: 1,
        // A's two targets met, B's first response breached (C's is still due).
        sla_met_share: 2 / 3,
        backlog: 3,
      },
    ]);
    const js = await aggregateInJs(t.database.db, scope, "UTC");
    expect(whole.figures).toEqual(js.figures);
    expect(whole.series).toEqual(js.series);
  });

  it("gives the satisfaction of the surveys asked in the period, under the same filters", async () => {
    const { satisfaction } = await reportSummary(t.database.db, scope);
    expect(satisfaction).toEqual({
      csat: {
        responses: 2,
        average: 3,
        satisfied: 1,
        satisfied_share: 0.5,
        distribution: [1, 2, 3, 4, 5].map((score) => ({ score, count: score === 2 || score === 4 ? 1 : 0 })),
      },
      nps: { responses: 2, promoters: 1, passives: 0, detractors: 1, score: 0 },
      response: { asked: 5, answered: 4, waiting: 1, expired: 0, rate: 0.8 },
    });
    const narrowed = async (over: Partial<ReportScope>) =>
      (await reportSummary(t.database.db, { ...scope, ...over })).satisfaction;
    const facebook = await narrowed({ channels: ["facebook"] });
    expect([facebook.csat.responses, facebook.nps.responses, facebook.nps.score]).toEqual([0, 2, 0]);
    const agent = await narrowed({ agentId: w.userIds.agent });
    expect([agent.csat.responses, agent.csat.average, agent.nps.responses]).toEqual([2, 3, 0]);
    expect((await narrowed({ category: "billing" })).nps.responses).toBe(2);
    expect((await narrowed({ teamId: w.teamId })).response.asked).toBe(0);
  });

  it("leaves a survey answer out of customer messages and response waits", async () => {
    const day8 = { ...scope, from: at("00:00", "2025-01-08"), to: at("00:00", "2025-01-09") };
    const { figures } = await reportSummary(t.database.db, day8);
    // The question is automated and the answer is feedback: one wait (10:00 -> 10:10), not two.
    expect(figures.volumes).toMatchObject({ conversations: 1, inbound_messages: 1, responses: 2 });
    expect(figures.response_times.first_response).toMatchObject({ count: 1, median_s: 600 });
    expect(figures.response_times.average_response).toMatchObject({ count: 1, mean_s: 600 });
    expect(figures.sentiment.rated).toBe(0);
  });

  it("narrows by channel, agent and category", async () => {
    const count = async (over: Partial<ReportScope>) =>
      (await reportSummary(t.database.db, { ...scope, ...over })).figures.volumes.conversations;
    expect(await count({ channels: ["facebook"] })).toBe(1);
    expect(await count({ agentId: w.userIds.agent })).toBe(2); // assigned A, drafted on G
    expect(await count({ agentId: w.userIds.lead })).toBe(1); // replied to B
    expect(await count({ category: "billing" })).toBe(1);
    expect(await count({ teamId: w.teamId })).toBe(0);
    // None of these came in on a channel account (the TWCS suite narrows by each brand's).
    expect(await count({ accountIds: [newId()] })).toBe(0);
  });

  it("lists the conversations behind a figure", async () => {
    const list = async (metric: Parameters<typeof reportConversations>[2]["metric"]) =>
      (await reportConversations(t.database.db, scope, { metric, limit: 50, after: null })).items.map(
        (i) => i.conversation_id,
      );
    expect(await list("frt_breached")).toEqual([ids.b]);
    expect(await list("backlog")).toEqual([ids.c, ids.g, ids.e].sort());
    expect(await list("first_contact_resolution")).toEqual([ids.b]);
    expect(await list("sentiment_converted")).toEqual([ids.a]);
    expect(await list("spam")).toEqual([ids.d]);
  });
});

describe("report routes (SPEC M8)", () => {
  const get = (url: string, role: "lead" | "agent" | "analyst" = "lead") =>
    t.app.inject({ method: "GET", url, headers: authHeaders(w.sessions[role]) });
  const period = "from=2025-01-06&to=2025-01-07";

  it("answers the summary to those who may read reports", async () => {
    const res = await get(`/api/v1/reports/summary?${period}`, "analyst");
    expect(res.statusCode).toBe(200);
    expect(res.json().figures.volumes.conversations).toBe(4);
    expect(res.json().period).toEqual({
      from: "2025-01-06T00:00:00.000Z",
      to: "2025-01-07T00:00:00.000Z",
      timezone: "UTC",
    });
    const agent = await get(`/api/v1/reports/summary?${period}`, "agent");
    expect(agent.statusCode).toBe(403);
  });

  it("documents the satisfaction block and the new figures in the OpenAPI document", async () => {
    const doc = (await get("/api/v1/openapi.json")).json();
    const summary =
      doc.paths["/api/v1/reports/summary"].get.responses["200"].content["application/json"].schema;
    expect(summary.required).toContain("satisfaction");
    const satisfaction = summary.properties.satisfaction;
    expect(Object.keys(satisfaction.properties)).toEqual(["csat", "nps", "response"]);
    expect(Object.keys(satisfaction.properties.nps.properties)).toEqual([
      "responses",
      "promoters",
      "passives",
      "detractors",
      "score",
    ]);
    expect(summary.properties.figures.properties.service_levels.required).toContain("escalated");
    expect(Object.keys(summary.properties.series.items.properties)).toEqual(
      expect.arrayContaining(["frt_mean_s", "sla_met_share"]),
    );
  });

  it("names the field of a bad filter", async () => {
    const backwards = await get("/api/v1/reports/summary?from=2025-01-07&to=2025-01-06");
    expect(backwards.statusCode).toBe(400);
    expect(backwards.headers["content-type"]).toContain("application/problem+json");
    expect(backwards.json().errors).toEqual([{ field: "querystring.to", message: "must be after `from`" }]);
    const long = await get("/api/v1/reports/summary?from=2024-01-01&to=2025-06-01");
    expect(long.json().errors[0].field).toBe("querystring.to");
    const metric = await get(`/api/v1/reports/conversations?${period}&metric=happiness`);
    expect(metric.statusCode).toBe(400);
    expect(metric.json().errors[0].field).toBe("querystring.metric");
    const channel = await get(`/api/v1/reports/summary?${period}&channel=pigeon`);
    expect(channel.json().errors[0].field).toMatch(/^querystring\.channel/);
    const account = await get(`/api/v1/reports/summary?${period}&account_id=acme_help`);
    expect(account.statusCode).toBe(400);
    expect(account.json().errors[0].field).toMatch(/^querystring\.account_id/);
    expect((await get("/api/v1/reports/summary?to=2025-01-07")).json().errors[0].field).toBe(
      "querystring.from",
    );
  });

  it("pages through the drill-down", async () => {
    const first = (await get(`/api/v1/reports/conversations?${period}&metric=backlog&limit=2`)).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await get(`/api/v1/reports/conversations?${period}&metric=backlog&limit=2&cursor=${first.next_cursor}`)
    ).json();
    expect(second).toMatchObject({ next_cursor: null, metric: "backlog" });
    expect(
      [...first.items, ...second.items].map((i: { conversation_id: string }) => i.conversation_id),
    ).toEqual([ids.c, ids.g, ids.e].sort());
    const bad = await get(`/api/v1/reports/conversations?${period}&metric=backlog&cursor=nope`);
    expect(bad.json().errors[0].field).toBe("querystring.cursor");
  });

  it("exports each conversation's facts as CSV and JSON", async () => {
    const csv = await get(`/api/v1/reports/export?${period}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toBe(
      'attachment; filename="parley-report-2025-01-06-2025-01-07.csv"',
    );
    const lines = csv.body.trim().split("\r\n");
    expect(lines[0]).toMatch(/^conversation_id,channel,team_id,/);
    expect(lines).toHaveLength(6); // header + A, B, C, D (spam), G
    const header = (lines[0] ?? "").split(",");
    const rowA = (lines.find((l) => l.startsWith(ids.a ?? "")) ?? "").split(",");
    expect(rowA[header.indexOf("first_response_s")]).toBe("600");
    expect(rowA[header.indexOf("handling_s")]).toBe("540");
    const json = await get(`/api/v1/reports/export?${period}&format=json`);
    const rows = json.json();
    expect(rows).toHaveLength(5);
    expect(rows.find((r: { conversation_id: string }) => r.conversation_id === ids.b)).toMatchObject({
      channel: "facebook",
      sla_first_response: "breached",
      first_contact_resolution: true,
      disposition: "sale",
    });
  });
});
