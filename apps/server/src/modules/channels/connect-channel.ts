import { CHANNEL_CREDENTIALS, type Channel, DEFAULT_BASE_URLS } from "@parley/contracts";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { channelAccounts } from "../../platform/db/schema";
import { badRequest, conflict } from "../../platform/http/problem";
import { newId } from "../../platform/ids";
import type { SecretBox } from "../../platform/secrets";

export interface ConnectChannelInput {
  workspaceId: string;
  network: Channel;
  name: string;
  handle?: string | undefined;
  externalAccountId: string;
  baseUrl?: string | undefined;
  credentials: Record<string, string>;
  settings?: Record<string, unknown> | undefined;
}

/** Checks the secrets a network needs; names each missing or unknown one. */
export function checkCredentials(
  network: Channel,
  credentials: Record<string, string>,
): Record<string, string> {
  const parsed = CHANNEL_CREDENTIALS[network].safeParse(credentials);
  if (parsed.success) return parsed.data as Record<string, string>;
  const errors = parsed.error.issues.flatMap((i) =>
    i.code === "unrecognized_keys"
      ? i.keys.map((k) => ({ field: `body.credentials.${k}`, message: `is not a ${network} credential` }))
      : [{ field: ["body", "credentials", ...i.path].join("."), message: i.message }],
  );
  throw badRequest(`The ${network} credentials are incomplete or wrong.`, errors);
}

/**
 * Connects a brand account, or reconnects one that was disconnected (same network account), with
 * its secrets encrypted. Run inside a transaction.
 */
export async function connectChannel(
  db: Queryable,
  secrets: SecretBox,
  input: ConnectChannelInput,
  now: Date,
) {
  const credentials = checkCredentials(input.network, input.credentials);
  const values = {
    name: input.name,
    handle: input.handle ?? null,
    baseUrl: (input.baseUrl ?? DEFAULT_BASE_URLS[input.network]).replace(/\/+$/, ""),
    credentialsEncrypted: secrets.encrypt(JSON.stringify(credentials)),
    settings: input.settings ?? {},
    status: "active" as const,
    lastError: null,
    lastErrorAt: null,
    updatedAt: now,
  };
  const [existing] = await db
    .select()
    .from(channelAccounts)
    .where(
      and(
        eq(channelAccounts.workspaceId, input.workspaceId),
        eq(channelAccounts.network, input.network),
        eq(channelAccounts.externalAccountId, input.externalAccountId),
      ),
    );
  if (existing && existing.status !== "disconnected") {
    throw conflict(`This ${input.network} account is already connected.`, [
      { field: "body.external_account_id", message: "is already connected" },
    ]);
  }
  if (existing) {
    const [row] = await db
      .update(channelAccounts)
      .set(values)
      .where(eq(channelAccounts.id, existing.id))
      .returning();
    return row ?? existing;
  }
  const [row] = await db
    .insert(channelAccounts)
    .values({
      id: newId(),
      workspaceId: input.workspaceId,
      network: input.network,
      externalAccountId: input.externalAccountId,
      createdAt: now,
      ...values,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}
