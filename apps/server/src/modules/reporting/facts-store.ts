/*
 * Facts records (facts.ts) to and from conversation_facts rows: the rollup writes them, reports
 * read them back for the drill-down, the export and the JS aggregator's cross-check.
 */
import { getTableColumns, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { conversationFacts as factsTable } from "../../platform/db/schema";
import type { ConversationFacts } from "./facts";
import type { LoadedFacts } from "./report-load";

export type FactsInsert = typeof factsTable.$inferInsert;
export type FactsSelect = typeof factsTable.$inferSelect;

/** When the conversation left the backlog for good: the start of its last span, if it never ended. */
export function lastClosedAt(f: Pick<ConversationFacts, "not_open_spans">): Date | null {
  const last = f.not_open_spans.at(-1);
  return last && last.to === null ? last.from : null;
}

export function toFactsRow(
  { workspaceId, facts: f, agentIds }: LoadedFacts,
  sourceSeq: number,
  now: Date,
): FactsInsert {
  return {
    conversationId: f.conversation_id,
    workspaceId,
    channel: f.channel,
    channelAccountId: f.channel_account_id,
    teamId: f.team_id,
    assigneeId: f.assignee_id,
    category: f.category,
    status: f.status,
    startedAt: f.started_at,
    startedBy: f.started_by,
    isSpam: f.is_spam,
    inboundMessages: f.inbound_messages,
    spamMessages: f.spam_messages,
    responses: f.responses,
    agentReplies: f.agent_replies,
    customerChannels: f.customer_channels,
    firstResponseS: f.first_response_s,
    firstResponseInHours: f.first_response_in_hours,
    responseCount: f.response_count,
    responseSumS: f.response_sum_s,
    responseInHoursCount: f.response_in_hours_count,
    responseInHoursSumS: f.response_in_hours_sum_s,
    sentimentStart: f.sentiment_start,
    sentimentEnd: f.sentiment_end,
    sentimentConverted: f.sentiment_converted,
    firstAssignedAt: f.first_assigned_at,
    queueS: f.queue_s,
    resolvedAt: f.resolved_at,
    resolutionS: f.resolution_s,
    reopened: f.reopened,
    firstContactResolution: f.first_contact_resolution,
    escalated: f.escalated,
    slaFirstResponse: f.sla_first_response,
    slaResolution: f.sla_resolution,
    handlingS: f.handling_s,
    handlingByUser: f.handling_by_user,
    replyHandlingS: f.reply_handling_s,
    disposition: f.disposition,
    notOpenSpans: f.not_open_spans.map((s) => ({
      from: s.from.toISOString(),
      to: s.to ? s.to.toISOString() : null,
    })),
    lastClosedAt: lastClosedAt(f),
    agentIds,
    sourceSeq,
    stale: false,
    computedAt: now,
  };
}

export function fromFactsRow(r: FactsSelect): ConversationFacts {
  return {
    conversation_id: r.conversationId,
    channel: r.channel,
    channel_account_id: r.channelAccountId,
    team_id: r.teamId,
    assignee_id: r.assigneeId,
    category: r.category,
    status: r.status,
    started_at: r.startedAt,
    started_by: r.startedBy,
    inbound_messages: r.inboundMessages,
    spam_messages: r.spamMessages,
    responses: r.responses,
    agent_replies: r.agentReplies,
    is_spam: r.isSpam,
    customer_channels: r.customerChannels,
    first_response_s: r.firstResponseS,
    first_response_in_hours: r.firstResponseInHours,
    response_count: r.responseCount,
    response_sum_s: r.responseSumS,
    response_in_hours_count: r.responseInHoursCount,
    response_in_hours_sum_s: r.responseInHoursSumS,
    sentiment_start: r.sentimentStart,
    sentiment_end: r.sentimentEnd,
    sentiment_converted: r.sentimentConverted,
    first_assigned_at: r.firstAssignedAt,
    queue_s: r.queueS,
    resolved_at: r.resolvedAt,
    resolution_s: r.resolutionS,
    reopened: r.reopened,
    first_contact_resolution: r.firstContactResolution,
    escalated: r.escalated,
    sla_first_response: r.slaFirstResponse,
    sla_resolution: r.slaResolution,
    handling_s: r.handlingS,
    handling_by_user: r.handlingByUser,
    reply_handling_s: r.replyHandlingS,
    disposition: r.disposition,
    not_open_spans: r.notOpenSpans.map((s) => ({ from: new Date(s.from), to: s.to ? new Date(s.to) : null })),
  };
}

const columns = getTableColumns(factsTable);
/** Every column but the key takes the new value; the seq never goes back. */
const UPSERT_SET = Object.fromEntries(
  Object.entries(columns)
    .filter(([key]) => key !== "conversationId" && key !== "sourceSeq" && key !== "stale")
    .map(([key, col]) => [key, sql.raw(`excluded."${col.name}"`)]),
);

/**
 * Writes the rows, replacing those already there. `clearStale` is for rows the caller locked while
 * they were marked stale (rollup.ts); otherwise a stale mark stays for its own round.
 */
export async function upsertFacts(db: Queryable, rows: FactsInsert[], { clearStale = false } = {}) {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(factsTable)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: factsTable.conversationId,
        set: {
          ...UPSERT_SET,
          sourceSeq: sql`greatest(${factsTable.sourceSeq}, excluded.source_seq)`,
          stale: clearStale ? sql`false` : sql`${factsTable.stale}`,
        },
      });
  }
}
