import { AVAILABILITIES } from "@parley/contracts";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, id, workspaceId } from "./columns";
import { users, workspaces } from "./tenancy";

/**
 * The rollup behind reports (SPEC M1-M7): one row of facts per conversation, recomputed from the
 * conversation's event log and messages (modules/reporting/facts.ts) whenever they change, so a
 * report aggregates one narrow row per conversation instead of replaying every history. No foreign
 * keys: the rollup is derived data, rebuilt from the log at will (ADR 0017).
 */
export const conversationFacts = pgTable(
  "conversation_facts",
  {
    conversationId: uuid("conversation_id").primaryKey(),
    workspaceId: workspaceId(),
    channel: text("channel").notNull(),
    /** The brand's account (handle, page, number) the conversation came in on. */
    channelAccountId: uuid("channel_account_id"),
    teamId: uuid("team_id"),
    assigneeId: uuid("assignee_id"),
    category: text("category"),
    status: text("status").notNull(),
    startedAt: at("started_at").notNull(),
    startedBy: text("started_by", { enum: ["customer", "brand"] }),
    isSpam: boolean("is_spam").notNull().default(false),
    inboundMessages: integer("inbound_messages").notNull().default(0),
    spamMessages: integer("spam_messages").notNull().default(0),
    responses: integer("responses").notNull().default(0),
    agentReplies: integer("agent_replies").notNull().default(0),
    customerChannels: text("customer_channels").array().notNull().default(sql`'{}'::text[]`),
    firstResponseS: doublePrecision("first_response_s"),
    firstResponseInHours: boolean("first_response_in_hours"),
    responseCount: integer("response_count").notNull().default(0),
    responseSumS: doublePrecision("response_sum_s").notNull().default(0),
    responseInHoursCount: integer("response_in_hours_count").notNull().default(0),
    responseInHoursSumS: doublePrecision("response_in_hours_sum_s").notNull().default(0),
    sentimentStart: text("sentiment_start"),
    sentimentEnd: text("sentiment_end"),
    sentimentConverted: boolean("sentiment_converted"),
    firstAssignedAt: at("first_assigned_at"),
    queueS: doublePrecision("queue_s"),
    resolvedAt: at("resolved_at"),
    resolutionS: doublePrecision("resolution_s"),
    reopened: integer("reopened").notNull().default(0),
    firstContactResolution: boolean("first_contact_resolution").notNull().default(false),
    escalated: boolean("escalated").notNull().default(false),
    slaFirstResponse: text("sla_first_response", { enum: ["met", "breached", "pending", "none"] })
      .notNull()
      .default("none"),
    slaResolution: text("sla_resolution", { enum: ["met", "breached", "pending", "none"] })
      .notNull()
      .default("none"),
    handlingS: doublePrecision("handling_s").notNull().default(0),
    handlingByUser: jsonb("handling_by_user").$type<Record<string, number>>().notNull().default({}),
    replyHandlingS: doublePrecision("reply_handling_s").array().notNull().default(sql`'{}'::float8[]`),
    disposition: text("disposition").notNull().default(""),
    /** Spans when it was resolved, closed, archived or spam: `[{from, to|null}]` (backlog at any instant). */
    notOpenSpans: jsonb("not_open_spans")
      .$type<{ from: string; to: string | null }[]>()
      .notNull()
      .default([]),
    /** When it last left the backlog for good (null while open): a cheap first cut for backlog queries. */
    lastClosedAt: at("last_closed_at"),
    /** Its assignee and every member who wrote a message in it (drafts too): the agent filter. */
    agentIds: uuid("agent_ids").array().notNull().default(sql`'{}'::uuid[]`),
    /** The newest conversation event these facts include. */
    sourceSeq: bigint("source_seq", { mode: "number" }).notNull().default(0),
    /**
     * A writer changed what the facts read without logging an event (a network's late delivery
     * failure): the next rollup round recomputes the row (modules/reporting/rollup.ts).
     */
    stale: boolean("stale").notNull().default(false),
    computedAt: at("computed_at").notNull().defaultNow(),
  },
  (t) => [
    index("conversation_facts_started_idx").on(t.workspaceId, t.startedAt),
    index("conversation_facts_channel_idx").on(t.workspaceId, t.channel, t.startedAt),
    index("conversation_facts_team_idx").on(t.workspaceId, t.teamId, t.startedAt),
    index("conversation_facts_category_idx").on(t.workspaceId, t.category, t.startedAt),
    index("conversation_facts_agents_idx").using("gin", t.agentIds),
    // The backlog: conversations still open, or closed after a given instant.
    index("conversation_facts_closed_idx").on(t.workspaceId, t.lastClosedAt),
    index("conversation_facts_stale_idx").on(t.conversationId).where(sql`stale`),
  ],
);

/**
 * How far the rollup has read the event log (one row per rollup; `seq` of conversation_events).
 * Its row lock lets one round run at a time across processes.
 */
export const reportRollupState = pgTable("report_rollup_state", {
  name: text("name").primaryKey(),
  /** The highest event seq read. */
  lastSeq: bigint("last_seq", { mode: "number" }).notNull().default(0),
  /**
   * Seqs at or below last_seq not seen yet (`[{from, to, seen_at}]`): a transaction that took them
   * had not committed when a higher seq was read. Re-read each round until they show up or
   * `seen_at` is older than the grace period (rolled back: a bigserial never fills its gaps).
   */
  holes: jsonb("holes").$type<{ from: number; to: number; seen_at: string }[]>().notNull().default([]),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/**
 * CSAT and NPS surveys (SPEC M6), asked in the conversation's own channel after it is resolved.
 * At most one survey of a kind waits for an answer per conversation at a time.
 */
export const surveys = pgTable(
  "surveys",
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id").notNull(),
    contactId: uuid("contact_id"),
    kind: text("kind", { enum: ["csat", "nps"] }).notNull(),
    channel: text("channel").notNull(),
    /** Who the answer rates: the agent who resolved it (or last replied), and their team. */
    agentId: uuid("agent_id").references(() => users.id, { onDelete: "set null" }),
    teamId: uuid("team_id"),
    status: text("status", { enum: ["asked", "answered", "expired", "failed"] })
      .notNull()
      .default("asked"),
    /** The outbound message that asked the question. */
    questionMessageId: uuid("question_message_id"),
    askedAt: at("asked_at").notNull(),
    expiresAt: at("expires_at").notNull(),
    /** CSAT 1-5, NPS 0-10. */
    score: integer("score"),
    comment: text("comment"),
    answerMessageId: uuid("answer_message_id"),
    answeredAt: at("answered_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("surveys_workspace_asked_idx").on(t.workspaceId, t.askedAt),
    index("surveys_conversation_idx").on(t.conversationId),
    uniqueIndex("surveys_one_waiting_idx").on(t.conversationId, t.kind).where(sql`status = 'asked'`),
    index("surveys_contact_waiting_idx").on(t.workspaceId, t.contactId).where(sql`status = 'asked'`),
  ],
);

/** Each agent's availability over time (SPEC M7 occupancy, A5): one row per state, open while current. */
export const agentAvailabilityHistory = pgTable(
  "agent_availability_history",
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    availability: text("availability", { enum: AVAILABILITIES }).notNull(),
    startedAt: at("started_at").notNull(),
    endedAt: at("ended_at"),
  },
  (t) => [
    index("agent_availability_history_period_idx").on(t.workspaceId, t.startedAt),
    uniqueIndex("agent_availability_history_current_idx")
      .on(t.workspaceId, t.userId)
      .where(sql`ended_at is null`),
  ],
);
