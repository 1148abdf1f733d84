import {
  CreateListeningProfileRequest,
  Id,
  ListeningProfile,
  ListQuery,
  pageOf,
  UpdateListeningProfileRequest,
} from "@parley/contracts";
import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { listeningProfiles } from "../../platform/db/schema";
import type { Deps } from "../../platform/deps";
import { decodeCursor, pageFrom } from "../../platform/http/cursor";
import { found } from "../../platform/http/problem";
import { newId } from "../../platform/ids";
import { recordAudit } from "../audit/audit.repo";
import { principalOf } from "../auth/principal";
import { findProfile, listProfiles, profileColumns, toProfileDto } from "./profiles.repo";

const Params = z.object({ id: Id });
const TAGS = ["listening"];

/**
 * Listening profiles (SPEC L2). Pipeline processes reread the enabled ones every few seconds
 * (profile-cache.ts), so a change here needs no restart and no message to them.
 */
export const listeningRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;

  app.get(
    "/listening-profiles",
    {
      config: { permission: "listening:read" },
      schema: {
        tags: TAGS,
        summary: "Listening profiles, by name",
        querystring: ListQuery,
        response: { 200: pageOf(ListeningProfile) },
      },
    },
    async (request) => {
      const after = decodeCursor(request.query.cursor, 2);
      const rows = await listProfiles(db, principalOf(request).workspaceId, request.query.limit, after);
      const page = pageFrom(rows, request.query.limit, (r) => [r.name, r.id]);
      return { items: page.items.map(toProfileDto), next_cursor: page.next_cursor };
    },
  );

  app.post(
    "/listening-profiles",
    {
      config: { permission: "listening:manage" },
      schema: {
        tags: TAGS,
        summary: "Create a listening profile; the pipeline applies it within seconds",
        body: CreateListeningProfileRequest,
        response: { 201: ListeningProfile },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const now = clock.now();
      const id = newId();
      await db.transaction(async (tx) => {
        await tx.insert(listeningProfiles).values({
          ...profileColumns(request.body),
          id,
          workspaceId: p.workspaceId,
          name: request.body.name,
          kind: request.body.kind,
          createdAt: now,
          updatedAt: now,
        });
        const data = { name: request.body.name, kind: request.body.kind };
        await recordAudit(
          tx,
          p,
          request.ip,
          { action: "listening_profile.created", targetType: "listening_profile", targetId: id, data },
          now,
        );
      });
      return reply
        .status(201)
        .send(toProfileDto(found(await findProfile(db, p.workspaceId, id), "Listening profile")));
    },
  );

  app.patch(
    "/listening-profiles/:id",
    {
      config: { permission: "listening:manage" },
      schema: {
        tags: TAGS,
        summary: "Change a listening profile",
        params: Params,
        body: UpdateListeningProfileRequest,
        response: { 200: ListeningProfile },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const profile = found(await findProfile(tx, p.workspaceId, request.params.id), "Listening profile");
        await tx
          .update(listeningProfiles)
          .set({ ...profileColumns(request.body), updatedAt: now })
          .where(and(eq(listeningProfiles.workspaceId, p.workspaceId), eq(listeningProfiles.id, profile.id)));
        const data = { changed: Object.keys(request.body) };
        await recordAudit(
          tx,
          p,
          request.ip,
          {
            action: "listening_profile.updated",
            targetType: "listening_profile",
            targetId: profile.id,
            data,
          },
          now,
        );
      });
      return toProfileDto(
        found(await findProfile(db, p.workspaceId, request.params.id), "Listening profile"),
      );
    },
  );

  app.delete(
    "/listening-profiles/:id",
    {
      config: { permission: "listening:manage" },
      schema: {
        tags: TAGS,
        summary: "Delete a listening profile",
        params: Params,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const [row] = await tx
          .delete(listeningProfiles)
          .where(
            and(
              eq(listeningProfiles.workspaceId, p.workspaceId),
              eq(listeningProfiles.id, request.params.id),
            ),
          )
          .returning();
        const profile = found(row, "Listening profile");
        const data = { name: profile.name, kind: profile.kind };
        await recordAudit(
          tx,
          p,
          request.ip,
          {
            action: "listening_profile.deleted",
            targetType: "listening_profile",
            targetId: profile.id,
            data,
          },
          now,
        );
      });
      return reply.status(204).send(null);
    },
  );
};
