import { CreateTeamRequest, Id, ListQuery, pageOf, Team, UpdateTeamRequest } from "@parley/contracts";
import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Queryable } from "../../platform/db";
import { teams } from "../../platform/db/schema";
import type { Deps } from "../../platform/deps";
import { decodeCursor, pageFrom } from "../../platform/http/cursor";
import { badRequest, conflict, found } from "../../platform/http/problem";
import { newId } from "../../platform/ids";
import { recordAudit } from "../audit/audit.repo";
import { principalOf } from "../auth/principal";
import { findTeam, listTeams, nonMembers, replaceMembers, toTeamDto } from "./teams.repo";

const Params = z.object({ id: Id });

async function checkMembers(db: Queryable, workspaceId: string, ids: string[] | undefined) {
  const unknown = await nonMembers(db, workspaceId, ids ?? []);
  if (unknown.length > 0) {
    throw badRequest(
      "Some member_ids are not users of this workspace.",
      unknown.map((id) => ({ field: "body.member_ids", message: `${id} is not a member of this workspace` })),
    );
  }
}

/** A duplicate team name is a 409, not a 500. */
function rethrowDuplicate(err: unknown): never {
  const code =
    (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
  if (code === "23505")
    throw conflict("A team with this name already exists.", [
      { field: "body.name", message: "is already taken" },
    ]);
  throw err;
}

export const teamRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;

  app.get(
    "/teams",
    {
      config: { permission: "teams:read" },
      schema: {
        tags: ["teams"],
        summary: "Teams (queues) of the workspace",
        querystring: ListQuery,
        response: { 200: pageOf(Team) },
      },
    },
    async (request) => {
      const after = decodeCursor(request.query.cursor, 1)?.[0] as string | undefined;
      const rows = await listTeams(db, principalOf(request).workspaceId, request.query.limit, after ?? null);
      const page = pageFrom(rows, request.query.limit, (r) => [r.id]);
      return { items: page.items.map(toTeamDto), next_cursor: page.next_cursor };
    },
  );

  app.get(
    "/teams/:id",
    {
      config: { permission: "teams:read" },
      schema: { tags: ["teams"], summary: "One team", params: Params, response: { 200: Team } },
    },
    async (request) =>
      toTeamDto(found(await findTeam(db, principalOf(request).workspaceId, request.params.id), "Team")),
  );

  app.post(
    "/teams",
    {
      config: { permission: "teams:manage" },
      schema: { tags: ["teams"], summary: "Create a team", body: CreateTeamRequest, response: { 201: Team } },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const { member_ids, ...fields } = request.body;
      const now = clock.now();
      const id = newId();
      await db
        .transaction(async (tx) => {
          await checkMembers(tx, p.workspaceId, member_ids);
          await tx
            .insert(teams)
            .values({ id, workspaceId: p.workspaceId, ...fields, createdAt: now, updatedAt: now });
          await replaceMembers(tx, p.workspaceId, id, member_ids ?? [], now);
          await recordAudit(
            tx,
            p,
            request.ip,
            { action: "team.created", targetType: "team", targetId: id, data: request.body },
            now,
          );
        })
        .catch(rethrowDuplicate);
      return reply.status(201).send(toTeamDto(found(await findTeam(db, p.workspaceId, id), "Team")));
    },
  );

  app.patch(
    "/teams/:id",
    {
      config: { permission: "teams:manage" },
      schema: {
        tags: ["teams"],
        summary: "Change a team or replace its members",
        params: Params,
        body: UpdateTeamRequest,
        response: { 200: Team },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const { member_ids, ...fields } = request.body;
      const now = clock.now();
      await db
        .transaction(async (tx) => {
          const team = found(await findTeam(tx, p.workspaceId, request.params.id), "Team");
          await checkMembers(tx, p.workspaceId, member_ids);
          await tx
            .update(teams)
            .set({ ...fields, updatedAt: now })
            .where(eq(teams.id, team.id));
          if (member_ids) await replaceMembers(tx, p.workspaceId, team.id, member_ids, now);
          await recordAudit(
            tx,
            p,
            request.ip,
            { action: "team.updated", targetType: "team", targetId: team.id, data: request.body },
            now,
          );
        })
        .catch(rethrowDuplicate);
      return toTeamDto(found(await findTeam(db, p.workspaceId, request.params.id), "Team"));
    },
  );

  app.delete(
    "/teams/:id",
    {
      config: { permission: "teams:manage" },
      schema: { tags: ["teams"], summary: "Delete a team", params: Params, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const team = found(await findTeam(tx, p.workspaceId, request.params.id), "Team");
        await tx.delete(teams).where(and(eq(teams.workspaceId, p.workspaceId), eq(teams.id, team.id)));
        await recordAudit(
          tx,
          p,
          request.ip,
          { action: "team.deleted", targetType: "team", targetId: team.id, data: { name: team.name } },
          now,
        );
      });
      return reply.status(204).send(null);
    },
  );
};
