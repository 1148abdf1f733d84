import type { ConversationStatus } from "@parley/contracts";
import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { conversationEvents, conversations, messages, spamCorrections } from "../../platform/db/schema";
import { found, HttpProblem } from "../../platform/http/problem";
import { actorOf, type Principal } from "../auth/principal";

export interface SpamClassified {
  conversationId: string;
  /** The conversation's status change, when the message was the one that started it. */
  status: { from: ConversationStatus; to: ConversationStatus } | null;
}

/** The conversation's first customer message: the one whose verdict decides the spam folder. */
export async function firstCustomerMessageId(db: Queryable, workspaceId: string, conversationId: string) {
  const [first] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, workspaceId),
        eq(messages.conversationId, conversationId),
        eq(messages.direction, "inbound"),
      ),
    )
    .orderBy(asc(messages.sentAt), asc(messages.id))
    .limit(1);
  return first?.id;
}

/**
 * Where a conversation goes when its first message is re-judged: into the spam folder, or back out
 * of it to "open" when someone already answered, else "new". Other statuses an agent set stand.
 */
function nextStatus(c: typeof conversations.$inferSelect, spam: boolean): ConversationStatus | null {
  if (spam) return c.status === "spam" ? null : "spam";
  if (c.status !== "spam") return null;
  return c.firstResponseAt ? "open" : "new";
}

/**
 * An agent's "spam" / "not spam" on a customer message (SPEC T1). The correction row is what every
 * pipeline process learns from before its next batch, so the next similar message is judged with
 * it. Run inside a transaction.
 */
export async function classifySpam(
  db: Queryable,
  p: Principal,
  messageId: string,
  spam: boolean,
  now: Date,
): Promise<SpamClassified> {
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.workspaceId, p.workspaceId), eq(messages.id, messageId)));
  const message = found(row, "Message");
  if (message.direction !== "inbound") {
    throw new HttpProblem(
      422,
      "Unprocessable Entity",
      "Only a customer's message can be marked spam or not spam.",
      [{ field: "params.id", message: "is not an inbound message" }],
    );
  }
  await db.insert(spamCorrections).values({
    workspaceId: p.workspaceId,
    messageId: message.id,
    label: spam ? "spam" : "ham",
    text: message.text,
    userId: p.userId,
    createdAt: now,
  });
  await db.update(messages).set({ isSpam: spam }).where(eq(messages.id, message.id));
  const first = await firstCustomerMessageId(db, p.workspaceId, message.conversationId);
  const status = first === message.id ? await moveConversation(db, p, message, spam, now) : null;
  return { conversationId: message.conversationId, status };
}

/** Moves the conversation a re-judged first message started, with its status_changed event. */
async function moveConversation(
  db: Queryable,
  p: Principal,
  message: typeof messages.$inferSelect,
  spam: boolean,
  now: Date,
): Promise<SpamClassified["status"]> {
  const [conversation] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, p.workspaceId), eq(conversations.id, message.conversationId)));
  const to = conversation ? nextStatus(conversation, spam) : null;
  if (!conversation || !to) return null;
  await db
    .update(conversations)
    .set({ status: to, updatedAt: now })
    .where(eq(conversations.id, conversation.id));
  const change = { from: conversation.status, to };
  await db.insert(conversationEvents).values({
    workspaceId: p.workspaceId,
    conversationId: conversation.id,
    ...actorOf(p),
    type: "status_changed",
    messageId: message.id,
    data: { ...change, reason: spam ? "marked spam" : "marked not spam" },
    occurredAt: now,
    createdAt: now,
  });
  return change;
}
