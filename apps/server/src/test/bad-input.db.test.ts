import { afterAll, beforeAll, expect, it } from "vitest";
import { createWorkspaceFixture, type WorkspaceFixture } from "../testing/fixtures";
import { authHeaders, createTestApp, type TestApp } from "../testing/harness";

/*
 * Bad input answers 4xx application/problem+json that names the problem, and writes nothing:
 * the counts of users, teams and audit rows are the same before and after.
 */
let t: TestApp;
let w: WorkspaceFixture;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "bad");
});
afterAll(() => t?.close());

async function counts() {
  const get = async (url: string) =>
    (await t.app.inject({ method: "GET", url, headers: authHeaders(w.sessions.admin) })).json().items.length;
  return {
    users: await get("/api/v1/users?limit=200"),
    teams: await get("/api/v1/teams?limit=200"),
    audit: await get("/api/v1/audit-log?limit=200"),
  };
}

async function post(url: string, body: string, contentType = "application/json") {
  return t.app.inject({
    method: "POST",
    url,
    body,
    headers: { ...authHeaders(w.sessions.admin), "content-type": contentType },
  });
}

function expectProblem(res: Awaited<ReturnType<typeof post>>, status: number) {
  expect(res.statusCode).toBe(status);
  expect(res.headers["content-type"]).toContain("application/problem+json");
  const problem = res.json();
  expect(problem).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
  return problem;
}

it("malformed JSON: 400 that says the body is not JSON", async () => {
  const before = await counts();
  const problem = expectProblem(await post("/api/v1/teams", '{"name": "Half'), 400);
  expect(problem.title).toBe("Malformed JSON");
  expect(await counts()).toEqual(before);
});

it("unknown fields: 400 naming each unknown field", async () => {
  const before = await counts();
  const problem = expectProblem(
    await post("/api/v1/teams", JSON.stringify({ name: "Ok", colour: "red", owner: "me" })),
    400,
  );
  expect(problem.errors).toEqual(
    expect.arrayContaining([
      { field: "body.colour", message: "is not a known field" },
      { field: "body.owner", message: "is not a known field" },
    ]),
  );
  expect(await counts()).toEqual(before);
});

it("wrongly typed fields: 400 naming the field", async () => {
  const before = await counts();
  const problem = expectProblem(
    await post(
      "/api/v1/users",
      JSON.stringify({ email: "not-an-email", name: 42, password: "0123456789", role: "emperor" }),
    ),
    400,
  );
  const fields = problem.errors.map((e: { field: string }) => e.field);
  expect(fields).toEqual(expect.arrayContaining(["body.email", "body.name", "body.role"]));
  expect(problem.detail).toContain("body.email");
  expect(await counts()).toEqual(before);
});

it("a missing required field: 400 naming it", async () => {
  const problem = expectProblem(await post("/api/v1/teams", JSON.stringify({ description: "no name" })), 400);
  expect(problem.errors.map((e: { field: string }) => e.field)).toContain("body.name");
});

it("bad query parameters and ids: 400 naming them", async () => {
  const list = await t.app.inject({
    method: "GET",
    url: "/api/v1/conversations?status=sleeping&limit=9999&bogus=1",
    headers: authHeaders(w.sessions.agent),
  });
  const problem = expectProblem(list, 400);
  const fields = problem.errors.map((e: { field: string }) => e.field);
  expect(fields).toEqual(expect.arrayContaining(["querystring.limit", "querystring.bogus"]));
  expect(fields.some((f: string) => f.startsWith("querystring.status"))).toBe(true);
  const id = await t.app.inject({
    method: "GET",
    url: "/api/v1/conversations/42",
    headers: authHeaders(w.sessions.agent),
  });
  expect(expectProblem(id, 400).errors[0].field).toBe("params.id");
  const cursor = await t.app.inject({
    method: "GET",
    url: "/api/v1/conversations?cursor=garbage",
    headers: authHeaders(w.sessions.agent),
  });
  expect(expectProblem(cursor, 400).errors[0].field).toBe("querystring.cursor");
});

it("a body over 1 MB: 413, nothing written", async () => {
  const before = await counts();
  const problem = expectProblem(
    await post("/api/v1/teams", JSON.stringify({ name: "Big", description: "x".repeat(1_100_000) })),
    413,
  );
  expect(problem.title).toBe("Payload Too Large");
  expect(await counts()).toEqual(before);
});

it("a non-JSON content type: 415", async () => {
  expectProblem(await post("/api/v1/teams", "name=Team", "application/x-www-form-urlencoded"), 415);
});

it("an invalid field in a PATCH rolls back the whole change", async () => {
  const before = await t.app.inject({
    method: "GET",
    url: `/api/v1/conversations/${w.conversationId}`,
    headers: authHeaders(w.sessions.admin),
  });
  const res = await t.app.inject({
    method: "PATCH",
    url: `/api/v1/conversations/${w.conversationId}`,
    payload: { status: "resolved", team_id: "01900000-0000-7000-8000-000000000000" },
    headers: authHeaders(w.sessions.admin),
  });
  expectProblem(res, 400);
  const after = await t.app.inject({
    method: "GET",
    url: `/api/v1/conversations/${w.conversationId}`,
    headers: authHeaders(w.sessions.admin),
  });
  expect(after.json()).toEqual(before.json());
});

it("a duplicate: 409 naming the field, nothing written", async () => {
  const first = await post("/api/v1/teams", JSON.stringify({ name: "Billing" }));
  expect(first.statusCode).toBe(201);
  const before = await counts();
  const problem = expectProblem(await post("/api/v1/teams", JSON.stringify({ name: "billing" })), 409);
  expect(problem.errors[0].field).toBe("body.name");
  expect(await counts()).toEqual(before);
});
