/*
 * A workspace's day of conversations built from real rows (conversations, messages, events,
 * availability history), for the report's database tests. Monday 2025-01-06, desk open 09:00-18:00 UTC.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db";
import {
  agentAvailabilityHistory,
  businessHours,
  conversationEvents,
  conversationFacts,
  messages,
  workspaces,
} from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { insertConversation } from "../../testing/fixtures";
import { sharedSlaCache } from "../sla/sla-cache";
import { createAggregator } from "./aggregate";
import { fromFactsRow } from "./facts-store";
import type { ReportScope } from "./report-load";

export const DAY = "2025-01-06";
export const at = (hhmm: string, day = DAY) => new Date(`${day}T${hhmm.length === 5 ? `${hhmm}:00` : hhmm}Z`);

type Over = Parameters<typeof insertConversation>[2];
type MessageOver = Partial<typeof messages.$inferInsert>;

export function reportFixture(db: Db, workspaceId: string) {
  const event = (
    conversationId: string,
    type: (typeof conversationEvents.$inferInsert)["type"],
    when: Date,
    data: Record<string, unknown> = {},
    actorId: string | null = null,
    messageId: string | null = null,
  ) =>
    db.insert(conversationEvents).values({
      workspaceId,
      conversationId,
      type,
      actorType: actorId ? "user" : "system",
      actorId,
      messageId,
      data,
      occurredAt: when,
    });
  /** A message, with the event its writer logs (the pipeline's message_in, the outbox's message_out). */
  const message = async (
    conversationId: string,
    direction: "inbound" | "outbound",
    hhmm: string,
    over: MessageOver = {},
  ) => {
    const id = newId();
    const deliveryStatus = over.deliveryStatus ?? (direction === "inbound" ? "received" : "sent");
    await db.insert(messages).values({
      id,
      workspaceId,
      conversationId,
      channel: "x",
      direction,
      visibility: "public",
      kind: "reply",
      text: direction === "inbound" ? "@acme still waiting" : "@cust on it",
      deliveryStatus,
      sentAt: at(hhmm),
      ...over,
    });
    if (direction === "inbound" || deliveryStatus === "sent")
      await event(
        conversationId,
        direction === "inbound" ? "message_in" : "message_out",
        at(hhmm),
        {},
        null,
        id,
      );
    return id;
  };
  /** The desk's heartbeats every 15 s for `minutes`. */
  const working = async (conversationId: string, userId: string, from: string, minutes: number) => {
    for (let i = 0; i < minutes * 4; i++)
      await event(conversationId, "agent_activity", new Date(at(from).getTime() + i * 15_000), {}, userId);
  };
  const conversation = async (hhmm: string, over: Over = {}, day = DAY, firstMessage: MessageOver = {}) => {
    const c = await insertConversation(db, workspaceId, over, at(hhmm, day));
    if (Object.keys(firstMessage).length)
      await db.update(messages).set(firstMessage).where(eq(messages.id, c.messageId));
    // The pipeline logs the conversation's first message as it stores it.
    await event(c.conversationId, "message_in", at(hhmm, day), {}, null, c.messageId);
    return c.conversationId;
  };
  return { message, event, working, conversation };
}

/** The workspace's default business hours: weekdays 09:00-18:00 UTC. */
export async function openNineToSix(db: Db, workspaceId: string) {
  const id = newId();
  const day: [string, string][] = [["09:00", "18:00"]];
  await db.insert(businessHours).values({
    id,
    workspaceId,
    name: "Office",
    timezone: "UTC",
    weekly: { mon: day, tue: day, wed: day, thu: day, fri: day },
  });
  await db.update(workspaces).set({ businessHoursId: id }).where(eq(workspaces.id, workspaceId));
  sharedSlaCache.invalidate(workspaceId);
}

/** A stretch of an agent's availability history, as changeAvailability (users/availability-history.ts) leaves it. */
export async function availability(
  db: Db,
  workspaceId: string,
  userId: string,
  value: "available" | "busy" | "away" | "offline",
  from: Date,
  to: Date,
) {
  await db
    .insert(agentAvailabilityHistory)
    .values({ id: newId(), workspaceId, userId, availability: value, startedAt: from, endedAt: to });
}

/**
 * The JS aggregator (aggregate.ts) over the workspace's rollup rows, filtered in JS: the oracle the
 * SQL summary (report-sql.ts) must equal figure by figure.
 */
export async function aggregateInJs(db: Db, scope: ReportScope, timezone: string, series = true) {
  const rows = await db
    .select()
    .from(conversationFacts)
    .where(eq(conversationFacts.workspaceId, scope.workspaceId));
  const agg = createAggregator({ from: scope.from, to: scope.to, timezone }, { series });
  for (const r of rows) {
    if (scope.channels?.length && !scope.channels.includes(r.channel)) continue;
    if (scope.teamId && r.teamId !== scope.teamId) continue;
    if (scope.category && r.category !== scope.category) continue;
    if (scope.agentId && !r.agentIds.includes(scope.agentId)) continue;
    const f = fromFactsRow(r);
    if (f.started_at >= scope.to) continue;
    if (f.started_at < scope.from) agg.addCarriedOver(f);
    else agg.add(f);
  }
  return agg.result();
}
