import type { Note } from "@parley/contracts";
import { and, asc, eq, gt, or } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { conversationEvents, notes, users } from "../../platform/db/schema";
import { decodeCursor, pageFrom } from "../../platform/http/cursor";
import { found } from "../../platform/http/problem";
import { newId } from "../../platform/ids";
import { actorOf, type Principal } from "../auth/principal";
import { findConversation } from "./conversations.repo";

type NoteRow = typeof notes.$inferSelect & { authorName: string | null };

function toNoteDto(n: NoteRow): Note {
  return {
    id: n.id,
    conversation_id: n.conversationId,
    // An API key writes notes without a user; a deleted author leaves the note standing.
    author: { id: n.authorUserId, name: n.authorName ?? (n.authorUserId ? "Former user" : "API") },
    text: n.text,
    created_at: n.createdAt.toISOString(),
  };
}

const noteColumns = {
  id: notes.id,
  workspaceId: notes.workspaceId,
  conversationId: notes.conversationId,
  authorUserId: notes.authorUserId,
  text: notes.text,
  createdAt: notes.createdAt,
  authorName: users.name,
};

/**
 * An internal note on a conversation (never sent to the customer), logged as a `note_added`
 * event so the history and the live channel see it. Run inside a transaction.
 */
export async function addNote(db: Queryable, p: Principal, conversationId: string, text: string, now: Date) {
  const conversation = found(await findConversation(db, p.workspaceId, conversationId), "Conversation");
  const id = newId();
  await db.insert(notes).values({
    id,
    workspaceId: p.workspaceId,
    conversationId: conversation.conversation.id,
    authorUserId: p.userId,
    text,
    createdAt: now,
  });
  await db.insert(conversationEvents).values({
    workspaceId: p.workspaceId,
    conversationId: conversation.conversation.id,
    ...actorOf(p),
    type: "note_added",
    data: { note_id: id, preview: text.slice(0, 140) },
    occurredAt: now,
    createdAt: now,
  });
  return id;
}

export async function findNote(db: Queryable, workspaceId: string, id: string) {
  const [row] = await db
    .select(noteColumns)
    .from(notes)
    .leftJoin(users, eq(users.id, notes.authorUserId))
    .where(and(eq(notes.workspaceId, workspaceId), eq(notes.id, id)));
  return row ? toNoteDto(row) : undefined;
}

/** A conversation's notes, oldest first, keyset-paged on (created_at, id). */
export async function listNotes(
  db: Queryable,
  workspaceId: string,
  conversationId: string,
  limit: number,
  cursor: string | undefined,
) {
  const after = decodeCursor(cursor, 2) as [string, string] | null;
  const where = [eq(notes.workspaceId, workspaceId), eq(notes.conversationId, conversationId)];
  if (after) {
    const at = new Date(after[0]);
    const next = or(gt(notes.createdAt, at), and(eq(notes.createdAt, at), gt(notes.id, after[1])));
    if (next) where.push(next);
  }
  const rows = await db
    .select(noteColumns)
    .from(notes)
    .leftJoin(users, eq(users.id, notes.authorUserId))
    .where(and(...where))
    .orderBy(asc(notes.createdAt), asc(notes.id))
    .limit(limit + 1);
  const page = pageFrom(rows, limit, (n) => [n.createdAt.toISOString(), n.id]);
  return { items: page.items.map(toNoteDto), next_cursor: page.next_cursor };
}
