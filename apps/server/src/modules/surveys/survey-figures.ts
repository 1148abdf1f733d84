import type { SatisfactionFigures, SurveyFigures, SurveyKind, SurveyResponse } from "@parley/contracts";
import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../platform/db";
import type { ReportScope } from "../reporting/report-load";

/*
 * Satisfaction figures (SPEC M6, docs/metrics.md "Satisfaction"): the surveys asked in the period
 * [from, to), narrowed like reports by channel (the survey's), team and agent (whom the answer
 * rates) and the conversation's category. Questions that failed to send are left out.
 */

interface Acc {
  asked: number;
  answered: number;
  waiting: number;
  expired: number;
  csat: { n: number; sum: number; satisfied: number; dist: number[] };
  nps: { n: number; promoters: number; passives: number; detractors: number };
}

const emptyAcc = (): Acc => ({
  asked: 0,
  answered: 0,
  waiting: 0,
  expired: 0,
  csat: { n: 0, sum: 0, satisfied: 0, dist: [0, 0, 0, 0, 0] },
  nps: { n: 0, promoters: 0, passives: 0, detractors: 0 },
});

interface GroupRow {
  kind: SurveyKind;
  status: "asked" | "answered" | "expired";
  score: number | null;
  agent_id: string | null;
  team_id: string | null;
  channel: string;
  day: string;
  n: number;
}

/** What folding a row reads: a count of surveys of one kind, status and score. */
type CountRow = Pick<GroupRow, "kind" | "status" | "score" | "n">;

function add(acc: Acc, r: CountRow) {
  const n = Number(r.n);
  acc.asked += n;
  if (r.status === "asked") acc.waiting += n;
  if (r.status === "expired") acc.expired += n;
  if (r.status !== "answered" || r.score === null) return;
  acc.answered += n;
  const score = Number(r.score);
  if (r.kind === "csat") {
    acc.csat.n += n;
    acc.csat.sum += score * n;
    if (score >= 4) acc.csat.satisfied += n;
    if (score >= 1 && score <= 5) acc.csat.dist[score - 1] = (acc.csat.dist[score - 1] ?? 0) + n;
  } else {
    acc.nps.n += n;
    if (score >= 9) acc.nps.promoters += n;
    else if (score >= 7) acc.nps.passives += n;
    else acc.nps.detractors += n;
  }
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** % promoters − % detractors, one decimal; null without answers. */
export function npsScore(promoters: number, detractors: number, responses: number): number | null {
  return responses > 0 ? round(((promoters - detractors) / responses) * 100, 1) : null;
}

function csatOf(a: Acc) {
  return {
    responses: a.csat.n,
    average: a.csat.n > 0 ? round(a.csat.sum / a.csat.n, 2) : null,
    satisfied: a.csat.satisfied,
    satisfied_share: share(a.csat.satisfied, a.csat.n),
  };
}

function npsOf(a: Acc) {
  const { n, promoters, passives, detractors } = a.nps;
  return { responses: n, promoters, passives, detractors, score: npsScore(promoters, detractors, n) };
}

function rateOf(a: Acc) {
  return {
    asked: a.asked,
    answered: a.answered,
    waiting: a.waiting,
    expired: a.expired,
    rate: share(a.answered, a.asked),
  };
}

const breakdown = (a: Acc) => ({ csat: csatOf(a), nps: npsOf(a), response: rateOf(a) });

/** The headline figures: CSAT with its distribution, NPS, response rate. */
const totalsOf = (a: Acc): SatisfactionFigures => ({
  csat: { ...csatOf(a), distribution: a.csat.dist.map((count, i) => ({ score: i + 1, count })) },
  nps: npsOf(a),
  response: rateOf(a),
});

/** The scope as SQL on `surveys s`. */
function scopeWhere(scope: ReportScope): SQL {
  const parts: SQL[] = [
    sql`s.workspace_id = ${scope.workspaceId}`,
    sql`s.asked_at >= ${scope.from}`,
    sql`s.asked_at < ${scope.to}`,
    sql`s.status <> 'failed'`,
  ];
  if (scope.channels?.length)
    parts.push(
      sql`s.channel in (${sql.join(
        scope.channels.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
  if (scope.accountIds?.length)
    parts.push(
      sql`exists (select 1 from conversations c where c.id = s.conversation_id
            and c.workspace_id = s.workspace_id and c.channel_account_id in (${sql.join(
              scope.accountIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )}))`,
    );
  if (scope.teamId) parts.push(sql`s.team_id = ${scope.teamId}`);
  if (scope.agentId) parts.push(sql`s.agent_id = ${scope.agentId}`);
  if (scope.category)
    parts.push(
      sql`exists (select 1 from conversations c where c.id = s.conversation_id
            and c.workspace_id = s.workspace_id and c.category = ${scope.category})`,
    );
  return sql.join(parts, sql` and `);
}

/**
 * CSAT (responses, average, share satisfied 4-5), NPS (promoters 9-10, passives 7-8, detractors
 * 0-6, score), response rate (answered / asked), per agent, team and channel, and per local day
 * of the workspace. One grouped query; the folding is done here.
 */
export async function surveyFigures(db: Queryable, scope: ReportScope): Promise<SurveyFigures> {
  const rows = await queryRows<GroupRow>(
    db,
    sql`select s.kind, s.status, s.score, s.agent_id, s.team_id, s.channel,
          to_char(s.asked_at at time zone coalesce(
            (select w.timezone from workspaces w where w.id = s.workspace_id), 'UTC'), 'YYYY-MM-DD') as day,
          count(*)::int as n
        from surveys s
        where ${scopeWhere(scope)}
        group by 1, 2, 3, 4, 5, 6, 7`,
  );
  const total = emptyAcc();
  const byAgent = new Map<string | null, Acc>();
  const byTeam = new Map<string | null, Acc>();
  const byChannel = new Map<string, Acc>();
  const byDay = new Map<string, Acc>();
  const into = <K>(m: Map<K, Acc>, k: K) => {
    let a = m.get(k);
    if (!a) {
      a = emptyAcc();
      m.set(k, a);
    }
    return a;
  };
  for (const r of rows) {
    add(total, r);
    add(into(byAgent, r.agent_id), r);
    add(into(byTeam, r.team_id), r);
    add(into(byChannel, r.channel), r);
    add(into(byDay, r.day), r);
  }
  const busiest = <K>(m: Map<K, Acc>) => [...m].sort((a, b) => b[1].asked - a[1].asked);
  return {
    ...totalsOf(total),
    by_agent: busiest(byAgent).map(([user_id, a]) => ({ user_id, ...breakdown(a) })),
    by_team: busiest(byTeam).map(([team_id, a]) => ({ team_id, ...breakdown(a) })),
    by_channel: busiest(byChannel).map(([channel, a]) => ({ channel, ...breakdown(a) })),
    series: [...byDay]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([day, a]) => ({
        day,
        asked: a.asked,
        answered: a.answered,
        csat_responses: a.csat.n,
        csat_average: csatOf(a).average,
        nps_responses: a.nps.n,
        nps_score: npsOf(a).score,
      })),
  };
}

/**
 * Only the headline figures of surveyFigures (the reports summary's satisfaction block): the same
 * surveys and folding, from one query grouped by kind, status and score.
 */
export async function satisfactionFigures(db: Queryable, scope: ReportScope): Promise<SatisfactionFigures> {
  const rows = await queryRows<CountRow>(
    db,
    sql`select s.kind, s.status, s.score, count(*)::int as n
        from surveys s where ${scopeWhere(scope)}
        group by 1, 2, 3`,
  );
  const total = emptyAcc();
  for (const r of rows) add(total, r);
  return totalsOf(total);
}

const SEGMENTS: Record<string, SQL> = {
  satisfied: sql`s.kind = 'csat' and s.score >= 4`,
  unsatisfied: sql`s.kind = 'csat' and s.score <= 3`,
  promoter: sql`s.kind = 'nps' and s.score >= 9`,
  passive: sql`s.kind = 'nps' and s.score between 7 and 8`,
  detractor: sql`s.kind = 'nps' and s.score <= 6`,
};

/** The answered surveys behind the figures, newest answer first, in keyset pages. */
export async function surveyResponses(
  db: Queryable,
  scope: ReportScope,
  opts: {
    kind?: SurveyKind | undefined;
    segment?: string | undefined;
    limit: number;
    after: [string, string] | null;
  },
): Promise<{ items: SurveyResponse[]; next: [string, string] | null }> {
  const parts = [scopeWhere(scope), sql`s.status = 'answered'`];
  if (opts.kind) parts.push(sql`s.kind = ${opts.kind}`);
  const segment = opts.segment ? SEGMENTS[opts.segment] : undefined;
  if (segment) parts.push(segment);
  if (opts.after)
    parts.push(sql`(s.answered_at, s.id) < (${new Date(opts.after[0])}, ${opts.after[1]}::uuid)`);
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select s.id, s.kind, s.score, s.comment, s.conversation_id, s.contact_id, s.channel,
          s.agent_id, s.team_id, s.asked_at, s.answered_at
        from surveys s
        where ${sql.join(parts, sql` and `)}
        order by s.answered_at desc, s.id desc
        limit ${opts.limit + 1}`,
  );
  const iso = (v: unknown) => (v instanceof Date ? v : new Date(String(v))).toISOString();
  const items = rows.slice(0, opts.limit).map(
    (r): SurveyResponse => ({
      id: String(r.id),
      kind: r.kind as SurveyKind,
      score: Number(r.score),
      comment: (r.comment as string | null) ?? null,
      conversation_id: String(r.conversation_id),
      contact_id: (r.contact_id as string | null) ?? null,
      channel: String(r.channel),
      agent_id: (r.agent_id as string | null) ?? null,
      team_id: (r.team_id as string | null) ?? null,
      asked_at: iso(r.asked_at),
      answered_at: iso(r.answered_at),
    }),
  );
  const last = items.at(-1);
  return { items, next: rows.length > opts.limit && last ? [last.answered_at, last.id] : null };
}
