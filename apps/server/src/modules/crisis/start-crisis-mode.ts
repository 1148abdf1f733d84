import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "../../platform/db";
import {
  crisisAlerts,
  crisisModes,
  listeningProfiles,
  rules,
  teams,
  templates,
} from "../../platform/db/schema";
import { badRequest, conflict, type FieldError } from "../../platform/http/problem";
import { newId } from "../../platform/ids";
import { activeModeOn, type CrisisAlertRow, type CrisisModeRow } from "./crisis.repo";
import { actorUserId, auditCrisis, type CrisisActor } from "./crisis-actor";
import { normalizeKeyword, type TopicKind } from "./crisis-counts";
import { CRISIS_RULE_POSITION, crisisRule } from "./crisis-rule";

export interface StartCrisisModeInput {
  topic_kind: TopicKind;
  topic: string;
  team_id?: string | null | undefined;
  holding_template_id?: string | null | undefined;
  alert_id?: string | null | undefined;
}

const isUuid = (v: string) => z.uuid().safeParse(v).success;

/** How the topic is stored and matched: keywords lower-cased, like the scanner counts them. */
export const topicOf = (kind: TopicKind, topic: string) =>
  kind === "keyword" ? normalizeKeyword(topic) : topic.trim();

async function exists(
  db: Queryable,
  table: typeof teams | typeof templates,
  workspaceId: string,
  id: string,
) {
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.workspaceId, workspaceId), eq(table.id, id)));
  return row !== undefined;
}

/**
 * Checks what the request names against this workspace only: an id of another workspace is as
 * unknown as a made-up one (a 400 naming the field), so nothing leaks across tenants.
 */
async function checkReferences(
  db: Queryable,
  workspaceId: string,
  input: StartCrisisModeInput,
  topic: string,
) {
  const errors: FieldError[] = [];
  if (input.team_id && !(await exists(db, teams, workspaceId, input.team_id)))
    errors.push({ field: "body.team_id", message: "is not a team of this workspace" });
  if (input.holding_template_id && !(await exists(db, templates, workspaceId, input.holding_template_id)))
    errors.push({ field: "body.holding_template_id", message: "is not a template of this workspace" });
  let label = topic;
  if (input.topic_kind === "listening") {
    const [profile] = isUuid(topic)
      ? await db
          .select({ name: listeningProfiles.name })
          .from(listeningProfiles)
          .where(and(eq(listeningProfiles.workspaceId, workspaceId), eq(listeningProfiles.id, topic)))
      : [];
    if (profile) label = profile.name;
    else errors.push({ field: "body.topic", message: "is not a listening profile of this workspace" });
  }
  let alert: CrisisAlertRow | null = null;
  if (input.alert_id) {
    const [row] = await db
      .select()
      .from(crisisAlerts)
      .where(and(eq(crisisAlerts.workspaceId, workspaceId), eq(crisisAlerts.id, input.alert_id)));
    alert = row ?? null;
    if (!row) errors.push({ field: "body.alert_id", message: "is not an alert of this workspace" });
    else if (row.topicKind !== input.topic_kind || row.topic !== topic)
      errors.push({ field: "body.alert_id", message: `is an alert on ${row.topicKind} "${row.topic}"` });
  }
  if (errors.length > 0) throw badRequest("Crisis mode cannot start with these references.", errors);
  return { label, alert };
}

/**
 * Starts crisis mode on a topic (SPEC W6), in the caller's transaction: writes the rule it runs
 * through (route to the crisis team, require approval, suggest the holding message, tag
 * `crisis`), the mode, marks the alert it answers `crisis`, and audits. 409 when the topic is
 * already in crisis mode or the alert was already dismissed or answered.
 */
export async function startCrisisMode(
  db: Queryable,
  workspaceId: string,
  actor: CrisisActor,
  input: StartCrisisModeInput,
  now: Date,
): Promise<CrisisModeRow> {
  const topic = topicOf(input.topic_kind, input.topic);
  const { label, alert } = await checkReferences(db, workspaceId, input, topic);
  if (alert && (alert.status === "dismissed" || alert.status === "crisis"))
    throw conflict(`The alert is already ${alert.status === "crisis" ? "in crisis mode" : "dismissed"}.`);
  const running = await activeModeOn(db, workspaceId, input.topic_kind, topic);
  if (running) throw conflict(`Crisis mode is already on for this topic (${running.id}).`);

  const mode = await writeMode(
    db,
    workspaceId,
    actor,
    { ...input, topic, label, alertId: alert?.id ?? null },
    now,
  );
  if (alert)
    await db
      .update(crisisAlerts)
      .set({ status: "crisis", decidedBy: actorUserId(actor), decidedAt: now })
      .where(and(eq(crisisAlerts.workspaceId, workspaceId), eq(crisisAlerts.id, alert.id)));
  await auditCrisis(
    db,
    workspaceId,
    actor,
    {
      action: "crisis_mode.started",
      targetType: "crisis_mode",
      targetId: mode.id,
      data: {
        topic_kind: mode.topicKind,
        topic,
        team_id: mode.teamId,
        rule_id: mode.ruleId,
        alert_id: mode.alertId,
      },
    },
    now,
  );
  return mode;
}

/** The owned rule, then the mode that points at it. */
async function writeMode(
  db: Queryable,
  workspaceId: string,
  actor: CrisisActor,
  input: StartCrisisModeInput & { label: string; alertId: string | null },
  now: Date,
): Promise<CrisisModeRow> {
  const teamId = input.team_id ?? null;
  const holdingTemplateId = input.holding_template_id ?? null;
  const rule = crisisRule({
    topicKind: input.topic_kind,
    topic: input.topic,
    label: input.label,
    teamId,
    holdingTemplateId,
  });
  const ruleId = newId();
  await db.insert(rules).values({
    id: ruleId,
    workspaceId,
    name: rule.name,
    position: CRISIS_RULE_POSITION,
    enabled: true,
    trigger: "message_received",
    conditions: rule.conditions,
    actions: rule.actions,
    createdAt: now,
    updatedAt: now,
  });
  const [mode] = await db
    .insert(crisisModes)
    .values({
      id: newId(),
      workspaceId,
      topicKind: input.topic_kind,
      topic: input.topic,
      teamId,
      holdingTemplateId,
      ruleId,
      alertId: input.alertId,
      startedBy: actorUserId(actor),
      startedVia: actor.kind === "system" ? "automatic" : "manual",
      startedAt: now,
    })
    .returning();
  return mode as CrisisModeRow;
}
