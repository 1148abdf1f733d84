import { and, type Column, desc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { crisisAlerts, crisisModes, listeningProfiles, templates } from "../../platform/db/schema";
import { decodeCursor, pageFrom } from "../../platform/http/cursor";
import type { CrisisAlertDto, CrisisModeDto, ListAlertsQuery, ListModesQuery } from "./crisis.schema";

export type CrisisAlertRow = typeof crisisAlerts.$inferSelect;
export type CrisisModeRow = typeof crisisModes.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A listening topic's profile, by its id written as text (the topic column holds any kind). */
const profileOf = (table: typeof crisisAlerts | typeof crisisModes) =>
  and(
    eq(listeningProfiles.workspaceId, table.workspaceId),
    eq(table.topicKind, "listening"),
    sql`${listeningProfiles.id}::text = ${table.topic}`,
  );

/** Keyset: newest first by (time, id). */
function before(cursor: string | undefined, time: Column, id: Column) {
  const after = decodeCursor(cursor, 2);
  return after
    ? sql`(${time}, ${id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`
    : undefined;
}

export function toAlertDto(a: CrisisAlertRow, profileName: string | null = null): CrisisAlertDto {
  return {
    id: a.id,
    topic_kind: a.topicKind,
    topic: a.topic,
    topic_name: profileName ?? a.topic,
    kind: a.kind,
    window_start: a.windowStart.toISOString(),
    window_end: a.windowEnd.toISOString(),
    volume: a.volume,
    negative: a.negative,
    baseline_volume: a.baselineVolume,
    baseline_negative_share: a.baselineNegativeShare,
    status: a.status,
    decided_by: a.decidedBy,
    decided_at: iso(a.decidedAt),
    created_at: a.createdAt.toISOString(),
  };
}

export function toModeDto(
  m: CrisisModeRow,
  extra: { profileName: string | null; holdingMessage: string | null },
): CrisisModeDto {
  return {
    id: m.id,
    topic_kind: m.topicKind,
    topic: m.topic,
    topic_name: extra.profileName ?? m.topic,
    team_id: m.teamId,
    holding_template_id: m.holdingTemplateId,
    holding_message: extra.holdingMessage,
    rule_id: m.ruleId,
    alert_id: m.alertId,
    started_via: m.startedVia,
    started_by: m.startedBy,
    started_at: m.startedAt.toISOString(),
    ended_at: iso(m.endedAt),
    ended_by: m.endedBy,
    active: m.endedAt === null,
  };
}

function selectAlerts(db: Queryable, workspaceId: string, where: (SQL | undefined)[]) {
  return db
    .select({ alert: crisisAlerts, profileName: listeningProfiles.name })
    .from(crisisAlerts)
    .leftJoin(listeningProfiles, profileOf(crisisAlerts))
    .where(and(eq(crisisAlerts.workspaceId, workspaceId), ...where));
}

/** Alerts newest first, optionally of one status, keyset-paginated. */
export async function listAlerts(db: Queryable, workspaceId: string, q: ListAlertsQuery) {
  const rows = await selectAlerts(db, workspaceId, [
    q.status ? eq(crisisAlerts.status, q.status) : undefined,
    before(q.cursor, crisisAlerts.createdAt, crisisAlerts.id),
  ])
    .orderBy(desc(crisisAlerts.createdAt), desc(crisisAlerts.id))
    .limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.alert.createdAt.toISOString(), r.alert.id]);
  return { items: page.items.map((r) => toAlertDto(r.alert, r.profileName)), next_cursor: page.next_cursor };
}

export async function findAlert(db: Queryable, workspaceId: string, id: string) {
  const [row] = await selectAlerts(db, workspaceId, [eq(crisisAlerts.id, id)]);
  return row;
}

function selectModes(db: Queryable, workspaceId: string, where: (SQL | undefined)[]) {
  return db
    .select({ mode: crisisModes, profileName: listeningProfiles.name, holdingMessage: templates.body })
    .from(crisisModes)
    .leftJoin(listeningProfiles, profileOf(crisisModes))
    .leftJoin(
      templates,
      and(
        eq(templates.workspaceId, crisisModes.workspaceId),
        eq(templates.id, crisisModes.holdingTemplateId),
      ),
    )
    .where(and(eq(crisisModes.workspaceId, workspaceId), ...where));
}

type ModeJoin = { mode: CrisisModeRow; profileName: string | null; holdingMessage: string | null };
const modeDtoOf = (r: ModeJoin) => toModeDto(r.mode, r);

/** Crisis modes, most recently started first; `active` filters running or ended ones. */
export async function listModes(db: Queryable, workspaceId: string, q: ListModesQuery) {
  const active =
    q.active === undefined
      ? undefined
      : q.active
        ? isNull(crisisModes.endedAt)
        : isNotNull(crisisModes.endedAt);
  const rows = await selectModes(db, workspaceId, [
    active,
    before(q.cursor, crisisModes.startedAt, crisisModes.id),
  ])
    .orderBy(desc(crisisModes.startedAt), desc(crisisModes.id))
    .limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.mode.startedAt.toISOString(), r.mode.id]);
  return { items: page.items.map(modeDtoOf), next_cursor: page.next_cursor };
}

export async function findModeDto(db: Queryable, workspaceId: string, id: string) {
  const [row] = await selectModes(db, workspaceId, [eq(crisisModes.id, id)]);
  return row ? modeDtoOf(row) : undefined;
}

/** The running crisis mode on a topic, if any. */
export async function activeModeOn(db: Queryable, workspaceId: string, topicKind: string, topic: string) {
  const [row] = await db
    .select()
    .from(crisisModes)
    .where(
      and(
        eq(crisisModes.workspaceId, workspaceId),
        sql`${crisisModes.topicKind} = ${topicKind}`,
        eq(crisisModes.topic, topic),
        isNull(crisisModes.endedAt),
      ),
    );
  return row;
}
