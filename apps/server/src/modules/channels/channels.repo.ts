import type { ChannelAccount } from "@parley/contracts";
import { and, asc, eq, ne } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { channelAccounts } from "../../platform/db/schema";
import type { SecretBox } from "../../platform/secrets";

export type ChannelRow = typeof channelAccounts.$inferSelect;

export function listChannels(db: Queryable, workspaceId: string) {
  return db
    .select()
    .from(channelAccounts)
    .where(and(eq(channelAccounts.workspaceId, workspaceId), ne(channelAccounts.status, "disconnected")))
    .orderBy(asc(channelAccounts.network), asc(channelAccounts.name));
}

export async function findChannel(db: Queryable, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(channelAccounts)
    .where(and(eq(channelAccounts.workspaceId, workspaceId), eq(channelAccounts.id, id)))
    .limit(1);
  return row;
}

/** The decrypted credentials, for connectors only. */
export function credentialsOf(row: ChannelRow, secrets: SecretBox): Record<string, string> {
  return row.credentialsEncrypted ? JSON.parse(secrets.decrypt(row.credentialsEncrypted)) : {};
}

export function toChannelDto(
  row: ChannelRow,
  secrets: SecretBox,
  now: Date,
  publicUrl: string | null = null,
): ChannelAccount {
  const webhookPath = `/ingest/${row.network}/${row.id}`;
  return {
    id: row.id,
    network: row.network,
    name: row.name,
    handle: row.handle,
    external_account_id: row.externalAccountId,
    base_url: row.baseUrl,
    status: row.status,
    credential_keys: Object.keys(credentialsOf(row, secrets)).sort(),
    settings: row.settings,
    webhook_url: publicUrl ? `${publicUrl}${webhookPath}` : null,
    webhook_path: webhookPath,
    health: {
      last_event_at: row.lastEventAt?.toISOString() ?? null,
      lag_seconds: row.lastEventAt
        ? Math.max(0, Math.round((now.getTime() - row.lastEventAt.getTime()) / 1000))
        : null,
      last_error: row.lastError,
      last_error_at: row.lastErrorAt?.toISOString() ?? null,
    },
    created_at: row.createdAt.toISOString(),
  };
}
