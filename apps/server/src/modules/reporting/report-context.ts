import { eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { workspaces } from "../../platform/db/schema";
import { found } from "../../platform/http/problem";
import { sharedSlaCache } from "../sla/sla-cache";
import { DEFAULT_ACTIVITY, type FactsOptions } from "./facts";

/** The workspace's calendar (business hours; null is 24x7) and time zone. */
export async function reportContext(db: Queryable, workspaceId: string) {
  const [ws] = await db
    .select({ timezone: workspaces.timezone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const sla = (await sharedSlaCache.get(db, [workspaceId])).get(workspaceId);
  const options: FactsOptions = {
    calendar: sla?.calendarFor({ businessHoursId: null }) ?? null,
    activity: DEFAULT_ACTIVITY,
  };
  return { timezone: found(ws, "Workspace").timezone, options };
}
