import { type BusinessHoursInput, CalendarError, compileCalendar } from "@parley/sla";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { businessHours, slaPolicies, workspaces } from "../../platform/db/schema";
import { badRequest, conflict, HttpProblem } from "../../platform/http/problem";
import type {
  BusinessHoursDto,
  CreateBusinessHoursRequest,
  SlaPolicyDto,
  UpdateBusinessHoursRequest,
} from "./sla.schema";

export type BusinessHoursRow = typeof businessHours.$inferSelect;
export type SlaPolicyRow = typeof slaPolicies.$inferSelect;

/** Enough for any desk; keeps a workspace's cached configuration and policy matching small. */
export const MAX_PER_WORKSPACE = 200;

export function listBusinessHours(db: Queryable, workspaceId: string) {
  return db
    .select()
    .from(businessHours)
    .where(eq(businessHours.workspaceId, workspaceId))
    .orderBy(asc(businessHours.name), asc(businessHours.id));
}

export async function findBusinessHours(db: Queryable, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(businessHours)
    .where(and(eq(businessHours.workspaceId, workspaceId), eq(businessHours.id, id)));
  return row;
}

/** Policies in the order they are matched: position, then id (so ties are stable). */
export function listPolicies(db: Queryable, workspaceId: string) {
  return db
    .select()
    .from(slaPolicies)
    .where(eq(slaPolicies.workspaceId, workspaceId))
    .orderBy(asc(slaPolicies.position), asc(slaPolicies.id));
}

export async function findPolicy(db: Queryable, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(slaPolicies)
    .where(and(eq(slaPolicies.workspaceId, workspaceId), eq(slaPolicies.id, id)));
  return row;
}

/** How many rows of `table` the workspace has. */
export async function countOf(
  db: Queryable,
  table: typeof businessHours | typeof slaPolicies,
  workspaceId: string,
) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(eq(table.workspaceId, workspaceId));
  return row?.n ?? 0;
}

export async function nextPosition(db: Queryable, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ next: sql<number>`coalesce(max(${slaPolicies.position}) + 1, 0)::int` })
    .from(slaPolicies)
    .where(eq(slaPolicies.workspaceId, workspaceId));
  return row?.next ?? 0;
}

export function assertRoom(count: number, what: string) {
  if (count >= MAX_PER_WORKSPACE)
    throw conflict(`A workspace has at most ${MAX_PER_WORKSPACE} ${what}; delete one first.`);
}

/** A policy's business hours must be the workspace's own: another workspace's id is a bad field, not a 404. */
export async function assertBusinessHoursOf(
  db: Queryable,
  workspaceId: string,
  id: string | null | undefined,
  field: string,
) {
  if (!id || (await findBusinessHours(db, workspaceId, id))) return;
  throw badRequest("The business hours do not exist in this workspace.", [
    { field, message: "is not business hours of this workspace" },
  ]);
}

/**
 * Business hours a request would store, validated by the SLA engine: its issues come back as a
 * 400 naming the fields as the body spells them (`body.weekly.mon[1]`, `body.holidays[0]`).
 */
export function validateBusinessHours(input: BusinessHoursInput): void {
  try {
    compileCalendar(input);
  } catch (err) {
    if (!(err instanceof CalendarError)) throw err;
    const errors = err.issues.map((i) => ({ field: `body.${i.field}`, message: i.message }));
    const detail = errors.map((e) => `${e.field}: ${e.message}`).join("; ");
    throw new HttpProblem(400, "Validation Failed", detail, errors);
  }
}

/** Request fields → columns; absent fields stay absent, so a PATCH changes only what it names. */
export function businessHoursColumns(body: Partial<CreateBusinessHoursRequest> | UpdateBusinessHoursRequest) {
  const columns = {
    name: body.name,
    timezone: body.timezone,
    alwaysOpen: body.always_open,
    weekly: body.weekly,
    holidays: body.holidays ? [...new Set(body.holidays)].sort() : undefined,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined)) as Partial<
    typeof businessHours.$inferInsert
  >;
}

/** What uses these business hours: the names a 409 on delete gives. */
export async function usesOfBusinessHours(db: Queryable, workspaceId: string, id: string): Promise<string[]> {
  const policies = await db
    .select({ name: slaPolicies.name })
    .from(slaPolicies)
    .where(and(eq(slaPolicies.workspaceId, workspaceId), eq(slaPolicies.businessHoursId, id)))
    .orderBy(asc(slaPolicies.position));
  const [workspace] = await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(and(eq(workspaces.id, workspaceId), eq(workspaces.businessHoursId, id)));
  return [...(workspace ? ["the workspace default"] : []), ...policies.map((p) => `SLA policy "${p.name}"`)];
}

const iso = (d: Date) => d.toISOString();

export function toBusinessHoursDto(r: BusinessHoursRow): BusinessHoursDto {
  return {
    id: r.id,
    name: r.name,
    timezone: r.timezone,
    always_open: r.alwaysOpen,
    weekly: r.weekly,
    holidays: r.holidays,
    created_at: iso(r.createdAt),
    updated_at: iso(r.updatedAt),
  };
}

export function toPolicyDto(r: SlaPolicyRow): SlaPolicyDto {
  return {
    id: r.id,
    name: r.name,
    position: r.position,
    enabled: r.enabled,
    channel: r.channel,
    priority: r.priority,
    first_response_seconds: r.firstResponseSeconds,
    next_response_seconds: r.nextResponseSeconds,
    resolution_seconds: r.resolutionSeconds,
    business_hours_id: r.businessHoursId,
    created_at: iso(r.createdAt),
    updated_at: iso(r.updatedAt),
  };
}
