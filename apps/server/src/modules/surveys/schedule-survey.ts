import type { Queryable } from "../../platform/db";
import type { conversations } from "../../platform/db/schema";
import { enqueue } from "../../platform/jobs/queue";
import { readSurveySettings, surveysOn } from "./survey-settings";

export const SURVEY_QUEUE = "ask-survey";

/** Statuses a conversation leaves for `resolved` without anyone having been helped. */
const NOT_A_CASE = new Set(["spam", "archived"]);

/**
 * An agent resolved a conversation (SPEC M6): when a survey is on for its channel, the question is
 * queued to go out after the workspace's delay (`ask-survey.ts` decides then: still resolved,
 * cooldown, channel, window). Spam and archived conversations resolved in bulk are never surveyed.
 * Run in the transaction that resolves it, so a rollback queues nothing.
 */
export async function scheduleSurvey(
  db: Queryable,
  r: {
    conversation: Pick<typeof conversations.$inferSelect, "id" | "workspaceId" | "channel" | "status">;
    resolvedBy: string | null;
  },
  now: Date,
): Promise<boolean> {
  if (NOT_A_CASE.has(r.conversation.status)) return false;
  const settings = await readSurveySettings(db, r.conversation.workspaceId);
  if (!surveysOn(settings, r.conversation.channel)) return false;
  const job = await enqueue(
    db,
    {
      queue: SURVEY_QUEUE,
      workspaceId: r.conversation.workspaceId,
      payload: {
        conversation_id: r.conversation.id,
        resolved_at: now.toISOString(),
        resolved_by: r.resolvedBy,
      },
      // One question per resolution, whatever retries the resolving request gets.
      key: `${r.conversation.id}:${now.toISOString()}`,
      runAt: new Date(now.getTime() + settings.delay_minutes * 60_000),
      maxAttempts: 5,
    },
    now,
  );
  return job !== null;
}
