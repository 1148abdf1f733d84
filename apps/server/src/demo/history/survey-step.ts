import { newId } from "../../platform/ids";
import { DAY } from "./calendar";
import type { Step } from "./plan";
import type { StepScope } from "./steps";

const QUESTION = {
  csat: "How would you rate the help you got today? Reply with a number from 1 (poor) to 5 (great).",
  nps: "How likely are you to recommend Acme to a friend? Reply with a number from 0 to 10.",
};

/**
 * A survey after the resolution: the question sent privately, and the customer's answer when it
 * came within the day (and before now); otherwise it expired or is still open.
 */
export function askSurvey(
  { ctx, rows, plan: p, conv: s, tally }: StepScope,
  step: Extract<Step, { kind: "survey" }>,
) {
  const surveyId = newId();
  const questionId = newId();
  const expiresAt = step.at + DAY;
  const answeredAt = step.answeredAfter !== null ? step.at + step.answeredAfter : null;
  const answered = answeredAt !== null && answeredAt < Math.min(expiresAt, ctx.nowMs);
  const status = answered ? "answered" : expiresAt <= ctx.nowMs ? "expired" : "asked";
  rows.outMessages.push({
    id: questionId,
    workspaceId: ctx.workspaceId,
    conversationId: s.id,
    channel: p.network,
    channelAccountId: s.channelAccountId ?? ctx.channelOf[p.network].id,
    direction: "outbound",
    visibility: "private",
    kind: p.network === "whatsapp" ? "chat" : "dm",
    externalId: ctx.nextOut(),
    externalThreadId: p.network === "whatsapp" ? s.lastInbound.threadId : null,
    replyToExternalId: null,
    replyToMessageId: null,
    authorUserId: null,
    text: QUESTION[step.survey],
    language: "en",
    classification: { automated: "survey" },
    deliveryStatus: "sent",
    sentAt: new Date(step.at),
    receivedAt: new Date(step.at),
    createdAt: new Date(step.at),
  });
  tally.added++;
  rows.surveyRows.push({
    id: surveyId,
    workspaceId: ctx.workspaceId,
    conversationId: s.id,
    contactId: s.contactId,
    kind: step.survey,
    channel: p.network,
    agentId: s.assigneeId,
    teamId: s.teamId,
    status,
    questionMessageId: questionId,
    askedAt: new Date(step.at),
    expiresAt: new Date(expiresAt),
    score: answered ? step.score : null,
    answeredAt: answered && answeredAt !== null ? new Date(answeredAt) : null,
    createdAt: new Date(step.at),
  });
  if (answered && answeredAt !== null)
    rows.event(
      s.id,
      "survey_answered",
      answeredAt,
      { type: "contact", id: s.contactId },
      { survey_id: surveyId, kind: step.survey, score: step.score },
    );
}
