import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type BackgroundWork, startBackgroundWork } from "../../outbox/workers";
import { auditLog, inboundEvents, inboundQueue, messages } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { createWorkspaceFixture, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, type Credentials, createTestApp, type TestApp } from "../../testing/harness";
import { connectXChannel } from "../../testing/x-channel";

let t: TestApp;
let w: WorkspaceFixture;
let other: WorkspaceFixture;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "listen");
  other = await createWorkspaceFixture(t.app, t.database.db, "listen-other");
});
afterAll(() => t?.close());

const call = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, as: Credentials, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, payload, headers: authHeaders(as) });

const switching = {
  name: "Switching providers",
  kind: "care",
  include: ["going to switch providers", "cancel* my contract"],
  require_any: ["acme", "@acme_help"],
  exclude: ["giveaway"],
  languages: ["EN"],
};

it("leads create, change and delete profiles; everyone reads them; each write is audited", async () => {
  const created = await call("POST", "/listening-profiles", w.sessions.lead, switching);
  expect(created.statusCode).toBe(201);
  const profile = created.json();
  expect(profile).toMatchObject({ ...switching, languages: ["en"], locations: [], enabled: true });

  const second = await call("POST", "/listening-profiles", w.sessions.admin, {
    name: "Acme brand",
    kind: "brand",
    include: ["acme", "acme"],
  });
  expect(second.json().include).toEqual(["acme"]);

  const page = await call("GET", "/listening-profiles?limit=1", w.apiKeys.analyst);
  expect(page.json().items.map((p: { name: string }) => p.name)).toEqual(["Acme brand"]);
  const rest = await call(
    "GET",
    `/listening-profiles?limit=1&cursor=${page.json().next_cursor}`,
    w.sessions.agent,
  );
  expect(rest.json()).toEqual({ items: [profile], next_cursor: null });

  const patched = await call("PATCH", `/listening-profiles/${profile.id}`, w.sessions.lead, {
    enabled: false,
    exclude: [],
  });
  expect(patched.json()).toMatchObject({ enabled: false, exclude: [], include: switching.include });

  expect((await call("DELETE", `/listening-profiles/${profile.id}`, w.sessions.lead)).statusCode).toBe(204);
  expect((await call("DELETE", `/listening-profiles/${profile.id}`, w.sessions.lead)).statusCode).toBe(404);
  const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, profile.id));
  expect(audit.map((a) => a.action).sort()).toEqual([
    "listening_profile.created",
    "listening_profile.deleted",
    "listening_profile.updated",
  ]);
});

it("validates phrases, kinds and list sizes, naming the field", async () => {
  const bad = async (body: object, field: string) => {
    const res = await call("POST", "/listening-profiles", w.sessions.admin, { ...switching, ...body });
    expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  };
  await bad({ kind: "rumour" }, "body.kind");
  await bad({ include: [] }, "body.include");
  await bad({ include: ["  "] }, "body.include.0");
  await bad({ exclude: ["x".repeat(201)] }, "body.exclude.0");
  await bad({ require_any: Array.from({ length: 201 }, (_, i) => `w${i}`) }, "body.require_any");
  await bad({ colour: "red" }, "body.colour");
});

it("agents and analysts may not write; other workspaces do not see or change the profile", async () => {
  const { id } = (
    await call("POST", "/listening-profiles", w.sessions.admin, { ...switching, name: "Mine" })
  ).json();
  expect((await call("POST", "/listening-profiles", w.sessions.agent, switching)).statusCode).toBe(403);
  expect(
    (await call("PATCH", `/listening-profiles/${id}`, w.apiKeys.analyst, { enabled: false })).statusCode,
  ).toBe(403);
  expect(
    (await call("PATCH", `/listening-profiles/${id}`, other.sessions.admin, { enabled: false })).statusCode,
  ).toBe(404);
  expect((await call("DELETE", `/listening-profiles/${id}`, other.sessions.admin)).statusCode).toBe(404);
  expect((await call("GET", "/listening-profiles", other.sessions.agent)).json().items).toEqual([]);
});

it("the pipeline tags a message with the profiles it matches", async () => {
  const worker: BackgroundWork = await startBackgroundWork(
    t.deps,
    { error: () => {}, warn: () => {} },
    {
      autostart: false,
    },
  );
  try {
    const f = await createWorkspaceFixture(t.app, t.database.db, "listen-e2e");
    const channel = await connectXChannel(t.app, f.sessions.admin, { brandId: "5511223344" });
    const profile = (await call("POST", "/listening-profiles", f.sessions.lead, switching)).json();
    const id = newId();
    await t.database.db.insert(inboundEvents).values({
      id,
      workspaceId: f.workspaceId,
      channelAccountId: channel.id,
      network: "x",
      idempotencyKey: `x:${id}`,
      payload: {
        for_user_id: "5511223344",
        tweet_create_events: [
          {
            id_str: "1897312200555000001",
            text: "@acme_help I am going to switch providers if this goes on",
            user: { id_str: "4400001", name: "Sam", screen_name: "sam" },
          },
        ],
      },
    });
    await t.database.db.insert(inboundQueue).values({ eventId: id, receivedAt: new Date() });
    await t.deps.inbound.publish([{ id, key: `${channel.id}:sam` }]);
    await worker.tick();
    const [message] = await t.database.db
      .select()
      .from(messages)
      .where(eq(messages.externalId, "1897312200555000001"));
    expect(message?.classification.listening).toEqual([
      expect.objectContaining({ id: profile.id, name: "Switching providers", kind: "care" }),
    ]);
  } finally {
    await worker.stop();
  }
});
