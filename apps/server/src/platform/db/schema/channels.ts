import { CHANNELS } from "@parley/contracts";
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt, workspaceId } from "./columns";
import { workspaces } from "./tenancy";

/**
 * A connected brand account on one network (an X handle, a Facebook Page, a WhatsApp number, a
 * mailbox, an RSS feed...). Credentials are AES-256-GCM encrypted (platform/crypto.ts).
 */
export const channelAccounts = pgTable(
  "channel_accounts",
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: "cascade" }),
    network: text("network", { enum: CHANNELS }).notNull(),
    name: text("name").notNull(),
    handle: text("handle"),
    externalAccountId: text("external_account_id").notNull(),
    baseUrl: text("base_url").notNull(),
    credentialsEncrypted: text("credentials_encrypted"),
    status: text("status", { enum: ["active", "paused", "error", "disconnected"] })
      .notNull()
      .default("active"),
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    /** Polling/stream position per feed, e.g. {"mentions": {"since_id": "..."}}. */
    cursor: jsonb("cursor").$type<Record<string, unknown>>().notNull().default({}),
    lastEventAt: at("last_event_at"),
    lastErrorAt: at("last_error_at"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("channel_accounts_external_idx").on(t.workspaceId, t.network, t.externalAccountId)],
);

/**
 * Every delivery exactly as received (webhook body, stream line, polled item), stored before any
 * processing. The idempotency key makes a redelivery a no-op (SPEC L3, R3). Written once on the
 * way in: whether the pipeline still owes it a pass is `inbound_queue`'s to say, and `status` only
 * changes when it ends other than stored (`dropped`, `dead`), so the hot path never rewrites this
 * wide row (ADR 0020).
 */
export const inboundEvents = pgTable(
  "inbound_events",
  {
    id: id(),
    // No foreign keys on the tables every inbound message writes (ADR 0013).
    workspaceId: workspaceId(),
    channelAccountId: uuid("channel_account_id"),
    network: text("network", { enum: CHANNELS }).notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    payload: jsonb("payload").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    /** `received` (queued, or through the pipeline), `dropped` (nothing to store) or `dead`. */
    status: text("status", { enum: ["received", "dropped", "dead"] })
      .notNull()
      .default("received"),
    /** Failed passes so far (a retry, a dead letter). */
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    /** The pipeline step that dead-lettered it. */
    failedStep: text("failed_step"),
    receivedAt: at("received_at").notNull().defaultNow(),
    /** When it was dropped or dead-lettered. */
    processedAt: at("processed_at"),
  },
  (t) => [
    uniqueIndex("inbound_events_idempotency_idx").on(t.workspaceId, t.idempotencyKey),
    index("inbound_events_dead_idx").on(t.workspaceId, t.receivedAt.desc()).where(sql`${t.status} = 'dead'`),
  ],
);

/**
 * The inbound events the pipeline still owes a pass: a narrow row added with the event and deleted
 * in the transaction that processes it (ADR 0020). The sweep reads it oldest first; a redelivery of
 * an event no longer here is one already handled.
 */
export const inboundQueue = pgTable(
  "inbound_queue",
  {
    eventId: uuid("event_id").primaryKey(),
    receivedAt: at("received_at").notNull(),
  },
  (t) => [index("inbound_queue_received_idx").on(t.receivedAt)],
);
