import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contacts } from "../../platform/db/schema";
import { createWorkspaceFixture, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, type Credentials, createTestApp, type TestApp } from "../../testing/harness";

/* The composer's `/` menu (SPEC A3): templates, knowledge articles and playbook entries, ranked. */
let t: TestApp;
let w: WorkspaceFixture;

const call = (method: "GET" | "POST" | "PUT", url: string, as: Credentials, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, payload, headers: authHeaders(as) });
const search = async (query: string) => {
  const res = await call("GET", `/composer/search?${query}`, w.sessions.agent);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "cmp");
  await t.database.db
    .update(contacts)
    .set({ displayName: "Maria Lopez" })
    .where(eq(contacts.id, w.contactId));
  const admin = w.sessions.admin;
  const templates = [
    {
      name: "Billing dispute",
      shortcut: "billing",
      body: "Hi {{customer.first_name}}, please DM us. {{agent.first_name}}",
    },
    {
      name: "Outage holding reply",
      shortcut: "outage",
      body: "We know about the outage, {{customer.first_name}}.",
    },
    { name: "Thanks", shortcut: "thanks", body: "Thanks! Any billing question, just ask." },
    { name: "Facebook only", shortcut: "fb", body: "Billing on Facebook.", channels: ["facebook"] },
    { name: "Crisis", body: "Billing outage holding.", kind: "holding" },
  ];
  for (const body of templates) expect((await call("POST", "/templates", admin, body)).statusCode).toBe(201);
  await call("POST", "/knowledge-articles", admin, {
    title: "Understanding your bill",
    url: "https://help.acme-telecom.example/billing",
    summary: "Line by line.",
    tags: ["billing"],
  });
  await call("POST", "/knowledge-articles", admin, {
    title: "Outage map",
    url: "https://help.acme-telecom.example/outages",
    summary: "Check for outages.",
  });
  await call("PUT", "/playbook", admin, {
    tone_of_voice: "Warm and plain-spoken.",
    dos: ["Move billing questions to a private message."],
    donts: ["Don't promise credits; route those to Billing."],
    examples: [
      { title: "Unexpected bill", situation: "Bill doubled.", response: "Could you DM your account number?" },
    ],
    escalation_contacts: [
      {
        name: "Jordan Blake",
        role: "Billing lead",
        team: "Billing",
        email: "jb@acme.example",
        phone: null,
        when: "Refunds over $100.",
      },
    ],
  });
});
afterAll(() => t?.close());

describe("composer search", () => {
  it("finds templates, articles and playbook entries, best matches first", async () => {
    const res = await search("q=billing");
    // The shortcut match first, then a body match; the holding template is not for replies.
    expect(res.templates.map((x: { name: string }) => x.name)).toEqual([
      "Billing dispute",
      "Facebook only",
      "Thanks",
    ]);
    expect(res.templates[0].rendered).toBe(res.templates[0].body);
    expect(res.articles.map((a: { title: string }) => a.title)).toEqual(["Understanding your bill"]);
    expect(res.playbook.map((p: { kind: string }) => p.kind).sort()).toEqual(["do", "dont", "escalation"]);
    expect(res.playbook.find((p: { kind: string }) => p.kind === "escalation")).toEqual({
      kind: "escalation",
      title: "Jordan Blake (Billing lead, Billing)",
      text: "Refunds over $100. — jb@acme.example",
    });
  });

  it("renders for a conversation and keeps only templates for its channel", async () => {
    const res = await search(`q=billing&conversation_id=${w.conversationId}`);
    expect(res.templates.map((x: { name: string }) => x.name)).toEqual(["Billing dispute", "Thanks"]);
    expect(res.templates[0]).toMatchObject({
      rendered: "Hi Maria, please DM us. agent",
      missing: [],
    });
  });

  it("lists the first of each when nothing is typed", async () => {
    const res = await search("limit=2");
    expect(res.templates).toHaveLength(2);
    expect(res.articles).toHaveLength(2);
    expect(res.playbook.map((p: { kind: string }) => p.kind)).toEqual(["tone", "do"]);
    const example = (await search("q=unexpected")).playbook;
    expect(example).toEqual([
      {
        kind: "example",
        title: "Unexpected bill",
        text: "Bill doubled.\n\nCould you DM your account number?",
      },
    ]);
  });

  it("answers 404 for a conversation of another workspace and 400 for a bad limit", async () => {
    const other = await createWorkspaceFixture(t.app, t.database.db, "cmp-other");
    const res = await call(
      "GET",
      `/composer/search?conversation_id=${other.conversationId}`,
      w.sessions.agent,
    );
    expect(res.statusCode).toBe(404);
    const bad = await call("GET", "/composer/search?limit=500", w.sessions.agent);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("querystring.limit");
  });
});
