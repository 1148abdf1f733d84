import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import websocket from "@fastify/websocket";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { webhookRoutes } from "./ingest/webhook.routes";
import { apiKeyRoutes } from "./modules/api-keys/api-keys.routes";
import { approvalRoutes } from "./modules/approvals/approvals.routes";
import { auditRoutes } from "./modules/audit/audit.routes";
import { registerAuthentication } from "./modules/auth/auth.hook";
import { authRoutes } from "./modules/auth/auth.routes";
import { channelRoutes } from "./modules/channels/channels.routes";
import { composerRoutes } from "./modules/composer/composer.routes";
import { contactRoutes } from "./modules/contacts/contacts.routes";
import { bulkRoutes } from "./modules/conversations/bulk.routes";
import { conversationRoutes } from "./modules/conversations/conversations.routes";
import { conversationNoteRoutes } from "./modules/conversations/notes.routes";
import { spamRoutes } from "./modules/conversations/spam.routes";
import { crisisRoutes } from "./modules/crisis/crisis.routes";
import { deadLetterRoutes } from "./modules/dead-letters/dead-letters.routes";
import { escalationRoutes } from "./modules/escalations/escalations.routes";
import { healthRoutes } from "./modules/health/health.routes";
import { knowledgeRoutes } from "./modules/knowledge/knowledge.routes";
import { listeningRoutes } from "./modules/listening/listening.routes";
import { liveRoutes } from "./modules/live/live.routes";
import type { LiveHubOptions } from "./modules/live/live-hub";
import { playbookRoutes } from "./modules/playbook/playbook.routes";
import { postRoutes } from "./modules/posts/posts.routes";
import { reportRoutes } from "./modules/reporting/reports.routes";
import { routingRoutes } from "./modules/routing/routing.routes";
import { ruleRoutes } from "./modules/rules/rules.routes";
import { slaRoutes } from "./modules/sla/sla.routes";
import { supervisorRoutes } from "./modules/supervisor/supervisor.routes";
import { surveyRoutes } from "./modules/surveys/surveys.routes";
import { teamRoutes } from "./modules/teams/teams.routes";
import { templateRoutes } from "./modules/templates/templates.routes";
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
  conversationNoteRoutes,
  bulkRoutes,
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
  reportRoutes,
  supervisorRoutes,
  surveyRoutes,
  crisisRoutes,
  deadLetterRoutes,
  apiKeyRoutes,
  auditRoutes,
  templateRoutes,
  knowledgeRoutes,
  playbookRoutes,
  composerRoutes,
];

export interface AppOptions {
  deps: Deps;
  ping: () => Promise<void>;
  logger?: boolean;
  /** Live channel tuning (tests shorten the typing TTL and the flush interval). */
  live?: Partial<LiveHubOptions>;
}

/** Builds the HTTP app. Tests call `app.inject()` on it; main.ts makes it listen. */
export async function buildApp({ deps, ping, logger = true, live }: AppOptions): Promise<FastifyInstance> {
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
  // Client messages on the live channel are tiny; a big one is a broken or hostile client.
  await app.register(websocket, { options: { maxPayload: 16 * 1024 } });
  await registerOpenApi(app);
  registerAuthentication(app, deps);

  await app.register(healthRoutes, { ping, metrics });
  await app.register(
    async (api) => {
      for (const mod of API_MODULES) await api.register(mod, { deps });
      await api.register(liveRoutes, { deps, live });
    },
    { prefix: "/api/v1" },
  );
  await app.register(webhookRoutes, { deps });
  await registerWebApp(app, deps.config.webDir);
  return app;
}
