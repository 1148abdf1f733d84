import { eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db";
import {
  businessHours,
  conversationEvents,
  conversations,
  messages,
  slaPolicies,
} from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { insertConversation } from "../../testing/fixtures";
import { createWorkspace } from "../workspaces/create-workspace";

/*
 * Builders for SLA suites: configuration and conversation timelines written straight to the
 * database, the way the routes, the pipeline and the outbox leave them.
 */

export const WEEKDAYS_9_TO_5 = Object.fromEntries(
  ["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [["09:00", "17:00"]] as [string, string][]]),
);

export async function slaWorkspace(db: Db, slug: string) {
  return (await createWorkspace(db, { slug, name: slug }, new Date())).id;
}

export async function addBusinessHours(
  db: Db,
  workspaceId: string,
  over: Partial<typeof businessHours.$inferInsert> = {},
) {
  const id = newId();
  await db.insert(businessHours).values({
    id,
    workspaceId,
    name: "Office",
    timezone: "Europe/London",
    weekly: WEEKDAYS_9_TO_5,
    ...over,
  });
  return id;
}

export async function addPolicy(db: Db, workspaceId: string, over: Partial<typeof slaPolicies.$inferInsert>) {
  const id = newId();
  await db.insert(slaPolicies).values({ id, workspaceId, name: "Policy", ...over });
  return id;
}

/** A conversation whose first customer message was at `at`. */
export async function conversationFrom(
  db: Db,
  workspaceId: string,
  at: Date,
  over: Partial<typeof conversations.$inferInsert> = {},
) {
  return (await insertConversation(db, workspaceId, over, at)).conversationId;
}

async function addMessage(db: Db, workspaceId: string, conversationId: string, at: Date, outbound: boolean) {
  await db.insert(messages).values({
    id: newId(),
    workspaceId,
    conversationId,
    channel: "x",
    direction: outbound ? "outbound" : "inbound",
    visibility: "public",
    kind: "reply",
    text: outbound ? "We are on it" : "Any news?",
    deliveryStatus: outbound ? "sent" : "received",
    sentAt: at,
    receivedAt: at,
  });
}

export async function customerWrites(db: Db, workspaceId: string, conversationId: string, at: Date) {
  await addMessage(db, workspaceId, conversationId, at, false);
  await db
    .update(conversations)
    .set({ lastCustomerMessageAt: at, lastMessageAt: at })
    .where(eq(conversations.id, conversationId));
}

/** A reply the network accepted at `at`, recorded as the outbox records one. */
export async function agentReplies(db: Db, workspaceId: string, conversationId: string, at: Date) {
  await addMessage(db, workspaceId, conversationId, at, true);
  await db
    .update(conversations)
    .set({
      lastAgentMessageAt: at,
      lastMessageAt: at,
      firstResponseAt: sql`coalesce(${conversations.firstResponseAt}, ${at})`,
    })
    .where(eq(conversations.id, conversationId));
}

export async function statusChanges(
  db: Db,
  workspaceId: string,
  conversationId: string,
  to: (typeof conversations.$inferSelect)["status"],
  at: Date,
) {
  const [row] = await db.select().from(conversations).where(eq(conversations.id, conversationId));
  await db
    .update(conversations)
    .set({ status: to, ...(to === "resolved" ? { resolvedAt: at } : {}) })
    .where(eq(conversations.id, conversationId));
  await db.insert(conversationEvents).values({
    workspaceId,
    conversationId,
    type: "status_changed",
    actorType: "user",
    data: { from: row?.status, to },
    occurredAt: at,
  });
}

export async function slaOf(db: Db, conversationId: string) {
  const [row] = await db.select().from(conversations).where(eq(conversations.id, conversationId));
  if (!row) throw new Error(`no conversation ${conversationId}`);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    policyId: row.slaPolicyId,
    state: row.slaState,
    firstResponseDueAt: iso(row.firstResponseDueAt),
    nextResponseDueAt: iso(row.nextResponseDueAt),
    resolutionDueAt: iso(row.resolutionDueAt),
    nextCheckAt: iso(row.slaNextCheckAt),
  };
}
