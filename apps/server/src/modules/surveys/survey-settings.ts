import { DEFAULT_SURVEY_SETTINGS, SurveySettings } from "@parley/contracts";
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { workspaces } from "../../platform/db/schema";
import { found } from "../../platform/http/problem";
import { recordAudit } from "../audit/audit.repo";
import type { Principal } from "../auth/principal";

/**
 * A workspace's survey settings (`workspaces.settings.surveys`); the defaults (every kind off)
 * until an admin saves them. A stored value that no longer validates (an older shape) falls back
 * to the defaults rather than surveying customers with half a configuration.
 */
export async function readSurveySettings(db: Queryable, workspaceId: string): Promise<SurveySettings> {
  const [row] = await db
    .select({ surveys: sql<unknown>`${workspaces.settings} -> 'surveys'` })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  found(row, "Workspace");
  const parsed = SurveySettings.safeParse(row?.surveys);
  return parsed.success ? parsed.data : DEFAULT_SURVEY_SETTINGS;
}

/** Replaces the settings (validated by the route's schema), with its audit row; run in a transaction. */
export async function saveSurveySettings(
  db: Queryable,
  p: Principal,
  input: SurveySettings,
  ip: string | null,
  now: Date,
): Promise<SurveySettings> {
  const value = SurveySettings.parse(input);
  // Only the `surveys` key: other modules keep theirs (crisis keywords...).
  await db
    .update(workspaces)
    .set({
      settings: sql`jsonb_set(${workspaces.settings}, '{surveys}', ${JSON.stringify(value)}::jsonb, true)`,
      updatedAt: now,
    })
    .where(eq(workspaces.id, p.workspaceId));
  await recordAudit(
    db,
    p,
    ip,
    { action: "surveys.settings_updated", targetType: "workspace", targetId: p.workspaceId, data: value },
    now,
  );
  return value;
}

/** Whether any kind is on for a channel: the cheap check made when a conversation is resolved. */
export function surveysOn(settings: SurveySettings, channel: string): boolean {
  return (settings.csat.enabled || settings.nps.enabled) && settings.channels.includes(channel as never);
}
