import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { surveys, teams } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { createWorkspaceFixture, insertConversation, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, createTestApp, type TestApp } from "../../testing/harness";
import { npsScore, surveyFigures, surveyResponses } from "./survey-figures";

let t: TestApp;
let w: WorkspaceFixture;
let other: WorkspaceFixture;
let otherTeam: string;
const DAY1 = new Date("2026-04-06T12:00:00Z");
const DAY2 = new Date("2026-04-07T12:00:00Z");
const scope = () => ({
  workspaceId: w.workspaceId,
  from: new Date("2026-04-01T00:00:00Z"),
  to: new Date("2026-05-01T00:00:00Z"),
});

type Row = {
  kind: "csat" | "nps";
  score?: number;
  status?: "asked" | "answered" | "expired" | "failed";
  agent: "agent" | "lead";
  at?: Date;
  comment?: string;
};

async function seed(f: WorkspaceFixture, team: string, rows: Row[]) {
  for (const r of rows) {
    const a = r.agent === "agent";
    const at = r.at ?? (a ? DAY1 : DAY2);
    const c = await insertConversation(t.database.db, f.workspaceId, {
      channel: a ? "x" : "whatsapp",
      status: "resolved",
      category: a ? "billing" : "outage",
    });
    await t.database.db.insert(surveys).values({
      id: newId(),
      workspaceId: f.workspaceId,
      conversationId: c.conversationId,
      contactId: c.contactId,
      kind: r.kind,
      channel: a ? "x" : "whatsapp",
      agentId: f.userIds[r.agent],
      teamId: a ? f.teamId : team,
      status: r.status ?? "answered",
      askedAt: at,
      expiresAt: new Date(at.getTime() + 86_400_000),
      score: r.score ?? null,
      comment: r.comment ?? null,
      answeredAt: r.score === undefined ? null : new Date(at.getTime() + 600_000),
    });
  }
}

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "sfig");
  other = await createWorkspaceFixture(t.app, t.database.db, "sfig-other");
  otherTeam = newId();
  await t.database.db.insert(teams).values({ id: otherTeam, workspaceId: w.workspaceId, name: "Nights" });
  await seed(w, otherTeam, [
    // The agent on X (team Care): CSAT 5, 4; NPS 10, 10, 9; one waiting, one that failed to send.
    { kind: "csat", score: 5, agent: "agent", comment: "Quick and kind" },
    { kind: "csat", score: 4, agent: "agent" },
    { kind: "nps", score: 10, agent: "agent" },
    { kind: "nps", score: 10, agent: "agent" },
    { kind: "nps", score: 9, agent: "agent" },
    { kind: "csat", status: "asked", agent: "agent" },
    { kind: "csat", status: "failed", agent: "agent" },
    // The lead on WhatsApp (team Nights): CSAT 4, 2; NPS 8, 6, 2; one expired.
    { kind: "csat", score: 4, agent: "lead" },
    { kind: "csat", score: 2, agent: "lead", comment: "Took three days" },
    { kind: "nps", score: 8, agent: "lead" },
    { kind: "nps", score: 6, agent: "lead" },
    { kind: "nps", score: 2, agent: "lead" },
    { kind: "nps", status: "expired", agent: "lead" },
    // Before the period.
    { kind: "csat", score: 1, agent: "lead", at: new Date("2026-03-01T12:00:00Z") },
  ]);
  // Another workspace's answers never show.
  await seed(other, other.teamId, [{ kind: "nps", score: 0, agent: "agent", at: DAY1 }]);
});
afterAll(async () => {
  await t?.close();
});

describe("surveyFigures", () => {
  it("computes CSAT, NPS and the response rate of the period", async () => {
    const f = await surveyFigures(t.database.db, scope());
    expect(f.csat).toEqual({
      responses: 4,
      average: 3.75,
      satisfied: 3,
      satisfied_share: 0.75,
      distribution: [
        { score: 1, count: 0 },
        { score: 2, count: 1 },
        { score: 3, count: 0 },
        { score: 4, count: 2 },
        { score: 5, count: 1 },
      ],
    });
    // 3 promoters, 1 passive, 2 detractors of 6: 50 % − 33.3 % = 16.7.
    expect(f.nps).toEqual({ responses: 6, promoters: 3, passives: 1, detractors: 2, score: 16.7 });
    expect(f.response).toEqual({ asked: 12, answered: 10, waiting: 1, expired: 1, rate: 10 / 12 });
  });

  it("breaks them down per agent, team and channel", async () => {
    const f = await surveyFigures(t.database.db, scope());
    const agent = f.by_agent.find((a) => a.user_id === w.userIds.agent);
    const lead = f.by_agent.find((a) => a.user_id === w.userIds.lead);
    expect(agent?.csat).toEqual({ responses: 2, average: 4.5, satisfied: 2, satisfied_share: 1 });
    expect(agent?.nps).toEqual({ responses: 3, promoters: 3, passives: 0, detractors: 0, score: 100 });
    expect(agent?.response).toMatchObject({ asked: 6, answered: 5, waiting: 1 });
    expect(lead?.csat).toEqual({ responses: 2, average: 3, satisfied: 1, satisfied_share: 0.5 });
    expect(lead?.nps).toEqual({ responses: 3, promoters: 0, passives: 1, detractors: 2, score: -66.7 });
    expect(lead?.response).toMatchObject({ asked: 6, answered: 5, expired: 1 });
    expect(f.by_team.map((b) => [b.team_id, b.nps.score]).sort()).toEqual(
      [
        [w.teamId, 100],
        [otherTeam, -66.7],
      ].sort(),
    );
    expect(f.by_channel.map((b) => [b.channel, b.csat.average]).sort()).toEqual([
      ["whatsapp", 3],
      ["x", 4.5],
    ]);
    expect(f.series).toEqual([
      {
        day: "2026-04-06",
        asked: 6,
        answered: 5,
        csat_responses: 2,
        csat_average: 4.5,
        nps_responses: 3,
        nps_score: 100,
      },
      {
        day: "2026-04-07",
        asked: 6,
        answered: 5,
        csat_responses: 2,
        csat_average: 3,
        nps_responses: 3,
        nps_score: -66.7,
      },
    ]);
  });

  it("narrows by channel, team, agent and category like reports", async () => {
    const byChannel = await surveyFigures(t.database.db, { ...scope(), channels: ["whatsapp"] });
    expect(byChannel.nps.score).toBe(-66.7);
    const byTeam = await surveyFigures(t.database.db, { ...scope(), teamId: w.teamId });
    expect(byTeam.csat.average).toBe(4.5);
    const byAgent = await surveyFigures(t.database.db, { ...scope(), agentId: w.userIds.lead });
    expect(byAgent.response.answered).toBe(5);
    const byCategory = await surveyFigures(t.database.db, { ...scope(), category: "billing" });
    expect(byCategory.nps.promoters).toBe(3);
    const none = await surveyFigures(t.database.db, { ...scope(), category: "roaming" });
    expect(none.csat).toMatchObject({ responses: 0, average: null, satisfied_share: null });
    expect(none.nps.score).toBeNull();
    expect(none.response.rate).toBeNull();
  });

  it("rounds the NPS to one decimal", () => {
    expect(npsScore(1, 0, 3)).toBe(33.3);
    expect(npsScore(0, 2, 3)).toBe(-66.7);
    expect(npsScore(0, 0, 0)).toBeNull();
  });
});

describe("the answered surveys behind the figures", () => {
  it("lists them newest first with their conversations, by segment, in pages", async () => {
    const detractors = await surveyResponses(t.database.db, scope(), {
      segment: "detractor",
      limit: 50,
      after: null,
    });
    expect(detractors.items.map((i) => i.score).sort()).toEqual([2, 6]);
    expect(detractors.items.every((i) => i.kind === "nps" && i.conversation_id)).toBe(true);
    const first = await surveyResponses(t.database.db, scope(), { limit: 4, after: null });
    expect(first.items).toHaveLength(4);
    const rest = await surveyResponses(t.database.db, scope(), { limit: 50, after: first.next });
    expect(rest.items).toHaveLength(6);
    expect(new Set([...first.items, ...rest.items].map((i) => i.id)).size).toBe(10);
  });
});

describe("GET /reports/surveys", () => {
  const url = "/api/v1/reports/surveys?from=2026-04-01&to=2026-05-01";

  it("needs reports:read", async () => {
    const res = await t.app.inject({ method: "GET", url, headers: authHeaders(w.sessions.agent) });
    expect(res.statusCode).toBe(403);
  });

  it("answers the figures with the report filters", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: `${url}&channel=x`,
      headers: authHeaders(w.sessions.analyst),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().figures.nps).toMatchObject({ responses: 3, score: 100 });
  });

  it("names the field of a bad period", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: "/api/v1/reports/surveys?from=2026-05-01&to=2026-04-01",
      headers: authHeaders(w.sessions.lead),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: "querystring.to", message: "must be after `from`" }]);
  });

  it("pages the drill-down with a cursor", async () => {
    const page = await t.app.inject({
      method: "GET",
      url: "/api/v1/reports/surveys/responses?from=2026-04-01&to=2026-05-01&kind=csat&limit=3",
      headers: authHeaders(w.sessions.lead),
    });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().items).toHaveLength(3);
    const next = await t.app.inject({
      method: "GET",
      url: `/api/v1/reports/surveys/responses?from=2026-04-01&to=2026-05-01&kind=csat&limit=3&cursor=${page.json().next_cursor}`,
      headers: authHeaders(w.sessions.lead),
    });
    expect(next.json()).toMatchObject({ next_cursor: null });
    expect(next.json().items).toHaveLength(1);
    const bad = await t.app.inject({
      method: "GET",
      url: "/api/v1/reports/surveys/responses?from=2026-04-01&to=2026-05-01&cursor=nope",
      headers: authHeaders(w.sessions.lead),
    });
    expect(bad.statusCode).toBe(400);
  });
});
