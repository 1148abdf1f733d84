import { LoginRequest, Me, SwitchWorkspaceRequest } from "@parley/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../platform/deps";
import { HttpProblem } from "../../platform/http/problem";
import { recordAudit } from "../audit/audit.repo";
import { applyAvailabilityRule } from "../users/availability-history";
import { SESSION_COOKIE } from "./auth.hook";
import { deleteSession, listMemberships, moveSession } from "./auth.repo";
import { login } from "./login";
import { describePrincipal } from "./me";
import { principalOf } from "./principal";

export const authRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    "/auth/login",
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary: "Log in with email and password; sets the session cookie",
        security: [],
        body: LoginRequest,
        response: { 200: Me },
      },
    },
    async (request, reply) => {
      const { token, principal } = await login(deps, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers["user-agent"],
      });
      await recordAudit(deps.db, principal, request.ip, { action: "auth.login" }, deps.clock.now());
      await applyAvailabilityRule(deps, "login", principal, request.ip);
      reply.setCookie(SESSION_COOKIE, token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: deps.config.cookieSecure,
        maxAge: Math.floor(deps.config.sessionTtlMs / 1000),
      });
      return describePrincipal(deps.db, principal);
    },
  );

  app.post(
    "/auth/logout",
    { schema: { tags: ["auth"], summary: "End the current session", response: { 204: z.null() } } },
    async (request, reply) => {
      const p = principalOf(request);
      await applyAvailabilityRule(deps, "logout", p, request.ip);
      if (p.sessionTokenHash) await deleteSession(deps.db, p.sessionTokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/auth/me",
    {
      schema: {
        tags: ["auth"],
        summary: "The caller: user or API key, workspace, role and permissions",
        response: { 200: Me },
      },
    },
    async (request) => describePrincipal(deps.db, principalOf(request)),
  );

  app.post(
    "/auth/switch-workspace",
    {
      schema: {
        tags: ["auth"],
        summary: "Move the current session to another workspace the user belongs to",
        body: SwitchWorkspaceRequest,
        response: { 200: Me },
      },
    },
    async (request) => {
      const p = principalOf(request);
      if (!p.userId || !p.sessionTokenHash) {
        throw new HttpProblem(
          400,
          "Bad Request",
          "API keys belong to one workspace; create a key in the other workspace.",
        );
      }
      const target = (await listMemberships(deps.db, p.userId)).find(
        (m) => m.workspace.slug === request.body.workspace,
      );
      if (!target)
        throw new HttpProblem(404, "Not Found", `Workspace "${request.body.workspace}" was not found.`);
      // The session leaves one workspace's desk for the other's: the logout and login rules apply.
      await applyAvailabilityRule(deps, "logout", p, request.ip);
      await moveSession(deps.db, p.sessionTokenHash, target.workspace.id);
      const moved = { ...p, workspaceId: target.workspace.id, role: target.role };
      await applyAvailabilityRule(deps, "login", moved, request.ip);
      await recordAudit(deps.db, moved, request.ip, { action: "auth.workspace_switched" }, deps.clock.now());
      return describePrincipal(deps.db, moved);
    },
  );
};
