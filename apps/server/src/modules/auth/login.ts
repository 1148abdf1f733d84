import type { Deps } from "../../platform/deps";
import { HttpProblem } from "../../platform/http/problem";
import { DUMMY_PASSWORD_HASH, newToken, sha256, verifyPassword } from "../../platform/secrets";
import { findUserByEmail, insertSession, listMemberships, recordLogin } from "./auth.repo";
import type { Principal } from "./principal";

const invalid = () => new HttpProblem(401, "Unauthorized", "The email or password is not right.");

/**
 * Checks the password and opens a session in the requested workspace (or the user's first).
 * Returns the cookie token; only its hash is stored.
 */
export async function login(
  deps: Deps,
  input: {
    email: string;
    password: string;
    workspace?: string | undefined;
    ip: string;
    userAgent: string | undefined;
  },
): Promise<{ token: string; principal: Principal }> {
  const user = await findUserByEmail(deps.db, input.email);
  // Always run scrypt so a missing account takes as long as a wrong password.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !ok || user.disabledAt) throw invalid();
  const memberships = await listMemberships(deps.db, user.id);
  const membership = input.workspace
    ? memberships.find((m) => m.workspace.slug === input.workspace)
    : memberships[0];
  if (!membership) {
    throw new HttpProblem(
      403,
      "Forbidden",
      input.workspace
        ? `You are not a member of workspace "${input.workspace}".`
        : "Your account has no workspace yet.",
    );
  }
  const now = deps.clock.now();
  const token = newToken("ps_");
  const tokenHash = sha256(token);
  await insertSession(deps.db, {
    tokenHash,
    userId: user.id,
    workspaceId: membership.workspace.id,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 500) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + deps.config.sessionTtlMs),
  });
  await recordLogin(deps.db, user.id, now);
  return {
    token,
    principal: {
      kind: "user",
      workspaceId: membership.workspace.id,
      role: membership.role,
      userId: user.id,
      apiKeyId: null,
      sessionTokenHash: tokenHash,
    },
  };
}
