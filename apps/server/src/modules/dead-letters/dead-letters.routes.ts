import { DeadLetter, Id, ListQuery, pageOf, ReplayResult } from "@parley/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../platform/deps";
import { decodeCursor, pageFrom } from "../../platform/http/cursor";
import { found } from "../../platform/http/problem";
import { newId } from "../../platform/ids";
import { recordAudit } from "../audit/audit.repo";
import { principalOf } from "../auth/principal";
import { listDeadLetters, REPLAY_ALL_LIMIT, resurrect, toDeadLetterDto } from "./dead-letters.repo";

/**
 * Inbound deliveries the pipeline gave up on (SPEC R3): nothing is lost, an admin sees why and
 * hands them to the pipeline again once the cause is fixed (a connector bug, a deleted channel...).
 */
export const deadLetterRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;

  /** Publishes after the commit, so the pipeline finds the events pending. */
  const replay = async (events: { id: string; key: string }[]) => {
    // A fresh bus message id each time: the bus would drop a replay as a duplicate of the first delivery.
    if (events.length > 0) await deps.inbound.publish(events, `replay-${newId()}`);
  };

  app.get(
    "/dead-letters",
    {
      config: { permission: "dead_letters:manage" },
      schema: {
        tags: ["dead-letters"],
        summary: "Inbound events the pipeline gave up on, newest first",
        querystring: ListQuery,
        response: { 200: pageOf(DeadLetter) },
      },
    },
    async (request) => {
      const after = decodeCursor(request.query.cursor, 2);
      const rows = await listDeadLetters(db, principalOf(request).workspaceId, request.query.limit, after);
      const page = pageFrom(rows, request.query.limit, (r) => [r.receivedAt.toISOString(), r.id]);
      return { items: page.items.map(toDeadLetterDto), next_cursor: page.next_cursor };
    },
  );

  app.post(
    "/dead-letters/:id/replay",
    {
      config: { permission: "dead_letters:manage" },
      schema: {
        tags: ["dead-letters"],
        summary: "Hand one dead letter to the pipeline again (202: it is processed in the background)",
        params: z.object({ id: Id }),
        response: { 202: ReplayResult },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const now = clock.now();
      const events = await db.transaction(async (tx) => {
        const resurrected = await resurrect(tx, p.workspaceId, [request.params.id]);
        found(resurrected[0], "Dead letter");
        await recordAudit(
          tx,
          p,
          request.ip,
          { action: "dead_letter.replayed", targetType: "inbound_event", targetId: request.params.id },
          now,
        );
        return resurrected;
      });
      await replay(events);
      return reply.status(202).send({ replayed: events.length });
    },
  );

  app.post(
    "/dead-letters/replay-all",
    {
      config: { permission: "dead_letters:manage" },
      schema: {
        tags: ["dead-letters"],
        summary: `Hand every dead letter (up to ${REPLAY_ALL_LIMIT} per call, oldest first) to the pipeline again`,
        response: { 202: ReplayResult },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const now = clock.now();
      const events = await db.transaction(async (tx) => {
        const resurrected = await resurrect(tx, p.workspaceId, "all");
        if (resurrected.length > 0) {
          await recordAudit(
            tx,
            p,
            request.ip,
            {
              action: "dead_letter.replayed_all",
              targetType: "inbound_event",
              data: { count: resurrected.length },
            },
            now,
          );
        }
        return resurrected;
      });
      await replay(events);
      return reply.status(202).send({ replayed: events.length });
    },
  );
};
