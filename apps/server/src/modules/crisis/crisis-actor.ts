import type { Queryable } from "../../platform/db";
import { auditLog } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { type AuditInput, recordAudit } from "../audit/audit.repo";
import type { Principal } from "../auth/principal";

/** Who starts or ends crisis mode: a person (or API key) through the API, or the detector. */
export type CrisisActor = { kind: "principal"; principal: Principal; ip: string | null } | { kind: "system" };

/** The user id to record as started_by / ended_by / decided_by (null for keys and the detector). */
export const actorUserId = (actor: CrisisActor) =>
  actor.kind === "principal" ? actor.principal.userId : null;

/** One audit row in the caller's transaction; the detector's changes are audited as `system`. */
export async function auditCrisis(
  db: Queryable,
  workspaceId: string,
  actor: CrisisActor,
  input: AuditInput,
  now: Date,
) {
  if (actor.kind === "principal") return recordAudit(db, actor.principal, actor.ip, input, now);
  await db.insert(auditLog).values({
    id: newId(),
    workspaceId,
    actorType: "system",
    actorId: null,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    data: input.data ?? {},
    ip: null,
    createdAt: now,
  });
}
