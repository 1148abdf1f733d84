import {
  CreateTemplateRequest,
  Id,
  ListTemplatesQuery,
  pageOf,
  RenderedTemplate,
  RenderTemplateRequest,
  Template,
  UpdateTemplateRequest,
} from "@parley/contracts";
import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { templates } from "../../platform/db/schema";
import type { Deps } from "../../platform/deps";
import { decodeCursor, pageFrom } from "../../platform/http/cursor";
import { conflict, found } from "../../platform/http/problem";
import { newId } from "../../platform/ids";
import { recordAudit } from "../audit/audit.repo";
import { principalOf } from "../auth/principal";
import { checkVariables, renderBody, valuesFor } from "./template-variables";
import { findTemplate, isUniqueViolation, listTemplates, toTemplateDto } from "./templates.repo";

const Params = z.object({ id: Id });

function rethrowDuplicate(err: unknown): never {
  if (isUniqueViolation(err))
    throw conflict("Another template already uses this shortcut.", [
      { field: "body.shortcut", message: "is already taken" },
    ]);
  throw err;
}

/** Optional fields arrive as undefined (leave alone) or null (clear); the columns take null. */
function columnsOf(body: UpdateTemplateRequest) {
  const { shortcut, category, language, ...rest } = body;
  return {
    ...rest,
    ...(shortcut !== undefined ? { shortcut } : {}),
    ...(category !== undefined ? { category } : {}),
    ...(language !== undefined ? { language } : {}),
  };
}

export const templateRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;

  app.get(
    "/templates",
    {
      config: { permission: "conversations:read" },
      schema: {
        tags: ["templates"],
        summary: "Saved replies, by name",
        querystring: ListTemplatesQuery,
        response: { 200: pageOf(Template) },
      },
    },
    async (request) => {
      const after = decodeCursor(request.query.cursor, 2) as [string, string] | null;
      const rows = await listTemplates(db, principalOf(request).workspaceId, request.query, after);
      const page = pageFrom(rows, request.query.limit, (r) => [r.name, r.id]);
      return { items: page.items.map(toTemplateDto), next_cursor: page.next_cursor };
    },
  );

  app.get(
    "/templates/:id",
    {
      config: { permission: "conversations:read" },
      schema: { tags: ["templates"], summary: "One template", params: Params, response: { 200: Template } },
    },
    async (request) =>
      toTemplateDto(
        found(await findTemplate(db, principalOf(request).workspaceId, request.params.id), "Template"),
      ),
  );

  app.post(
    "/templates",
    {
      config: { permission: "templates:manage" },
      schema: {
        tags: ["templates"],
        summary: "Create a template",
        description: "An unknown `{{variable}}` in the body answers 422 naming it.",
        body: CreateTemplateRequest,
        response: { 201: Template },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      checkVariables(request.body.body);
      const now = clock.now();
      const id = newId();
      await db
        .transaction(async (tx) => {
          await tx.insert(templates).values({
            id,
            workspaceId: p.workspaceId,
            ...columnsOf(request.body),
            name: request.body.name,
            body: request.body.body,
            createdBy: p.userId,
            createdAt: now,
            updatedAt: now,
          });
          const data = { name: request.body.name, shortcut: request.body.shortcut ?? null };
          await recordAudit(
            tx,
            p,
            request.ip,
            { action: "template.created", targetType: "template", targetId: id, data },
            now,
          );
        })
        .catch(rethrowDuplicate);
      return reply
        .status(201)
        .send(toTemplateDto(found(await findTemplate(db, p.workspaceId, id), "Template")));
    },
  );

  app.patch(
    "/templates/:id",
    {
      config: { permission: "templates:manage" },
      schema: {
        tags: ["templates"],
        summary: "Change a template",
        params: Params,
        body: UpdateTemplateRequest,
        response: { 200: Template },
      },
    },
    async (request) => {
      const p = principalOf(request);
      checkVariables(request.body.body);
      const now = clock.now();
      await db
        .transaction(async (tx) => {
          const template = found(await findTemplate(tx, p.workspaceId, request.params.id), "Template");
          await tx
            .update(templates)
            .set({ ...columnsOf(request.body), updatedAt: now })
            .where(eq(templates.id, template.id));
          const data = { fields: Object.keys(request.body) };
          await recordAudit(
            tx,
            p,
            request.ip,
            { action: "template.updated", targetType: "template", targetId: template.id, data },
            now,
          );
        })
        .catch(rethrowDuplicate);
      return toTemplateDto(found(await findTemplate(db, p.workspaceId, request.params.id), "Template"));
    },
  );

  app.delete(
    "/templates/:id",
    {
      config: { permission: "templates:manage" },
      schema: {
        tags: ["templates"],
        summary: "Delete a template",
        params: Params,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const template = found(await findTemplate(tx, p.workspaceId, request.params.id), "Template");
        await tx
          .delete(templates)
          .where(and(eq(templates.workspaceId, p.workspaceId), eq(templates.id, template.id)));
        const data = { name: template.name };
        await recordAudit(
          tx,
          p,
          request.ip,
          { action: "template.deleted", targetType: "template", targetId: template.id, data },
          now,
        );
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/templates/:id/render",
    {
      config: { permission: "conversations:read" },
      schema: {
        tags: ["templates"],
        summary: "Fill a template in for one conversation",
        description: "Variables with no value are left empty and listed in `missing`.",
        params: Params,
        body: RenderTemplateRequest,
        response: { 200: RenderedTemplate },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const template = found(await findTemplate(db, p.workspaceId, request.params.id), "Template");
      const values = found(await valuesFor(db, p, request.body.conversation_id), "Conversation");
      return renderBody(template.body, values);
    },
  );
};
