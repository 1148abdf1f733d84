import { CHANNELS, PRIORITIES } from "@parley/contracts";
import { boolean, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, workspaceId } from "./columns";
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
    channel: text("channel", { enum: CHANNELS }),
    language: text("language"),
    category: text("category"),
    kind: text("kind", { enum: ["reply", "holding", "acknowledgement", "playbook"] })
      .notNull()
      .default("reply"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("templates_workspace_idx").on(t.workspaceId, t.name)],
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
