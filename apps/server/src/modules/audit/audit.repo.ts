import { and, desc, eq, lt, or } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { auditLog } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { actorOf, type Principal } from "../auth/principal";

export interface AuditInput {
  action: string;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
}

/** Writes one audit row; call it inside the same transaction as the change it records. */
export async function recordAudit(
  db: Queryable,
  principal: Principal,
  ip: string | null,
  input: AuditInput,
  now: Date,
) {
  await db.insert(auditLog).values({
    id: newId(),
    workspaceId: principal.workspaceId,
    ...actorOf(principal),
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    data: input.data ?? {},
    ip,
    createdAt: now,
  });
}

export function listAudit(db: Queryable, workspaceId: string, limit: number, after: [string, string] | null) {
  const where = after
    ? and(
        eq(auditLog.workspaceId, workspaceId),
        or(
          lt(auditLog.createdAt, new Date(after[0])),
          and(eq(auditLog.createdAt, new Date(after[0])), lt(auditLog.id, after[1])),
        ),
      )
    : eq(auditLog.workspaceId, workspaceId);
  return db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit + 1);
}
