import { and, desc, eq } from "drizzle-orm";
import type { OutboundRequest } from "../connectors/connector";
import type { Queryable } from "../platform/db";
import { contactIdentities, messages } from "../platform/db/schema";

type MessageRow = typeof messages.$inferSelect;

/** The customer message a reply answers: the latest one of the right visibility. */
export async function replyTarget(db: Queryable, conversationId: string, visibility: "public" | "private") {
  const inbound = await db
    .select({ message: messages, identity: contactIdentities })
    .from(messages)
    .leftJoin(contactIdentities, eq(contactIdentities.id, messages.authorIdentityId))
    .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, "inbound")))
    .orderBy(desc(messages.sentAt))
    .limit(50);
  const target =
    visibility === "public" ? inbound.find((m) => m.message.visibility === "public") : inbound[0];
  const lastPrivate = inbound.find((m) => m.message.visibility === "private")?.message.sentAt ?? null;
  return { target, lastPrivate };
}

/** Rebuilds what the connector needs from a stored outbound message. */
export async function outboundRequestFor(
  db: Queryable,
  message: MessageRow,
): Promise<OutboundRequest | null> {
  const { target, lastPrivate } = await replyTarget(db, message.conversationId, message.visibility);
  const replyTo = message.replyToMessageId ? await findReplyTo(db, message.replyToMessageId) : target;
  if (!replyTo?.identity) return null;
  return {
    messageId: message.id,
    text: message.text,
    visibility: message.visibility,
    replyTo: replyTo.message.externalId
      ? {
          externalId: replyTo.message.externalId,
          kind: replyTo.message.kind,
          threadExternalId: replyTo.message.externalThreadId,
          sentAt: replyTo.message.sentAt,
        }
      : null,
    recipientExternalId: replyTo.identity.externalId,
    lastCustomerPrivateAt: lastPrivate,
    queuedAt: message.createdAt,
  };
}

async function findReplyTo(db: Queryable, id: string) {
  const [row] = await db
    .select({ message: messages, identity: contactIdentities })
    .from(messages)
    .leftJoin(contactIdentities, eq(contactIdentities.id, messages.authorIdentityId))
    .where(eq(messages.id, id));
  return row;
}
