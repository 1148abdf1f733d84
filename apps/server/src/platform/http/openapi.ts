import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/** The OpenAPI 3 document at /api/v1/openapi.json, generated from the routes' Zod schemas. */
export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Parley API",
        version: "1",
        description:
          "Parley, the open-source social customer care desk. Authenticate with the session cookie from " +
          "POST /api/v1/auth/login, or with an API key as `Authorization: Bearer <key>`. Errors are " +
          "`application/problem+json` (RFC 9457) and name the invalid fields in `errors`.",
      },
      servers: [{ url: "/" }],
      components: {
        securitySchemes: {
          bearerAuth: {
            type: "http",
            scheme: "bearer",
            description: "An API key (pk_...) from POST /api/v1/api-keys or `parley api-key create`.",
          },
          cookieAuth: { type: "apiKey", in: "cookie", name: "parley_session" },
        },
      },
      security: [{ bearerAuth: [] }, { cookieAuth: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    uiConfig: { docExpansion: "list", deepLinking: true },
  });
  app.get("/api/v1/openapi.json", { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
