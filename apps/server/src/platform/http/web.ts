import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { sendProblem } from "./errors";
import { notFound } from "./problem";

/**
 * Serves the built web app (apps/web/dist) at / with client-side routing: unknown GETs outside
 * /api get index.html. API misses answer a 404 problem.
 */
export async function registerWebApp(app: FastifyInstance, webDir: string) {
  const hasWeb = existsSync(path.join(webDir, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      maxAge: "1h",
      immutable: false,
    });
    app.get("/", { config: { public: true }, schema: { hide: true } }, (_req, reply) =>
      reply.sendFile("index.html", { maxAge: 0 }),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === "GET" && !request.url.startsWith("/api/") && !request.url.startsWith("/sandbox/");
    if (hasWeb && isPage) return reply.sendFile("index.html", { maxAge: 0 });
    return sendProblem(reply, notFound(`${request.method} ${request.url.split("?")[0]}`), request.url);
  });
}
