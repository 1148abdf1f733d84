import { and, eq, sql } from "drizzle-orm";
import { findConversation } from "../modules/conversations/conversations.repo";
import type { Queryable } from "../platform/db";
import { conversationEvents, messages, templates } from "../platform/db/schema";
import { HttpProblem } from "../platform/http/problem";
import { checkReply, enqueueSend, insertReply } from "./create-reply";

/**
 * Fills `{{customer.first_name}}`-style variables (the template editor's names, and the older
 * `{{first_name}}` ones); unknown ones are dropped rather than sent as braces.
 */
export function renderTemplate(body: string, vars: Record<string, string | null | undefined>): string {
  return body
    .replace(/\{\{\s*([a-z_.]+)\s*\}\}/gi, (_m, name: string) => vars[name.toLowerCase()] ?? "")
    .replace(/[ \t]{2,}/g, " ")
    .replace(/ +([,.!?])/g, "$1")
    .trim();
}

/**
 * A rule's `send_acknowledgement` (SPEC W1): the template, filled in for the customer, answered in
 * the conversation's own channel through the outbox like an agent's reply, checked against the
 * network's rules first, and held for approval when the conversation requires it. Returns what
 * happened; a reply the network would refuse (a closed messaging window) is skipped with why,
 * never failing the message that triggered it.
 */
export async function sendAcknowledgement(
  db: Queryable,
  a: {
    workspaceId: string;
    conversationId: string;
    templateId: string;
    visibility: "public" | "private";
    ruleId: string;
  },
  now: Date,
): Promise<{ status: "queued" | "awaiting_approval" | "skipped"; reason?: string; messageId?: string }> {
  const [template] = await db
    .select()
    .from(templates)
    .where(and(eq(templates.workspaceId, a.workspaceId), eq(templates.id, a.templateId)));
  const row = await findConversation(db, a.workspaceId, a.conversationId);
  if (!template || !row) return { status: "skipped", reason: "the template no longer exists" };
  const { conversation, contact } = row;
  const firstName = contact.displayName.split(/\s+/)[0];
  const handle = contact.handle ? `@${contact.handle.replace(/^@/, "")}` : null;
  const text = renderTemplate(template.body, {
    "customer.name": contact.displayName,
    "customer.first_name": firstName,
    "customer.handle": handle,
    "conversation.category": conversation.category,
    "conversation.channel": conversation.channel,
    "conversation.id": conversation.id,
    customer_name: contact.displayName,
    first_name: firstName,
    handle,
  });
  const input = { text, visibility: a.visibility };
  let checked: Awaited<ReturnType<typeof checkReply>>;
  try {
    checked = await checkReply(db, conversation, input, now);
  } catch (err) {
    if (err instanceof HttpProblem) return { status: "skipped", reason: err.detail };
    throw err;
  }
  const approval = conversation.approvalRequired
    ? {
        source: "conversation" as const,
        reason: conversation.approvalReason ?? "Replies here need approval.",
      }
    : null;
  const message = await insertReply(
    db,
    { workspaceId: a.workspaceId, authorUserId: null },
    { conversation, ...checked, input, approval },
    now,
  );
  // Not a response: reports leave automated messages out of FRT, ART and volumes (docs/metrics.md).
  await db
    .update(messages)
    .set({
      classification: sql`${messages.classification} || ${JSON.stringify({ automated: "acknowledgement" })}::jsonb`,
    })
    .where(and(eq(messages.workspaceId, a.workspaceId), eq(messages.id, message.id)));
  if (!approval) {
    await enqueueSend(db, a.workspaceId, message.id, now);
    return { status: "queued", messageId: message.id };
  }
  await db.insert(conversationEvents).values({
    workspaceId: a.workspaceId,
    conversationId: conversation.id,
    type: "approval_requested",
    actorType: "rule",
    actorId: a.ruleId,
    messageId: message.id,
    data: { reason: approval.reason, source: "rule", visibility: a.visibility },
    occurredAt: now,
    createdAt: now,
  });
  return { status: "awaiting_approval", messageId: message.id };
}
