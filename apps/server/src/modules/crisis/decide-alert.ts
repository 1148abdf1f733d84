import { and, eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { crisisAlerts } from "../../platform/db/schema";
import { conflict, found } from "../../platform/http/problem";
import type { CrisisAlertRow } from "./crisis.repo";
import { actorUserId, auditCrisis, type CrisisActor } from "./crisis-actor";

export type AlertDecision = "acknowledged" | "dismissed";

/** From which statuses each decision may be taken: an acknowledged alert may still be dismissed. */
const ALLOWED_FROM: Record<AlertDecision, CrisisAlertRow["status"][]> = {
  acknowledged: ["open"],
  dismissed: ["open", "acknowledged"],
};

/**
 * Acknowledges ("we are on it") or dismisses ("not a crisis") an alert, in the caller's
 * transaction, with its audit row. Either takes it out of the open list; the scanner then stays
 * quiet on that topic and kind for its cool-down. 404 for another workspace's alert; 409 when the
 * alert is past that decision (already dismissed, or answered with crisis mode).
 */
export async function decideAlert(
  db: Queryable,
  workspaceId: string,
  actor: CrisisActor,
  input: { id: string; decision: AlertDecision },
  now: Date,
): Promise<CrisisAlertRow> {
  const [current] = await db
    .select()
    .from(crisisAlerts)
    .where(and(eq(crisisAlerts.workspaceId, workspaceId), eq(crisisAlerts.id, input.id)));
  const alert = found(current, "Crisis alert");
  if (!ALLOWED_FROM[input.decision].includes(alert.status))
    throw conflict(`The alert is ${alert.status}; it cannot be ${input.decision} now.`);
  const [decided] = await db
    .update(crisisAlerts)
    .set({ status: input.decision, decidedBy: actorUserId(actor), decidedAt: now })
    .where(and(eq(crisisAlerts.workspaceId, workspaceId), eq(crisisAlerts.id, alert.id)))
    .returning();
  await auditCrisis(
    db,
    workspaceId,
    actor,
    {
      action: `crisis_alert.${input.decision}`,
      targetType: "crisis_alert",
      targetId: alert.id,
      data: { topic_kind: alert.topicKind, topic: alert.topic, kind: alert.kind, from: alert.status },
    },
    now,
  );
  return decided as CrisisAlertRow;
}
