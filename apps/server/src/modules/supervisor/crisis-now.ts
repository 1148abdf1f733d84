import type { SupervisorCrisis } from "@parley/contracts";
import { and, count, eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { crisisAlerts } from "../../platform/db/schema";
import { listAlerts, listModes } from "../crisis/crisis.repo";

const ALERTS_SHOWN = 5;

/** Open crisis alerts (the newest few and how many) and the crisis modes running now (SPEC W6). */
export async function crisisNow(db: Queryable, workspaceId: string): Promise<SupervisorCrisis> {
  const [alerts, [counted], modes] = await Promise.all([
    listAlerts(db, workspaceId, { status: "open", limit: ALERTS_SHOWN }),
    db
      .select({ n: count() })
      .from(crisisAlerts)
      .where(and(eq(crisisAlerts.workspaceId, workspaceId), eq(crisisAlerts.status, "open"))),
    listModes(db, workspaceId, { active: true, limit: 20 }),
  ]);
  return {
    open_alerts: alerts.items.map((a) => ({
      id: a.id,
      topic: a.topic_name,
      kind: a.kind,
      volume: a.volume,
      negative: a.negative,
      created_at: a.created_at,
    })),
    open_alert_count: counted?.n ?? 0,
    active_modes: modes.items.map((m) => ({
      id: m.id,
      topic: m.topic_name,
      team_id: m.team_id,
      started_via: m.started_via,
      started_at: m.started_at,
    })),
  };
}
