import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./columns";

/**
 * The durable job queue (platform/jobs): outbound sends, retries, timers. Lives in the same
 * database so a job is enqueued in the same transaction as the change that needs it.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: id(),
    workspaceId: uuid("workspace_id"),
    queue: text("queue").notNull(),
    /** Optional dedupe key: a second enqueue with the same (queue, key) is ignored. */
    key: text("key"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: ["pending", "running", "done", "dead"] })
      .notNull()
      .default("pending"),
    runAt: at("run_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(10),
    lockedBy: text("locked_by"),
    lockedUntil: at("locked_until"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("jobs_queue_key_idx").on(t.queue, t.key).where(sql`${t.key} is not null`),
    index("jobs_due_idx").on(t.queue, t.runAt).where(sql`${t.status} in ('pending', 'running')`),
  ],
);
