import { eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { workspaces } from "../../platform/db/schema";

export type WorkspaceRow = typeof workspaces.$inferSelect;

export async function findWorkspaceById(db: Queryable, id: string) {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, id)).limit(1);
  return row;
}

export async function findWorkspaceBySlug(db: Queryable, slug: string) {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.slug, slug)).limit(1);
  return row;
}

export function toWorkspaceDto(w: WorkspaceRow) {
  return {
    id: w.id,
    slug: w.slug,
    name: w.name,
    timezone: w.timezone,
    created_at: w.createdAt.toISOString(),
  };
}
