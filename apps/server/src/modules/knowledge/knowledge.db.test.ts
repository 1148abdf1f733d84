import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspaceFixture, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, type Credentials, createTestApp, type TestApp } from "../../testing/harness";

/* Knowledge base (SPEC A3): CRUD, search over title, summary and tags, permissions. */
let t: TestApp;
let w: WorkspaceFixture;
let other: WorkspaceFixture;

const call = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, as: Credentials, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, payload, headers: authHeaders(as) });
const titles = (res: { json: () => { items: { title: string }[] } }) => res.json().items.map((i) => i.title);

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "kb");
  other = await createWorkspaceFixture(t.app, t.database.db, "kb-other");
});
afterAll(() => t?.close());

describe("knowledge articles", () => {
  it("creates, searches, changes and deletes articles, auditing each write", async () => {
    const roaming = await call("POST", "/knowledge-articles", w.sessions.admin, {
      title: "Roaming abroad",
      url: "https://help.acme-telecom.example/roaming",
      summary: "Where roaming is included and Travel Pass prices.",
      tags: ["travel", "Billing", "billing"],
    });
    expect(roaming.statusCode, roaming.body).toBe(201);
    expect(roaming.json()).toMatchObject({ title: "Roaming abroad", tags: ["travel", "Billing"] });
    await call("POST", "/knowledge-articles", w.sessions.admin, {
      title: "Fixing slow broadband",
      url: "https://help.acme-telecom.example/broadband",
      summary: "Router restarts and 100% wired speed tests.",
    });

    expect(titles(await call("GET", "/knowledge-articles?q=travel%20pass", w.sessions.agent))).toEqual([
      "Roaming abroad",
    ]);
    expect(titles(await call("GET", "/knowledge-articles?q=BILLING", w.sessions.agent))).toEqual([
      "Roaming abroad",
    ]);
    expect(titles(await call("GET", "/knowledge-articles?q=router", w.sessions.agent))).toEqual([
      "Fixing slow broadband",
    ]);
    // `%` is a character to find, not a wildcard.
    expect(titles(await call("GET", "/knowledge-articles?q=100%25", w.sessions.agent))).toEqual([
      "Fixing slow broadband",
    ]);
    expect(titles(await call("GET", "/knowledge-articles?q=%25", w.sessions.agent))).toEqual([
      "Fixing slow broadband",
    ]);
    expect(titles(await call("GET", "/knowledge-articles", w.sessions.agent))).toEqual([
      "Fixing slow broadband",
      "Roaming abroad",
    ]);
    expect(titles(await call("GET", "/knowledge-articles", other.sessions.agent))).toEqual([]);

    const id = roaming.json().id;
    const changed = await call("PATCH", `/knowledge-articles/${id}`, w.sessions.admin, { tags: ["roaming"] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ title: "Roaming abroad", tags: ["roaming"] });
    expect((await call("DELETE", `/knowledge-articles/${id}`, w.sessions.admin)).statusCode).toBe(204);
    expect((await call("GET", `/knowledge-articles/${id}`, w.sessions.admin)).statusCode).toBe(404);

    const audit = await call("GET", "/audit-log?limit=50", w.sessions.admin);
    expect(audit.json().items.map((i: { action: string }) => i.action)).toEqual(
      expect.arrayContaining([
        "knowledge_article.created",
        "knowledge_article.updated",
        "knowledge_article.deleted",
      ]),
    );
  });

  it("refuses a bad url or title naming the field", async () => {
    const res = await call("POST", "/knowledge-articles", w.sessions.admin, {
      title: " ",
      url: "javascript:alert(1)",
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["body.title", "body.url"]));
  });

  it("lets agents read but not write", async () => {
    const res = await call("POST", "/knowledge-articles", w.sessions.agent, {
      title: "Mine",
      url: "https://help.acme-telecom.example/mine",
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain("templates:manage");
  });
});
