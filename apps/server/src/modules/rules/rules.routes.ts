import { Id } from "@parley/contracts";
import { compileRules, formatPath, validateRule } from "@parley/rules";
import { and, eq, sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Queryable, queryRows } from "../../platform/db";
import { rules } from "../../platform/db/schema";
import type { Deps } from "../../platform/deps";
import { badRequest, found } from "../../platform/http/problem";
import { newId } from "../../platform/ids";
import { recordAudit } from "../audit/audit.repo";
import { principalOf } from "../auth/principal";
import { dryRun } from "./dry-run";
import { findRule, listRules, type RuleRow, toDocument, toRuleDto } from "./rules.repo";
import { CreateRuleRequest, DryRunRequest, DryRunResult, RuleDto, UpdateRuleRequest } from "./rules.schema";

const Params = z.object({ id: Id });
const TAGS = ["rules"];

/** Checks the whole document with the rules package; its issues name the part, under `body.`. */
function checked(doc: Record<string, unknown>) {
  // The API says "none" with null; the rule document leaves the key out.
  const present = Object.fromEntries(Object.entries(doc).filter(([, v]) => v !== null && v !== undefined));
  const result = validateRule({ ...present, id: (doc.id as string | undefined) ?? "draft" });
  if (!result.ok)
    throw badRequest(
      "The rule is not valid.",
      result.issues.map((i) => ({ field: `body.${formatPath(i.path)}`, message: i.message })),
    );
  return result.rule;
}

async function nextPosition(db: Queryable, workspaceId: string): Promise<number> {
  const [row] = await queryRows<{ p: number | null }>(
    db,
    sql`select max(position) as p from rules where workspace_id = ${workspaceId}`,
  );
  return row?.p === null || row?.p === undefined ? 0 : Number(row.p) + 10;
}

/**
 * Rules (SPEC W1): ordered per workspace, evaluated on every customer message by the pipeline,
 * which rereads them within seconds of a change. A dry run runs a draft over stored traffic first.
 */
export const ruleRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;

  app.get(
    "/rules",
    {
      config: { permission: "conversations:read" },
      schema: {
        tags: TAGS,
        summary: "The workspace's rules, in the order they run",
        response: { 200: z.object({ items: z.array(RuleDto), next_cursor: z.null() }) },
      },
    },
    async (request) => ({
      items: (await listRules(db, principalOf(request).workspaceId)).map(toRuleDto),
      next_cursor: null,
    }),
  );

  app.get(
    "/rules/:id",
    {
      config: { permission: "conversations:read" },
      schema: { tags: TAGS, summary: "One rule", params: Params, response: { 200: RuleDto } },
    },
    async (request) =>
      toRuleDto(found(await findRule(db, principalOf(request).workspaceId, request.params.id), "Rule")),
  );

  app.post(
    "/rules",
    {
      config: { permission: "rules:manage" },
      schema: {
        tags: TAGS,
        summary: "Create a rule; the pipeline applies it within seconds",
        body: CreateRuleRequest,
        response: { 201: RuleDto },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const rule = checked(request.body);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(rules)
          .values({
            id: newId(),
            workspaceId: p.workspaceId,
            name: request.body.name,
            position: request.body.position ?? (await nextPosition(tx, p.workspaceId)),
            enabled: rule.enabled,
            trigger: rule.trigger,
            afterSeconds: rule.after_seconds ?? null,
            clock: rule.clock ?? null,
            conditions: request.body.conditions,
            actions: request.body.actions,
            stopProcessing: rule.stop_processing,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        const r = created as RuleRow;
        await recordAudit(
          tx,
          p,
          request.ip,
          { action: "rule.created", targetType: "rule", targetId: r.id, data: { name: r.name } },
          now,
        );
        return r;
      });
      return reply.status(201).send(toRuleDto(row));
    },
  );

  app.patch(
    "/rules/:id",
    {
      config: { permission: "rules:manage" },
      schema: {
        tags: TAGS,
        summary: "Change a rule (its order, conditions, actions, or switch it off)",
        params: Params,
        body: UpdateRuleRequest,
        response: { 200: RuleDto },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const now = clock.now();
      const b = request.body;
      return db.transaction(async (tx) => {
        const current = found(await findRule(tx, p.workspaceId, request.params.id), "Rule");
        const merged = { ...toDocument(current), ...withoutUndefined(b) };
        const rule = checked(merged);
        const [row] = await tx
          .update(rules)
          .set({
            name: b.name ?? current.name,
            position: b.position ?? current.position,
            enabled: rule.enabled,
            trigger: rule.trigger,
            afterSeconds: rule.after_seconds ?? null,
            clock: rule.clock ?? null,
            conditions: (b.conditions ?? current.conditions) as Record<string, unknown>,
            actions: (b.actions ?? current.actions) as Record<string, unknown>[],
            stopProcessing: rule.stop_processing,
            updatedAt: now,
          })
          .where(and(eq(rules.workspaceId, p.workspaceId), eq(rules.id, current.id)))
          .returning();
        await recordAudit(
          tx,
          p,
          request.ip,
          { action: "rule.updated", targetType: "rule", targetId: current.id, data: b },
          now,
        );
        return toRuleDto(row as RuleRow);
      });
    },
  );

  app.delete(
    "/rules/:id",
    {
      config: { permission: "rules:manage" },
      schema: { tags: TAGS, summary: "Delete a rule", params: Params, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const current = found(await findRule(tx, p.workspaceId, request.params.id), "Rule");
        await tx.delete(rules).where(and(eq(rules.workspaceId, p.workspaceId), eq(rules.id, current.id)));
        await recordAudit(
          tx,
          p,
          request.ip,
          { action: "rule.deleted", targetType: "rule", targetId: current.id, data: { name: current.name } },
          now,
        );
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/rules/dry-run",
    {
      config: { permission: "rules:manage" },
      schema: {
        tags: TAGS,
        summary: "Run a draft or saved rule over the last N days of stored messages, changing nothing",
        description:
          "Uses the same facts and evaluator as ingestion. Conversation fields (status, team, tags) are read as they " +
          "are now; message, customer and time fields as they were when each message arrived.",
        body: DryRunRequest,
        response: { 200: DryRunResult },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const b = request.body;
      const saved = b.rule_id ? found(await findRule(db, p.workspaceId, b.rule_id), "Rule") : null;
      const doc = saved ? { ...toDocument(saved), enabled: true } : { ...(b.rule ?? {}), id: "draft" };
      const rule = checked(doc);
      const compiled = compileRules([{ ...rule, enabled: true }]);
      return dryRun(
        db,
        { workspaceId: p.workspaceId, compiled, trigger: rule.trigger, days: b.days, sample: b.sample },
        clock.now(),
      );
    },
  );
};

function withoutUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
