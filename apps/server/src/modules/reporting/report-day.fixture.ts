/*
 * The report suites' workspace (report.db.test.ts, reports.routes.db.test.ts): the seed's worked
 * timeline and the other conversations of Monday 2025-01-06 (desk open 09:00-18:00 UTC), their
 * availability, surveys and a survey answer on the 8th, written through real rows.
 */
import type { FastifyInstance } from "fastify";
import type { Db } from "../../platform/db";
import { auditLog, surveys } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { createWorkspaceFixture, insertConversation, type WorkspaceFixture } from "../../testing/fixtures";
import { createWorkspace } from "../workspaces/create-workspace";
import { at, availability, DAY, openNineToSix, reportFixture } from "./report.fixture";
import type { ReportScope } from "./report-load";

export interface ReportDay {
  w: WorkspaceFixture;
  /** The conversations by letter, as the tests name them. */
  ids: Record<string, string>;
  /** The Monday, all filters off. */
  scope: ReportScope;
}

export async function seedReportDay(app: FastifyInstance, db: Db): Promise<ReportDay> {
  const w = await createWorkspaceFixture(app, db, "rep");
  const ids: Record<string, string> = {};
  await openNineToSix(db, w.workspaceId);
  const agent = w.userIds.agent;
  const { message, event, working, conversation } = reportFixture(db, w.workspaceId);

  // The seed's timeline, resolved at 19:05: FRT 10 min, waits 10 (in hours) and 60 min (out).
  ids.a = await conversation(
    "17:30",
    {
      category: "delivery",
      status: "resolved",
      assigneeId: agent,
      firstResponseDueAt: at("17:45"),
      resolutionDueAt: at("21:00"),
      resolvedAt: at("19:05"),
    },
    DAY,
    { sentiment: "negative" },
  );
  await message(ids.a, "outbound", "17:40", { authorUserId: agent });
  await message(ids.a, "inbound", "18:00", { sentiment: "positive" });
  await message(ids.a, "outbound", "19:00", { authorUserId: agent });
  await event(ids.a, "assigned", at("17:35"), { from: null, to: agent });
  await event(ids.a, "status_changed", at("17:40"), { from: "new", to: "open" });
  await event(ids.a, "status_changed", at("19:05"), { from: "open", to: "resolved" });
  // The seed's handling-time example: 2 min, then 5 min away from the desk's reply and 2 min more.
  await working(ids.a, agent, "17:38", 2);
  await working(ids.a, agent, "17:46", 5);
  await working(ids.a, agent, "18:58", 2);
  // Staffed 17:00-19:00 (available, then busy: still working what they hold); away before.
  await availability(db, w.workspaceId, agent, "away", at("16:00"), at("17:00"));
  await availability(db, w.workspaceId, agent, "available", at("17:00"), at("18:00"));
  await availability(db, w.workspaceId, agent, "busy", at("18:00"), at("19:00"));
  // Occupancy reads the availability history, not the audit log: this row changes nothing.
  await db.insert(auditLog).values({
    id: newId(),
    workspaceId: w.workspaceId,
    actorType: "user",
    actorId: w.userIds.lead,
    action: "user.availability",
    targetType: "user",
    targetId: w.userIds.lead,
    data: { availability: "available" },
    createdAt: at("08:00"),
  });

  // Facebook, answered late (first response breached), resolved after one reply: a sale.
  ids.b = await conversation(
    "10:00",
    {
      channel: "facebook",
      category: "billing",
      status: "resolved",
      tags: ["disposition:sale"],
      firstResponseDueAt: at("10:15"),
      resolvedAt: at("10:30"),
    },
    DAY,
    { channel: "facebook", sentiment: "neutral" },
  );
  await message(ids.b, "outbound", "10:20", { channel: "facebook", authorUserId: w.userIds.lead });
  await event(ids.b, "sla_breached", at("10:15"), { target: "first_response" });
  await event(ids.b, "status_changed", at("10:30"), { from: "new", to: "resolved" });

  // Out of hours, unanswered, due tomorrow morning.
  ids.c = await conversation("20:00", { status: "open", firstResponseDueAt: at("09:30", "2025-01-07") });
  ids.d = await conversation("12:00", { status: "spam" }, DAY, { isSpam: true });
  // Escalated, with only a draft reply: nobody has answered yet.
  ids.g = await conversation("11:00", { status: "escalated" });
  await message(ids.g, "outbound", "11:05", { deliveryStatus: "draft", authorUserId: agent });
  await event(ids.g, "escalated", at("11:10"), { reason: "legal" });
  // The day before: one still open (carried into the backlog), one resolved and done with.
  ids.e = await conversation("10:00", { status: "open" }, "2025-01-05");
  const done = await conversation(
    "09:00",
    { status: "resolved", resolvedAt: at("10:00", "2025-01-05"), updatedAt: at("10:00", "2025-01-05") },
    "2025-01-05",
  );
  await event(done, "status_changed", at("10:00", "2025-01-05"), { to: "resolved" });
  // Another workspace's conversation on the same day.
  const other = await createWorkspace(db, { slug: "rep-other", name: "Other" }, new Date());
  await insertConversation(db, other.id, {}, at("10:00"));

  // Surveys asked that day: CSAT 4 and 2 rating the agent on X, NPS 10 and 6 rating the lead on
  // Facebook, one CSAT still waiting, one that failed to send; and one asked the day before.
  const survey = async (
    conversationId: string,
    kind: "csat" | "nps",
    score: number | null,
    over: Partial<typeof surveys.$inferInsert> = {},
  ) => {
    const fb = conversationId === ids.b;
    await db.insert(surveys).values({
      id: newId(),
      workspaceId: w.workspaceId,
      conversationId,
      kind,
      channel: fb ? "facebook" : "x",
      agentId: fb ? w.userIds.lead : agent,
      status: score === null ? "asked" : "answered",
      askedAt: at("19:10"),
      expiresAt: at("19:10", "2025-01-08"),
      score,
      answeredAt: score === null ? null : at("19:30"),
      ...over,
    });
  };
  await survey(ids.a, "csat", 4);
  await survey(ids.a, "csat", 2);
  await survey(ids.b, "nps", 10);
  await survey(ids.b, "nps", 6);
  await survey(ids.c, "csat", null);
  await survey(ids.g, "csat", null, { status: "failed" });
  await survey(ids.e, "csat", 1, { askedAt: at("12:00", "2025-01-05") });

  // Two days later, a conversation whose customer answers its survey, then is thanked.
  ids.h = await conversation(
    "10:00",
    { status: "resolved", resolvedAt: at("10:15", "2025-01-08") },
    "2025-01-08",
  );
  const onDay8 = { sentAt: at("10:10", "2025-01-08") };
  await message(ids.h, "outbound", "10:10", { ...onDay8, authorUserId: agent });
  await message(ids.h, "outbound", "10:20", {
    sentAt: at("10:20", "2025-01-08"),
    classification: { automated: "survey" },
  });
  await message(ids.h, "inbound", "10:25", {
    sentAt: at("10:25", "2025-01-08"),
    text: "5 thanks!",
    sentiment: "positive",
    classification: { survey_answer: { survey_id: newId(), kind: "csat", score: 5 } },
  });
  await message(ids.h, "outbound", "10:40", { sentAt: at("10:40", "2025-01-08"), authorUserId: agent });

  const scope: ReportScope = { workspaceId: w.workspaceId, from: at("00:00"), to: at("00:00", "2025-01-07") };
  return { w, ids, scope };
}
