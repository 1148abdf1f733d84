import { CreateUserRequest, can, Id, ListQuery, pageOf, UpdateUserRequest, User } from "@parley/contracts";
import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { memberships, sessions, users } from "../../platform/db/schema";
import type { Deps } from "../../platform/deps";
import { decodeCursor, pageFrom } from "../../platform/http/cursor";
import { conflict, forbidden, found } from "../../platform/http/problem";
import { recordAudit } from "../audit/audit.repo";
import { assertCan, type Principal, principalOf } from "../auth/principal";
import {
  type AvailabilityResult,
  changeAvailability,
  closeAvailability,
  publishAvailability,
} from "./availability-history";
import { AlreadyMemberError, createUser } from "./create-user";
import { countAdmins, findMember, listMembers, toUserDto } from "./users.repo";

const Params = z.object({ id: Id });

/**
 * Admins change anything; an availability alone may also be set by a lead (who supervises the
 * desk's staffing) or by the member themself (the user menu).
 */
function assertMayUpdate(p: Principal, targetId: string, body: z.infer<typeof UpdateUserRequest>) {
  const onlyAvailability = Object.keys(body).every((k) => k === "availability");
  if (!onlyAvailability || can(p.role, "users:manage")) return assertCan(p, "users:manage");
  if (p.userId === targetId || can(p.role, "conversations:assign")) return;
  throw forbidden(`The ${p.role} role may set only its own availability (needs users:manage).`);
}

export const userRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;

  app.get(
    "/users",
    {
      config: { permission: "users:read" },
      schema: {
        tags: ["users"],
        summary: "Members of the workspace",
        querystring: ListQuery,
        response: { 200: pageOf(User) },
      },
    },
    async (request) => {
      const after = decodeCursor(request.query.cursor, 1)?.[0] as string | undefined;
      const rows = await listMembers(
        db,
        principalOf(request).workspaceId,
        request.query.limit,
        after ?? null,
      );
      const page = pageFrom(rows, request.query.limit, (r) => [r.user.id]);
      return { items: page.items.map(toUserDto), next_cursor: page.next_cursor };
    },
  );

  app.get(
    "/users/:id",
    {
      config: { permission: "users:read" },
      schema: { tags: ["users"], summary: "One member", params: Params, response: { 200: User } },
    },
    async (request) =>
      toUserDto(found(await findMember(db, principalOf(request).workspaceId, request.params.id), "User")),
  );

  app.post(
    "/users",
    {
      config: { permission: "users:manage" },
      schema: {
        tags: ["users"],
        summary: "Add a user to the workspace",
        body: CreateUserRequest,
        response: { 201: User },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const now = clock.now();
      const user = await db
        .transaction(async (tx) => {
          const created = await createUser(tx, { ...request.body, workspaceId: p.workspaceId }, now);
          await recordAudit(
            tx,
            p,
            request.ip,
            {
              action: "user.added",
              targetType: "user",
              targetId: created.id,
              data: { email: created.email, role: request.body.role },
            },
            now,
          );
          return created;
        })
        .catch((err) => {
          if (err instanceof AlreadyMemberError)
            throw conflict(err.message, [{ field: "body.email", message: "is already a member" }]);
          throw err;
        });
      return reply.status(201).send(toUserDto(found(await findMember(db, p.workspaceId, user.id), "User")));
    },
  );

  app.patch(
    "/users/:id",
    {
      // Checked per body below: a lead or the member may set an availability alone.
      config: { permission: "users:read" },
      schema: {
        tags: ["users"],
        summary: "Change a member's name, role, availability or routing profile",
        description:
          "Needs users:manage, except for `availability` alone, which a lead may set for anyone and every member " +
          "for themself. An availability change closes the member's open availability-history row and opens the next.",
        params: Params,
        body: UpdateUserRequest,
        response: { 200: User },
      },
    },
    async (request) => {
      const p = principalOf(request);
      assertMayUpdate(p, request.params.id, request.body);
      const { name, approval_sample_percent, availability, ...rest } = request.body;
      const membership = {
        ...rest,
        ...(approval_sample_percent !== undefined ? { approvalSamplePercent: approval_sample_percent } : {}),
      };
      const now = clock.now();
      let changed: AvailabilityResult | undefined;
      await db.transaction(async (tx) => {
        const member = found(await findMember(tx, p.workspaceId, request.params.id), "User");
        if (
          member.role === "admin" &&
          membership.role &&
          membership.role !== "admin" &&
          (await countAdmins(tx, p.workspaceId)) <= 1
        ) {
          throw conflict("This is the workspace's last admin; make someone else admin first.");
        }
        if (name) await tx.update(users).set({ name, updatedAt: now }).where(eq(users.id, member.user.id));
        if (Object.keys(membership).length > 0) {
          await tx
            .update(memberships)
            .set(membership)
            .where(and(eq(memberships.workspaceId, p.workspaceId), eq(memberships.userId, member.user.id)));
        }
        if (availability) {
          const via = p.userId === member.user.id ? "self" : "manager";
          changed = await changeAvailability(
            tx,
            { workspaceId: p.workspaceId, userId: member.user.id, availability, via },
            now,
          );
        }
        await recordAudit(
          tx,
          p,
          request.ip,
          { action: "user.updated", targetType: "user", targetId: member.user.id, data: request.body },
          now,
        );
      });
      if (changed?.changed) publishAvailability(deps.changes, p.workspaceId, [request.params.id]);
      return toUserDto(found(await findMember(db, p.workspaceId, request.params.id), "User"));
    },
  );

  app.delete(
    "/users/:id",
    {
      config: { permission: "users:manage" },
      schema: {
        tags: ["users"],
        summary: "Remove a member from the workspace (their account stays)",
        params: Params,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const member = found(await findMember(tx, p.workspaceId, request.params.id), "User");
        if (member.role === "admin" && (await countAdmins(tx, p.workspaceId)) <= 1) {
          throw conflict("This is the workspace's last admin; make someone else admin first.");
        }
        await tx
          .delete(memberships)
          .where(and(eq(memberships.workspaceId, p.workspaceId), eq(memberships.userId, member.user.id)));
        await tx
          .delete(sessions)
          .where(and(eq(sessions.workspaceId, p.workspaceId), eq(sessions.userId, member.user.id)));
        await closeAvailability(tx, p.workspaceId, member.user.id, now);
        await recordAudit(
          tx,
          p,
          request.ip,
          {
            action: "user.removed",
            targetType: "user",
            targetId: member.user.id,
            data: { email: member.user.email },
          },
          now,
        );
      });
      publishAvailability(deps.changes, p.workspaceId, [request.params.id]);
      return reply.status(204).send(null);
    },
  );
};
