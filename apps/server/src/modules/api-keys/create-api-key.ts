import type { Role } from "@parley/contracts";
import type { Queryable } from "../../platform/db";
import { apiKeys } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { newToken, sha256 } from "../../platform/secrets";

/** Mints a key; the plain key is returned once and only its SHA-256 is kept. */
export async function createApiKey(
  db: Queryable,
  input: { workspaceId: string; name: string; role: Role; createdBy: string | null },
  now: Date,
) {
  const key = newToken("pk_");
  const [row] = await db
    .insert(apiKeys)
    .values({
      id: newId(),
      workspaceId: input.workspaceId,
      name: input.name,
      role: input.role,
      prefix: key.slice(0, 10),
      keyHash: sha256(key),
      createdBy: input.createdBy,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  return { row, key };
}

export function toApiKeyDto(k: typeof apiKeys.$inferSelect) {
  return {
    id: k.id,
    name: k.name,
    role: k.role,
    prefix: k.prefix,
    created_at: k.createdAt.toISOString(),
    last_used_at: k.lastUsedAt?.toISOString() ?? null,
  };
}
