import { and, eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { crisisModes, rules } from "../../platform/db/schema";
import { conflict, found } from "../../platform/http/problem";
import type { CrisisModeRow } from "./crisis.repo";
import { actorUserId, auditCrisis, type CrisisActor } from "./crisis-actor";

/**
 * Ends crisis mode (SPEC W6) in the caller's transaction: its rule is disabled, not deleted, so
 * the `rule_matched` events it left in conversation histories still name a rule that exists (and a
 * dry run can still explain it). Conversations it already routed and put under approval keep
 * that: ending the mode changes what happens to the next message, not to the past. 404 for a mode
 * of another workspace, 409 when it has already ended.
 */
export async function endCrisisMode(
  db: Queryable,
  workspaceId: string,
  actor: CrisisActor,
  id: string,
  now: Date,
): Promise<CrisisModeRow> {
  const [current] = await db
    .select()
    .from(crisisModes)
    .where(and(eq(crisisModes.workspaceId, workspaceId), eq(crisisModes.id, id)));
  const mode = found(current, "Crisis mode");
  if (mode.endedAt) throw conflict(`This crisis mode already ended at ${mode.endedAt.toISOString()}.`);
  if (mode.ruleId)
    await db
      .update(rules)
      .set({ enabled: false, updatedAt: now })
      .where(and(eq(rules.workspaceId, workspaceId), eq(rules.id, mode.ruleId)));
  const [ended] = await db
    .update(crisisModes)
    .set({ endedAt: now, endedBy: actorUserId(actor) })
    .where(and(eq(crisisModes.workspaceId, workspaceId), eq(crisisModes.id, mode.id)))
    .returning();
  await auditCrisis(
    db,
    workspaceId,
    actor,
    {
      action: "crisis_mode.ended",
      targetType: "crisis_mode",
      targetId: mode.id,
      data: { topic_kind: mode.topicKind, topic: mode.topic, rule_id: mode.ruleId },
    },
    now,
  );
  return ended as CrisisModeRow;
}
