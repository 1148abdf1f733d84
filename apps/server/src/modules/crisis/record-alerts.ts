import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../platform/db";
import { bulkInsert } from "../../platform/db/bulk";
import { crisisAlerts } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import type { CrisisAlertRow } from "./crisis.repo";
import type { TopicKey } from "./crisis-counts";
import type { Spike } from "./detect";

const keyOf = (t: TopicKey, kind: string | null) =>
  `${t.workspaceId}|${t.topicKind}|${t.topic}|${kind ?? "*"}`;

/**
 * The (topic, kind) pairs that must not raise a new alert now: one is open, one was raised or
 * decided within the cool-down (an acknowledged spike that goes on is not news every minute), or
 * the topic is in crisis mode (key kind "*": both kinds).
 */
async function quietKeys(db: Queryable, workspaceIds: string[], quietSince: Date): Promise<Set<string>> {
  const ids = sql.join(
    workspaceIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<{
    workspace_id: string;
    topic_kind: string;
    topic: string;
    kind: string | null;
  }>(
    db,
    sql`select workspace_id, topic_kind, topic, kind from crisis_alerts
        where workspace_id in (${ids})
          and (status = 'open' or coalesce(decided_at, created_at) > ${quietSince})
      union all
      select workspace_id, topic_kind, topic, null from crisis_modes
        where workspace_id in (${ids}) and ended_at is null`,
  );
  return new Set(
    rows.map((r) =>
      keyOf({ workspaceId: r.workspace_id, topicKind: r.topic_kind as never, topic: r.topic }, r.kind),
    ),
  );
}

/**
 * Inserts an alert per spike unless its topic and kind are quiet (see quietKeys). The caller holds
 * the scan lock, so two processes never both decide a pair is free. Returns the alerts inserted.
 */
export async function recordAlerts(
  db: Queryable,
  spikes: Spike<TopicKey>[],
  window: { start: Date; end: Date; quietSince: Date },
  now: Date,
): Promise<CrisisAlertRow[]> {
  if (spikes.length === 0) return [];
  const quiet = await quietKeys(db, [...new Set(spikes.map((s) => s.topic.workspaceId))], window.quietSince);
  const fresh = spikes.filter((s) => !quiet.has(keyOf(s.topic, s.kind)) && !quiet.has(keyOf(s.topic, null)));
  const rows: CrisisAlertRow[] = fresh.map((s) => ({
    id: newId(),
    workspaceId: s.topic.workspaceId,
    topicKind: s.topic.topicKind,
    topic: s.topic.topic,
    kind: s.kind,
    windowStart: window.start,
    windowEnd: window.end,
    volume: s.volume,
    negative: s.negative,
    baselineVolume: s.baselineVolume,
    baselineNegativeShare: s.baselineNegativeShare,
    status: "open",
    decidedBy: null,
    decidedAt: null,
    createdAt: now,
  }));
  await bulkInsert(db, crisisAlerts, rows);
  return rows;
}
