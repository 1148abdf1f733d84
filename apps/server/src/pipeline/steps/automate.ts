import type { CompiledRuleSet } from "@parley/rules";
import { runMessageRules } from "../../modules/rules/run-rules";
import { refreshSla } from "../../modules/sla/refresh-sla";
import { type SlaCache, sharedSlaCache } from "../../modules/sla/sla-cache";
import { isSurveyAnswer } from "../../modules/surveys/survey-answers";
import type { Queryable } from "../../platform/db";
import type { EventWork } from "../work";
import { liveItems } from "./batch";

/**
 * The workflow half of ingestion, in the batch's transaction so a conversation is never visible
 * routed one way and then another: the workspace's rules on the customer messages just stored
 * (SPEC W1; routing to a team assigns an available agent there, W2), then the SLA due times of
 * every conversation that got a message (W3). A workspace with no rule and no SLA policy costs
 * nothing here.
 */
export async function automate(
  db: Queryable,
  works: EventWork[],
  rules: Map<string, CompiledRuleSet | null>,
  now: Date,
  sla: SlaCache = sharedSlaCache,
) {
  const items = liveItems(works).filter(({ it }) => it.messageId && it.conversationId);
  if (items.length === 0) return;
  // surveys hook (SPEC M6): rules do not run on a customer's answer to a survey.
  const customer = items.filter(({ it }) => it.triage && !it.item.fromBrand && !isSurveyAnswer(it));
  await runMessageRules(
    db,
    {
      workspaceIds: [...new Set(customer.map(({ work }) => work.channel.workspaceId))],
      messageIds: customer.map(({ it }) => it.messageId as string),
    },
    rules,
    now,
  );
  const byWorkspace = new Map<string, Set<string>>();
  for (const { work, it } of items) {
    const ids = byWorkspace.get(work.channel.workspaceId) ?? new Set<string>();
    ids.add(it.conversationId as string);
    byWorkspace.set(work.channel.workspaceId, ids);
  }
  const configs = await sla.get(db, [...byWorkspace.keys()]);
  for (const [workspaceId, ids] of byWorkspace) {
    if (!configs.get(workspaceId)?.policies.some((p) => p.enabled)) continue;
    await refreshSla(db, { workspaceId, conversationIds: [...ids] }, now, sla);
  }
}
