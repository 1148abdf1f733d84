import { sql } from "drizzle-orm";
import { bigserial, boolean, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, workspaceId } from "./columns";
import { messages } from "./conversations";
import { users, workspaces } from "./tenancy";

export const LISTENING_KINDS = ["brand", "product", "competitor", "care"] as const;

/**
 * What to listen for beyond @mentions (SPEC L2): phrases, words that must also appear, exclusions,
 * languages and locations. The pipeline tags each message with the profiles it matches.
 */
export const listeningProfiles = pgTable(
  "listening_profiles",
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: LISTENING_KINDS }).notNull(),
    include: text("include").array().notNull().default(sql`'{}'::text[]`),
    requireAny: text("require_any").array().notNull().default(sql`'{}'::text[]`),
    exclude: text("exclude").array().notNull().default(sql`'{}'::text[]`),
    languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
    locations: text("locations").array().notNull().default(sql`'{}'::text[]`),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("listening_profiles_workspace_idx").on(t.workspaceId, t.name)],
);

/**
 * An agent's "spam" / "not spam" on a message (SPEC T1). The spam filter of every pipeline process
 * learns them in `seq` order, so a correction made on one node holds on the next message anywhere.
 */
export const spamCorrections = pgTable(
  "spam_corrections",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    messageId: uuid("message_id").references(() => messages.id, { onDelete: "set null" }),
    label: text("label", { enum: ["spam", "ham"] }).notNull(),
    /** The text learnt from, kept so the filter can be rebuilt after the message is deleted. */
    text: text("text").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("spam_corrections_workspace_idx").on(t.workspaceId, t.seq)],
);
