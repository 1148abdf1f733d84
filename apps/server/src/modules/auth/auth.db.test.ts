import { afterAll, beforeAll, expect, it } from "vitest";
import { createWorkspaceFixture, FIXTURE_PASSWORD, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, createTestApp, loginAs, type TestApp } from "../../testing/harness";

let t: TestApp;
let w: WorkspaceFixture;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "auth");
});
afterAll(() => t?.close());

it("logs in with an httpOnly session cookie and describes the caller", async () => {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email: "LEAD@auth.test", password: FIXTURE_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers["set-cookie"]).toMatch(/parley_session=ps_[\w-]+;.*HttpOnly; SameSite=Lax/);
  const me = res.json();
  expect(me).toMatchObject({
    kind: "user",
    role: "lead",
    workspace: { slug: "auth" },
    user: { email: "lead@auth.test" },
  });
  expect(me.permissions).toContain("conversations:assign");
});

it("refuses a wrong password or unknown email with the same 401", async () => {
  for (const payload of [
    { email: "agent@auth.test", password: "wrong password" },
    { email: "nobody@auth.test", password: FIXTURE_PASSWORD },
  ]) {
    const res = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload });
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toBe("The email or password is not right.");
  }
});

it("refuses a workspace the user is not a member of", async () => {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email: "agent@auth.test", password: FIXTURE_PASSWORD, workspace: "elsewhere" },
  });
  expect(res.statusCode).toBe(403);
});

it("logout ends the session", async () => {
  const session = await loginAs(t.app, "agent@auth.test", FIXTURE_PASSWORD);
  expect(
    (await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: authHeaders(session) })).statusCode,
  ).toBe(200);
  expect(
    (await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: authHeaders(session) }))
      .statusCode,
  ).toBe(204);
  expect(
    (await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: authHeaders(session) })).statusCode,
  ).toBe(401);
});

it("an API key acts with its own role in its own workspace, until revoked", async () => {
  const created = await t.app.inject({
    method: "POST",
    url: "/api/v1/api-keys",
    payload: { name: "CRM sync", role: "analyst" },
    headers: authHeaders(w.sessions.admin),
  });
  expect(created.statusCode).toBe(201);
  const { key, api_key } = created.json();
  expect(key).toMatch(/^pk_/);
  expect(api_key.prefix).toBe(key.slice(0, 10));
  const me = await t.app.inject({
    method: "GET",
    url: "/api/v1/auth/me",
    headers: { authorization: `Bearer ${key}` },
  });
  expect(me.json()).toMatchObject({
    kind: "api_key",
    role: "analyst",
    api_key: { name: "CRM sync" },
    workspace: { slug: "auth" },
  });
  const listed = await t.app.inject({
    method: "GET",
    url: "/api/v1/api-keys",
    headers: authHeaders(w.sessions.admin),
  });
  expect(listed.body).not.toContain(key);
  expect(
    (
      await t.app.inject({
        method: "DELETE",
        url: `/api/v1/api-keys/${api_key.id}`,
        headers: authHeaders(w.sessions.admin),
      })
    ).statusCode,
  ).toBe(204);
  expect(
    (
      await t.app.inject({
        method: "GET",
        url: "/api/v1/auth/me",
        headers: { authorization: `Bearer ${key}` },
      })
    ).statusCode,
  ).toBe(401);
});

it("a removed member's sessions stop working and the last admin cannot be removed", async () => {
  const removed = await t.app.inject({
    method: "DELETE",
    url: `/api/v1/users/${w.userIds.approver}`,
    headers: authHeaders(w.sessions.admin),
  });
  expect(removed.statusCode).toBe(204);
  expect(
    (await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: authHeaders(w.sessions.approver) }))
      .statusCode,
  ).toBe(401);
  const last = await t.app.inject({
    method: "DELETE",
    url: `/api/v1/users/${w.userIds.admin}`,
    headers: authHeaders(w.sessions.admin),
  });
  expect(last.statusCode).toBe(409);
  const demote = await t.app.inject({
    method: "PATCH",
    url: `/api/v1/users/${w.userIds.admin}`,
    payload: { role: "agent" },
    headers: authHeaders(w.sessions.admin),
  });
  expect(demote.statusCode).toBe(409);
});

it("records logins and changes in the audit log", async () => {
  const res = await t.app.inject({
    method: "GET",
    url: "/api/v1/audit-log?limit=200",
    headers: authHeaders(w.sessions.admin),
  });
  const actions = res.json().items.map((e: { action: string }) => e.action);
  expect(actions).toEqual(
    expect.arrayContaining(["auth.login", "api_key.created", "api_key.revoked", "user.removed"]),
  );
});

it("moves a session to another workspace the user belongs to, and only there", async () => {
  const other = await createWorkspaceFixture(t.app, t.database.db, "auth-two");
  await t.app.inject({
    method: "POST",
    url: "/api/v1/users",
    payload: { email: "agent@auth.test", name: "x", password: "0123456789", role: "lead" },
    headers: authHeaders(other.sessions.admin),
  });
  const session = await loginAs(t.app, "agent@auth.test", FIXTURE_PASSWORD, "auth");
  const moved = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/switch-workspace",
    payload: { workspace: "auth-two" },
    headers: authHeaders(session),
  });
  expect(moved.json()).toMatchObject({ role: "lead", workspace: { slug: "auth-two" } });
  const conv = await t.app.inject({
    method: "GET",
    url: `/api/v1/conversations/${other.conversationId}`,
    headers: authHeaders(session),
  });
  expect(conv.statusCode).toBe(200);
  const nope = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/switch-workspace",
    payload: { workspace: "elsewhere" },
    headers: authHeaders(session),
  });
  expect(nope.statusCode).toBe(404);
});
