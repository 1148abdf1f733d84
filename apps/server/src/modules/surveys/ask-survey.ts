import type { SurveyKind, SurveySettings } from "@parley/contracts";
import { and, desc, eq, isNotNull, ne, sql } from "drizzle-orm";
import { renderTemplate } from "../../outbox/acknowledge";
import { checkReply, enqueueSend, insertReply } from "../../outbox/create-reply";
import type { Db, Queryable } from "../../platform/db";
import { conversationEvents, messages, surveys, users, workspaces } from "../../platform/db/schema";
import type { Deps } from "../../platform/deps";
import { HttpProblem } from "../../platform/http/problem";
import { newId } from "../../platform/ids";
import type { JobHandler } from "../../platform/jobs/worker";
import { findConversation } from "../conversations/conversations.repo";
import { readSurveySettings, surveysOn } from "./survey-settings";

const DAY_MS = 86_400_000;
const KIND_NAME: Record<SurveyKind, string> = { csat: "CSAT", nps: "NPS" };

export interface AskPayload {
  conversation_id: string;
  resolved_at: string;
  resolved_by: string | null;
}

export type AskOutcome =
  | { status: "asked"; surveyId: string; messageId: string; kind: SurveyKind }
  | { status: "skipped"; reason: string; kind?: SurveyKind }
  /** Nothing to say: reopened, resolved again later, or this resolution was already surveyed. */
  | { status: "moot" };

/** The `ask-survey` job: one resolution's question, in one transaction. */
export function askSurveyJob(deps: Pick<Deps, "db" | "clock" | "changes">): JobHandler {
  return async (job) => {
    const payload = job.payload as unknown as AskPayload;
    const workspaceId = job.workspaceId;
    if (!workspaceId) return { status: "dead", error: "a survey job without a workspace" };
    const outcome = await askSurvey(deps.db, workspaceId, payload, deps.clock.now());
    if (outcome.status !== "moot")
      deps.changes.publish({
        workspaceId,
        conversationIds: [payload.conversation_id],
        reasons: ["message"],
      });
    return { status: "done" };
  };
}

/**
 * Asks the survey a resolution queued (SPEC M6), if it still makes sense: the conversation is
 * still resolved (by that resolution), a kind is on for its channel, and the customer was not
 * surveyed within the cooldown. The question goes out like an automatic acknowledgement
 * (checked against the network's rules, then the outbox), privately when the conversation has a
 * private side, else in public only when the settings allow it. A question that cannot go out
 * (a closed messaging window, no private side) is skipped with the reason on the conversation's
 * history.
 */
export async function askSurvey(
  db: Db,
  workspaceId: string,
  payload: AskPayload,
  now: Date,
): Promise<AskOutcome> {
  return db.transaction(async (tx) => {
    const row = await findConversation(tx, workspaceId, payload.conversation_id);
    if (!row) return { status: "moot" };
    const { conversation, contact } = row;
    const resolvedAt = new Date(payload.resolved_at);
    if (conversation.status !== "resolved" || conversation.resolvedAt?.getTime() !== resolvedAt.getTime())
      return { status: "moot" };
    // A retried job whose first run committed: that resolution already has its survey.
    const [already] = await tx
      .select({ id: surveys.id })
      .from(surveys)
      .where(
        and(
          eq(surveys.workspaceId, workspaceId),
          eq(surveys.conversationId, conversation.id),
          sql`${surveys.askedAt} >= ${resolvedAt}`,
        ),
      )
      .limit(1);
    if (already) return { status: "moot" };

    const settings = await readSurveySettings(tx, workspaceId);
    const decided = await decide(tx, settings, { workspaceId, conversation, contactId: contact.id }, now);
    if ("reason" in decided) {
      await recordSkip(tx, workspaceId, conversation.id, decided, now);
      return { status: "skipped", ...decided };
    }
    const { kind, visibility } = decided;
    const agentId = payload.resolved_by ?? (await lastAgent(tx, conversation.id));
    const text = await questionText(tx, settings, kind, { workspaceId, conversation, contact, agentId });
    const input = { text, visibility };
    let checked: Awaited<ReturnType<typeof checkReply>>;
    try {
      checked = await checkReply(tx, conversation, input, now);
    } catch (err) {
      if (!(err instanceof HttpProblem)) throw err;
      const skip = { kind, reason: err.detail ?? err.title };
      await recordSkip(tx, workspaceId, conversation.id, skip, now);
      return { status: "skipped", ...skip };
    }
    const surveyId = newId();
    const message = await insertReply(
      tx,
      { workspaceId, authorUserId: null },
      { conversation, ...checked, input, approval: null },
      now,
    );
    // Automated: never an agent response in FRT/ART or response volumes (docs/metrics.md).
    await tx
      .update(messages)
      .set({
        classification: sql`${messages.classification} || ${JSON.stringify({
          automated: "survey",
          survey_id: surveyId,
          survey_kind: kind,
        })}::jsonb`,
      })
      .where(eq(messages.id, message.id));
    await tx.insert(surveys).values({
      id: surveyId,
      workspaceId,
      conversationId: conversation.id,
      contactId: contact.id,
      kind,
      channel: conversation.channel,
      agentId,
      teamId: conversation.teamId,
      status: "asked",
      questionMessageId: message.id,
      askedAt: now,
      expiresAt: new Date(now.getTime() + settings.expiry_hours * 3_600_000),
      createdAt: now,
    });
    await enqueueSend(tx, workspaceId, message.id, now);
    return { status: "asked", surveyId, messageId: message.id, kind };
  });
}

type Decision =
  | { kind: SurveyKind; visibility: "public" | "private" }
  | { kind?: SurveyKind; reason: string };

/** Which kind to ask, where, or why not. */
async function decide(
  db: Queryable,
  settings: SurveySettings,
  c: {
    workspaceId: string;
    contactId: string;
    conversation: { channel: string; hasPrivate: boolean; hasPublic: boolean; approvalRequired: boolean };
  },
  now: Date,
): Promise<Decision> {
  if (!surveysOn(settings, c.conversation.channel))
    return { reason: `surveys are off for ${c.conversation.channel}` };
  // The last time this customer was asked anything, per kind (questions that failed to send do not count).
  const last = await db
    .select({ kind: surveys.kind, at: sql<Date>`max(${surveys.askedAt})`.mapWith((v) => new Date(v)) })
    .from(surveys)
    .where(
      and(
        eq(surveys.workspaceId, c.workspaceId),
        eq(surveys.contactId, c.contactId),
        ne(surveys.status, "failed"),
      ),
    )
    .groupBy(surveys.kind);
  const lastAt = (k: SurveyKind) => last.find((l) => l.kind === k)?.at.getTime() ?? Number.NEGATIVE_INFINITY;
  const latest = Math.max(lastAt("csat"), lastAt("nps"));
  if (settings.cooldown_days > 0 && latest > now.getTime() - settings.cooldown_days * DAY_MS) {
    const days = Math.max(1, Math.round((now.getTime() - latest) / DAY_MS));
    return {
      reason: `this customer was surveyed ${days === 1 ? "a day" : `${days} days`} ago (at most once every ${settings.cooldown_days} days)`,
    };
  }
  // Both on: alternate per customer, the kind asked least recently first (CSAT when neither was).
  const kinds = (["csat", "nps"] as const).filter((k) => settings[k].enabled);
  const kind = [...kinds].sort((a, b) => lastAt(a) - lastAt(b))[0] as SurveyKind;
  if (c.conversation.approvalRequired)
    return { kind, reason: "replies in this conversation need approval, so no survey is sent" };
  if (c.conversation.hasPrivate) return { kind, visibility: "private" };
  if (!c.conversation.hasPublic)
    return { kind, reason: "the conversation has no customer message to answer" };
  if (!settings.allow_public)
    return { kind, reason: "the conversation has no private channel and public surveys are off" };
  return { kind, visibility: "public" };
}

/** The member who last answered the customer, when the resolution came from an API key or a rule. */
async function lastAgent(db: Queryable, conversationId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: messages.authorUserId })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        eq(messages.direction, "outbound"),
        isNotNull(messages.authorUserId),
      ),
    )
    .orderBy(desc(messages.sentAt))
    .limit(1);
  return row?.id ?? null;
}

async function questionText(
  db: Queryable,
  settings: SurveySettings,
  kind: SurveyKind,
  c: {
    workspaceId: string;
    conversation: { channel: string; category: string | null };
    contact: { displayName: string; handle: string | null };
    agentId: string | null;
  },
): Promise<string> {
  const [brand] = await db
    .select({ name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.id, c.workspaceId));
  const [agent] = c.agentId
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, c.agentId))
    : [];
  return renderTemplate(
    settings[kind].question,
    surveyVariables({ ...c, brand: brand?.name, agent: agent?.name }),
  );
}

/** The values of SURVEY_VARIABLES for one conversation (the settings page's preview uses the same names). */
export function surveyVariables(c: {
  conversation: { channel: string; category: string | null };
  contact: { displayName: string; handle: string | null };
  brand?: string | undefined;
  agent?: string | undefined;
}): Record<string, string | null> {
  return {
    "customer.name": c.contact.displayName,
    "customer.first_name": c.contact.displayName.split(/\s+/)[0] ?? null,
    "customer.handle": c.contact.handle ? `@${c.contact.handle.replace(/^@/, "")}` : null,
    "conversation.channel": c.conversation.channel,
    "conversation.category": c.conversation.category,
    "agent.first_name": c.agent?.split(/\s+/)[0] ?? null,
    "brand.name": c.brand ?? null,
  };
}

/** A survey that was due but not sent, on the conversation's history with why (the desk shows it). */
async function recordSkip(
  db: Queryable,
  workspaceId: string,
  conversationId: string,
  skip: { kind?: SurveyKind; reason: string },
  now: Date,
) {
  const what = skip.kind ? `${KIND_NAME[skip.kind]} survey` : "Survey";
  await db.insert(conversationEvents).values({
    workspaceId,
    conversationId,
    type: "notification",
    actorType: "system",
    data: {
      text: `${what} not sent: ${skip.reason}`,
      survey: { kind: skip.kind ?? null, status: "skipped", reason: skip.reason },
    },
    occurredAt: now,
    createdAt: now,
  });
}
