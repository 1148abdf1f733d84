import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { HttpProblem } from "../../platform/http/problem";
import type { Metrics } from "../../platform/metrics";

/** Liveness, readiness (the database answers) and Prometheus metrics, outside /api. */
export const healthRoutes: FastifyPluginAsyncZod<{ ping: () => Promise<void>; metrics: Metrics }> = async (
  app,
  { ping, metrics },
) => {
  const Status = z.object({ status: z.string() });
  app.get(
    "/healthz",
    {
      config: { public: true },
      schema: { tags: ["health"], summary: "The process is up", response: { 200: Status } },
    },
    async () => ({ status: "ok" }),
  );

  app.get(
    "/readyz",
    {
      config: { public: true },
      schema: {
        tags: ["health"],
        summary: "The process can serve: its database answers",
        response: { 200: Status },
      },
    },
    async () => {
      try {
        await ping();
      } catch {
        throw new HttpProblem(503, "Service Unavailable", "The database does not answer.");
      }
      return { status: "ready" };
    },
  );

  app.get("/metrics", { config: { public: true }, schema: { hide: true } }, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
};
