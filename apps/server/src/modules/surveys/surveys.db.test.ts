import { DEFAULT_SURVEY_SETTINGS, type SurveySettings } from "@parley/contracts";
import { type StandaloneXEmulator, startXEmulator } from "@parley/sandbox";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNetworkClient } from "../../connectors/http";
import { type BackgroundWork, startBackgroundWork } from "../../outbox/workers";
import { fixedClock } from "../../platform/clock";
import {
  auditLog,
  contacts,
  conversationEvents,
  conversations,
  jobs,
  messages,
  surveys,
} from "../../platform/db/schema";
import { createWorkspaceFixture, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, type Credentials, createTestApp, type TestApp } from "../../testing/harness";
import { connectXEmulator } from "../../testing/x-channel";
import { createRuleCache } from "../rules/rules.repo";
import { expireSurveys } from "./expire-surveys";
import { SURVEY_QUEUE } from "./schedule-survey";

/*
 * Surveys end to end on an injected clock, through the sandbox X emulator over real HTTP and the
 * real pipeline: a customer DMs, an agent answers and resolves, the question goes out privately
 * after the delay, and the customer's "4 - ..." is recorded without reopening the conversation.
 */
const START = new Date("2026-03-02T10:00:00Z");
const MINUTE = 60_000;
const clock = fixedClock(START);
let x: StandaloneXEmulator;
let t: TestApp;
let w: WorkspaceFixture;
let worker: BackgroundWork;

const call = (method: "GET" | "POST" | "PUT" | "PATCH", url: string, as: Credentials, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, payload, headers: authHeaders(as) });

async function drain() {
  await x.emulator.control.idle();
  while ((await worker.tick()) > 0) await x.emulator.control.idle();
}

const SETTINGS: SurveySettings = {
  ...DEFAULT_SURVEY_SETTINGS,
  csat: {
    enabled: true,
    question: "Hi {{customer.first_name}}, how did {{agent.first_name}} do? Reply from 1 to 5.",
  },
  nps: { enabled: false, question: DEFAULT_SURVEY_SETTINGS.nps.question },
  channels: ["x"],
  delay_minutes: 5,
  expiry_hours: 24,
  cooldown_days: 30,
};

/** A customer DMs the brand; returns their conversation once the pipeline has filed it. */
async function customerDms(username: string, name: string, text: string) {
  x.emulator.control.createUser({ username, name });
  x.emulator.control.sendDm({ sender_username: username, text });
  await drain();
  const [row] = await t.database.db
    .select({ id: conversations.id, contactId: conversations.contactId })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(conversations.workspaceId, w.workspaceId), eq(contacts.handle, username)));
  if (!row) throw new Error(`no conversation for ${username}`);
  return row;
}

async function answerAndResolve(conversationId: string) {
  const reply = await call("POST", `/conversations/${conversationId}/replies`, w.sessions.agent, {
    text: "Sorry about that, we reset your line: it should work now.",
    visibility: "private",
  });
  expect(reply.statusCode, reply.body).toBe(202);
  await drain();
  const resolved = await call("PATCH", `/conversations/${conversationId}`, w.sessions.agent, {
    status: "resolved",
  });
  expect(resolved.statusCode, resolved.body).toBe(200);
}

const surveysOf = (conversationId: string) =>
  t.database.db
    .select()
    .from(surveys)
    .where(eq(surveys.conversationId, conversationId))
    .orderBy(asc(surveys.askedAt));

const statusOf = async (conversationId: string) =>
  (
    await t.database.db
      .select({ status: conversations.status, last: conversations.lastCustomerMessageAt })
      .from(conversations)
      .where(eq(conversations.id, conversationId))
  )[0];

beforeAll(async () => {
  x = await startXEmulator({ clock, seed: 7 });
  t = await createTestApp({ clock });
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  w = await createWorkspaceFixture(t.app, t.database.db, "surveys");
  await connectXEmulator(t.app, w.sessions.admin, x);
  worker = await startBackgroundWork(
    t.deps,
    { error: () => {}, warn: () => {} },
    {
      autostart: false,
      http: createNetworkClient({ timeoutMs: 3000 }),
      rules: createRuleCache(t.database.db, 0),
    },
  );
});
afterAll(async () => {
  await x?.close();
  await worker?.stop();
  await t?.close();
});

describe("settings", () => {
  it("reads the defaults (every kind off) for any member", async () => {
    const res = await call("GET", "/settings/surveys", w.sessions.agent);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(DEFAULT_SURVEY_SETTINGS);
  });

  it("lets only admins change them", async () => {
    const res = await call("PUT", "/settings/surveys", w.sessions.lead, SETTINGS);
    expect(res.statusCode).toBe(403);
  });

  it("answers bad settings with a problem naming each field", async () => {
    const res = await call("PUT", "/settings/surveys", w.sessions.admin, {
      ...SETTINGS,
      csat: { enabled: true, question: "Rate {{agent.shoe_size}} from 1 to 5 please" },
      channels: ["x", "myspace"],
      delay_minutes: -1,
      expiry_hours: 200,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const fields = (res.json().errors as { field: string; message: string }[]).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        "body.csat.question",
        "body.channels.1",
        "body.delay_minutes",
        "body.expiry_hours",
      ]),
    );
    expect(JSON.stringify(res.json().errors)).toContain("{{agent.shoe_size}}");
  });

  it("saves valid settings with an audit row, keeping the workspace's other settings", async () => {
    const res = await call("PUT", "/settings/surveys", w.sessions.admin, SETTINGS);
    expect(res.statusCode, res.body).toBe(200);
    expect((await call("GET", "/settings/surveys", w.sessions.agent)).json()).toEqual(SETTINGS);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, w.workspaceId), eq(auditLog.action, "surveys.settings_updated")));
    expect(audit).toHaveLength(1);
  });
});

describe("asking and answering", () => {
  let first: { id: string; contactId: string };

  it("sends the question privately through the outbox after the delay, marked automated", async () => {
    first = await customerDms("robin_b", "Robin Banks", "My broadband has been down since yesterday");
    await answerAndResolve(first.id);
    const resolvedAt = clock.now();
    const [job] = await t.database.db.select().from(jobs).where(eq(jobs.queue, SURVEY_QUEUE));
    expect(job?.runAt).toEqual(new Date(resolvedAt.getTime() + 5 * MINUTE));
    await drain();
    expect(await surveysOf(first.id)).toHaveLength(0); // not before the delay

    clock.advance(5 * MINUTE);
    await drain();
    const [survey] = await surveysOf(first.id);
    expect(survey).toMatchObject({
      kind: "csat",
      status: "asked",
      channel: "x",
      agentId: w.userIds.agent,
      contactId: first.contactId,
      askedAt: clock.now(),
      expiresAt: new Date(clock.now().getTime() + 24 * 3_600_000),
    });
    const [question] = await t.database.db
      .select()
      .from(messages)
      .where(eq(messages.id, survey?.questionMessageId as string));
    expect(question).toMatchObject({
      visibility: "private",
      kind: "dm",
      authorUserId: null,
      deliveryStatus: "sent",
      text: "Hi Robin, how did agent do? Reply from 1 to 5.",
    });
    expect(question?.classification).toMatchObject({ automated: "survey", survey_id: survey?.id });
    // It reached the network, over HTTP.
    const dms = x.emulator.control.brandDms();
    expect(dms.map((d) => d.text)).toContain("Hi Robin, how did agent do? Reply from 1 to 5.");
    expect((await statusOf(first.id))?.status).toBe("resolved");
  });

  it("records the answer without reopening the conversation or waiting for a response", async () => {
    const before = await statusOf(first.id);
    clock.advance(3 * MINUTE);
    x.emulator.control.sendDm({ sender_username: "robin_b", text: "4 - quick fix, thanks" });
    await drain();
    const [survey] = await surveysOf(first.id);
    expect(survey).toMatchObject({ status: "answered", score: 4, comment: "quick fix, thanks" });
    expect(await statusOf(first.id)).toEqual(before);
    const [answer] = await t.database.db
      .select()
      .from(messages)
      .where(eq(messages.id, survey?.answerMessageId as string));
    expect(answer).toMatchObject({
      conversationId: first.id,
      direction: "inbound",
      text: "4 - quick fix, thanks",
    });
    expect(answer?.classification).toMatchObject({
      survey_answer: { survey_id: survey?.id, kind: "csat", score: 4 },
    });
    const events = await t.database.db
      .select()
      .from(conversationEvents)
      .where(
        and(eq(conversationEvents.conversationId, first.id), eq(conversationEvents.type, "survey_answered")),
      );
    expect(events.map((e) => e.data)).toEqual([{ survey_id: survey?.id, kind: "csat", score: 4 }]);
    expect(events[0]?.actorType).toBe("contact");
  });

  it("reopens as before on a message that is not an answer, and expires the survey later", async () => {
    const second = await customerDms("sam_k", "Sam Kerr", "I was charged twice this month");
    await answerAndResolve(second.id);
    clock.advance(5 * MINUTE);
    await drain();
    expect((await surveysOf(second.id))[0]?.status).toBe("asked");

    clock.advance(MINUTE);
    x.emulator.control.sendDm({ sender_username: "sam_k", text: "Still two charges on my statement!" });
    await drain();
    expect((await statusOf(second.id))?.status).toBe("open");
    expect((await surveysOf(second.id))[0]?.status).toBe("asked");

    // A CSAT of 7 is not on the scale: a message like any other.
    expect(await expireSurveys(t.database.db, clock.now())).toEqual({ expired: 0, failed: 0 });
    clock.advance(24 * 3_600_000);
    expect(await expireSurveys(t.database.db, clock.now())).toEqual({ expired: 1, failed: 0 });
    expect((await surveysOf(second.id))[0]?.status).toBe("expired");
    // Too late to count.
    x.emulator.control.sendDm({ sender_username: "sam_k", text: "5" });
    await drain();
    expect((await surveysOf(second.id))[0]).toMatchObject({ status: "expired", score: null });
  });

  it("does not survey the same customer again within the cooldown, and says why", async () => {
    x.emulator.control.sendDm({ sender_username: "robin_b", text: "It is down again, same problem" });
    await drain();
    expect((await statusOf(first.id))?.status).toBe("open");
    await answerAndResolve(first.id);
    clock.advance(5 * MINUTE);
    await drain();
    expect(await surveysOf(first.id)).toHaveLength(1);
    const [note] = await t.database.db
      .select()
      .from(conversationEvents)
      .where(
        and(eq(conversationEvents.conversationId, first.id), eq(conversationEvents.type, "notification")),
      );
    expect(String(note?.data.text)).toMatch(
      /^Survey not sent: this customer was surveyed a day ago \(at most once every 30 days\)/,
    );
  });

  it("skips a public-only conversation when public surveys are off", async () => {
    x.emulator.control.createUser({ username: "pub_only", name: "Pat Public" });
    x.emulator.control.postTweet({ author_username: "pub_only", text: "@acme my phone has no signal" });
    await drain();
    const [c] = await t.database.db
      .select({ id: conversations.id })
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(eq(contacts.handle, "pub_only"));
    const id = c?.id as string;
    const resolved = await call("PATCH", `/conversations/${id}`, w.sessions.agent, { status: "resolved" });
    expect(resolved.statusCode).toBe(200);
    clock.advance(5 * MINUTE);
    await drain();
    expect(await surveysOf(id)).toHaveLength(0);
    const [note] = await t.database.db
      .select()
      .from(conversationEvents)
      .where(and(eq(conversationEvents.conversationId, id), eq(conversationEvents.type, "notification")));
    expect(note?.data).toMatchObject({
      survey: {
        kind: "csat",
        status: "skipped",
        reason: "the conversation has no private channel and public surveys are off",
      },
    });
  });

  it("never queues a survey for spam resolved in bulk", async () => {
    x.emulator.control.createUser({ username: "promo_bot", name: "Promo Bot" });
    x.emulator.control.sendDm({ sender_username: "promo_bot", text: "hello" });
    await drain();
    const [c] = await t.database.db
      .select({ id: conversations.id })
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(eq(contacts.handle, "promo_bot"));
    await t.database.db
      .update(conversations)
      .set({ status: "spam" })
      .where(eq(conversations.id, c?.id as string));
    const before = (await t.database.db.select().from(jobs).where(eq(jobs.queue, SURVEY_QUEUE))).length;
    const bulk = await call("POST", "/conversations/bulk", w.sessions.agent, {
      conversation_ids: [c?.id],
      action: { type: "status", status: "resolved" },
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect((await statusOf(c?.id as string))?.status).toBe("resolved");
    expect((await t.database.db.select().from(jobs).where(eq(jobs.queue, SURVEY_QUEUE))).length).toBe(before);
  });
});
