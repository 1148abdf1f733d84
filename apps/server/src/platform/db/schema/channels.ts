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
 * processing. The idempotency key makes a redelivery a no-op (SPEC L3, R3).
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
    status: text("status", { enum: ["pending", "processed", "dropped", "dead"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    /** The pipeline step that dead-lettered it. */
    failedStep: text("failed_step"),
    receivedAt: at("received_at").notNull().defaultNow(),
    processedAt: at("processed_at"),
  },
  (t) => [
    uniqueIndex("inbound_events_idempotency_idx").on(t.workspaceId, t.idempotencyKey),
    index("inbound_events_pending_idx").on(t.receivedAt).where(sql`${t.status} = 'pending'`),
    index("inbound_events_dead_idx").on(t.workspaceId, t.receivedAt.desc()).where(sql`${t.status} = 'dead'`),
  ],
);
