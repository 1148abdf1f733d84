/*
 * A workspace's day of conversations built from real rows (conversations, messages, events, audit
 * log), for the report's database tests. Monday 2025-01-06, desk open 09:00-18:00 UTC.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db";
import { auditLog, businessHours, conversationEvents, messages, workspaces } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { insertConversation } from "../../testing/fixtures";
import { sharedSlaCache } from "../sla/sla-cache";

export const DAY = "2025-01-06";
export const at = (hhmm: string, day = DAY) => new Date(`${day}T${hhmm.length === 5 ? `${hhmm}:00` : hhmm}Z`);

type Over = Parameters<typeof insertConversation>[2];
type MessageOver = Partial<typeof messages.$inferInsert>;

export function reportFixture(db: Db, workspaceId: string) {
  const message = (
    conversationId: string,
    direction: "inbound" | "outbound",
    hhmm: string,
    over: MessageOver = {},
  ) =>
    db.insert(messages).values({
      id: newId(),
      workspaceId,
      conversationId,
      channel: "x",
      direction,
      visibility: "public",
      kind: "reply",
      text: direction === "inbound" ? "@acme still waiting" : "@cust on it",
      deliveryStatus: direction === "inbound" ? "received" : "sent",
      sentAt: at(hhmm),
      ...over,
    });
  const event = (
    conversationId: string,
    type: (typeof conversationEvents.$inferInsert)["type"],
    when: Date,
    data: Record<string, unknown> = {},
    actorId: string | null = null,
  ) =>
    db.insert(conversationEvents).values({
      workspaceId,
      conversationId,
      type,
      actorType: actorId ? "user" : "system",
      actorId,
      data,
      occurredAt: when,
    });
  /** The desk's heartbeats every 15 s for `minutes`. */
  const working = async (conversationId: string, userId: string, from: string, minutes: number) => {
    for (let i = 0; i < minutes * 4; i++)
      await event(conversationId, "agent_activity", new Date(at(from).getTime() + i * 15_000), {}, userId);
  };
  const conversation = async (hhmm: string, over: Over = {}, day = DAY, firstMessage: MessageOver = {}) => {
    const c = await insertConversation(db, workspaceId, over, at(hhmm, day));
    if (Object.keys(firstMessage).length)
      await db.update(messages).set(firstMessage).where(eq(messages.id, c.messageId));
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

export async function availability(db: Db, workspaceId: string, userId: string, when: Date, value: string) {
  await db.insert(auditLog).values({
    id: newId(),
    workspaceId,
    actorType: "user",
    actorId: userId,
    action: "user.availability",
    targetType: "user",
    targetId: userId,
    data: { availability: value },
    createdAt: when,
  });
}
