import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { webhookRoutes } from "./ingest/webhook.routes";
import { apiKeyRoutes } from "./modules/api-keys/api-keys.routes";
import { approvalRoutes } from "./modules/approvals/approvals.routes";
import { auditRoutes } from "./modules/audit/audit.routes";
import { registerAuthentication } from "./modules/auth/auth.hook";
import { authRoutes } from "./modules/auth/auth.routes";
import { channelRoutes } from "./modules/channels/channels.routes";
import { contactRoutes } from "./modules/contacts/contacts.routes";
import { conversationRoutes } from "./modules/conversations/conversations.routes";
import { spamRoutes } from "./modules/conversations/spam.routes";
import { crisisRoutes } from "./modules/crisis/crisis.routes";
import { deadLetterRoutes } from "./modules/dead-letters/dead-letters.routes";
import { escalationRoutes } from "./modules/escalations/escalations.routes";
import { healthRoutes } from "./modules/health/health.routes";
import { listeningRoutes } from "./modules/listening/listening.routes";
import { postRoutes } from "./modules/posts/posts.routes";
import { routingRoutes } from "./modules/routing/routing.routes";
import { ruleRoutes } from "./modules/rules/rules.routes";
import { slaRoutes } from "./modules/sla/sla.routes";
import { teamRoutes } from "./modules/teams/teams.routes";
import { userRoutes } from "./modules/users/users.routes";
import { workspaceRoutes } from "./modules/workspaces/workspaces.routes";
import { pipelineRegistry } from "./pipeline/run-pipeline";
import type { Deps } from "./platform/deps";
import { registerErrorHandling } from "./platform/http/errors";
import { registerOpenApi } from "./platform/http/openapi";
import { registerWebApp } from "./platform/http/web";
import { createMetrics } from "./platform/metrics";

/** Every /api/v1 module, in one list. */
const API_MODULES = [
  authRoutes,
  workspaceRoutes,
  userRoutes,
  teamRoutes,
  conversationRoutes,
  spamRoutes,
  approvalRoutes,
  escalationRoutes,
  contactRoutes,
  channelRoutes,
  listeningRoutes,
  ruleRoutes,
  routingRoutes,
  postRoutes,
  slaRoutes,
  crisisRoutes,
  deadLetterRoutes,
  apiKeyRoutes,
  auditRoutes,
];

export interface AppOptions {
  deps: Deps;
  ping: () => Promise<void>;
  logger?: boolean;
}

/** Builds the HTTP app. Tests call `app.inject()` on it; main.ts makes it listen. */
export async function buildApp({ deps, ping, logger = true }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: deps.config.logLevel } : false,
    bodyLimit: deps.config.bodyLimit,
    // Per-request lines are replaced by the metrics histogram and the slow/failed log below.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  // The pipeline's metrics are per process (it may run here or in `parley worker`s).
  const metrics = createMetrics([pipelineRegistry]);
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    metrics.httpDuration.observe(
      { method: request.method, route, status: reply.statusCode },
      reply.elapsedTime / 1000,
    );
    if (reply.statusCode >= 500 || reply.elapsedTime > 1000) {
      request.log.warn(
        { method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
        "slow or failed request",
      );
    }
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await registerOpenApi(app);
  registerAuthentication(app, deps);

  await app.register(healthRoutes, { ping, metrics });
  await app.register(
    async (api) => {
      for (const mod of API_MODULES) await api.register(mod, { deps });
    },
    { prefix: "/api/v1" },
  );
  await app.register(webhookRoutes, { deps });
  await registerWebApp(app, deps.config.webDir);
  return app;
}
