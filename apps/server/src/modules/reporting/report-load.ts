/*
 * Loads conversations with their events and messages and turns each into facts (facts.ts): what
 * the rollup (rollup.ts) stores in conversation_facts. Every statement is scoped by workspace.
 */
import { and, asc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { conversationEvents, conversations, messages } from "../../platform/db/schema";
import { type ConversationFacts, conversationFacts, type FactsMessage, type FactsOptions } from "./facts";

/** The conversations a report covers: started in [from, to), narrowed by the filters. */
export interface ReportScope {
  workspaceId: string;
  from: Date;
  to: Date;
  channels?: readonly string[];
  /** Channel accounts (the brand's handles) the conversation came in on. */
  accountIds?: readonly string[];
  teamId?: string;
  agentId?: string;
  category?: string;
}

/** The events facts read; the rest (notes, rules, suggestions) change no figure. */
const FACT_EVENTS = ["status_changed", "assigned", "escalated", "sla_breached", "agent_activity"] as const;

export interface LoadedFacts {
  workspaceId: string;
  facts: ConversationFacts;
  /** The assignee and every member who wrote a message in it (drafts too): the agent filter. */
  agentIds: string[];
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

/**
 * Customer messages and the replies that went out; drafts and failed sends never count. Automated
 * messages and survey answers are flagged for facts.ts to leave out of the response figures.
 */
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
      automated: sql<boolean>`coalesce(${messages.classification} ->> 'automated', '') <> ''`,
      surveyAnswer: sql<boolean>`(${messages.classification} -> 'survey_answer') is not null`,
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

/** The members who wrote any message in each conversation, sent or not. */
async function authorsOf(db: Queryable, workspaceId: string, ids: string[]) {
  return db
    .selectDistinct({ conversationId: messages.conversationId, userId: messages.authorUserId })
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, workspaceId),
        inArray(messages.conversationId, ids),
        isNotNull(messages.authorUserId),
      ),
    );
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
 * The facts of these conversations of one workspace, from their rows, events and messages: four
 * statements whatever the number. Ids of conversations that no longer exist are left out.
 */
export async function loadConversationFacts(
  db: Queryable,
  workspaceId: string,
  ids: readonly string[],
  options: FactsOptions,
): Promise<LoadedFacts[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  const rows = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), inArray(conversations.id, list)));
  if (rows.length === 0) return [];
  const found = rows.map((c) => c.id);
  const events = groupBy(await eventsOf(db, workspaceId, found));
  const msgs = groupBy(await messagesOf(db, workspaceId, found));
  const authors = groupBy(await authorsOf(db, workspaceId, found));
  return rows.map((c) => ({
    workspaceId,
    facts: conversationFacts(c, events.get(c.id) ?? [], (msgs.get(c.id) ?? []) as FactsMessage[], options),
    agentIds: [
      ...new Set([
        ...(c.assigneeId ? [c.assigneeId] : []),
        ...(authors.get(c.id) ?? []).map((a) => a.userId as string),
      ]),
    ],
  }));
}
