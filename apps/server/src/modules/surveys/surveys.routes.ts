import {
  ReportFilters,
  SurveyReport,
  SurveyResponsesPage,
  SurveyResponsesQuery,
  SurveySettings,
} from "@parley/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../../platform/deps";
import { decodeCursor, encodeCursor } from "../../platform/http/cursor";
import { principalOf } from "../auth/principal";
import { scopeOf } from "../reporting/reports.routes";
import { surveyFigures, surveyResponses } from "./survey-figures";
import { readSurveySettings, saveSurveySettings } from "./survey-settings";

const TAGS = ["surveys"];

/** CSAT and NPS surveys (SPEC M6): the workspace's settings, and the figures with their answers. */
export const surveyRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db } = deps;

  app.get(
    "/settings/surveys",
    {
      schema: {
        tags: TAGS,
        summary: "The workspace's survey settings (every member may read them)",
        response: { 200: SurveySettings },
      },
    },
    async (request) => readSurveySettings(db, principalOf(request).workspaceId),
  );

  app.put(
    "/settings/surveys",
    {
      config: { permission: "workspace:manage" },
      schema: {
        tags: TAGS,
        summary: "Replace the survey settings: kinds, questions, channels, delay, expiry, cooldown",
        description:
          "Questions may use {{customer.first_name}}, {{customer.name}}, {{customer.handle}}, " +
          "{{conversation.channel}}, {{conversation.category}}, {{agent.first_name}} and {{brand.name}}.",
        body: SurveySettings,
        response: { 200: SurveySettings },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const now = deps.clock.now();
      return db.transaction((tx) => saveSurveySettings(tx, p, request.body, request.ip, now));
    },
  );

  app.get(
    "/reports/surveys",
    {
      config: { permission: "reports:read" },
      schema: {
        tags: ["reports", ...TAGS],
        summary:
          "CSAT, NPS and response rate of the surveys asked in the period, per agent, team, channel and day",
        querystring: ReportFilters,
        response: { 200: SurveyReport },
      },
    },
    async (request) => {
      const scope = scopeOf(principalOf(request).workspaceId, request.query);
      return {
        from: scope.from.toISOString(),
        to: scope.to.toISOString(),
        figures: await surveyFigures(db, scope),
      };
    },
  );

  app.get(
    "/reports/surveys/responses",
    {
      config: { permission: "reports:read" },
      schema: {
        tags: ["reports", ...TAGS],
        summary: "The answered surveys behind the figures (score, comment, conversation), newest first",
        querystring: SurveyResponsesQuery,
        response: { 200: SurveyResponsesPage },
      },
    },
    async (request) => {
      const { kind, segment, limit, cursor, ...filters } = request.query;
      const after = decodeCursor(cursor, 2) as [string, string] | null;
      const page = await surveyResponses(db, scopeOf(principalOf(request).workspaceId, filters), {
        kind,
        segment,
        limit,
        after,
      });
      return { items: page.items, next_cursor: page.next ? encodeCursor(page.next) : null };
    },
  );
};
