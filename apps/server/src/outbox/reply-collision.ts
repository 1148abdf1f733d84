import { Id, Problem } from "@parley/contracts";
import { and, desc, eq, isNotNull, ne, notInArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Principal } from "../modules/auth/principal";
import type { Queryable } from "../platform/db";
import { conversations, messages, users } from "../platform/db/schema";
import { HttpProblem } from "../platform/http/problem";

/** The other agent's reply a 409 reply-conflict names, so the composer can show it. */
export const ConflictingMessage = z.object({
  id: Id,
  author: z.object({ id: Id, name: z.string() }),
  text: z.string(),
  visibility: z.enum(["public", "private"]),
  created_at: z.iso.datetime({ offset: true }),
});
export type ConflictingMessage = z.infer<typeof ConflictingMessage>;

/** A 409 of POST /conversations/:id/replies: reply-conflict (with the reply) or another conflict. */
export const ReplyConflictProblem = Problem.extend({
  conflicting_message: ConflictingMessage.optional().describe(
    "With type .../reply-conflict: the reply another agent sent after `seen_message_id`.",
  ),
});

export class ReplyConflict extends HttpProblem {
  constructor(readonly conflictingMessage: ConflictingMessage) {
    super(
      409,
      "Reply Conflict",
      `${conflictingMessage.author.name} has replied since you last looked. Read their reply, then send with force: true if yours is still needed.`,
      [{ field: "body.seen_message_id", message: "another agent replied after this message" }],
    );
  }

  override toJSON(instance?: string) {
    return { ...super.toJSON(instance), conflicting_message: this.conflictingMessage };
  }
}

/** Neither answers the customer: a draft is unsent and a rejected reply is never posted. */
const NOT_ANSWERS = ["draft", "rejected"] as const;

/**
 * SPEC A2/issue 6: a conversation is never answered by two agents by accident. When another
 * agent's reply (any delivery state, awaiting approval included) was created after the message this
 * agent last saw, the reply is refused with 409 unless forced. The conversation row is locked first
 * so two agents sending at the same moment are serialised: the second one sees the first's reply.
 */
export async function guardReplyCollision(
  db: Queryable,
  p: Principal,
  conversationId: string,
  input: { seen_message_id?: string | undefined; force?: boolean | undefined },
) {
  if (!input.seen_message_id || input.force === true) return;
  await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.workspaceId, p.workspaceId), eq(conversations.id, conversationId)))
    .for("update");
  const [seen] = await db
    .select({ id: messages.id, createdAt: messages.createdAt })
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, p.workspaceId),
        eq(messages.conversationId, conversationId),
        eq(messages.id, input.seen_message_id),
      ),
    );
  if (!seen)
    throw new HttpProblem(
      422,
      "Unprocessable Entity",
      "seen_message_id is not a message of this conversation.",
      [{ field: "body.seen_message_id", message: "is not a message of this conversation" }],
    );
  const conflicting = await newerReplyByAnotherAgent(db, p, conversationId, seen);
  if (conflicting) throw new ReplyConflict(conflicting);
}

async function newerReplyByAnotherAgent(
  db: Queryable,
  p: Principal,
  conversationId: string,
  seen: { id: string; createdAt: Date },
): Promise<ConflictingMessage | null> {
  // Ids are time-ordered (UUIDv7), which breaks ties when a fixed clock stamps both alike.
  const newer = sql`(${messages.createdAt}, ${messages.id}) > (${seen.createdAt}, ${seen.id}::uuid)`;
  const [row] = await db
    .select({
      id: messages.id,
      authorId: users.id,
      authorName: users.name,
      text: messages.text,
      visibility: messages.visibility,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .innerJoin(users, eq(users.id, messages.authorUserId))
    .where(
      and(
        eq(messages.workspaceId, p.workspaceId),
        eq(messages.conversationId, conversationId),
        eq(messages.direction, "outbound"),
        isNotNull(messages.authorUserId),
        p.userId ? ne(messages.authorUserId, p.userId) : undefined,
        notInArray(messages.deliveryStatus, [...NOT_ANSWERS]),
        newer,
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1);
  if (!row) return null;
  return {
    id: row.id,
    author: { id: row.authorId, name: row.authorName },
    text: row.text,
    visibility: row.visibility === "private" ? "private" : "public",
    created_at: row.createdAt.toISOString(),
  };
}
