/* The report routes (SPEC M8) over report-day.fixture.ts: permissions, filters, OpenAPI, drill-down, export. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, createTestApp, type TestApp } from "../../testing/harness";
import { seedReportDay } from "./report-day.fixture";

let t: TestApp;
let w: WorkspaceFixture;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  ({ w, ids } = await seedReportDay(t.app, t.database.db));
});
afterAll(() => t?.close());

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
