import { can, type Permission, type Role } from "@parley/contracts";
import type { FastifyRequest } from "fastify";
import { forbidden } from "../../platform/http/problem";

/** Who is calling: a logged-in user (session cookie) or an API key, always inside one workspace. */
export interface Principal {
  kind: "user" | "api_key";
  workspaceId: string;
  role: Role;
  userId: string | null;
  apiKeyId: string | null;
  sessionTokenHash: string | null;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** Reachable without credentials (login, health, docs). */
    public?: boolean;
    /** The permission a caller's role must include. */
    permission?: Permission;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** The caller, for routes that are not public (the auth hook has already answered 401 otherwise). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error("principalOf() called on a public route");
  return request.principal;
}

export function assertCan(principal: Principal, permission: Permission): void {
  if (!can(principal.role, permission)) {
    throw forbidden(`The ${principal.role} role may not do this (needs ${permission}).`);
  }
}

/** The actor columns for audit and conversation-event rows. */
export function actorOf(principal: Principal) {
  return principal.kind === "user"
    ? { actorType: "user" as const, actorId: principal.userId }
    : { actorType: "api_key" as const, actorId: principal.apiKeyId };
}
