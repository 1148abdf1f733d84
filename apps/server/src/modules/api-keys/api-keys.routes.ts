import { ApiKey, CreateApiKeyRequest, Id } from "@parley/contracts";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { apiKeys } from "../../platform/db/schema";
import type { Deps } from "../../platform/deps";
import { found } from "../../platform/http/problem";
import { recordAudit } from "../audit/audit.repo";
import { principalOf } from "../auth/principal";
import { createApiKey, toApiKeyDto } from "./create-api-key";

export const apiKeyRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;

  app.get(
    "/api-keys",
    {
      config: { permission: "api_keys:manage" },
      schema: {
        tags: ["api-keys"],
        summary: "Active API keys of the workspace",
        response: { 200: z.object({ items: z.array(ApiKey) }) },
      },
    },
    async (request) => {
      const rows = await db
        .select()
        .from(apiKeys)
        .where(and(eq(apiKeys.workspaceId, principalOf(request).workspaceId), isNull(apiKeys.revokedAt)))
        .orderBy(desc(apiKeys.createdAt));
      return { items: rows.map(toApiKeyDto) };
    },
  );

  app.post(
    "/api-keys",
    {
      config: { permission: "api_keys:manage" },
      schema: {
        tags: ["api-keys"],
        summary: "Create an API key bound to this workspace and a role; the key is shown only in this answer",
        body: CreateApiKeyRequest,
        response: { 201: z.object({ api_key: ApiKey, key: z.string() }) },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const now = clock.now();
      const created = await db.transaction(async (tx) => {
        const result = await createApiKey(
          tx,
          {
            workspaceId: p.workspaceId,
            name: request.body.name,
            role: request.body.role,
            createdBy: p.userId,
          },
          now,
        );
        await recordAudit(
          tx,
          p,
          request.ip,
          {
            action: "api_key.created",
            targetType: "api_key",
            targetId: result.row.id,
            data: { name: result.row.name, role: result.row.role },
          },
          now,
        );
        return result;
      });
      return reply.status(201).send({ api_key: toApiKeyDto(created.row), key: created.key });
    },
  );

  app.delete(
    "/api-keys/:id",
    {
      config: { permission: "api_keys:manage" },
      schema: {
        tags: ["api-keys"],
        summary: "Revoke an API key",
        params: z.object({ id: Id }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(apiKeys)
          .set({ revokedAt: now })
          .where(
            and(
              eq(apiKeys.workspaceId, p.workspaceId),
              eq(apiKeys.id, request.params.id),
              isNull(apiKeys.revokedAt),
            ),
          )
          .returning();
        found(row, "API key");
        await recordAudit(
          tx,
          p,
          request.ip,
          { action: "api_key.revoked", targetType: "api_key", targetId: request.params.id },
          now,
        );
      });
      return reply.status(204).send(null);
    },
  );
};
