import { Id, pageOf } from "@parley/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../platform/deps";
import { found } from "../../platform/http/problem";
import { principalOf } from "../auth/principal";
import { findAlert, findModeDto, listAlerts, listModes, toAlertDto } from "./crisis.repo";
import {
  CrisisAlertDto,
  CrisisModeDto,
  ListAlertsQuery,
  ListModesQuery,
  StartCrisisModeRequest,
} from "./crisis.schema";
import type { CrisisActor } from "./crisis-actor";
import { type AlertDecision, decideAlert } from "./decide-alert";
import { endCrisisMode } from "./end-crisis-mode";
import { startCrisisMode } from "./start-crisis-mode";

const Params = z.object({ id: Id });
const TAGS = ["crisis"];

/**
 * Crisis management (SPEC W6): the spike alerts the scanner raises, and crisis mode on a topic,
 * which routes matching messages to the crisis team, holds every reply for approval and offers the
 * holding message, through a rule it owns (the pipeline applies it within seconds).
 */
export const crisisRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;
  const actorOf = (request: Parameters<typeof principalOf>[0]): CrisisActor => ({
    kind: "principal",
    principal: principalOf(request),
    ip: request.ip,
  });

  app.get(
    "/crisis/alerts",
    {
      config: { permission: "conversations:read" },
      schema: {
        tags: TAGS,
        summary: "Spikes of volume or negative share per topic, newest first",
        description:
          "The scanner compares each category, listening profile and configured keyword (workspace " +
          "settings `crisis.keywords`) over the last 15 minutes with the 24 hours before. `status=open`: " +
          "not yet acknowledged, dismissed or answered with crisis mode.",
        querystring: ListAlertsQuery,
        response: { 200: pageOf(CrisisAlertDto) },
      },
    },
    async (request) => listAlerts(db, principalOf(request).workspaceId, request.query),
  );

  const decide = (verb: string, decision: AlertDecision, summary: string) =>
    app.post(
      `/crisis/alerts/:id/${verb}`,
      {
        config: { permission: "rules:manage" },
        schema: { tags: TAGS, summary, params: Params, response: { 200: CrisisAlertDto } },
      },
      async (request) => {
        const { workspaceId } = principalOf(request);
        await db.transaction((tx) =>
          decideAlert(tx, workspaceId, actorOf(request), { id: request.params.id, decision }, clock.now()),
        );
        const row = found(await findAlert(db, workspaceId, request.params.id), "Crisis alert");
        return toAlertDto(row.alert, row.profileName);
      },
    );
  decide("acknowledge", "acknowledged", "Acknowledge an alert: someone is looking into it");
  decide("dismiss", "dismissed", "Dismiss an alert: not a crisis");

  app.post(
    "/crisis/modes",
    {
      config: { permission: "rules:manage" },
      schema: {
        tags: TAGS,
        summary: "Start crisis mode on a topic",
        description:
          "Creates a rule that runs before every other: messages on the topic go to `team_id`, their " +
          "conversations require approval, agents are offered the holding template and the conversation is " +
          "tagged `crisis`. The alert named by `alert_id` becomes `crisis`. 409 when the topic is already in " +
          "crisis mode. The answer carries the holding message's text.",
        body: StartCrisisModeRequest,
        response: { 201: CrisisModeDto },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const mode = await db.transaction((tx) =>
        startCrisisMode(tx, p.workspaceId, actorOf(request), request.body, clock.now()),
      );
      return reply.status(201).send(found(await findModeDto(db, p.workspaceId, mode.id), "Crisis mode"));
    },
  );

  app.get(
    "/crisis/modes",
    {
      config: { permission: "conversations:read" },
      schema: {
        tags: TAGS,
        summary: "Crisis modes, most recently started first (`active=true`: those still on)",
        querystring: ListModesQuery,
        response: { 200: pageOf(CrisisModeDto) },
      },
    },
    async (request) => listModes(db, principalOf(request).workspaceId, request.query),
  );

  app.post(
    "/crisis/modes/:id/end",
    {
      config: { permission: "rules:manage" },
      schema: {
        tags: TAGS,
        summary: "End crisis mode: its rule is disabled, the next message on the topic is handled as usual",
        params: Params,
        response: { 200: CrisisModeDto },
      },
    },
    async (request) => {
      const p = principalOf(request);
      await db.transaction((tx) =>
        endCrisisMode(tx, p.workspaceId, actorOf(request), request.params.id, clock.now()),
      );
      return found(await findModeDto(db, p.workspaceId, request.params.id), "Crisis mode");
    },
  );
};
