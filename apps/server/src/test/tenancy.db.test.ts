import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspaceFixture, type WorkspaceFixture } from "../testing/fixtures";
import { authHeaders, type Credentials, createTestApp, type TestApp } from "../testing/harness";

/*
 * SPEC S1: every query is scoped to the caller's workspace. A caller of workspace A, even an
 * admin, must get 404 for every id that belongs to workspace B, on every endpoint, and never see
 * B's rows in lists.
 */
let t: TestApp;
let a: WorkspaceFixture;
let b: WorkspaceFixture;

beforeAll(async () => {
  t = await createTestApp();
  a = await createWorkspaceFixture(t.app, t.database.db, "alpha");
  b = await createWorkspaceFixture(t.app, t.database.db, "beta");
});
afterAll(() => t?.close());

type Call = { method: "GET" | "PATCH" | "DELETE"; url: string; payload?: object };

/** Every endpoint that takes an id, aimed at workspace B's rows (built lazily: B exists after beforeAll). */
function crossTenantCalls(b: WorkspaceFixture): Call[] {
  return [
    { method: "GET", url: `/api/v1/conversations/${b.conversationId}` },
    { method: "PATCH", url: `/api/v1/conversations/${b.conversationId}`, payload: { status: "resolved" } },
    { method: "GET", url: `/api/v1/conversations/${b.conversationId}/messages` },
    { method: "GET", url: `/api/v1/contacts/${b.contactId}` },
    { method: "PATCH", url: `/api/v1/contacts/${b.contactId}`, payload: { vip_tier: "gold" } },
    { method: "GET", url: `/api/v1/users/${b.userIds.agent}` },
    { method: "PATCH", url: `/api/v1/users/${b.userIds.agent}`, payload: { role: "lead" } },
    { method: "DELETE", url: `/api/v1/users/${b.userIds.agent}` },
    { method: "GET", url: `/api/v1/teams/${b.teamId}` },
    { method: "PATCH", url: `/api/v1/teams/${b.teamId}`, payload: { name: "Hijacked" } },
    { method: "DELETE", url: `/api/v1/teams/${b.teamId}` },
    { method: "DELETE", url: `/api/v1/api-keys/${b.apiKeyIds.agent}` },
  ];
}

describe.each([
  ["session", () => a.sessions.admin],
  ["API key", () => a.apiKeys.admin],
] as const)("workspace A's admin (%s)", (_kind, creds: () => Credentials) => {
  it.each(Array.from({ length: 12 }, (_, i) => i))("gets 404 for workspace B's resource #%i", async (i) => {
    const calls = crossTenantCalls(b);
    expect(calls).toHaveLength(12);
    const call = calls[i] as Call;
    const res = await t.app.inject({ ...call, headers: authHeaders(creds()) });
    expect(res.statusCode, `${call.method} ${call.url}`).toBe(404);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });

  it("sees only its own workspace in every list", async () => {
    for (const url of [
      "/api/v1/conversations",
      "/api/v1/contacts",
      "/api/v1/users",
      "/api/v1/teams",
      "/api/v1/api-keys",
      "/api/v1/workspaces",
      "/api/v1/audit-log",
    ]) {
      const res = await t.app.inject({ method: "GET", url, headers: authHeaders(creds()) });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain(b.workspaceId);
      for (const id of [b.conversationId, b.contactId, b.teamId, b.userIds.agent, b.apiKeyIds.agent])
        expect(res.body, url).not.toContain(id);
    }
  });

  it("finds nothing when filtering by workspace B's team or contact", async () => {
    for (const q of [`team_id=${b.teamId}`, `contact_id=${b.contactId}`, `assignee_id=${b.userIds.agent}`]) {
      const res = await t.app.inject({
        method: "GET",
        url: `/api/v1/conversations?${q}&status=new,open,resolved`,
        headers: authHeaders(creds()),
      });
      expect(res.json().items).toEqual([]);
    }
  });

  it("cannot assign its conversation to workspace B's user or team", async () => {
    for (const payload of [{ assignee_id: b.userIds.agent }, { team_id: b.teamId }]) {
      const res = await t.app.inject({
        method: "PATCH",
        url: `/api/v1/conversations/${a.conversationId}`,
        payload,
        headers: authHeaders(creds()),
      });
      expect(res.statusCode).toBe(400);
    }
  });
});

it("left workspace B untouched", async () => {
  const res = await t.app.inject({
    method: "GET",
    url: `/api/v1/conversations/${b.conversationId}`,
    headers: authHeaders(b.apiKeys.analyst),
  });
  expect(res.statusCode).toBe(200);
  expect(res.json().status).toBe("new");
  const team = await t.app.inject({
    method: "GET",
    url: `/api/v1/teams/${b.teamId}`,
    headers: authHeaders(b.apiKeys.analyst),
  });
  expect(team.json().name).toBe("Care");
});

it("a user of both workspaces works in the one their session was opened in", async () => {
  const res = await t.app.inject({
    method: "GET",
    url: "/api/v1/workspaces/current",
    headers: authHeaders(a.sessions.agent),
  });
  expect(res.json().slug).toBe("alpha");
});
