import type { CloseLoopReminder } from "@parley/contracts";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { replyTarget } from "../../outbox/outbound-request";
import type { Queryable } from "../../platform/db";
import { conversationEvents, messages } from "../../platform/db/schema";
import { actorOf, type Principal } from "../auth/principal";

const REMINDER =
  "This conversation started in public and was resolved in private. Close the loop: post a short " +
  "public reply so everyone who saw the complaint sees it was handled.";

/**
 * SPEC W4 / seed 001: a case that began with a public post and was resolved in a private channel
 * should end with a public word. Null unless the customer's first message was public and the
 * brand's latest reply (sent or on its way) was private.
 */
export async function closeLoopNeeded(
  db: Queryable,
  workspaceId: string,
  conversationId: string,
): Promise<CloseLoopReminder | null> {
  const inConversation = and(
    eq(messages.workspaceId, workspaceId),
    eq(messages.conversationId, conversationId),
  );
  const [first] = await db
    .select({ visibility: messages.visibility })
    .from(messages)
    .where(and(inConversation, eq(messages.direction, "inbound")))
    .orderBy(asc(messages.sentAt), asc(messages.id))
    .limit(1);
  if (first?.visibility !== "public") return null;
  const [lastReply] = await db
    .select({ visibility: messages.visibility })
    .from(messages)
    .where(
      and(
        inConversation,
        eq(messages.direction, "outbound"),
        inArray(messages.deliveryStatus, ["queued", "sending", "sent"]),
      ),
    )
    .orderBy(desc(messages.sentAt), desc(messages.id))
    .limit(1);
  if (lastReply?.visibility !== "private") return null;
  const { target } = await replyTarget(db, conversationId, "public");
  if (!target) return null;
  return {
    message: REMINDER,
    public_message_id: target.message.id,
    public_external_id: target.message.externalId,
  };
}

/** Checks a just-resolved conversation and logs the reminder as a `close_loop_reminder` event. */
export async function remindToCloseLoop(
  db: Queryable,
  p: Principal,
  conversationId: string,
  now: Date,
): Promise<CloseLoopReminder | null> {
  const reminder = await closeLoopNeeded(db, p.workspaceId, conversationId);
  if (!reminder) return null;
  await db.insert(conversationEvents).values({
    workspaceId: p.workspaceId,
    conversationId,
    ...actorOf(p),
    type: "close_loop_reminder",
    messageId: reminder.public_message_id,
    data: { ...reminder },
    occurredAt: now,
    createdAt: now,
  });
  return reminder;
}
