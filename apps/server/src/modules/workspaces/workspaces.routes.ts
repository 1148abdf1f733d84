import { UpdateWorkspaceRequest, Workspace, WorkspaceMembership } from "@parley/contracts";
import { eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { workspaces } from "../../platform/db/schema";
import type { Deps } from "../../platform/deps";
import { badRequest, found } from "../../platform/http/problem";
import { recordAudit } from "../audit/audit.repo";
import { listMemberships } from "../auth/auth.repo";
import { principalOf } from "../auth/principal";
import { isValidTimezone } from "./create-workspace";
import { findWorkspaceById, toWorkspaceDto } from "./workspaces.repo";

export const workspaceRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    "/workspaces",
    {
      schema: {
        tags: ["workspaces"],
        summary: "Workspaces the caller belongs to (an API key sees only its own)",
        response: { 200: z.object({ items: z.array(WorkspaceMembership) }) },
      },
    },
    async (request) => {
      const p = principalOf(request);
      if (p.userId) {
        const rows = await listMemberships(deps.db, p.userId);
        return { items: rows.map((r) => ({ ...toWorkspaceDto(r.workspace), role: r.role })) };
      }
      const w = found(await findWorkspaceById(deps.db, p.workspaceId), "Workspace");
      return { items: [{ ...toWorkspaceDto(w), role: p.role }] };
    },
  );

  app.get(
    "/workspaces/current",
    {
      schema: {
        tags: ["workspaces"],
        summary: "The caller's current workspace",
        response: { 200: Workspace },
      },
    },
    async (request) =>
      toWorkspaceDto(found(await findWorkspaceById(deps.db, principalOf(request).workspaceId), "Workspace")),
  );

  app.patch(
    "/workspaces/current",
    {
      config: { permission: "workspace:manage" },
      schema: {
        tags: ["workspaces"],
        summary: "Rename the workspace or change its time zone",
        body: UpdateWorkspaceRequest,
        response: { 200: Workspace },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const body = request.body;
      if (body.timezone && !isValidTimezone(body.timezone)) {
        throw badRequest(`Unknown time zone "${body.timezone}".`, [
          { field: "body.timezone", message: "is not an IANA time zone" },
        ]);
      }
      const now = deps.clock.now();
      const row = await deps.db.transaction(async (tx) => {
        const [updated] = await tx
          .update(workspaces)
          .set({ ...body, updatedAt: now })
          .where(eq(workspaces.id, p.workspaceId))
          .returning();
        await recordAudit(
          tx,
          p,
          request.ip,
          { action: "workspace.updated", targetType: "workspace", targetId: p.workspaceId, data: body },
          now,
        );
        return updated;
      });
      return toWorkspaceDto(found(row, "Workspace"));
    },
  );
};
