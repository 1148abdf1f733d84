import type { EscalationContact, PlaybookExample } from "@parley/contracts";
import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, workspaceId } from "./columns";
import { users, workspaces } from "./tenancy";

/** Help-centre articles agents link from the composer (SPEC A3). */
export const knowledgeArticles = pgTable(
  "knowledge_articles",
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    url: text("url").notNull(),
    summary: text("summary").notNull().default(""),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("knowledge_articles_workspace_idx").on(t.workspaceId, t.title)],
);

/** The workspace's playbook (SPEC A4): one row per workspace, replaced as a whole on save. */
export const playbooks = pgTable("playbooks", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  toneOfVoice: text("tone_of_voice").notNull().default(""),
  dos: jsonb("dos").$type<string[]>().notNull().default([]),
  donts: jsonb("donts").$type<string[]>().notNull().default([]),
  examples: jsonb("examples").$type<PlaybookExample[]>().notNull().default([]),
  escalationContacts: jsonb("escalation_contacts").$type<EscalationContact[]>().notNull().default([]),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: updatedAt(),
});
