import { Readable } from "node:stream";
import {
  ReportConversationsPage,
  ReportDrillDownQuery,
  ReportExportQuery,
  ReportFilters,
  ReportSummary,
} from "@parley/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../../platform/deps";
import { decodeCursor, encodeCursor } from "../../platform/http/cursor";
import { badRequest } from "../../platform/http/problem";
import { principalOf } from "../auth/principal";
import { exportChunks } from "./export-format";
import { reportConversations, reportRows, reportSummary } from "./report";
import type { ReportScope } from "./report-load";

const TAGS = ["reports"];
/** A longer period belongs in the export, not in one request. */
export const MAX_PERIOD_DAYS = 366;

/** The filters as a scope; a period that ends before it starts or spans too long names `to`. */
export function scopeOf(workspaceId: string, q: ReportFilters): ReportScope {
  const from = new Date(q.from);
  const to = new Date(q.to);
  if (to <= from)
    throw badRequest("The period ends before it starts.", [
      { field: "querystring.to", message: "must be after `from`" },
    ]);
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * 86_400_000)
    throw badRequest(`A report covers at most ${MAX_PERIOD_DAYS} days.`, [
      { field: "querystring.to", message: `must be at most ${MAX_PERIOD_DAYS} days after \`from\`` },
    ]);
  return {
    workspaceId,
    from,
    to,
    channels: q.channel,
    accountIds: q.account_id,
    teamId: q.team_id,
    agentId: q.agent_id,
    category: q.category,
  };
}

/** Historical reports (SPEC M8): the figures of docs/metrics.md over a period, their conversations, the export. */
export const reportRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db } = deps;

  app.get(
    "/reports/summary",
    {
      config: { permission: "reports:read" },
      schema: {
        tags: TAGS,
        summary:
          "Every figure of the period (volumes, response and handling times, sentiment, service levels, occupancy, dispositions, satisfaction) and a per-day series",
        description:
          "Conversation figures cover the conversations started in the period; `occupancy` the agents' time in it; " +
          "`satisfaction` (CSAT, NPS, response rate) the surveys asked in it. The filters narrow all three (docs/metrics.md).",
        querystring: ReportFilters,
        response: { 200: ReportSummary },
      },
    },
    async (request) => reportSummary(db, scopeOf(principalOf(request).workspaceId, request.query)),
  );

  app.get(
    "/reports/conversations",
    {
      config: { permission: "reports:read" },
      schema: {
        tags: TAGS,
        summary: "The conversations behind a figure (e.g. metric=frt_breached), with their facts, in pages",
        querystring: ReportDrillDownQuery,
        response: { 200: ReportConversationsPage },
      },
    },
    async (request) => {
      const { metric, limit, cursor, ...filters } = request.query;
      const after = decodeCursor(cursor, 1)?.[0];
      const page = await reportConversations(db, scopeOf(principalOf(request).workspaceId, filters), {
        metric,
        limit,
        after: typeof after === "string" ? after : null,
      });
      return { metric, items: page.items, next_cursor: page.next ? encodeCursor([page.next]) : null };
    },
  );

  app.get(
    "/reports/export",
    {
      config: { permission: "reports:read" },
      schema: {
        tags: TAGS,
        summary: "Each conversation started in the period with its facts, as CSV or JSON",
        description:
          "Streamed; the columns are those of the drill-down's items, lists joined with `|` in CSV.",
        querystring: ReportExportQuery,
      },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      const scope = scopeOf(principalOf(request).workspaceId, filters);
      const name = `parley-report-${scope.from.toISOString().slice(0, 10)}-${scope.to.toISOString().slice(0, 10)}`;
      reply
        .type(format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}.${format}"`);
      return reply.send(Readable.from(exportChunks(reportRows(db, scope), format)));
    },
  );
};
