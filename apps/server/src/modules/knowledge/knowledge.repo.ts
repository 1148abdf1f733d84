import type { KnowledgeArticle } from "@parley/contracts";
import { and, asc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { knowledgeArticles } from "../../platform/db/schema";
import { containsPattern } from "../templates/templates.repo";

export type KnowledgeArticleRow = typeof knowledgeArticles.$inferSelect;

/** Title, summary or any tag contains the words (ILIKE: the same on PGlite and PostgreSQL). */
export function articleMatches(q: string | undefined): SQL | undefined {
  if (!q?.trim()) return undefined;
  const pattern = containsPattern(q);
  return or(
    ilike(knowledgeArticles.title, pattern),
    ilike(knowledgeArticles.summary, pattern),
    sql`exists (select 1 from unnest(${knowledgeArticles.tags}) as tag where tag ilike ${pattern})`,
  );
}

export async function listArticles(
  db: Queryable,
  workspaceId: string,
  q: string | undefined,
  limit: number,
  after: [string, string] | null,
) {
  return db
    .select()
    .from(knowledgeArticles)
    .where(
      and(
        eq(knowledgeArticles.workspaceId, workspaceId),
        articleMatches(q),
        after
          ? sql`(${knowledgeArticles.title}, ${knowledgeArticles.id}) > (${after[0]}, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(knowledgeArticles.title), asc(knowledgeArticles.id))
    .limit(limit + 1);
}

export async function findArticle(db: Queryable, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(knowledgeArticles)
    .where(and(eq(knowledgeArticles.workspaceId, workspaceId), eq(knowledgeArticles.id, id)))
    .limit(1);
  return row;
}

export function toArticleDto(a: KnowledgeArticleRow): KnowledgeArticle {
  return {
    id: a.id,
    title: a.title,
    url: a.url,
    summary: a.summary,
    tags: a.tags,
    updated_at: a.updatedAt.toISOString(),
  };
}
