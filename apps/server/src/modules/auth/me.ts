import { type Me, ROLE_PERMISSIONS } from "@parley/contracts";
import { eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { apiKeys } from "../../platform/db/schema";
import { found } from "../../platform/http/problem";
import { findMember, toUserDto } from "../users/users.repo";
import { findWorkspaceById, toWorkspaceDto } from "../workspaces/workspaces.repo";
import { listMemberships } from "./auth.repo";
import type { Principal } from "./principal";

/** Who the caller is, where, and what they may do: what the web app needs at start. */
export async function describePrincipal(db: Queryable, p: Principal): Promise<Me> {
  const workspace = toWorkspaceDto(found(await findWorkspaceById(db, p.workspaceId), "Workspace"));
  const permissions = [...ROLE_PERMISSIONS[p.role]];
  if (p.kind === "user" && p.userId) {
    const member = found(await findMember(db, p.workspaceId, p.userId), "User");
    const all = await listMemberships(db, p.userId);
    return {
      kind: "user",
      user: toUserDto(member),
      api_key: null,
      workspace,
      role: p.role,
      permissions,
      workspaces: all.map((m) => ({ ...toWorkspaceDto(m.workspace), role: m.role })),
    };
  }
  const [key] = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.id, p.apiKeyId ?? ""))
    .limit(1);
  return {
    kind: "api_key",
    user: null,
    api_key: { id: found(key, "API key").id, name: key?.name ?? "" },
    workspace,
    role: p.role,
    permissions,
    workspaces: [{ ...workspace, role: p.role }],
  };
}
