import { timestamp, uuid } from "drizzle-orm/pg-core";

/** Shared column builders so every table spells ids and times the same way. */
export const id = () => uuid("id").primaryKey();
export const workspaceId = () => uuid("workspace_id").notNull();
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
export const createdAt = () => at("created_at").notNull().defaultNow();
export const updatedAt = () => at("updated_at").notNull().defaultNow();
