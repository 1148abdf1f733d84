import { scorePriority } from "../priority";
import { ok, type StepResult } from "../result";
import type { ItemWork } from "../work";
import type { Threads } from "./thread";

/**
 * SPEC T3: the priority a customer message gives its conversation, with the reasons the inbox
 * shows. Scored as of the message's time (an imported or late message is not "waiting" for years);
 * the waiting time counts from the oldest customer message the brand has not answered.
 */
export function prioritize(it: ItemWork, threads: Threads): StepResult {
  const t = it.triage;
  const c = it.conversationId ? threads.byId.get(it.conversationId) : undefined;
  if (!t || t.isSpam || !c) return ok;
  const answered =
    c.lastAgentMessageAt && c.lastCustomerMessageAt && c.lastAgentMessageAt >= c.lastCustomerMessageAt;
  const waitingSince =
    answered || !c.lastCustomerMessageAt
      ? it.item.sentAt
      : c.firstResponseAt
        ? c.lastCustomerMessageAt
        : (c.firstCustomerMessageAt ?? it.item.sentAt);
  const facts = it.contact;
  it.priority = scorePriority({
    tier: t.tier,
    intent: t.intent,
    sentiment: t.sentiment,
    sentimentScore: t.sentimentScore,
    isComplaint: t.isComplaint,
    isOffensive: t.isOffensive,
    followers: facts?.followers ?? it.item.author.followersCount,
    verified: facts?.verified ?? it.item.author.verified,
    priorPosts: facts?.priorPosts ?? 0,
    vipTier: facts?.vipTier ?? null,
    crisis: t.intent === "crisis",
    waitingSince,
    now: it.item.sentAt,
    sensitive: t.sensitive.length > 0,
  });
  return ok;
}
