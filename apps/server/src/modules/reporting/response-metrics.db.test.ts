import type { DeliveryStatus } from "@parley/contracts";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../platform/db";
import { channelAccounts, conversationEvents, messages, surveys } from "../../platform/db/schema";
import { openTestDatabase } from "../../platform/db/testing";
import { newId } from "../../platform/ids";
import { insertConversation } from "../../testing/fixtures";
import { createWorkspace } from "../workspaces/create-workspace";
import { metricsCommand } from "./metrics.command";
import { computeResponseMetrics } from "./response-metrics";

let database: Database;
let ws: string;
let other: string;

const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);

async function channel(workspaceId: string, name: string, handle: string | null) {
  const id = newId();
  await database.db.insert(channelAccounts).values({
    id,
    workspaceId,
    network: "x",
    name,
    handle,
    externalAccountId: name,
    baseUrl: "https://api.x.com",
  });
  return id;
}

async function message(
  workspaceId: string,
  conversationId: string,
  direction: "inbound" | "outbound",
  hhmm: string,
  over: { isSpam?: boolean; deliveryStatus?: DeliveryStatus; classification?: Record<string, unknown> } = {},
) {
  const id = newId();
  await database.db.insert(messages).values({
    id,
    workspaceId,
    conversationId,
    channel: "x",
    direction,
    visibility: "public",
    kind: "reply",
    text: direction === "inbound" ? "@acme hello?" : "@cust on it",
    deliveryStatus: direction === "inbound" ? "received" : "sent",
    sentAt: at(hhmm),
    ...over,
  });
  if (direction === "inbound" || (over.deliveryStatus ?? "sent") === "sent")
    await logged(
      workspaceId,
      conversationId,
      direction === "inbound" ? "message_in" : "message_out",
      id,
      hhmm,
    );
}

/** The event the message's writer logs (the pipeline's message_in, the outbox's message_out). */
async function logged(
  workspaceId: string,
  conversationId: string,
  type: "message_in" | "message_out",
  messageId: string,
  hhmm: string,
) {
  await database.db.insert(conversationEvents).values({
    workspaceId,
    conversationId,
    type,
    actorType: "system",
    messageId,
    occurredAt: at(hhmm),
  });
}

/** A conversation whose first customer message is at `hhmm` (the fixture's), then `rest`. */
async function conversation(
  workspaceId: string,
  channelAccountId: string | null,
  hhmm: string,
  rest: [direction: "inbound" | "outbound", hhmm: string, over?: Parameters<typeof message>[4]][] = [],
) {
  const c = await insertConversation(database.db, workspaceId, { channelAccountId }, at(hhmm));
  await logged(workspaceId, c.conversationId, "message_in", c.messageId, hhmm);
  for (const [direction, time, over] of rest)
    await message(workspaceId, c.conversationId, direction, time, over);
  return c;
}

beforeAll(async () => {
  database = await openTestDatabase();
  const now = new Date();
  ws = (await createWorkspace(database.db, { slug: "metrics", name: "Metrics" }, now)).id;
  other = (await createWorkspace(database.db, { slug: "metrics-other", name: "Other" }, now)).id;
  const acme = await channel(ws, "AcmeCare", "AcmeCare");
  const beta = await channel(ws, "Beta Help", null);
  // The worked example of [S001]: FRT 10 min, waits 10 and 60 min. Then a survey question
  // (automated) and its answer, which are neither a response nor a customer message.
  const example = await conversation(ws, acme, "17:30", [
    ["outbound", "17:40"],
    ["inbound", "18:00"],
    ["outbound", "19:00"],
    ["outbound", "19:10", { classification: { automated: "survey" } }],
    ["inbound", "19:15", { classification: { survey_answer: { kind: "csat", score: 5 } } }],
  ]);
  await database.db.insert(surveys).values({
    id: newId(),
    workspaceId: ws,
    conversationId: example.conversationId,
    kind: "csat",
    channel: "x",
    status: "answered",
    askedAt: at("19:10"),
    expiresAt: at("23:10"),
    score: 5,
    answeredAt: at("19:15"),
  });
  // A failed send and a spam message do not count: FRT 20 min.
  await conversation(ws, acme, "09:00", [
    ["outbound", "09:01", { deliveryStatus: "failed" }],
    ["inbound", "09:02", { isSpam: true }],
    ["outbound", "09:20"],
  ]);
  await conversation(ws, beta, "10:00", [["outbound", "10:05"]]);
  await conversation(ws, null, "11:00", [["outbound", "11:30"]]);
  await conversation(ws, acme, "12:00"); // unanswered
  // Spam only: not a conversation anyone had to answer.
  const spam = await conversation(ws, acme, "13:00", [["inbound", "13:05", { isSpam: true }]]);
  await database.db.update(messages).set({ isSpam: true }).where(eq(messages.id, spam.messageId));
  await conversation(other, await channel(other, "AcmeCare", "AcmeCare"), "09:00", [["outbound", "09:00"]]);
});
afterAll(() => database?.close());

const EXPECTED = {
  conversations: 5,
  messages: 11,
  answered: 4,
  responses: 5,
  frt_median_s: 900, // of 600, 1200, 300, 1800
  frt_mean_s: 975,
  art_mean_s: 1500, // of 600, 3600, 1200, 300, 1800
  art_median_s: 1200,
  frt_median_s_by_account: { AcmeCare: 900, "Beta Help": 300 },
};

describe("response metrics of a workspace (SPEC M2)", () => {
  it("measures FRT and ART over its conversations only", async () => {
    expect(await computeResponseMetrics(database.db, ws)).toEqual(EXPECTED);
  });

  it("gives the same figures when read a few conversations at a time", async () => {
    expect(await computeResponseMetrics(database.db, ws, { batchSize: 2 })).toEqual(EXPECTED);
  });

  it("is empty, not failing, for a workspace with no messages", async () => {
    const empty = await createWorkspace(database.db, { slug: "metrics-empty", name: "Empty" }, new Date());
    expect(await computeResponseMetrics(database.db, empty.id)).toMatchObject({
      conversations: 0,
      frt_median_s: null,
      art_mean_s: null,
      frt_median_s_by_account: {},
    });
  });
});

describe("parley metrics", () => {
  it("prints JSON with --json", async () => {
    const out = JSON.parse(await metricsCommand({ db: database.db }, { workspace: "metrics", json: true }));
    const { report, ...responseTimes } = out;
    expect(responseTimes).toEqual(EXPECTED);
    // The report's figures come from the same definitions: the same conversations and FRTs.
    expect(report.figures.volumes).toMatchObject({ conversations: 5, responses: 5, spam_conversations: 1 });
    expect(report.figures.response_times.first_response).toMatchObject({
      count: 4,
      median_s: 900,
      mean_s: 975,
    });
    expect(report.figures.response_times.average_response).toMatchObject({ count: 5, mean_s: 1500 });
    expect(report.satisfaction.csat).toMatchObject({ responses: 1, average: 5, satisfied_share: 1 });
    expect(report.satisfaction.nps).toMatchObject({ responses: 0, score: null });
  });

  it("prints a table otherwise", async () => {
    const out = await metricsCommand({ db: database.db }, { workspace: "metrics", json: false });
    expect(out).toMatch(/^Response times, workspace metrics, all time/);
    expect(out).toMatch(/First response, median\s+15m 0s/);
    expect(out).toMatch(/Average response time\s+25m 0s/);
    expect(out).toMatch(/ {2}Beta Help\s+5m 0s/);
    expect(out).toMatch(/Resolution rate\s+0\.0%/);
    expect(out).toMatch(/CSAT satisfied \(4-5 of 5\)\s+100\.0% of 1\n/);
    expect(out).toMatch(/CSAT mean score\s+5\.00\n/);
    expect(out).toMatch(/NPS\s+- \(0 promoters, 0 passives, 0 detractors\)/);
  });

  it("names an unknown workspace", async () => {
    await expect(metricsCommand({ db: database.db }, { workspace: "nope", json: true })).rejects.toThrow(
      /No workspace "nope"/,
    );
  });
});
