import { z } from "zod";
import type { Queryable } from "../../platform/db";
import { workspaces } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { findWorkspaceBySlug } from "./workspaces.repo";

export const WorkspaceSlug = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, "use 1-64 lowercase letters, digits and inner hyphens");

export function isValidTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export class WorkspaceExistsError extends Error {}

/** Creates a tenant. Used by the CLI and the demo seed. */
export async function createWorkspace(
  db: Queryable,
  input: { slug: string; name: string; timezone?: string },
  now: Date,
) {
  const slug = WorkspaceSlug.parse(input.slug);
  const timezone = input.timezone ?? "UTC";
  if (!isValidTimezone(timezone)) throw new Error(`Unknown time zone "${timezone}"`);
  if (await findWorkspaceBySlug(db, slug))
    throw new WorkspaceExistsError(`Workspace "${slug}" already exists`);
  const [row] = await db
    .insert(workspaces)
    .values({ id: newId(), slug, name: input.name, timezone, createdAt: now, updatedAt: now })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}
