import SwaggerParser from "@apidevtools/swagger-parser";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/harness";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

it("answers /healthz and /readyz", async () => {
  expect((await t.app.inject({ method: "GET", url: "/healthz" })).json()).toEqual({ status: "ok" });
  expect((await t.app.inject({ method: "GET", url: "/readyz" })).json()).toEqual({ status: "ready" });
});

it("exposes Prometheus metrics with the HTTP histogram", async () => {
  await t.app.inject({ method: "GET", url: "/healthz" });
  const res = await t.app.inject({ method: "GET", url: "/metrics" });
  expect(res.headers["content-type"]).toContain("text/plain");
  expect(res.body).toContain(
    'parley_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"}',
  );
  expect(res.body).toContain("parley_process_cpu_seconds_total");
  // The pipeline's step timings and outcomes, from this process.
  expect(res.body).toContain("parley_pipeline_step_seconds");
  expect(res.body).toContain("parley_pipeline_receipt_to_inbox_seconds");
});

it("publishes a valid OpenAPI 3 document describing the API", async () => {
  const res = await t.app.inject({ method: "GET", url: "/api/v1/openapi.json" });
  expect(res.statusCode).toBe(200);
  const doc = res.json();
  expect(doc.openapi).toMatch(/^3\./);
  await SwaggerParser.validate(structuredClone(doc));
  for (const path of [
    "/api/v1/auth/login",
    "/api/v1/conversations",
    "/api/v1/conversations/{id}",
    "/api/v1/conversations/{id}/messages",
    "/api/v1/contacts",
    "/api/v1/users",
    "/api/v1/teams",
    "/api/v1/workspaces",
  ]) {
    expect(doc.paths[path], path).toBeDefined();
  }
  const conversation =
    doc.paths["/api/v1/conversations/{id}"].get.responses["200"].content["application/json"].schema;
  for (const field of [
    "id",
    "channel",
    "status",
    "priority",
    "assignee_id",
    "team_id",
    "contact_id",
    "last_message_at",
  ]) {
    expect(conversation.required, field).toContain(field);
  }
});

it("serves browsable API docs", async () => {
  const res = await t.app.inject({ method: "GET", url: "/api/docs/" });
  expect(res.statusCode).toBe(200);
  expect(res.body).toContain("swagger");
});

it("answers unknown API paths with a 404 problem", async () => {
  const res = await t.app.inject({
    method: "GET",
    url: "/api/v1/nope",
    headers: { authorization: "Bearer x" },
  });
  expect([401, 404]).toContain(res.statusCode);
  expect(res.headers["content-type"]).toContain("application/problem+json");
});
