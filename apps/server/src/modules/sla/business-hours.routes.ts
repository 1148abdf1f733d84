import { Id } from "@parley/contracts";
import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { businessHours } from "../../platform/db/schema";
import type { Deps } from "../../platform/deps";
import { conflict, found } from "../../platform/http/problem";
import { newId } from "../../platform/ids";
import { recordAudit } from "../audit/audit.repo";
import { principalOf } from "../auth/principal";
import {
  assertRoom,
  businessHoursColumns,
  countOf,
  findBusinessHours,
  listBusinessHours,
  toBusinessHoursDto,
  usesOfBusinessHours,
  validateBusinessHours,
} from "./sla.repo";
import { BusinessHoursDto, CreateBusinessHoursRequest, UpdateBusinessHoursRequest } from "./sla.schema";
import { sharedSlaCache } from "./sla-cache";

const Params = z.object({ id: Id });
const TAGS = ["sla"];
const READ = { permission: "conversations:read" } as const;
const WRITE = { permission: "rules:manage" } as const;

/** Business hours calendars (SPEC W3): opening hours in a time zone, holidays, or 24x7. */
export const businessHoursRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;

  app.get(
    "/business-hours",
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: "Business hours calendars, by name",
        response: { 200: z.object({ items: z.array(BusinessHoursDto) }) },
      },
    },
    async (request) => ({
      items: (await listBusinessHours(db, principalOf(request).workspaceId)).map(toBusinessHoursDto),
    }),
  );

  app.get(
    "/business-hours/:id",
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: "One business hours calendar",
        params: Params,
        response: { 200: BusinessHoursDto },
      },
    },
    async (request) =>
      toBusinessHoursDto(
        found(
          await findBusinessHours(db, principalOf(request).workspaceId, request.params.id),
          "Business hours",
        ),
      ),
  );

  app.post(
    "/business-hours",
    {
      config: WRITE,
      schema: {
        tags: TAGS,
        summary:
          "Create business hours; times are wall-clock in the time zone, days may hold several intervals",
        body: CreateBusinessHoursRequest,
        response: { 201: BusinessHoursDto },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const body = request.body;
      validateBusinessHours({ ...body, alwaysOpen: body.always_open });
      const now = clock.now();
      const id = newId();
      await db.transaction(async (tx) => {
        assertRoom(await countOf(tx, businessHours, p.workspaceId), "business hours calendars");
        await tx.insert(businessHours).values({
          ...businessHoursColumns(body),
          id,
          workspaceId: p.workspaceId,
          name: body.name,
          timezone: body.timezone,
          createdAt: now,
          updatedAt: now,
        });
        const data = { name: body.name, timezone: body.timezone, always_open: body.always_open };
        const audit = { action: "business_hours.created", targetType: "business_hours", targetId: id, data };
        await recordAudit(tx, p, request.ip, audit, now);
      });
      sharedSlaCache.invalidate(p.workspaceId);
      return reply
        .status(201)
        .send(toBusinessHoursDto(found(await findBusinessHours(db, p.workspaceId, id), "Business hours")));
    },
  );

  app.patch(
    "/business-hours/:id",
    {
      config: WRITE,
      schema: {
        tags: TAGS,
        summary: "Change business hours; conversations use them from their next SLA check",
        params: Params,
        body: UpdateBusinessHoursRequest,
        response: { 200: BusinessHoursDto },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const current = found(
          await findBusinessHours(tx, p.workspaceId, request.params.id),
          "Business hours",
        );
        const b = request.body;
        validateBusinessHours({
          timezone: b.timezone ?? current.timezone,
          alwaysOpen: b.always_open ?? current.alwaysOpen,
          weekly: b.weekly ?? current.weekly,
          holidays: b.holidays ?? current.holidays,
        });
        await tx
          .update(businessHours)
          .set({ ...businessHoursColumns(b), updatedAt: now })
          .where(and(eq(businessHours.workspaceId, p.workspaceId), eq(businessHours.id, current.id)));
        const data = { changed: Object.keys(b) };
        const audit = {
          action: "business_hours.updated",
          targetType: "business_hours",
          targetId: current.id,
          data,
        };
        await recordAudit(tx, p, request.ip, audit, now);
      });
      sharedSlaCache.invalidate(p.workspaceId);
      return toBusinessHoursDto(
        found(await findBusinessHours(db, p.workspaceId, request.params.id), "Business hours"),
      );
    },
  );

  app.delete(
    "/business-hours/:id",
    {
      config: WRITE,
      schema: {
        tags: TAGS,
        summary: "Delete business hours; 409 while a policy or the workspace default uses them",
        params: Params,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const current = found(
          await findBusinessHours(tx, p.workspaceId, request.params.id),
          "Business hours",
        );
        const uses = await usesOfBusinessHours(tx, p.workspaceId, current.id);
        if (uses.length > 0) {
          throw conflict(`Business hours "${current.name}" are used by ${uses.join(", ")}.`, [
            { field: "params.id", message: `is used by ${uses.join(", ")}` },
          ]);
        }
        await tx
          .delete(businessHours)
          .where(and(eq(businessHours.workspaceId, p.workspaceId), eq(businessHours.id, current.id)));
        const data = { name: current.name };
        const audit = {
          action: "business_hours.deleted",
          targetType: "business_hours",
          targetId: current.id,
          data,
        };
        await recordAudit(tx, p, request.ip, audit, now);
      });
      sharedSlaCache.invalidate(p.workspaceId);
      return reply.status(204).send(null);
    },
  );
};
