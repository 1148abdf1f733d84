import { Id } from "@parley/contracts";
import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Queryable } from "../../platform/db";
import { slaPolicies } from "../../platform/db/schema";
import type { Deps } from "../../platform/deps";
import { badRequest, found } from "../../platform/http/problem";
import { newId } from "../../platform/ids";
import { recordAudit } from "../audit/audit.repo";
import { type Principal, principalOf } from "../auth/principal";
import {
  assertBusinessHoursOf,
  assertRoom,
  countOf,
  findPolicy,
  listPolicies,
  nextPosition,
  type SlaPolicyRow,
  toPolicyDto,
} from "./sla.repo";
import { CreateSlaPolicyRequest, SlaPolicyDto, UpdateSlaPolicyRequest } from "./sla.schema";
import { sharedSlaCache } from "./sla-cache";

const Params = z.object({ id: Id });
const TAGS = ["sla"];
const READ = { permission: "conversations:read" } as const;
const WRITE = { permission: "rules:manage" } as const;

type PolicyBody = z.infer<typeof UpdateSlaPolicyRequest>;

/** Request fields → columns; absent fields stay absent, so a PATCH changes only what it names. */
function policyColumns(b: PolicyBody): Partial<typeof slaPolicies.$inferInsert> {
  const columns = {
    name: b.name,
    position: b.position,
    enabled: b.enabled,
    channel: b.channel,
    priority: b.priority,
    firstResponseSeconds: b.first_response_seconds,
    nextResponseSeconds: b.next_response_seconds,
    resolutionSeconds: b.resolution_seconds,
    businessHoursId: b.business_hours_id,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}

/** A policy must promise something, and count in the workspace's own business hours. */
async function checkPolicy(db: Queryable, p: Principal, b: PolicyBody, current?: SlaPolicyRow) {
  const target = (v: number | null | undefined, was: number | null | undefined) =>
    v === undefined ? was : v;
  const targets = [
    target(b.first_response_seconds, current?.firstResponseSeconds),
    target(b.next_response_seconds, current?.nextResponseSeconds),
    target(b.resolution_seconds, current?.resolutionSeconds),
  ];
  if (targets.every((t) => t === null || t === undefined)) {
    throw badRequest("An SLA policy needs at least one target.", [
      { field: "body.first_response_seconds", message: "set at least one of the three targets" },
    ]);
  }
  await assertBusinessHoursOf(db, p.workspaceId, b.business_hours_id, "body.business_hours_id");
}

/**
 * SLA policies (SPEC W3): targets per channel and priority, matched in `position` order. A change
 * applies to a conversation from its next SLA refresh (a message, a reply, a status change).
 */
export const slaPolicyRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;

  app.get(
    "/sla-policies",
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: "SLA policies in matching order: the first enabled one that fits a conversation applies",
        response: { 200: z.object({ items: z.array(SlaPolicyDto) }) },
      },
    },
    async (request) => ({
      items: (await listPolicies(db, principalOf(request).workspaceId)).map(toPolicyDto),
    }),
  );

  app.get(
    "/sla-policies/:id",
    {
      config: READ,
      schema: { tags: TAGS, summary: "One SLA policy", params: Params, response: { 200: SlaPolicyDto } },
    },
    async (request) =>
      toPolicyDto(
        found(await findPolicy(db, principalOf(request).workspaceId, request.params.id), "SLA policy"),
      ),
  );

  app.post(
    "/sla-policies",
    {
      config: WRITE,
      schema: {
        tags: TAGS,
        summary: "Create an SLA policy (targets in business seconds)",
        body: CreateSlaPolicyRequest,
        response: { 201: SlaPolicyDto },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const now = clock.now();
      const id = newId();
      await db.transaction(async (tx) => {
        await checkPolicy(tx, p, request.body);
        assertRoom(await countOf(tx, slaPolicies, p.workspaceId), "SLA policies");
        const position = request.body.position ?? (await nextPosition(tx, p.workspaceId));
        await tx.insert(slaPolicies).values({
          ...policyColumns(request.body),
          id,
          workspaceId: p.workspaceId,
          name: request.body.name,
          position,
          createdAt: now,
          updatedAt: now,
        });
        const data = { ...request.body, position };
        await recordAudit(
          tx,
          p,
          request.ip,
          { action: "sla_policy.created", targetType: "sla_policy", targetId: id, data },
          now,
        );
      });
      sharedSlaCache.invalidate(p.workspaceId);
      return reply
        .status(201)
        .send(toPolicyDto(found(await findPolicy(db, p.workspaceId, id), "SLA policy")));
    },
  );

  app.patch(
    "/sla-policies/:id",
    {
      config: WRITE,
      schema: {
        tags: TAGS,
        summary: "Change an SLA policy",
        params: Params,
        body: UpdateSlaPolicyRequest,
        response: { 200: SlaPolicyDto },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const current = found(await findPolicy(tx, p.workspaceId, request.params.id), "SLA policy");
        await checkPolicy(tx, p, request.body, current);
        await tx
          .update(slaPolicies)
          .set({ ...policyColumns(request.body), updatedAt: now })
          .where(and(eq(slaPolicies.workspaceId, p.workspaceId), eq(slaPolicies.id, current.id)));
        const audit = {
          action: "sla_policy.updated",
          targetType: "sla_policy",
          targetId: current.id,
          data: request.body,
        };
        await recordAudit(tx, p, request.ip, audit, now);
      });
      sharedSlaCache.invalidate(p.workspaceId);
      return toPolicyDto(found(await findPolicy(db, p.workspaceId, request.params.id), "SLA policy"));
    },
  );

  app.delete(
    "/sla-policies/:id",
    {
      config: WRITE,
      schema: { tags: TAGS, summary: "Delete an SLA policy", params: Params, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const [row] = await tx
          .delete(slaPolicies)
          .where(and(eq(slaPolicies.workspaceId, p.workspaceId), eq(slaPolicies.id, request.params.id)))
          .returning();
        const policy = found(row, "SLA policy");
        const audit = {
          action: "sla_policy.deleted",
          targetType: "sla_policy",
          targetId: policy.id,
          data: { name: policy.name },
        };
        await recordAudit(tx, p, request.ip, audit, now);
      });
      sharedSlaCache.invalidate(p.workspaceId);
      return reply.status(204).send(null);
    },
  );
};
