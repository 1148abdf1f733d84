import type { ListTemplatesQuery, Template } from "@parley/contracts";
import { and, asc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { templates } from "../../platform/db/schema";
import { templateVariables } from "./template-variables";

export type TemplateRow = typeof templates.$inferSelect;

/** `%words%` for ILIKE, with the user's own `%`, `_` and `\` taken literally. */
export function containsPattern(q: string): string {
  return `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Templates usable on `channel`: those listing it, and those listing none (= all channels). */
export const suitsChannel = (channel: string): SQL =>
  sql`(cardinality(${templates.channels}) = 0 or ${channel} = any(${templates.channels}))`;

export async function listTemplates(
  db: Queryable,
  workspaceId: string,
  query: ListTemplatesQuery,
  after: [string, string] | null,
) {
  const pattern = query.q?.trim() ? containsPattern(query.q) : null;
  return db
    .select()
    .from(templates)
    .where(
      and(
        eq(templates.workspaceId, workspaceId),
        pattern
          ? or(
              ilike(templates.name, pattern),
              ilike(templates.shortcut, pattern),
              ilike(templates.body, pattern),
            )
          : undefined,
        query.channel ? suitsChannel(query.channel) : undefined,
        query.language ? eq(templates.language, query.language) : undefined,
        query.kind ? eq(templates.kind, query.kind) : undefined,
        after ? sql`(${templates.name}, ${templates.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(templates.name), asc(templates.id))
    .limit(query.limit + 1);
}

export async function findTemplate(db: Queryable, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(templates)
    .where(and(eq(templates.workspaceId, workspaceId), eq(templates.id, id)))
    .limit(1);
  return row;
}

export function toTemplateDto(t: TemplateRow): Template {
  return {
    id: t.id,
    name: t.name,
    shortcut: t.shortcut,
    body: t.body,
    category: t.category,
    language: t.language,
    kind: t.kind,
    channels: t.channels,
    variables: templateVariables(t.body),
    updated_at: t.updatedAt.toISOString(),
  };
}

/** A shortcut already used in the workspace (unique, case-insensitive) is a 409, not a 500. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return (e.cause?.code ?? e.code) === "23505";
}
