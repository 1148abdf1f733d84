import { and, asc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { buildApp } from "../../app";
import type { DeskChange } from "../../platform/bus";
import { fixedClock } from "../../platform/clock";
import type { Database } from "../../platform/db";
import { agentAvailabilityHistory, auditLog } from "../../platform/db/schema";
import { openTestDatabase } from "../../platform/db/testing";
import type { Deps } from "../../platform/deps";
import { createWorkspaceFixture, FIXTURE_PASSWORD, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, type Credentials, createTestDeps, loginAs } from "../../testing/harness";
import { createWorkspace } from "../workspaces/create-workspace";
import { availabilityChanges, changeAvailability, currentAvailability } from "./availability-history";
import { createUser } from "./create-user";

const clock = fixedClock(new Date("2026-03-02T08:00:00Z"));
const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);
let app: FastifyInstance;
let database: Database;
let deps: Deps;
let w: WorkspaceFixture;
/** Another workspace with one agent (built without logins: the login route allows 20 a minute). */
let other: { workspaceId: string; agentId: string };
let liveUrl: string;
const published: DeskChange[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  deps = createTestDeps(database, clock);
  app = await buildApp({ deps, ping: database.ping, logger: false, live: { deskClosedGraceMs: 150 } });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  liveUrl = `${address.replace("http", "ws")}/api/v1/live`;
  w = await createWorkspaceFixture(app, database.db, "avail");
  const elsewhere = await createWorkspace(database.db, { slug: "avail-other", name: "Other" }, clock.now());
  const stranger = await createUser(
    database.db,
    {
      workspaceId: elsewhere.id,
      email: "agent@avail-other.test",
      name: "Stranger",
      password: FIXTURE_PASSWORD,
      role: "agent",
    },
    clock.now(),
  );
  await changeAvailability(
    database.db,
    { workspaceId: elsewhere.id, userId: stranger.id, availability: "available", via: "manager" },
    at("09:00"),
  );
  other = { workspaceId: elsewhere.id, agentId: stranger.id };
  deps.changes.subscribe(w.workspaceId, (c) => published.push(c));
});
afterAll(async () => {
  const closing = app?.close();
  app?.server.closeAllConnections();
  await closing;
  await deps?.bus.close();
  await database?.close();
});

function history(userId: string, workspaceId = w.workspaceId) {
  return database.db
    .select({
      availability: agentAvailabilityHistory.availability,
      startedAt: agentAvailabilityHistory.startedAt,
      endedAt: agentAvailabilityHistory.endedAt,
    })
    .from(agentAvailabilityHistory)
    .where(
      and(eq(agentAvailabilityHistory.workspaceId, workspaceId), eq(agentAvailabilityHistory.userId, userId)),
    )
    .orderBy(asc(agentAvailabilityHistory.startedAt), asc(agentAvailabilityHistory.id));
}

const call = (method: "PUT" | "PATCH" | "POST", url: string, creds: Credentials, payload?: object) =>
  app.inject({ method, url: `/api/v1${url}`, payload, headers: authHeaders(creds) });
const setMine = (creds: Credentials, availability: string) =>
  call("PUT", "/me/availability", creds, { availability });

/** A member of its own, so each scenario reads a clean history. */
async function member(name: string, role: "agent" | "lead" = "agent") {
  const email = `${name}@avail.test`;
  const user = await createUser(
    database.db,
    { workspaceId: w.workspaceId, email, name, password: FIXTURE_PASSWORD, role },
    clock.now(),
  );
  return { id: user.id, login: () => loginAs(app, email, FIXTURE_PASSWORD) };
}

describe("availability history", () => {
  it("logging in makes an offline agent available, opening their first row; an analyst stays untracked", async () => {
    const ana = await member("ana");
    expect(await history(ana.id)).toEqual([]);
    clock.set(at("08:00"));
    await ana.login();
    expect(await history(ana.id)).toEqual([
      { availability: "available", startedAt: at("08:00"), endedAt: null },
    ]);
    expect(await history(w.userIds.analyst)).toEqual([]);
  });

  it("an agent's own change closes the open row and opens the next, with its audit row and a live change", async () => {
    const bo = await member("bo");
    clock.set(at("09:00"));
    const session = await bo.login();
    published.length = 0;
    clock.set(at("09:30"));
    const res = await setMine(session, "busy");
    expect(res.statusCode).toBe(200);
    expect(res.json().availability).toBe("busy");
    // A repeat changes nothing: no zero-length rows, nothing published.
    clock.set(at("09:31"));
    expect((await setMine(session, "busy")).statusCode).toBe(200);
    expect(await history(bo.id)).toEqual([
      { availability: "available", startedAt: at("09:00"), endedAt: at("09:30") },
      { availability: "busy", startedAt: at("09:30"), endedAt: null },
    ]);
    expect(published).toEqual([
      {
        workspaceId: w.workspaceId,
        conversationIds: [],
        userIds: [bo.id],
        reasons: ["availability"],
        created: [],
      },
    ]);
    const audits = await database.db
      .select({ action: auditLog.action, data: auditLog.data, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, w.workspaceId), eq(auditLog.targetId, bo.id)))
      .orderBy(asc(auditLog.createdAt));
    expect(audits.filter((a) => a.action === "user.availability").map((a) => a.data)).toEqual([
      { availability: "available", previous: "offline", via: "login" },
      { availability: "busy", previous: "available", via: "self" },
    ]);
    const bad = await setMine(session, "sleeping");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("body.availability");
  });

  it("PATCH: a member may set only their own availability; a lead or an admin anyone's", async () => {
    const cy = await member("cy");
    clock.set(at("10:00"));
    const session = await cy.login();
    expect(
      (await call("PATCH", `/users/${w.userIds.lead}`, session, { availability: "away" })).statusCode,
    ).toBe(403);
    expect((await call("PATCH", `/users/${cy.id}`, session, { role: "admin" })).statusCode).toBe(403);
    clock.set(at("10:10"));
    const own = await call("PATCH", `/users/${cy.id}`, session, { availability: "away" });
    expect(own.statusCode).toBe(200);
    clock.set(at("10:20"));
    const byLead = await call("PATCH", `/users/${cy.id}`, w.sessions.lead, { availability: "offline" });
    expect(byLead.statusCode).toBe(200);
    expect(byLead.json().availability).toBe("offline");
    expect((await call("PATCH", `/users/${cy.id}`, w.sessions.lead, { capacity: 3 })).statusCode).toBe(403);
    clock.set(at("10:30"));
    const byAdmin = await call("PATCH", `/users/${cy.id}`, w.sessions.admin, {
      availability: "available",
      capacity: 4,
    });
    expect(byAdmin.json()).toMatchObject({ availability: "available", capacity: 4 });
    // Another workspace's member is not found, whoever asks.
    expect(
      (await call("PATCH", `/users/${other.agentId}`, w.sessions.lead, { availability: "away" })).statusCode,
    ).toBe(404);
    expect((await history(cy.id)).map((r) => [r.availability, r.startedAt, r.endedAt])).toEqual([
      ["available", at("10:00"), at("10:10")],
      ["away", at("10:10"), at("10:20")],
      ["offline", at("10:20"), at("10:30")],
      ["available", at("10:30"), null],
    ]);
  });

  it("logging out of the last session goes offline; with another session open nothing changes", async () => {
    const di = await member("di");
    clock.set(at("11:00"));
    const laptop = await di.login();
    const phone = await di.login();
    clock.set(at("11:30"));
    expect((await call("POST", "/auth/logout", phone)).statusCode).toBe(204);
    expect((await history(di.id)).map((r) => r.availability)).toEqual(["available"]);
    clock.set(at("12:00"));
    expect((await call("POST", "/auth/logout", laptop)).statusCode).toBe(204);
    expect(await history(di.id)).toEqual([
      { availability: "available", startedAt: at("11:00"), endedAt: at("12:00") },
      { availability: "offline", startedAt: at("12:00"), endedAt: null },
    ]);
    // Back in: available again; a chosen busy survives a second login.
    clock.set(at("13:00"));
    const again = await di.login();
    await setMine(again, "busy");
    await di.login();
    expect((await history(di.id)).map((r) => r.availability)).toEqual([
      "available",
      "offline",
      "available",
      "busy",
    ]);
  });

  it("a closed desk goes offline as of when it closed, unless another session was seen since", async () => {
    const ed = await member("ed");
    clock.set(at("14:00"));
    const session = await ed.login();
    const open = async (creds: Credentials) => {
      const ws = new WebSocket(liveUrl, { headers: authHeaders(creds) });
      await new Promise((resolve, reject) => {
        ws.once("message", resolve);
        ws.once("error", reject);
      });
      return ws;
    };
    // The server handles a close a moment later; the clock must still read the closing time then.
    const serverSawClose = () => new Promise((r) => setTimeout(r, 60));
    const tab = await open(session);
    clock.set(at("14:40"));
    tab.close();
    // A reload inside the grace period keeps the state.
    const reloaded = await open(session);
    await new Promise((r) => setTimeout(r, 300));
    expect((await history(ed.id)).map((r) => r.availability)).toEqual(["available"]);
    clock.set(at("15:00"));
    reloaded.close();
    await serverSawClose();
    clock.set(at("15:05"));
    const until = Date.now() + 3_000;
    while ((await history(ed.id)).length < 2 && Date.now() < until)
      await new Promise((r) => setTimeout(r, 25));
    expect(await history(ed.id)).toEqual([
      { availability: "available", startedAt: at("14:00"), endedAt: at("15:00") },
      { availability: "offline", startedAt: at("15:00"), endedAt: null },
    ]);

    // Another device of theirs, active after the tab closed, keeps them on.
    const fay = await member("fay");
    clock.set(at("16:00"));
    const desktop = await fay.login();
    const phone = await fay.login();
    const fayTab = await open(desktop);
    clock.set(at("16:10"));
    fayTab.close();
    await serverSawClose();
    clock.set(at("16:12"));
    const seen = await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: authHeaders(phone) });
    expect(seen.statusCode).toBe(200); // the phone's session is seen at 16:12
    await new Promise((r) => setTimeout(r, 400));
    expect((await history(fay.id)).map((r) => r.availability)).toEqual(["available"]);
  });

  it("leaving the workspace closes the open row", async () => {
    const gus = await member("gus");
    clock.set(at("17:00"));
    await call("PATCH", `/users/${gus.id}`, w.sessions.lead, { availability: "available" });
    clock.set(at("17:30"));
    expect(
      (
        await app.inject({
          method: "DELETE",
          url: `/api/v1/users/${gus.id}`,
          headers: authHeaders(w.sessions.admin),
        })
      ).statusCode,
    ).toBe(204);
    expect(await history(gus.id)).toEqual([
      { availability: "available", startedAt: at("17:00"), endedAt: at("17:30") },
    ]);
    const changes = await availabilityChanges(database.db, w.workspaceId, at("16:45"), at("18:00"));
    expect(changes.filter((c) => c.userId === gus.id)).toEqual([
      { userId: gus.id, at: at("17:00"), availability: "available" },
      { userId: gus.id, at: at("17:30"), availability: "offline" },
    ]);
  });
});

describe("availabilityChanges and currentAvailability", () => {
  it("lists a period's changes starting with the state each user was in at `from`", async () => {
    const hal = await member("hal");
    const set = (availability: string) =>
      call("PATCH", `/users/${hal.id}`, w.sessions.lead, { availability });
    clock.set(at("09:00"));
    await set("available");
    clock.set(at("10:00"));
    await set("busy");
    clock.set(at("11:00"));
    await set("away");
    clock.set(at("12:00"));
    await set("available");
    const changes = await availabilityChanges(database.db, w.workspaceId, at("10:30"), at("11:30"));
    expect(changes.filter((c) => c.userId === hal.id)).toEqual([
      { userId: hal.id, at: at("10:30"), availability: "busy" },
      { userId: hal.id, at: at("11:00"), availability: "away" },
    ]);
    // The whole day, and nothing of another workspace.
    const day = await availabilityChanges(database.db, w.workspaceId, at("00:00"), at("23:59"));
    expect(day.filter((c) => c.userId === hal.id).map((c) => c.availability)).toEqual([
      "available",
      "busy",
      "away",
      "available",
    ]);
    expect(day.some((c) => c.userId === other.agentId)).toBe(false);
    expect(await availabilityChanges(database.db, w.workspaceId, at("06:00"), at("07:00"))).toEqual([]);
  });

  it("lists every member's current state and since when", async () => {
    const now = await currentAvailability(database.db, w.workspaceId);
    const byName = new Map(now.map((m) => [m.name, m]));
    expect(byName.get("hal")).toEqual({
      userId: expect.any(String),
      name: "hal",
      role: "agent",
      availability: "available",
      since: at("12:00"),
    });
    expect(byName.get("ed")).toMatchObject({ availability: "offline", since: at("15:00") });
    expect(byName.get("analyst of avail")).toMatchObject({ availability: "offline", since: null });
    expect(byName.has("gus")).toBe(false);
    expect(now.some((m) => m.userId === other.agentId)).toBe(false);
  });
});
