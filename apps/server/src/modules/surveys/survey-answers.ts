import type { SurveyKind } from "@parley/contracts";
import { sql } from "drizzle-orm";
import { type liveItems, recordset } from "../../pipeline/steps/batch";
import type { Threads } from "../../pipeline/steps/thread";
import type { ItemWork } from "../../pipeline/work";
import { type Queryable, queryRows } from "../../platform/db";
import { looksLikeSurveyAnswer, parseSurveyAnswer } from "./answer-parse";

type Live = ReturnType<typeof liveItems>;

export interface SurveyAnswer {
  surveyId: string;
  kind: SurveyKind;
  score: number;
  comment: string | null;
}

/**
 * The batch's customer messages that answer a waiting survey (SPEC M6). They are stored like any
 * message but neither reopen the conversation nor count as a customer message waiting for a
 * response, and the workspace's rules do not run on them (`isSurveyAnswer`).
 */
const answered = new WeakSet<ItemWork>();

export const isSurveyAnswer = (it: ItemWork) => answered.has(it);

/**
 * Finds them, inside the batch's transaction: only messages that read as a score ("5", "9 out of
 * 10", "⭐⭐⭐⭐") are looked up, in one query for the whole batch, against the surveys waiting on
 * their conversation or, failing that, on their author in the same channel (an answer that
 * threading filed elsewhere). The score must fit the survey's scale ("8" answers NPS, not CSAT);
 * a survey takes the first answer of the batch.
 */
export async function findSurveyAnswers(
  db: Queryable,
  items: Live,
  threads: Threads,
): Promise<Map<ItemWork, SurveyAnswer>> {
  const found = new Map<ItemWork, SurveyAnswer>();
  const candidates = items.filter(
    ({ it }) =>
      !it.item.fromBrand &&
      it.triage &&
      !it.triage.isSpam &&
      it.identity &&
      it.conversationId &&
      looksLikeSurveyAnswer(it.item.text),
  );
  if (candidates.length === 0) return found;
  const rows = await queryRows<{ i: number; id: string; kind: SurveyKind }>(
    db,
    sql`select distinct on (v.i) v.i, s.id, s.kind
        from ${recordset(
          candidates.map(({ work, it }, i) => ({
            i,
            ws: work.channel.workspaceId,
            conv: threads.created.has(it.conversationId as string) ? null : it.conversationId,
            contact: it.identity?.contactId,
            ch: it.item.network,
            at: it.item.sentAt.toISOString(),
          })),
          "i int, ws uuid, conv uuid, contact uuid, ch text, at timestamptz",
        )}
        cross join lateral (
          (select id, kind, asked_at, expires_at, 0 as pref from surveys
            where conversation_id = v.conv and workspace_id = v.ws and status = 'asked')
          union all
          (select id, kind, asked_at, expires_at, 1 as pref from surveys
            where workspace_id = v.ws and contact_id = v.contact and status = 'asked' and channel = v.ch)
        ) s
        where s.asked_at <= v.at and s.expires_at > v.at
        order by v.i, s.pref, s.asked_at desc`,
  );
  const taken = new Set<string>();
  for (const r of rows) {
    const candidate = candidates[Number(r.i)];
    if (!candidate || taken.has(r.id)) continue;
    const parsed = parseSurveyAnswer(candidate.it.item.text, r.kind);
    if (!parsed) continue;
    taken.add(r.id);
    answered.add(candidate.it);
    found.set(candidate.it, { surveyId: r.id, kind: r.kind, ...parsed });
  }
  return found;
}

/**
 * Records the answers once their messages are stored (`it.messageId`), in one statement: the
 * survey answered with its score and comment, the message marked as the answer, and a
 * `survey_answered` event on the surveyed conversation. A survey answered meanwhile by another
 * batch keeps its first answer.
 */
export async function recordSurveyAnswers(db: Queryable, found: Map<ItemWork, SurveyAnswer>) {
  const rows = [...found].flatMap(([it, a]) =>
    it.messageId
      ? [
          {
            survey: a.surveyId,
            message: it.messageId,
            score: a.score,
            comment: a.comment,
            at: it.item.sentAt.toISOString(),
          },
        ]
      : [],
  );
  if (rows.length === 0) return;
  await db.execute(sql`
    with v as (select * from ${recordset(rows, "survey uuid, message uuid, score int, comment text, at timestamptz")}),
    s as (
      update surveys s set status = 'answered', score = v.score, comment = v.comment,
        answer_message_id = v.message, answered_at = v.at
      from v where s.id = v.survey and s.status = 'asked'
      returning s.id, s.workspace_id, s.conversation_id, s.kind, s.score, v.message, v.at
    ),
    m as (
      update messages m set classification = m.classification ||
        jsonb_build_object('survey_answer', jsonb_build_object('survey_id', s.id, 'kind', s.kind, 'score', s.score))
      from s where m.id = s.message
      returning m.id
    )
    insert into conversation_events (workspace_id, conversation_id, type, actor_type, message_id, data, occurred_at, created_at)
    select s.workspace_id, s.conversation_id, 'survey_answered', 'contact', s.message,
      jsonb_build_object('survey_id', s.id, 'kind', s.kind, 'score', s.score), s.at, s.at
    from s`);
}

/** For the store step: the customer messages of a batch with what they answer, if anything. */
export type SurveyAnswers = Map<ItemWork, SurveyAnswer>;
