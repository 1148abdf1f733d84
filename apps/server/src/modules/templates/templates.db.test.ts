import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contacts, conversations } from "../../platform/db/schema";
import { createWorkspaceFixture, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, type Credentials, createTestApp, type TestApp } from "../../testing/harness";

/* Templates (SPEC A3): CRUD, variables refused on save, rendering for a conversation. */
let t: TestApp;
let w: WorkspaceFixture;
let other: WorkspaceFixture;

const call = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, as: Credentials, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, payload, headers: authHeaders(as) });

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "tpl");
  other = await createWorkspaceFixture(t.app, t.database.db, "tpl-other");
  await t.database.db
    .update(contacts)
    .set({ displayName: "Maria Lopez", handle: "marialopez" })
    .where(eq(contacts.id, w.contactId));
});
afterAll(() => t?.close());

describe("templates", () => {
  it("creates, lists, filters, changes and deletes a template, auditing each write", async () => {
    const created = await call("POST", "/templates", w.sessions.admin, {
      name: "Outage holding reply",
      shortcut: "outage",
      body: "Hi {{customer.first_name}}, we know about the outage. {{agent.first_name}}",
      category: "network",
      language: "en",
      channels: ["x"],
    });
    expect(created.statusCode, created.body).toBe(201);
    const tpl = created.json();
    expect(tpl).toMatchObject({
      shortcut: "outage",
      kind: "reply",
      channels: ["x"],
      variables: ["customer.first_name", "agent.first_name"],
    });
    await call("POST", "/templates", w.sessions.admin, { name: "Thanks", body: "Thank you!" });

    const byWord = await call("GET", "/templates?q=outage", w.sessions.agent);
    expect(byWord.json().items.map((i: { name: string }) => i.name)).toEqual(["Outage holding reply"]);
    const onFacebook = await call("GET", "/templates?channel=facebook", w.sessions.agent);
    expect(onFacebook.json().items.map((i: { name: string }) => i.name)).toEqual(["Thanks"]);
    const elsewhere = await call("GET", "/templates", other.sessions.admin);
    expect(elsewhere.json().items).toEqual([]);

    const paged = await call("GET", "/templates?limit=1", w.sessions.agent);
    expect(paged.json().items).toHaveLength(1);
    const next = await call("GET", `/templates?limit=1&cursor=${paged.json().next_cursor}`, w.sessions.agent);
    expect(next.json().items[0].name).toBe("Thanks");

    const changed = await call("PATCH", `/templates/${tpl.id}`, w.sessions.admin, {
      channels: [],
      category: null,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ channels: [], category: null, shortcut: "outage" });

    const deleted = await call("DELETE", `/templates/${tpl.id}`, w.sessions.admin);
    expect(deleted.statusCode).toBe(204);
    expect((await call("GET", `/templates/${tpl.id}`, w.sessions.admin)).statusCode).toBe(404);

    const audit = await call("GET", "/audit-log?limit=50", w.sessions.admin);
    const actions = audit.json().items.map((i: { action: string }) => i.action);
    expect(actions).toEqual(
      expect.arrayContaining(["template.created", "template.updated", "template.deleted"]),
    );
  });

  it("refuses an unknown variable with 422 naming it", async () => {
    const res = await call("POST", "/templates", w.sessions.admin, {
      name: "Broken",
      body: "Hi {{customer.name}}, your {{account.number}} is ready",
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().detail).toContain("{{account.number}}");
    expect(res.json().errors[0].field).toBe("body.body");
    expect(res.json().detail).not.toContain("customer.name");
  });

  it("refuses bad fields naming them, and a taken shortcut with 409", async () => {
    const bad = await call("POST", "/templates", w.sessions.admin, {
      name: "",
      body: "x",
      shortcut: "Has Space",
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["body.name", "body.shortcut"]));

    await call("POST", "/templates", w.sessions.admin, { name: "Roaming", shortcut: "roaming", body: "x" });
    const dup = await call("POST", "/templates", w.sessions.admin, {
      name: "Roaming 2",
      shortcut: "roaming",
      body: "y",
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe("body.shortcut");
    const elsewhere = await call("POST", "/templates", other.sessions.admin, {
      name: "R",
      shortcut: "roaming",
      body: "z",
    });
    expect(elsewhere.statusCode).toBe(201);
  });

  it("lets agents read but not write", async () => {
    const res = await call("POST", "/templates", w.sessions.agent, { name: "Mine", body: "x" });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain("templates:manage");
    expect((await call("GET", "/templates", w.sessions.agent)).statusCode).toBe(200);
  });

  it("renders a template for a conversation and lists what is missing", async () => {
    const created = await call("POST", "/templates", w.sessions.admin, {
      name: "Escalated",
      body: "Hi {{customer.first_name}} ({{ customer.handle }}), {{brand.name}} has this as a {{conversation.category}} case. {{agent.name}}",
    });
    const rendered = await call("POST", `/templates/${created.json().id}/render`, w.sessions.agent, {
      conversation_id: w.conversationId,
    });
    expect(rendered.statusCode, rendered.body).toBe(200);
    expect(rendered.json()).toEqual({
      text: "Hi Maria (@marialopez), TPL has this as a case. agent of tpl",
      missing: ["conversation.category"],
    });

    await t.database.db
      .update(conversations)
      .set({ category: "billing" })
      .where(eq(conversations.id, w.conversationId));
    const again = await call("POST", `/templates/${created.json().id}/render`, w.sessions.agent, {
      conversation_id: w.conversationId,
    });
    expect(again.json()).toEqual({
      text: "Hi Maria (@marialopez), TPL has this as a billing case. agent of tpl",
      missing: [],
    });

    const foreign = await call("POST", `/templates/${created.json().id}/render`, other.sessions.agent, {
      conversation_id: other.conversationId,
    });
    expect(foreign.statusCode).toBe(404);
  });
});
