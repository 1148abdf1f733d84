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
    // wildcard: files are looked up per request, so a rebuilt app is served without a restart.
    await app.register(fastifyStatic, { root: webDir, wildcard: true, index: false, maxAge: "1h" });
    app.get("/", { config: { public: true }, schema: { hide: true } }, (_req, reply) =>
      reply.sendFile("index.html", { maxAge: 0 }),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    // Client-side routes get the app; missing files (a path with an extension) and API misses get a 404.
    const isPage =
      request.method === "GET" && !/^\/(api|sandbox|ingest)\//.test(path) && !/\.[a-z0-9]+$/i.test(path);
    if (hasWeb && isPage) return reply.sendFile("index.html", { maxAge: 0 });
    return sendProblem(reply, notFound(`${request.method} ${request.url.split("?")[0]}`), request.url);
  });
}
