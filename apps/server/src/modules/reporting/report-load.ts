/*
 * Loads conversations with their events and messages a batch at a time and turns each into facts
 * (facts.ts). Memory is bounded by the batch size whatever the period; every statement is scoped
 * by workspace. Phase 2 replaces this with a rollup table of the same facts.
 */
import { ACTIVE_STATUSES } from "@parley/contracts";
import { and, asc, eq, exists, gt, gte, inArray, lt, or, type SQL } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { conversationEvents, conversations, messages } from "../../platform/db/schema";
import { type ConversationFacts, conversationFacts, type FactsMessage, type FactsOptions } from "./facts";

export interface ReportScope {
  workspaceId: string;
  from: Date;
  to: Date;
  channels?: readonly string[];
  teamId?: string;
  agentId?: string;
  category?: string;
}

/** Conversations per round trip. */
export const REPORT_BATCH_SIZE = 1000;

/** The events facts read; the rest (notes, rules, suggestions) change no figure. */
const FACT_EVENTS = ["status_changed", "assigned", "escalated", "sla_breached", "agent_activity"] as const;

export interface FactsBatchItem {
  facts: ConversationFacts;
  /** Started before the period, still open at its start: it counts towards the backlog only. */
  carriedOver: boolean;
}

/** The filters other than the agent (a subquery, built with the batch). */
function filters(scope: ReportScope): (SQL | undefined)[] {
  return [
    eq(conversations.workspaceId, scope.workspaceId),
    scope.channels?.length ? inArray(conversations.channel, scope.channels as never[]) : undefined,
    scope.teamId ? eq(conversations.teamId, scope.teamId) : undefined,
    scope.category ? eq(conversations.category, scope.category) : undefined,
  ];
}

function conversationBatch(
  db: Queryable,
  scope: ReportScope,
  { after, size, carried }: { after: string | null; size: number; carried: boolean },
) {
  const inPeriod = and(gte(conversations.createdAt, scope.from), lt(conversations.createdAt, scope.to));
  // Started earlier and not done before the period began: still in the backlog at its start.
  const carriedOver = and(
    lt(conversations.createdAt, scope.from),
    or(inArray(conversations.status, [...ACTIVE_STATUSES]), gte(conversations.updatedAt, scope.from)),
  );
  const agent = scope.agentId
    ? or(
        eq(conversations.assigneeId, scope.agentId),
        exists(
          db
            .select({ one: messages.id })
            .from(messages)
            .where(
              and(
                eq(messages.workspaceId, scope.workspaceId),
                eq(messages.conversationId, conversations.id),
                eq(messages.authorUserId, scope.agentId),
              ),
            ),
        ),
      )
    : undefined;
  return db
    .select()
    .from(conversations)
    .where(
      and(
        ...filters(scope),
        agent,
        carried ? or(inPeriod, carriedOver) : inPeriod,
        after ? gt(conversations.id, after) : undefined,
      ),
    )
    .orderBy(asc(conversations.id))
    .limit(size);
}

async function eventsOf(db: Queryable, workspaceId: string, ids: string[]) {
  return db
    .select({
      conversationId: conversationEvents.conversationId,
      type: conversationEvents.type,
      actorId: conversationEvents.actorId,
      data: conversationEvents.data,
      occurredAt: conversationEvents.occurredAt,
    })
    .from(conversationEvents)
    .where(
      and(
        eq(conversationEvents.workspaceId, workspaceId),
        inArray(conversationEvents.conversationId, ids),
        inArray(conversationEvents.type, [...FACT_EVENTS]),
      ),
    )
    .orderBy(
      asc(conversationEvents.conversationId),
      asc(conversationEvents.occurredAt),
      asc(conversationEvents.seq),
    );
}

/** Customer messages and the replies that went out; drafts and failed sends never count. */
async function messagesOf(db: Queryable, workspaceId: string, ids: string[]) {
  return db
    .select({
      conversationId: messages.conversationId,
      direction: messages.direction,
      channel: messages.channel,
      sentAt: messages.sentAt,
      isSpam: messages.isSpam,
      deliveryStatus: messages.deliveryStatus,
      authorUserId: messages.authorUserId,
      sentiment: messages.sentiment,
    })
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, workspaceId),
        inArray(messages.conversationId, ids),
        or(eq(messages.direction, "inbound"), eq(messages.deliveryStatus, "sent")),
      ),
    )
    .orderBy(asc(messages.conversationId), asc(messages.sentAt), asc(messages.id));
}

function groupBy<T extends { conversationId: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const list = groups.get(r.conversationId);
    if (list) list.push(r);
    else groups.set(r.conversationId, [r]);
  }
  return groups;
}

/**
 * The facts of the conversations started in the period (and, with `carried`, of those carried
 * over into it), in id order after `after`, one batch per iteration.
 */
export async function* factsBatches(
  db: Queryable,
  scope: ReportScope,
  options: FactsOptions,
  {
    after = null,
    carried = false,
    batchSize = REPORT_BATCH_SIZE,
  }: { after?: string | null; carried?: boolean; batchSize?: number } = {},
): AsyncGenerator<FactsBatchItem[]> {
  for (let cursor = after; ; ) {
    const batch = await conversationBatch(db, scope, { after: cursor, size: batchSize, carried });
    if (batch.length === 0) return;
    cursor = batch[batch.length - 1]?.id ?? null;
    const ids = batch.map((c) => c.id);
    const events = groupBy(await eventsOf(db, scope.workspaceId, ids));
    const msgs = groupBy(await messagesOf(db, scope.workspaceId, ids));
    yield batch.map((c) => ({
      facts: conversationFacts(c, events.get(c.id) ?? [], (msgs.get(c.id) ?? []) as FactsMessage[], options),
      carriedOver: c.createdAt < scope.from,
    }));
    if (batch.length < batchSize) return;
  }
}
