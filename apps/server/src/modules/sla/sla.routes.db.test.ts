import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { auditLog, conversations } from "../../platform/db/schema";
import { createWorkspaceFixture, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, type Credentials, createTestApp, type TestApp } from "../../testing/harness";

let t: TestApp;
let w: WorkspaceFixture;
let other: WorkspaceFixture;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "sla");
  other = await createWorkspaceFixture(t.app, t.database.db, "sla-other");
});
afterAll(() => t?.close());

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
const call = (method: Method, url: string, as: Credentials, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, payload, headers: authHeaders(as) });

const london = {
  name: "London office",
  timezone: "Europe/London",
  weekly: Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [["09:00", "17:00"]]])),
  holidays: ["2026-12-25", "2026-12-25", "2026-01-01"],
};

const auditOf = async (id: string) =>
  (await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, id))).map((a) => a.action).sort();

it("admins create, change and delete business hours; everyone with conversations:read reads them", async () => {
  const created = await call("POST", "/business-hours", w.sessions.admin, london);
  expect(created.statusCode).toBe(201);
  const hours = created.json();
  expect(hours).toMatchObject({ ...london, always_open: false, holidays: ["2026-01-01", "2026-12-25"] });

  for (const reader of [w.sessions.agent, w.apiKeys.analyst]) {
    expect((await call("GET", "/business-hours", reader)).json().items).toEqual([hours]);
    expect((await call("GET", `/business-hours/${hours.id}`, reader)).json()).toEqual(hours);
  }
  const patched = await call("PATCH", `/business-hours/${hours.id}`, w.apiKeys.admin, {
    weekly: { ...london.weekly, sat: [["10:00", "12:00"]] },
  });
  expect(patched.statusCode).toBe(200);
  expect(patched.json()).toMatchObject({ name: "London office", weekly: { sat: [["10:00", "12:00"]] } });

  expect((await call("DELETE", `/business-hours/${hours.id}`, w.sessions.admin)).statusCode).toBe(204);
  expect((await call("GET", `/business-hours/${hours.id}`, w.sessions.admin)).statusCode).toBe(404);
  expect(await auditOf(hours.id)).toEqual([
    "business_hours.created",
    "business_hours.deleted",
    "business_hours.updated",
  ]);
});

it("names the invalid part of business hours, as the body spells it", async () => {
  const bad = async (body: object, field: string, method: Method = "POST", url = "/business-hours") => {
    const res = await call(method, url, w.sessions.admin, body);
    expect(res.statusCode, JSON.stringify(body)).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  };
  await bad({ ...london, timezone: "Mars/Olympus" }, "body.timezone");
  await bad(
    {
      ...london,
      weekly: {
        mon: [
          ["09:00", "12:00"],
          ["11:00", "17:00"],
        ],
      },
    },
    "body.weekly.mon[1]",
  );
  await bad({ ...london, weekly: { fri: [["22:00", "06:00"]] } }, "body.weekly.fri[0]");
  await bad({ ...london, weekly: { mon: [["09:00", "25:00"]] } }, "body.weekly.mon[0][1]");
  await bad({ ...london, weekly: { funday: [["09:00", "17:00"]] } }, "body.weekly.funday");
  await bad({ ...london, weekly: {} }, "body.weekly");
  await bad({ ...london, holidays: ["25/12/2026"] }, "body.holidays[0]");
  await bad({ ...london, colour: "red" }, "body.colour");
  const { id } = (await call("POST", "/business-hours", w.sessions.admin, london)).json();
  await bad(
    { weekly: { tue: [["18:00", "09:00"]] } },
    "body.weekly.tue[0]",
    "PATCH",
    `/business-hours/${id}`,
  );
  const always = await call("POST", "/business-hours", w.sessions.admin, {
    name: "24x7",
    timezone: "UTC",
    always_open: true,
  });
  expect(always.statusCode).toBe(201);
});

it("SLA policies: defaults, matching order, changes, deletion, each write audited", async () => {
  const first = await call("POST", "/sla-policies", w.sessions.admin, {
    name: "Everyone",
    first_response_seconds: 3600,
  });
  expect(first.statusCode).toBe(201);
  expect(first.json()).toMatchObject({
    enabled: true,
    channel: null,
    priority: null,
    next_response_seconds: null,
    business_hours_id: null,
  });
  const urgent = (
    await call("POST", "/sla-policies", w.apiKeys.admin, {
      name: "Urgent on X",
      channel: "x",
      priority: "urgent",
      first_response_seconds: 900,
      resolution_seconds: 14_400,
    })
  ).json();
  expect(urgent.position).toBe(first.json().position + 1);
  await call("PATCH", `/sla-policies/${urgent.id}`, w.sessions.admin, { position: 0 });
  await call("PATCH", `/sla-policies/${first.json().id}`, w.sessions.admin, { position: 5 });
  const list = (await call("GET", "/sla-policies", w.sessions.agent)).json().items;
  expect(list.map((p: { name: string }) => p.name)).toEqual(["Urgent on X", "Everyone"]);
  expect((await call("GET", `/sla-policies/${urgent.id}`, w.apiKeys.analyst)).json().resolution_seconds).toBe(
    14_400,
  );

  const none = await call("PATCH", `/sla-policies/${urgent.id}`, w.sessions.admin, {
    first_response_seconds: null,
    resolution_seconds: null,
  });
  expect(none.statusCode).toBe(400);
  expect(none.json().errors[0].field).toBe("body.first_response_seconds");
  const zero = await call("POST", "/sla-policies", w.sessions.admin, {
    name: "Zero",
    first_response_seconds: 0,
  });
  expect(zero.json().errors.map((e: { field: string }) => e.field)).toContain("body.first_response_seconds");

  expect((await call("DELETE", `/sla-policies/${urgent.id}`, w.sessions.admin)).statusCode).toBe(204);
  expect((await call("DELETE", `/sla-policies/${urgent.id}`, w.sessions.admin)).statusCode).toBe(404);
  expect(await auditOf(urgent.id)).toEqual([
    "sla_policy.created",
    "sla_policy.deleted",
    "sla_policy.updated",
  ]);
});

it("business hours in use cannot be deleted: 409 naming what uses them", async () => {
  const hours = (
    await call("POST", "/business-hours", w.sessions.admin, { ...london, name: "In use" })
  ).json();
  const policy = (
    await call("POST", "/sla-policies", w.sessions.admin, {
      name: "Office hours",
      first_response_seconds: 3600,
      business_hours_id: hours.id,
    })
  ).json();
  const setDefault = await call("PUT", "/workspaces/current/business-hours", w.sessions.admin, {
    business_hours_id: hours.id,
  });
  expect(setDefault.json()).toEqual({ business_hours_id: hours.id });
  expect((await call("GET", "/workspaces/current/business-hours", w.sessions.agent)).json()).toEqual({
    business_hours_id: hours.id,
  });

  const refused = await call("DELETE", `/business-hours/${hours.id}`, w.sessions.admin);
  expect(refused.statusCode).toBe(409);
  expect(refused.headers["content-type"]).toContain("application/problem+json");
  expect(refused.json().detail).toContain('SLA policy "Office hours"');
  expect(refused.json().detail).toContain("the workspace default");

  await call("PUT", "/workspaces/current/business-hours", w.sessions.admin, { business_hours_id: null });
  await call("PATCH", `/sla-policies/${policy.id}`, w.sessions.admin, { business_hours_id: null });
  expect((await call("DELETE", `/business-hours/${hours.id}`, w.sessions.admin)).statusCode).toBe(204);
  expect(await auditOf(w.workspaceId)).toContain("workspace.business_hours_set");
});

it("needs rules:manage to write; another workspace's ids are not found", async () => {
  const hours = (await call("POST", "/business-hours", w.sessions.admin, { ...london, name: "Mine" })).json();
  const policy = (
    await call("POST", "/sla-policies", w.sessions.admin, { name: "Mine", first_response_seconds: 60 })
  ).json();
  for (const role of ["agent", "lead", "approver", "analyst"] as const) {
    expect((await call("POST", "/business-hours", w.sessions[role], london)).statusCode).toBe(403);
    expect(
      (await call("PATCH", `/sla-policies/${policy.id}`, w.apiKeys[role], { enabled: false })).statusCode,
    ).toBe(403);
    const put = await call("PUT", "/workspaces/current/business-hours", w.sessions[role], {
      business_hours_id: null,
    });
    expect(put.statusCode).toBe(403);
  }
  const admin = other.sessions.admin;
  for (const [method, url, body] of [
    ["GET", `/business-hours/${hours.id}`, undefined],
    ["PATCH", `/business-hours/${hours.id}`, { name: "Hijacked" }],
    ["DELETE", `/business-hours/${hours.id}`, undefined],
    ["GET", `/sla-policies/${policy.id}`, undefined],
    ["PATCH", `/sla-policies/${policy.id}`, { enabled: false }],
    ["DELETE", `/sla-policies/${policy.id}`, undefined],
  ] as const) {
    const res = await call(method, url, admin, body);
    expect(res.statusCode, `${method} ${url}`).toBe(404);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  }
  for (const url of ["/business-hours", "/sla-policies"]) {
    const body = (await call("GET", url, admin)).body;
    expect(body).not.toContain(hours.id);
    expect(body).not.toContain(policy.id);
  }
  const borrow = await call("POST", "/sla-policies", admin, {
    name: "Borrowed",
    first_response_seconds: 60,
    business_hours_id: hours.id,
  });
  expect(borrow.statusCode).toBe(400);
  expect(borrow.json().errors[0].field).toBe("body.business_hours_id");
  const defaultOfOther = await call("PUT", "/workspaces/current/business-hours", admin, {
    business_hours_id: hours.id,
  });
  expect(defaultOfOther.statusCode).toBe(400);
});

it("a new priority recomputes the conversation's SLA in the same transaction", async () => {
  const f = await createWorkspaceFixture(t.app, t.database.db, "sla-priority");
  await call("POST", "/sla-policies", f.sessions.admin, {
    name: "Urgent",
    priority: "urgent",
    first_response_seconds: 900,
  });
  const url = `/conversations/${f.conversationId}`;
  const before = (await call("GET", url, f.sessions.agent)).json();
  expect(before.first_response_due_at).toBeNull();
  const res = await call("PATCH", url, f.sessions.agent, { priority: "urgent" });
  const started = new Date(before.first_customer_message_at).getTime();
  expect(res.json().first_response_due_at).toBe(new Date(started + 900_000).toISOString());
  const [row] = await t.database.db
    .select()
    .from(conversations)
    .where(eq(conversations.id, f.conversationId));
  expect(row?.slaState).toMatch(/ok|warning|breached/);
  expect(row?.slaPolicyId).not.toBeNull();
});
