import { CHANNELS, PRIORITIES, TEMPLATE_KINDS } from "@parley/contracts";
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, real, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt, workspaceId } from "./columns";
import { users, workspaces } from "./tenancy";

/** Saved replies and playbook snippets with {{variables}} (SPEC A3, A4). */
export const templates = pgTable(
  "templates",
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    shortcut: text("shortcut"),
    body: text("body").notNull(),
    /** Channels the template suits; empty = all. */
    channels: text("channels", { enum: CHANNELS }).array().notNull().default(sql`'{}'::text[]`),
    language: text("language"),
    category: text("category"),
    kind: text("kind", { enum: TEMPLATE_KINDS }).notNull().default("reply"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("templates_workspace_idx").on(t.workspaceId, t.name),
    uniqueIndex("templates_workspace_shortcut_idx")
      .on(t.workspaceId, sql`lower(${t.shortcut})`)
      .where(sql`${t.shortcut} is not null`),
  ],
);

/**
 * Ordered rules (SPEC W1). Conditions and actions are JSON documents evaluated by the pure rules
 * package; `trigger` says which event runs them.
 */
export const rules = pgTable(
  "rules",
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    trigger: text("trigger", { enum: ["message_received", "conversation_updated", "time_elapsed"] })
      .notNull()
      .default("message_received"),
    conditions: jsonb("conditions").$type<Record<string, unknown>>().notNull(),
    actions: jsonb("actions").$type<Record<string, unknown>[]>().notNull(),
    stopProcessing: boolean("stop_processing").notNull().default(false),
    /** time_elapsed rules: how long after the conversation's waiting started they fire. */
    afterSeconds: integer("after_seconds"),
    /** time_elapsed rules: which duration `after_seconds` counts (default: waiting for a reply). */
    clock: text("clock"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("rules_workspace_position_idx").on(t.workspaceId, t.position)],
);

/** Opening hours in a time zone, with holidays, or 24x7 (SPEC W3). */
export const businessHours = pgTable("business_hours", {
  id: id(),
  workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  timezone: text("timezone").notNull(),
  alwaysOpen: boolean("always_open").notNull().default(false),
  /** {"mon": [["09:00","17:00"]], ...} */
  weekly: jsonb("weekly").$type<Record<string, [string, string][]>>().notNull().default({}),
  /** ["2026-12-25", ...] in the calendar's time zone. */
  holidays: jsonb("holidays").$type<string[]>().notNull().default([]),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Response and resolution targets per channel and priority (SPEC W3). Null matches any. */
export const slaPolicies = pgTable(
  "sla_policies",
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
    enabled: boolean("enabled").notNull().default(true),
    channel: text("channel", { enum: CHANNELS }),
    priority: text("priority", { enum: PRIORITIES }),
    firstResponseSeconds: integer("first_response_seconds"),
    nextResponseSeconds: integer("next_response_seconds"),
    resolutionSeconds: integer("resolution_seconds"),
    businessHoursId: uuid("business_hours_id").references(() => businessHours.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("sla_policies_workspace_idx").on(t.workspaceId, t.position)],
);

/**
 * A spike against the rolling baseline (SPEC W6): more messages on a topic than usual, or a
 * larger share of them negative. Open until someone acknowledges or dismisses it, or crisis mode
 * starts on its topic.
 */
export const crisisAlerts = pgTable(
  "crisis_alerts",
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    /** What the topic is: a triage category, a listening profile (id), or a keyword. */
    topicKind: text("topic_kind", { enum: ["category", "listening", "keyword"] }).notNull(),
    topic: text("topic").notNull(),
    kind: text("kind", { enum: ["volume", "negative_share"] }).notNull(),
    windowStart: at("window_start").notNull(),
    windowEnd: at("window_end").notNull(),
    volume: integer("volume").notNull(),
    negative: integer("negative").notNull(),
    baselineVolume: real("baseline_volume").notNull(),
    baselineNegativeShare: real("baseline_negative_share").notNull(),
    status: text("status", { enum: ["open", "acknowledged", "dismissed", "crisis"] })
      .notNull()
      .default("open"),
    decidedBy: uuid("decided_by"),
    decidedAt: at("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [index("crisis_alerts_workspace_idx").on(t.workspaceId, t.status, t.createdAt.desc())],
);

/**
 * Crisis mode on one topic (SPEC W6): while active, matching messages go to the crisis team,
 * agents are offered the holding message and every reply needs approval. It works through a rule
 * it owns (`rule_id`), so it runs where every rule runs and shows in the history as a rule.
 */
export const crisisModes = pgTable(
  "crisis_modes",
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    topicKind: text("topic_kind", { enum: ["category", "listening", "keyword"] }).notNull(),
    topic: text("topic").notNull(),
    teamId: uuid("team_id"),
    holdingTemplateId: uuid("holding_template_id"),
    ruleId: uuid("rule_id"),
    alertId: uuid("alert_id"),
    startedBy: uuid("started_by"),
    /** Manual (a person) or automatic (the detector, when the workspace allows it). */
    startedVia: text("started_via", { enum: ["manual", "automatic"] }).notNull(),
    startedAt: at("started_at").notNull(),
    endedAt: at("ended_at"),
    endedBy: uuid("ended_by"),
  },
  (t) => [index("crisis_modes_workspace_idx").on(t.workspaceId, t.endedAt)],
);

/**
 * A post the brand publishes of its own accord on one channel (SPEC W7): an outage alert, a
 * service update. Not a reply, so not a message of a conversation; it waits for an approver
 * unless its author may approve, then the outbox publishes it.
 */
export const outboundPosts = pgTable(
  "outbound_posts",
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    channelAccountId: uuid("channel_account_id").notNull(),
    text: text("text").notNull(),
    status: text("status", { enum: ["awaiting_approval", "queued", "sending", "sent", "failed", "rejected"] })
      .notNull()
      .default("queued"),
    externalId: text("external_id"),
    error: text("error"),
    authorUserId: uuid("author_user_id"),
    approvalReason: text("approval_reason"),
    reviewedBy: uuid("reviewed_by"),
    reviewedAt: at("reviewed_at"),
    reviewComment: text("review_comment"),
    sentAt: at("sent_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("outbound_posts_workspace_idx").on(t.workspaceId, t.createdAt.desc())],
);
