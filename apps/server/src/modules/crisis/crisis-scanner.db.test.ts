import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../platform/clock";
import {
  auditLog,
  crisisAlerts,
  crisisModes,
  listeningProfiles,
  messages,
  rules,
  teams,
  templates,
  workspaces,
} from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { createWorkspaceFixture, insertConversation, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, createTestApp, type TestApp } from "../../testing/harness";
import type { CrisisAlertRow } from "./crisis.repo";
import { type CrisisScanner, startCrisisScanner } from "./crisis-scanner";

/*
 * The crisis scanner (SPEC W6) over messages written straight into the tables: a day of ordinary
 * traffic, then a spike in the last 15 minutes. One alert per topic and kind, however often it
 * scans; an automatic crisis mode where the workspace asks for one.
 */
const NOW = new Date("2026-03-02T12:00:00Z");
const MINUTE = 60_000;
const WINDOW = 15 * MINUTE;

let t: TestApp;
let w: WorkspaceFixture;
let auto: WorkspaceFixture;
let scanner: CrisisScanner;
let profileId: string;
let prTeam: string;
let holding: string;
const clock = fixedClock(NOW);
const noticed: CrisisAlertRow[][] = [];

type Msg = {
  at: Date;
  category?: string | null;
  negative?: boolean;
  text?: string;
  spam?: boolean;
  out?: boolean;
};

/** Messages of one conversation, as ingestion stores them, in one insert. */
async function insertMessages(workspaceId: string, list: Msg[], listening: object[] = []) {
  const { conversationId } = await insertConversation(t.database.db, workspaceId, {}, NOW);
  await t.database.db.insert(messages).values(
    list.map((m) => ({
      id: newId(),
      workspaceId,
      conversationId,
      channel: "x" as const,
      direction: m.out ? ("outbound" as const) : ("inbound" as const),
      visibility: "public" as const,
      kind: "post" as const,
      text: m.text ?? "@acme where is my parcel",
      category: m.category === undefined ? "delivery" : m.category,
      sentiment: m.negative ? ("negative" as const) : ("neutral" as const),
      isSpam: m.spam ?? false,
      classification: { listening },
      deliveryStatus: "received" as const,
      sentAt: m.at,
      receivedAt: m.at,
    })),
  );
}

const minutesAgo = (n: number) => new Date(NOW.getTime() - n * MINUTE);

/** Two delivery messages in every window of the last day (one in four windows has a negative one). */
function baselineDay(): Msg[] {
  return Array.from({ length: 96 }, (_, i) => {
    const start = NOW.getTime() - WINDOW - (i + 1) * WINDOW;
    return [
      { at: new Date(start + 2 * MINUTE), negative: i % 4 === 0 },
      { at: new Date(start + 9 * MINUTE) },
      { at: new Date(start + 5 * MINUTE), category: "billing" },
    ];
  }).flat();
}

/** The last 15 minutes: 30 delivery messages (20 negative), plus noise that must not count. */
function spike(): Msg[] {
  const at = (i: number) => minutesAgo(14 - (i % 14));
  return [
    ...Array.from({ length: 30 }, (_, i) => ({ at: at(i), negative: i < 20 })),
    ...Array.from({ length: 40 }, (_, i) => ({ at: at(i), negative: true, spam: true })),
    ...Array.from({ length: 10 }, (_, i) => ({ at: at(i), out: true })),
    ...Array.from({ length: 3 }, (_, i) => ({ at: at(i), category: "billing" })),
    // Just outside the window on either side.
    { at: minutesAgo(15.01) },
    { at: new Date(NOW.getTime() + MINUTE) },
  ];
}

const blackout = (): Msg[] =>
  Array.from({ length: 12 }, (_, i) => ({
    at: minutesAgo(1 + i),
    category: null,
    text: `@acme total BLACKOUT on my street #${i}`,
  }));

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "crisis-scan");
  auto = await createWorkspaceFixture(t.app, t.database.db, "crisis-auto");
  const db = t.database.db;
  profileId = newId();
  await db
    .insert(listeningProfiles)
    .values({ id: profileId, workspaceId: w.workspaceId, name: "Power", kind: "care" });
  await db
    .update(workspaces)
    .set({ settings: { crisis: { keywords: ["Blackout ", "blackout", "flood"] } } })
    .where(eq(workspaces.id, w.workspaceId));
  prTeam = newId();
  holding = newId();
  await db.insert(teams).values({ id: prTeam, workspaceId: auto.workspaceId, name: "PR" });
  await db.insert(templates).values({
    id: holding,
    workspaceId: auto.workspaceId,
    name: "Holding",
    kind: "holding",
    body: "We know about the problem and are working on it.",
  });
  await db
    .update(workspaces)
    .set({ settings: { crisis: { auto_mode: { team_id: prTeam, holding_template_id: holding } } } })
    .where(eq(workspaces.id, auto.workspaceId));

  await insertMessages(w.workspaceId, [...baselineDay(), ...spike()]);
  await insertMessages(w.workspaceId, blackout(), [
    { id: profileId, name: "Power", kind: "care", matched: "power" },
  ]);
  await insertMessages(
    auto.workspaceId,
    Array.from({ length: 15 }, (_, i) => ({ at: minutesAgo(1 + (i % 10)) })),
  );
  scanner = startCrisisScanner({
    db,
    clock,
    log: { error: () => {}, warn: () => {} },
    autostart: false,
    onAlert: (alerts) => {
      noticed.push(alerts);
    },
  });
});
afterAll(async () => {
  await scanner?.stop();
  await t?.close();
});

const alertsOf = (workspaceId: string) =>
  t.database.db.select().from(crisisAlerts).where(eq(crisisAlerts.workspaceId, workspaceId));
const summary = (rows: CrisisAlertRow[]) => rows.map((a) => `${a.topicKind}:${a.topic}:${a.kind}`).sort();

describe("crisis scanner", () => {
  it("raises one alert per spiking topic and kind, counting only customers' non-spam messages", async () => {
    const scan = await scanner.tick();
    expect(summary(scan.alerts.filter((a) => a.workspaceId === w.workspaceId))).toEqual([
      "category:delivery:negative_share",
      "category:delivery:volume",
      "keyword:blackout:volume",
      `listening:${profileId}:volume`,
    ]);
    const delivery = scan.alerts.find(
      (a) => a.workspaceId === w.workspaceId && a.topic === "delivery" && a.kind === "volume",
    );
    // 30 in the window; the one sent a moment before it is the baseline's 193rd message.
    expect(delivery).toMatchObject({
      status: "open",
      volume: 30,
      negative: 20,
      windowStart: new Date(NOW.getTime() - WINDOW),
      windowEnd: NOW,
    });
    expect(delivery?.baselineVolume).toBeCloseTo(193 / 96, 5);
    expect(delivery?.baselineNegativeShare).toBeCloseTo(24 / 193, 5);
    expect(noticed).toHaveLength(1);
  });

  it("does not raise the same alert again while it is open, nor in the cool-down after a decision", async () => {
    clock.advance(MINUTE);
    expect((await scanner.tick()).alerts).toEqual([]);
    expect(await alertsOf(w.workspaceId)).toHaveLength(4);
    const [volume] = (await alertsOf(w.workspaceId)).filter(
      (a) => a.topic === "delivery" && a.kind === "volume",
    );
    const ack = await t.app.inject({
      method: "POST",
      url: `/api/v1/crisis/alerts/${volume?.id}/acknowledge`,
      headers: authHeaders(w.sessions.admin),
    });
    expect(ack.statusCode).toBe(200);
    clock.advance(MINUTE);
    expect((await scanner.tick()).alerts).toEqual([]);
    expect(await alertsOf(w.workspaceId)).toHaveLength(4);
    expect(noticed).toHaveLength(1);
  });

  it("starts crisis mode on a volume spike when the workspace allows it", async () => {
    const [alert] = await alertsOf(auto.workspaceId);
    expect(alert).toMatchObject({
      topicKind: "category",
      topic: "delivery",
      kind: "volume",
      status: "crisis",
    });
    const [mode] = await t.database.db
      .select()
      .from(crisisModes)
      .where(eq(crisisModes.workspaceId, auto.workspaceId));
    expect(mode).toMatchObject({
      startedVia: "automatic",
      startedBy: null,
      teamId: prTeam,
      holdingTemplateId: holding,
      alertId: alert?.id,
      endedAt: null,
    });
    const [rule] = await t.database.db
      .select()
      .from(rules)
      .where(and(eq(rules.workspaceId, auto.workspaceId), eq(rules.id, mode?.ruleId as string)));
    expect(rule).toMatchObject({ name: "Crisis mode: delivery", position: -1000, enabled: true });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, auto.workspaceId), eq(auditLog.action, "crisis_mode.started")));
    expect(audit).toMatchObject([{ actorType: "system", targetId: mode?.id }]);
  });

  it("shows each workspace only its own alerts", async () => {
    const list = await t.app.inject({
      method: "GET",
      url: "/api/v1/crisis/alerts?status=open",
      headers: authHeaders(w.sessions.analyst),
    });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { topic: string; topic_name: string; kind: string }[];
    expect(items).toHaveLength(3);
    expect(items.find((i) => i.topic === profileId)?.topic_name).toBe("Power");
    const theirs = await t.app.inject({
      method: "GET",
      url: "/api/v1/crisis/alerts",
      headers: authHeaders(auto.apiKeys.admin),
    });
    expect(theirs.json().items).toHaveLength(1);
    expect(theirs.body).not.toContain(w.workspaceId);
    const foreign = await t.app.inject({
      method: "POST",
      url: `/api/v1/crisis/alerts/${list.json().items[0].id}/dismiss`,
      headers: authHeaders(auto.sessions.admin),
    });
    expect(foreign.statusCode).toBe(404);
  });
});
