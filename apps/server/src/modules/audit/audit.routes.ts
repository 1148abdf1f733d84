import { AuditEntry, ListQuery, pageOf } from "@parley/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../../platform/deps";
import { decodeCursor, pageFrom } from "../../platform/http/cursor";
import { principalOf } from "../auth/principal";
import { listAudit } from "./audit.repo";

export const auditRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    "/audit-log",
    {
      config: { permission: "audit:read" },
      schema: {
        tags: ["audit"],
        summary: "The workspace's audit log, newest first",
        querystring: ListQuery,
        response: { 200: pageOf(AuditEntry) },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const after = decodeCursor(request.query.cursor, 2) as [string, string] | null;
      const rows = await listAudit(deps.db, workspaceId, request.query.limit, after);
      const page = pageFrom(rows, request.query.limit, (r) => [r.createdAt.toISOString(), r.id]);
      return {
        next_cursor: page.next_cursor,
        items: page.items.map((r) => ({
          id: r.id,
          actor_type: r.actorType,
          actor_id: r.actorId,
          action: r.action,
          target_type: r.targetType,
          target_id: r.targetId,
          data: r.data,
          ip: r.ip,
          created_at: r.createdAt.toISOString(),
        })),
      };
    },
  );
};
