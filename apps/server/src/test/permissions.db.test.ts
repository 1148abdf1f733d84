import { type Permission, ROLE_PERMISSIONS, type Role } from "@parley/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspaceFixture, type WorkspaceFixture } from "../testing/fixtures";
import { ALL_ROLES, authHeaders, createTestApp, type TestApp } from "../testing/harness";

let t: TestApp;
let w: WorkspaceFixture;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "perm");
});
afterAll(() => t?.close());

type Action = {
  name: string;
  permission: Permission;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: () => string;
  payload?: () => object;
};

const ACTIONS: Action[] = [
  {
    name: "add a user",
    permission: "users:manage",
    method: "POST",
    url: () => "/api/v1/users",
    payload: () => ({ email: "new@perm.test", name: "New", password: "0123456789", role: "agent" }),
  },
  {
    name: "change a user's role",
    permission: "users:manage",
    method: "PATCH",
    url: () => `/api/v1/users/${w.userIds.agent}`,
    payload: () => ({ role: "agent" }),
  },
  {
    name: "remove a user",
    permission: "users:manage",
    method: "DELETE",
    url: () => `/api/v1/users/${w.userIds.analyst}`,
  },
  {
    name: "create a team",
    permission: "teams:manage",
    method: "POST",
    url: () => "/api/v1/teams",
    payload: () => ({ name: "Night shift" }),
  },
  {
    name: "delete a team",
    permission: "teams:manage",
    method: "DELETE",
    url: () => `/api/v1/teams/${w.teamId}`,
  },
  {
    name: "rename the workspace",
    permission: "workspace:manage",
    method: "PATCH",
    url: () => "/api/v1/workspaces/current",
    payload: () => ({ name: "Perm" }),
  },
  { name: "list API keys", permission: "api_keys:manage", method: "GET", url: () => "/api/v1/api-keys" },
  {
    name: "create an API key",
    permission: "api_keys:manage",
    method: "POST",
    url: () => "/api/v1/api-keys",
    payload: () => ({ name: "crm", role: "agent" }),
  },
  { name: "read the audit log", permission: "audit:read", method: "GET", url: () => "/api/v1/audit-log" },
  {
    name: "change a conversation",
    permission: "conversations:update",
    method: "PATCH",
    url: () => `/api/v1/conversations/${w.conversationId}`,
    payload: () => ({ tags: ["x"] }),
  },
  {
    name: "add a note",
    permission: "conversations:update",
    method: "POST",
    url: () => `/api/v1/conversations/${w.conversationId}/notes`,
    payload: () => ({ text: "internal" }),
  },
  {
    name: "change a conversation's tags",
    permission: "conversations:update",
    method: "PUT",
    url: () => `/api/v1/conversations/${w.conversationId}/tags`,
    payload: () => ({ add: ["x"] }),
  },
  {
    name: "merge contacts",
    permission: "contacts:update",
    method: "POST",
    url: () => `/api/v1/contacts/${w.contactId}/merge`,
    payload: () => ({ other_contact_id: w.teamId }),
  },
  {
    name: "link an identity",
    permission: "contacts:update",
    method: "POST",
    url: () => `/api/v1/contacts/${w.contactId}/identities`,
    payload: () => ({ identity_id: w.teamId }),
  },
  {
    name: "unlink an identity",
    permission: "contacts:update",
    method: "DELETE",
    url: () => `/api/v1/contacts/${w.contactId}/identities/${w.teamId}`,
  },
  {
    name: "mark a message spam",
    permission: "messages:classify",
    method: "POST",
    url: () => `/api/v1/messages/${w.messageId}/spam`,
    payload: () => ({ spam: true }),
  },
  {
    name: "create a listening profile",
    permission: "listening:manage",
    method: "POST",
    url: () => "/api/v1/listening-profiles",
    payload: () => ({ name: "Brand", kind: "brand", include: ["acme"] }),
  },
  {
    name: "list dead letters",
    permission: "dead_letters:manage",
    method: "GET",
    url: () => "/api/v1/dead-letters",
  },
  {
    name: "replay dead letters",
    permission: "dead_letters:manage",
    method: "POST",
    url: () => "/api/v1/dead-letters/replay-all",
  },
  {
    name: "edit a contact",
    permission: "contacts:update",
    method: "PATCH",
    url: () => `/api/v1/contacts/${w.contactId}`,
    payload: () => ({ vip_tier: "gold" }),
  },
  {
    name: "create a rule",
    permission: "rules:manage",
    method: "POST",
    url: () => "/api/v1/rules",
    payload: () => ({ name: "r", conditions: { all: [] }, actions: [{ type: "add_tag", tag: "x" }] }),
  },
  {
    name: "dry-run a rule",
    permission: "rules:manage",
    method: "POST",
    url: () => "/api/v1/rules/dry-run",
    payload: () => ({ rule: { name: "r", conditions: { all: [] }, actions: [] } }),
  },
  {
    name: "create an SLA policy",
    permission: "rules:manage",
    method: "POST",
    url: () => "/api/v1/sla-policies",
    payload: () => ({ name: "p", first_response_seconds: 3600 }),
  },
  {
    name: "create business hours",
    permission: "rules:manage",
    method: "POST",
    url: () => "/api/v1/business-hours",
    payload: () => ({ name: "h", timezone: "UTC", weekly: { mon: [["09:00", "17:00"]] }, holidays: [] }),
  },
  {
    name: "start crisis mode",
    permission: "rules:manage",
    method: "POST",
    url: () => "/api/v1/crisis/modes",
    payload: () => ({ topic_kind: "keyword", topic: "blackout" }),
  },
  {
    name: "list replies waiting for approval",
    permission: "approvals:decide",
    method: "GET",
    url: () => "/api/v1/approvals",
  },
  {
    name: "approve a reply",
    permission: "approvals:decide",
    method: "POST",
    url: () => `/api/v1/messages/${w.messageId}/approve`,
    payload: () => ({}),
  },
  {
    name: "read reports",
    permission: "reports:read",
    method: "GET",
    url: () => "/api/v1/reports/summary?from=2026-01-01&to=2026-01-02",
  },
  {
    name: "export a report",
    permission: "reports:read",
    method: "GET",
    url: () => "/api/v1/reports/export?from=2026-01-01&to=2026-01-02",
  },
  {
    name: "publish a post",
    permission: "conversations:reply",
    method: "POST",
    url: () => "/api/v1/posts",
    payload: () => ({ channel_ids: [w.teamId], text: "Service update" }),
  },
  {
    name: "create a template",
    permission: "templates:manage",
    method: "POST",
    url: () => "/api/v1/templates",
    payload: () => ({ name: "Thanks", body: "Thanks, {{customer.first_name}}!" }),
  },
  {
    name: "change a template",
    permission: "templates:manage",
    method: "PATCH",
    url: () => `/api/v1/templates/${w.conversationId}`,
    payload: () => ({ name: "Renamed" }),
  },
  {
    name: "delete a template",
    permission: "templates:manage",
    method: "DELETE",
    url: () => `/api/v1/templates/${w.conversationId}`,
  },
  {
    name: "add a knowledge article",
    permission: "templates:manage",
    method: "POST",
    url: () => "/api/v1/knowledge-articles",
    payload: () => ({ title: "Roaming", url: "https://help.example/roaming" }),
  },
  {
    name: "delete a knowledge article",
    permission: "templates:manage",
    method: "DELETE",
    url: () => `/api/v1/knowledge-articles/${w.conversationId}`,
  },
  {
    name: "replace the playbook",
    permission: "templates:manage",
    method: "PUT",
    url: () => "/api/v1/playbook",
    payload: () => ({ tone_of_voice: "Warm", dos: [], donts: [], examples: [], escalation_contacts: [] }),
  },
];

const lacking = (p: Permission) => ALL_ROLES.filter((r) => !ROLE_PERMISSIONS[r].includes(p));

describe.each(["session", "API key"] as const)("with a %s", (kind) => {
  const creds = (role: Role) => (kind === "session" ? w.sessions[role] : w.apiKeys[role]);
  const cases = ACTIONS.flatMap((a) => lacking(a.permission).map((role) => [role, a.name, a] as const));

  it.each(cases)("%s may not %s: 403 and nothing changes", async (role, _name, action) => {
    const before = await t.app.inject({
      method: "GET",
      url: "/api/v1/audit-log?limit=200",
      headers: authHeaders(w.sessions.admin),
    });
    const res = await t.app.inject({
      method: action.method,
      url: action.url(),
      payload: action.payload?.(),
      headers: authHeaders(creds(role)),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain(action.permission);
    const after = await t.app.inject({
      method: "GET",
      url: "/api/v1/audit-log?limit=200",
      headers: authHeaders(w.sessions.admin),
    });
    expect(after.json().items.length).toBe(before.json().items.length);
  });

  it("an agent may assign a conversation to themselves but not to someone else", async () => {
    const url = `/api/v1/conversations/${w.conversationId}`;
    const self = await t.app.inject({
      method: "PATCH",
      url,
      payload: { assignee_id: w.userIds.agent },
      headers: authHeaders(w.sessions.agent),
    });
    expect(self.statusCode).toBe(200);
    expect(self.json().assignee_id).toBe(w.userIds.agent);
    const other = await t.app.inject({
      method: "PATCH",
      url,
      payload: { assignee_id: w.userIds.lead },
      headers: authHeaders(w.sessions.agent),
    });
    expect(other.statusCode).toBe(403);
    const lead = await t.app.inject({
      method: "PATCH",
      url,
      payload: { assignee_id: w.userIds.lead },
      headers: authHeaders(creds("lead")),
    });
    expect(lead.statusCode).toBe(200);
  });
});

it("bulk changes check each conversation with its single route's permission", async () => {
  for (const [action, permission] of [
    [{ type: "status", status: "pending" }, "conversations:update"],
    [{ type: "tag", add: ["bulk"] }, "conversations:update"],
    [{ type: "spam", spam: true }, "messages:classify"],
  ] as const) {
    for (const role of lacking(permission)) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/v1/conversations/bulk",
        payload: { conversation_ids: [w.conversationId], action },
        headers: authHeaders(w.apiKeys[role]),
      });
      expect(res.statusCode, `${role} ${action.type}`).toBe(200);
      expect(res.json().results).toEqual([
        { conversation_id: w.conversationId, ok: false, error: expect.objectContaining({ status: 403 }) },
      ]);
    }
  }
});

it("every role may read what its permissions allow", async () => {
  for (const role of ALL_ROLES) {
    for (const url of [
      "/api/v1/conversations",
      `/api/v1/conversations/${w.conversationId}/messages`,
      `/api/v1/conversations/${w.conversationId}/notes`,
      `/api/v1/conversations/${w.conversationId}/events`,
      `/api/v1/contacts/${w.contactId}`,
      "/api/v1/contacts",
      "/api/v1/users",
      "/api/v1/teams",
      "/api/v1/listening-profiles",
      "/api/v1/auth/me",
      "/api/v1/templates",
      "/api/v1/knowledge-articles",
      "/api/v1/playbook",
      "/api/v1/composer/search?q=a",
    ]) {
      const res = await t.app.inject({ method: "GET", url, headers: authHeaders(w.apiKeys[role]) });
      expect(res.statusCode, `${role} ${url}`).toBe(200);
    }
  }
});

it("every protected endpoint in the OpenAPI document answers 401 without credentials", async () => {
  const doc = (await t.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
  let checked = 0;
  for (const [path, ops] of Object.entries<Record<string, { security?: unknown[] }>>(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (Array.isArray(op.security) && op.security.length === 0) continue; // public, e.g. login
      if (!path.startsWith("/api/")) continue;
      const url = path.replace(/\{[^}]+\}/g, w.conversationId);
      const res = await t.app.inject({
        method: method.toUpperCase() as "GET",
        url,
        payload: method === "get" || method === "delete" ? undefined : {},
      });
      expect(res.statusCode, `${method} ${path}`).toBe(401);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(20);
  const bogus = await t.app.inject({
    method: "GET",
    url: "/api/v1/conversations",
    headers: { authorization: "Bearer pk_not-a-key" },
  });
  expect(bogus.statusCode).toBe(401);
});
