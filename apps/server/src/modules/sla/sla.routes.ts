import { eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { workspaces } from "../../platform/db/schema";
import type { Deps } from "../../platform/deps";
import { found } from "../../platform/http/problem";
import { recordAudit } from "../audit/audit.repo";
import { principalOf } from "../auth/principal";
import { businessHoursRoutes } from "./business-hours.routes";
import { assertBusinessHoursOf } from "./sla.repo";
import { SetWorkspaceBusinessHoursRequest, WorkspaceBusinessHoursDto } from "./sla.schema";
import { sharedSlaCache } from "./sla-cache";
import { slaPolicyRoutes } from "./sla-policies.routes";

const TAGS = ["sla"];

/**
 * SLA configuration (SPEC W3): business hours calendars, policies, and the workspace's default
 * calendar. Writes invalidate this process's SLA cache; other processes reread within seconds.
 */
export const slaRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;
  await app.register(businessHoursRoutes, { deps });
  await app.register(slaPolicyRoutes, { deps });

  const defaultOf = async (workspaceId: string) => {
    const [row] = await db
      .select({ business_hours_id: workspaces.businessHoursId })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId));
    return found(row, "Workspace");
  };

  app.get(
    "/workspaces/current/business-hours",
    {
      config: { permission: "conversations:read" },
      schema: {
        tags: TAGS,
        summary: "The workspace's default business hours (for policies without their own; null is 24x7)",
        response: { 200: WorkspaceBusinessHoursDto },
      },
    },
    async (request) => defaultOf(principalOf(request).workspaceId),
  );

  app.put(
    "/workspaces/current/business-hours",
    {
      config: { permission: "rules:manage" },
      schema: {
        tags: TAGS,
        summary: "Set the workspace's default business hours; null counts every hour (24x7)",
        body: SetWorkspaceBusinessHoursRequest,
        response: { 200: WorkspaceBusinessHoursDto },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const id = request.body.business_hours_id;
      const now = clock.now();
      await db.transaction(async (tx) => {
        await assertBusinessHoursOf(tx, p.workspaceId, id, "body.business_hours_id");
        await tx
          .update(workspaces)
          .set({ businessHoursId: id, updatedAt: now })
          .where(eq(workspaces.id, p.workspaceId));
        const audit = {
          action: "workspace.business_hours_set",
          targetType: "workspace",
          targetId: p.workspaceId,
          data: { business_hours_id: id },
        };
        await recordAudit(tx, p, request.ip, audit, now);
      });
      sharedSlaCache.invalidate(p.workspaceId);
      return defaultOf(p.workspaceId);
    },
  );
};
