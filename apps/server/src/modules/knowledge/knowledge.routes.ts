import {
  CreateKnowledgeArticleRequest,
  Id,
  KnowledgeArticle,
  ListKnowledgeArticlesQuery,
  pageOf,
  UpdateKnowledgeArticleRequest,
} from "@parley/contracts";
import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { knowledgeArticles } from "../../platform/db/schema";
import type { Deps } from "../../platform/deps";
import { decodeCursor, pageFrom } from "../../platform/http/cursor";
import { found } from "../../platform/http/problem";
import { newId } from "../../platform/ids";
import { recordAudit } from "../audit/audit.repo";
import { principalOf } from "../auth/principal";
import { findArticle, listArticles, toArticleDto } from "./knowledge.repo";

const Params = z.object({ id: Id });
const TAGS = ["knowledge"];

/** Tags are kept once each, first spelling wins, without regard to case. */
function uniqueTags(tags: string[] | undefined): string[] | undefined {
  if (!tags) return undefined;
  const seen = new Map<string, string>();
  for (const tag of tags) if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  return [...seen.values()];
}

export const knowledgeRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;

  app.get(
    "/knowledge-articles",
    {
      config: { permission: "conversations:read" },
      schema: {
        tags: TAGS,
        summary: "Knowledge-base articles, by title",
        querystring: ListKnowledgeArticlesQuery,
        response: { 200: pageOf(KnowledgeArticle) },
      },
    },
    async (request) => {
      const { q, limit, cursor } = request.query;
      const after = decodeCursor(cursor, 2) as [string, string] | null;
      const rows = await listArticles(db, principalOf(request).workspaceId, q, limit, after);
      const page = pageFrom(rows, limit, (r) => [r.title, r.id]);
      return { items: page.items.map(toArticleDto), next_cursor: page.next_cursor };
    },
  );

  app.get(
    "/knowledge-articles/:id",
    {
      config: { permission: "conversations:read" },
      schema: {
        tags: TAGS,
        summary: "One knowledge-base article",
        params: Params,
        response: { 200: KnowledgeArticle },
      },
    },
    async (request) =>
      toArticleDto(
        found(await findArticle(db, principalOf(request).workspaceId, request.params.id), "Article"),
      ),
  );

  app.post(
    "/knowledge-articles",
    {
      config: { permission: "templates:manage" },
      schema: {
        tags: TAGS,
        summary: "Add a knowledge-base article",
        body: CreateKnowledgeArticleRequest,
        response: { 201: KnowledgeArticle },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const now = clock.now();
      const id = newId();
      const { title, url, summary, tags } = request.body;
      await db.transaction(async (tx) => {
        await tx.insert(knowledgeArticles).values({
          id,
          workspaceId: p.workspaceId,
          title,
          url,
          summary: summary ?? "",
          tags: uniqueTags(tags) ?? [],
          createdBy: p.userId,
          createdAt: now,
          updatedAt: now,
        });
        const data = { title, url };
        await recordAudit(
          tx,
          p,
          request.ip,
          { action: "knowledge_article.created", targetType: "knowledge_article", targetId: id, data },
          now,
        );
      });
      return reply.status(201).send(toArticleDto(found(await findArticle(db, p.workspaceId, id), "Article")));
    },
  );

  app.patch(
    "/knowledge-articles/:id",
    {
      config: { permission: "templates:manage" },
      schema: {
        tags: TAGS,
        summary: "Change a knowledge-base article",
        params: Params,
        body: UpdateKnowledgeArticleRequest,
        response: { 200: KnowledgeArticle },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const now = clock.now();
      const { tags, ...fields } = request.body;
      await db.transaction(async (tx) => {
        const article = found(await findArticle(tx, p.workspaceId, request.params.id), "Article");
        await tx
          .update(knowledgeArticles)
          .set({ ...fields, ...(tags ? { tags: uniqueTags(tags) } : {}), updatedAt: now })
          .where(eq(knowledgeArticles.id, article.id));
        const data = { fields: Object.keys(request.body) };
        await recordAudit(
          tx,
          p,
          request.ip,
          {
            action: "knowledge_article.updated",
            targetType: "knowledge_article",
            targetId: article.id,
            data,
          },
          now,
        );
      });
      return toArticleDto(found(await findArticle(db, p.workspaceId, request.params.id), "Article"));
    },
  );

  app.delete(
    "/knowledge-articles/:id",
    {
      config: { permission: "templates:manage" },
      schema: {
        tags: TAGS,
        summary: "Delete a knowledge-base article",
        params: Params,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const article = found(await findArticle(tx, p.workspaceId, request.params.id), "Article");
        await tx
          .delete(knowledgeArticles)
          .where(and(eq(knowledgeArticles.workspaceId, p.workspaceId), eq(knowledgeArticles.id, article.id)));
        const data = { title: article.title };
        await recordAudit(
          tx,
          p,
          request.ip,
          {
            action: "knowledge_article.deleted",
            targetType: "knowledge_article",
            targetId: article.id,
            data,
          },
          now,
        );
      });
      return reply.status(204).send(null);
    },
  );
};
