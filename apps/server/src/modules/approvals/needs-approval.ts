import { and, eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { type conversations, memberships } from "../../platform/db/schema";
import type { Principal } from "../auth/principal";

export type ApprovalSource = "conversation" | "request" | "sampling";

export interface ApprovalNeed {
  source: ApprovalSource;
  reason: string;
}

/**
 * SPEC W5: whether a new reply waits for an approver, and why. The conversation's requirement (a
 * rule or crisis mode) comes first, then the author's own request, then the spot check: each
 * member's `approval_sample_percent` of their replies, drawn with the injected `random` so tests
 * can pin it. API keys have no membership, so their replies are never sampled.
 */
export async function approvalNeedFor(
  db: Queryable,
  p: Principal,
  conversation: Pick<typeof conversations.$inferSelect, "approvalRequired" | "approvalReason">,
  requested: boolean,
  random: () => number,
): Promise<ApprovalNeed | null> {
  if (conversation.approvalRequired) {
    const reason = conversation.approvalReason ?? "Replies in this conversation need approval.";
    return { source: "conversation", reason };
  }
  if (requested) return { source: "request", reason: "The author asked for a review." };
  const percent = p.userId ? await samplePercent(db, p.workspaceId, p.userId) : 0;
  if (percent > 0 && random() * 100 < percent) {
    return { source: "sampling", reason: `Spot check: ${percent}% of this agent's replies are reviewed.` };
  }
  return null;
}

async function samplePercent(db: Queryable, workspaceId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ percent: memberships.approvalSamplePercent })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return Math.min(100, Math.max(0, row?.percent ?? 0));
}
