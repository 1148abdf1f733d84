import { inArray } from "drizzle-orm";
import type { Db } from "../../platform/db";
import { workspaces } from "../../platform/db/schema";
import type { CrisisAlertRow, CrisisModeRow } from "./crisis.repo";
import { CrisisSettings } from "./crisis.schema";
import { startCrisisMode } from "./start-crisis-mode";

/** Each workspace's `settings.crisis`, or null where it is absent or not understood. */
export async function crisisSettingsOf(db: Db, workspaceIds: string[]) {
  const rows = await db
    .select({ id: workspaces.id, settings: workspaces.settings })
    .from(workspaces)
    .where(inArray(workspaces.id, workspaceIds));
  return new Map(
    rows.map((r) => {
      const parsed = CrisisSettings.safeParse(r.settings?.crisis);
      return [r.id, parsed.success ? parsed.data : null] as const;
    }),
  );
}

/**
 * Starts crisis mode on each new volume alert of a workspace whose settings allow it
 * (`crisis.auto_mode: {team_id, holding_template_id?}`), one transaction per alert, so a bad
 * setting (a deleted team) fails that start alone: it is reported and the alert stays open for a
 * person to decide.
 */
export async function startAutomaticModes(
  db: Db,
  alerts: CrisisAlertRow[],
  now: Date,
  onFailure: (alert: CrisisAlertRow, err: unknown) => void,
): Promise<CrisisModeRow[]> {
  const volume = alerts.filter((a) => a.kind === "volume");
  if (volume.length === 0) return [];
  const settings = await crisisSettingsOf(db, [...new Set(volume.map((a) => a.workspaceId))]);
  const started: CrisisModeRow[] = [];
  for (const alert of volume) {
    const auto = settings.get(alert.workspaceId)?.auto_mode;
    if (!auto) continue;
    try {
      const mode = await db.transaction((tx) =>
        startCrisisMode(
          tx,
          alert.workspaceId,
          { kind: "system" },
          {
            topic_kind: alert.topicKind,
            topic: alert.topic,
            team_id: auto.team_id,
            holding_template_id: auto.holding_template_id ?? null,
            alert_id: alert.id,
          },
          now,
        ),
      );
      started.push(mode);
    } catch (err) {
      onFailure(alert, err);
    }
  }
  return started;
}
