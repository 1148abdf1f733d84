import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { auditLog, channelAccounts } from "../../platform/db/schema";
import { createWorkspaceFixture, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, createTestApp, type TestApp } from "../../testing/harness";

let t: TestApp;
let w: WorkspaceFixture;
let other: WorkspaceFixture;

const X_CREDS = {
  api_key: "ck",
  api_secret: "consumer-secret-value",
  bearer_token: "AAAA-bearer",
  access_token: "user-token",
};

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "chan");
  other = await createWorkspaceFixture(t.app, t.database.db, "chan-other");
});
afterAll(() => t?.close());

const connect = (payload: object, creds = w.sessions.admin) =>
  t.app.inject({ method: "POST", url: "/api/v1/channels", payload, headers: authHeaders(creds) });

it("connects an account with encrypted credentials that are never returned or audited", async () => {
  const res = await connect({
    network: "x",
    name: "@AcmeCares",
    handle: "AcmeCares",
    external_account_id: "1000",
    credentials: X_CREDS,
  });
  expect(res.statusCode).toBe(201);
  const channel = res.json();
  expect(channel).toMatchObject({
    network: "x",
    base_url: "https://api.x.com",
    status: "active",
    credential_keys: ["access_token", "api_key", "api_secret", "bearer_token"],
    webhook_path: `/ingest/x/${channel.id}`,
  });
  expect(res.body).not.toContain("consumer-secret-value");
  const [row] = await t.database.db.select().from(channelAccounts).where(eq(channelAccounts.id, channel.id));
  expect(row?.credentialsEncrypted).toMatch(/^v1\./);
  expect(row?.credentialsEncrypted).not.toContain("consumer-secret-value");
  expect(t.deps.secrets.decrypt(row?.credentialsEncrypted ?? "")).toContain("consumer-secret-value");
  const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, channel.id));
  expect(JSON.stringify(audit)).not.toContain("consumer-secret-value");
  const list = await t.app.inject({
    method: "GET",
    url: "/api/v1/channels",
    headers: authHeaders(w.sessions.agent),
  });
  expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([channel.id]);
});

it("names missing and unknown credentials", async () => {
  const res = await connect({
    network: "facebook",
    name: "Acme Page",
    external_account_id: "200",
    credentials: { app_id: "1", page_token: "x" },
  });
  expect(res.statusCode).toBe(400);
  const fields = res.json().errors.map((e: { field: string }) => e.field);
  expect(fields).toEqual(
    expect.arrayContaining([
      "body.credentials.app_secret",
      "body.credentials.verify_token",
      "body.credentials.page_access_token",
      "body.credentials.page_token",
    ]),
  );
});

it("refuses to connect the same account twice, but reconnects a disconnected one", async () => {
  const again = await connect({
    network: "x",
    name: "dup",
    external_account_id: "1000",
    credentials: X_CREDS,
  });
  expect(again.statusCode).toBe(409);
  const [row] = await t.database.db
    .select()
    .from(channelAccounts)
    .where(eq(channelAccounts.externalAccountId, "1000"));
  const del = await t.app.inject({
    method: "DELETE",
    url: `/api/v1/channels/${row?.id}`,
    headers: authHeaders(w.sessions.admin),
  });
  expect(del.statusCode).toBe(204);
  const [gone] = await t.database.db
    .select()
    .from(channelAccounts)
    .where(eq(channelAccounts.externalAccountId, "1000"));
  expect(gone).toMatchObject({ status: "disconnected", credentialsEncrypted: null });
  const back = await connect({
    network: "x",
    name: "@AcmeCares",
    external_account_id: "1000",
    credentials: X_CREDS,
    base_url: "http://127.0.0.1:3000/sandbox/x/",
  });
  expect(back.statusCode).toBe(201);
  expect(back.json()).toMatchObject({
    id: row?.id,
    status: "active",
    base_url: "http://127.0.0.1:3000/sandbox/x",
  });
});

it("pauses a channel and replaces one secret, keeping the others", async () => {
  const [row] = await t.database.db
    .select()
    .from(channelAccounts)
    .where(eq(channelAccounts.externalAccountId, "1000"));
  const res = await t.app.inject({
    method: "PATCH",
    url: `/api/v1/channels/${row?.id}`,
    payload: { status: "paused", credentials: { access_token: "rotated" } },
    headers: authHeaders(w.sessions.admin),
  });
  expect(res.statusCode).toBe(200);
  expect(res.json().status).toBe("paused");
  const [after] = await t.database.db
    .select()
    .from(channelAccounts)
    .where(eq(channelAccounts.id, row?.id ?? ""));
  const creds = JSON.parse(t.deps.secrets.decrypt(after?.credentialsEncrypted ?? ""));
  expect(creds).toEqual({ ...X_CREDS, access_token: "rotated" });
});

it("is admin-only to change and invisible to other workspaces", async () => {
  const [row] = await t.database.db
    .select()
    .from(channelAccounts)
    .where(eq(channelAccounts.externalAccountId, "1000"));
  expect(
    (
      await connect(
        { network: "x", name: "n", external_account_id: "9", credentials: X_CREDS },
        w.sessions.lead,
      )
    ).statusCode,
  ).toBe(403);
  for (const method of ["GET", "DELETE"] as const) {
    const res = await t.app.inject({
      method,
      url: `/api/v1/channels/${row?.id}`,
      headers: authHeaders(other.sessions.admin),
    });
    expect(res.statusCode).toBe(404);
  }
});
