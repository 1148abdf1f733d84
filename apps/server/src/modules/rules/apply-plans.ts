import { ACTIVE_STATUSES, type ConversationStatus } from "@parley/contracts";
import { sql } from "drizzle-orm";
import { sendAcknowledgement } from "../../outbox/acknowledge";
import { recordset } from "../../pipeline/steps/batch";
import type { Queryable } from "../../platform/db";
import { bulkInsert } from "../../platform/db/bulk";
import { type ConversationEventType, conversationEvents } from "../../platform/db/schema";
import { autoAssign } from "../routing/assign";
import { type ConversationPlan, PRIORITY_SCORE } from "./plan-actions";

type EventRow = typeof conversationEvents.$inferInsert;

/**
 * Writes what the rules decided, for a whole batch in a few statements: the conversations'
 * new category, tags, priority, team, status and approval requirement; spam flags on messages;
 * one history event per matched rule and per change (actor "rule", so every automatic step is
 * audited with the rule that took it); then push assignment for conversations that now sit in a
 * team's queue with no owner. Returns the conversations assigned.
 */
export async function applyPlans(db: Queryable, plans: ConversationPlan[], now: Date) {
  if (plans.length === 0) return new Map<string, string>();
  await db.execute(sql`update conversations c set
      category = coalesce(v.category, c.category),
      tags = array(select jsonb_array_elements_text(v.tags)),
      priority = coalesce(v.priority, c.priority),
      priority_score = coalesce(v.priority_score, c.priority_score),
      priority_reasons = case when v.priority is null then c.priority_reasons
        else c.priority_reasons || jsonb_build_array(v.priority_reason) end,
      team_id = coalesce(v.team_id, c.team_id),
      assignee_id = coalesce(v.assignee_id, c.assignee_id),
      status = coalesce(v.status, c.status),
      approval_required = c.approval_required or v.approval_reason is not null,
      approval_reason = coalesce(v.approval_reason, c.approval_reason),
      updated_at = greatest(c.updated_at, ${now})
    from ${recordset(
      plans.map((p) => ({
        id: p.conversationId,
        category: p.category ?? null,
        tags: p.tags,
        priority: p.priority ?? null,
        priority_score: p.priority ? PRIORITY_SCORE[p.priority] : null,
        priority_reason: p.priority ? `Set to ${p.priority} by a rule` : null,
        team_id: p.teamId ?? null,
        assignee_id: p.assigneeId ?? null,
        status: p.status ?? null,
        approval_reason: p.approvalReason ?? null,
      })),
      `id uuid, category text, tags jsonb, priority text, priority_score int, priority_reason text,
       team_id uuid, assignee_id uuid, status text, approval_reason text`,
    )}
    where c.id = v.id`);
  const spam = plans.flatMap((p) => p.spamMessageIds);
  if (spam.length > 0)
    await db.execute(sql`update messages m set is_spam = true
      from ${recordset(
        spam.map((id) => ({ id })),
        "id uuid",
      )} where m.id = v.id`);
  await acknowledge(db, plans, now);
  await bulkInsert(
    db,
    conversationEvents,
    plans.flatMap((p) => eventsOf(p, now)),
  );
  return autoAssign(
    db,
    plans.flatMap((p) => {
      const teamId = p.teamId ?? p.before.team_id;
      const owned = p.assigneeId ?? p.before.assignee_id;
      const status = (p.status ?? p.before.status) as ConversationStatus;
      if (!teamId || owned || !ACTIVE_STATUSES.includes(status) || !(p.autoAssign || p.teamId)) return [];
      const last = p.matched.at(-1);
      return [
        {
          workspaceId: p.workspaceId,
          conversationId: p.conversationId,
          teamId,
          language: p.language,
          skill: p.category ?? p.before.c_category,
          actor: { type: "rule" as const, id: last?.ruleId ?? null },
        },
      ];
    }),
    now,
  );
}

/** The first acknowledgement a conversation's rules ask for is sent (at most one per batch). */
async function acknowledge(db: Queryable, plans: ConversationPlan[], now: Date) {
  for (const p of plans) {
    const ack = p.suggestions.find((s) => s.action.type === "send_acknowledgement");
    if (ack?.action.type !== "send_acknowledgement") continue;
    ack.result = await sendAcknowledgement(
      db,
      {
        workspaceId: p.workspaceId,
        conversationId: p.conversationId,
        templateId: ack.action.template_id,
        visibility: ack.action.visibility,
        ruleId: ack.ruleId,
      },
      now,
    );
  }
}

function eventsOf(p: ConversationPlan, now: Date): EventRow[] {
  const lastRule = p.matched.at(-1)?.ruleId ?? null;
  const event = (
    type: ConversationEventType,
    data: Record<string, unknown>,
    ruleId = lastRule,
  ): EventRow => ({
    workspaceId: p.workspaceId,
    conversationId: p.conversationId,
    type,
    actorType: "rule",
    actorId: ruleId,
    // bulkInsert writes the columns of the first row: every row sets the same ones.
    messageId: null,
    data,
    occurredAt: now,
    createdAt: now,
  });
  const events: EventRow[] = p.matched.map((m) => ({
    ...event("rule_matched", { rule_id: m.ruleId, actions: m.actions }, m.ruleId),
    messageId: m.messageId,
  }));
  const b = p.before;
  if (p.priority && p.priority !== b.priority)
    events.push(event("priority_changed", { from: b.priority, to: p.priority }));
  if (p.teamId && p.teamId !== b.team_id)
    events.push(event("team_changed", { from: b.team_id, to: p.teamId }));
  if (p.status && p.status !== b.status)
    events.push(event("status_changed", { from: b.status, to: p.status }));
  if (p.assigneeId && p.assigneeId !== b.assignee_id)
    events.push(event("assigned", { from: b.assignee_id, to: p.assigneeId, via: "rule" }));
  if (p.tags.join("\u0000") !== b.tags.join("\u0000"))
    events.push(event("tags_changed", { from: b.tags, to: p.tags }));
  if (p.escalation) events.push(event("escalated", { to: p.escalation.to, reason: p.escalation.reason }));
  for (const s of p.suggestions)
    events.push({
      ...event(
        s.action.type === "notify" ? "notification" : "suggestion",
        { action: s.action, ...(s.result ? { result: s.result } : {}) },
        s.ruleId || null,
      ),
      messageId: s.messageId,
    });
  return events;
}
