import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../platform/db";

export const TOPIC_KINDS = ["category", "listening", "keyword"] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

export interface TopicKey {
  workspaceId: string;
  topicKind: TopicKind;
  topic: string;
}

export interface TopicCount extends TopicKey {
  volume: number;
  negative: number;
}

export interface BucketCount extends TopicCount {
  /** Which baseline window, 0 = the oldest. */
  bucket: number;
}

/** How a keyword topic is written: what the counts and the crisis rule both compare. */
export const normalizeKeyword = (keyword: string) => keyword.trim().toLowerCase();

/**
 * Every (message, topic) pair of customer messages sent in [from, to), spam left out: the
 * message's category, each listening profile it matched (by id), and each of the workspace's
 * crisis keywords (`settings.crisis.keywords`) its text contains. One row per pair, so a message
 * on two topics counts once for each.
 */
function topicHits(from: Date, to: Date, workspaceFilter: SQL) {
  return sql`select m.workspace_id, t.topic_kind, t.topic, m.sentiment = 'negative' as negative, m.sent_at
    from messages m
    join workspaces w on w.id = m.workspace_id
    cross join lateral (
      select 'category'::text as topic_kind, m.category as topic
        where m.category is not null and m.category <> ''
      union all
      select 'listening', l.value->>'id' from jsonb_array_elements(
          case when jsonb_typeof(m.classification->'listening') = 'array'
            then m.classification->'listening' else '[]'::jsonb end) l
        where l.value->>'id' is not null
      union all
      select 'keyword', k.keyword from (
          select distinct lower(btrim(x)) as keyword from jsonb_array_elements_text(
            case when jsonb_typeof(w.settings->'crisis'->'keywords') = 'array'
              then w.settings->'crisis'->'keywords' else '[]'::jsonb end) x) k
        where k.keyword <> '' and strpos(lower(m.text), k.keyword) > 0
    ) t
    where m.direction = 'inbound' and not m.is_spam
      and m.sent_at >= ${from} and m.sent_at < ${to} and ${workspaceFilter}`;
}

type Raw = { workspace_id: string; topic_kind: TopicKind; topic: string; volume: number; negative: number };
const toCount = (r: Raw): TopicCount => ({
  workspaceId: r.workspace_id,
  topicKind: r.topic_kind,
  topic: r.topic,
  volume: Number(r.volume),
  negative: Number(r.negative),
});

/** Volume and negatives per workspace and topic over [from, to), one grouped query. */
export async function countTopics(db: Queryable, range: { from: Date; to: Date }): Promise<TopicCount[]> {
  const rows = await queryRows<Raw>(
    db,
    sql`select workspace_id, topic_kind, topic, count(*)::int as volume,
          count(*) filter (where negative)::int as negative
        from (${topicHits(range.from, range.to, sql`true`)}) h
        group by workspace_id, topic_kind, topic`,
  );
  return rows.map(toCount);
}

/**
 * Volume and negatives per topic and baseline window over [from, from + windows × windowMs), for
 * the given topics only (those that could spike now). Quiet windows are absent: the caller fills
 * zeros.
 */
export async function countBaseline(
  db: Queryable,
  topics: TopicKey[],
  range: { from: Date; windowMs: number; windows: number },
): Promise<BucketCount[]> {
  if (topics.length === 0) return [];
  const to = new Date(range.from.getTime() + range.windowMs * range.windows);
  const workspaceIds = [...new Set(topics.map((t) => t.workspaceId))];
  const inWorkspaces = sql`m.workspace_id in (${sql.join(
    workspaceIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
  const wanted = JSON.stringify(
    topics.map((t) => ({ workspace_id: t.workspaceId, topic_kind: t.topicKind, topic: t.topic })),
  );
  const rows = await queryRows<Raw & { bucket: number }>(
    db,
    sql`select h.workspace_id, h.topic_kind, h.topic,
          floor(extract(epoch from (h.sent_at - ${range.from}::timestamptz)) * 1000 / ${range.windowMs}::numeric)::int
            as bucket,
          count(*)::int as volume, count(*) filter (where h.negative)::int as negative
        from (${topicHits(range.from, to, inWorkspaces)}) h
        join jsonb_to_recordset(${wanted}::jsonb) as c(workspace_id uuid, topic_kind text, topic text)
          on c.workspace_id = h.workspace_id and c.topic_kind = h.topic_kind and c.topic = h.topic
        group by 1, 2, 3, 4`,
  );
  return rows.map((r) => ({ ...toCount(r), bucket: Number(r.bucket) }));
}
