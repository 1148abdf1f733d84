import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspaceFixture, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, type Credentials, createTestApp, type TestApp } from "../../testing/harness";

/* The playbook (SPEC A4): one per workspace, read by everyone, replaced by admins. */
let t: TestApp;
let w: WorkspaceFixture;
let other: WorkspaceFixture;

const call = (method: "GET" | "PUT", url: string, as: Credentials, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, payload, headers: authHeaders(as) });

const PLAYBOOK = {
  tone_of_voice: "Warm and plain-spoken.",
  dos: ["Use the customer's first name."],
  donts: ["Don't ask for passwords."],
  examples: [{ title: "Outage", situation: "No signal for hours.", response: "Sorry, engineers are on it." }],
  escalation_contacts: [
    {
      name: "NOC",
      role: "Incident desk",
      team: "Network",
      email: "noc@acme.example",
      phone: null,
      when: "Outages.",
    },
  ],
};

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "pb");
  other = await createWorkspaceFixture(t.app, t.database.db, "pb-other");
});
afterAll(() => t?.close());

describe("playbook", () => {
  it("is empty until saved, then returns what was saved with who saved it", async () => {
    const empty = await call("GET", "/playbook", w.sessions.agent);
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toEqual({
      tone_of_voice: "",
      dos: [],
      donts: [],
      examples: [],
      escalation_contacts: [],
      updated_at: null,
      updated_by: null,
    });

    const saved = await call("PUT", "/playbook", w.sessions.admin, PLAYBOOK);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      ...PLAYBOOK,
      updated_by: { id: w.userIds.admin, name: "admin of pb" },
    });
    expect(saved.json().updated_at).toEqual(expect.any(String));

    const replaced = await call("PUT", "/playbook", w.sessions.admin, { ...PLAYBOOK, dos: [], examples: [] });
    expect(replaced.json()).toMatchObject({ dos: [], examples: [], donts: PLAYBOOK.donts });
    expect((await call("GET", "/playbook", w.sessions.analyst)).json().dos).toEqual([]);
    expect((await call("GET", "/playbook", other.sessions.agent)).json().updated_at).toBeNull();

    const audit = await call("GET", "/audit-log?limit=50", w.sessions.admin);
    expect(
      audit.json().items.filter((i: { action: string }) => i.action === "playbook.updated"),
    ).toHaveLength(2);
  });

  it("refuses a bad playbook naming the field", async () => {
    const res = await call("PUT", "/playbook", w.sessions.admin, {
      ...PLAYBOOK,
      escalation_contacts: [{ ...PLAYBOOK.escalation_contacts[0], email: "not-an-email" }],
      dos: [""],
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["body.escalation_contacts.0.email", "body.dos.0"]));
  });

  it("lets agents read but not write", async () => {
    const res = await call("PUT", "/playbook", w.sessions.agent, PLAYBOOK);
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain("templates:manage");
  });
});
