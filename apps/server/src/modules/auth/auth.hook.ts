import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "../../platform/deps";
import { unauthorized } from "../../platform/http/problem";
import { sha256 } from "../../platform/secrets";
import { findActiveApiKey, findActiveSession, touchApiKey, touchSession } from "./auth.repo";
import { assertCan, type Principal } from "./principal";

export const SESSION_COOKIE = "parley_session";
/** Sliding sessions and key usage are written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

async function fromApiKey(deps: Deps, header: string): Promise<Principal | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return null;
  const key = await findActiveApiKey(deps.db, sha256(match[1]));
  if (!key) return null;
  const now = deps.clock.now();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await touchApiKey(deps.db, key.id, now);
  }
  return {
    kind: "api_key",
    workspaceId: key.workspaceId,
    role: key.role,
    userId: null,
    apiKeyId: key.id,
    sessionTokenHash: null,
  };
}

async function fromSession(deps: Deps, token: string): Promise<Principal | null> {
  const tokenHash = sha256(token);
  const now = deps.clock.now();
  const session = await findActiveSession(deps.db, tokenHash, now);
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(deps.db, tokenHash, now, new Date(now.getTime() + deps.config.sessionTtlMs));
  }
  return {
    kind: "user",
    workspaceId: session.workspaceId,
    role: session.role,
    userId: session.userId,
    apiKeyId: null,
    sessionTokenHash: tokenHash,
  };
}

async function resolvePrincipal(deps: Deps, request: FastifyRequest): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header) return fromApiKey(deps, header);
  const token = request.cookies[SESSION_COOKIE];
  return token ? fromSession(deps, token) : null;
}

/**
 * Runs before the body is read: unauthenticated calls get 401 and calls whose role lacks the
 * route's permission get 403, so neither ever reaches validation or a write.
 */
export function registerAuthentication(app: FastifyInstance, deps: Deps) {
  app.decorateRequest("principal", null);
  app.addHook("onRequest", async (request) => {
    const config = request.routeOptions.config;
    if (config.public || !request.url.startsWith("/api/v1/")) return;
    const principal = await resolvePrincipal(deps, request);
    if (!principal) throw unauthorized();
    request.principal = principal;
    if (config.permission) assertCan(principal, config.permission);
  });
}
