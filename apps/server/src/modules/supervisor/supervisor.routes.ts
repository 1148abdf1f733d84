import { SupervisorOverview } from "@parley/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../../platform/deps";
import { principalOf } from "../auth/principal";
import { occupiedConversationIds, presenceIn } from "../live/presence";
import { type LivePresence, supervisorOverview } from "./overview";

const LIVE: LivePresence = { occupied: occupiedConversationIds, presence: presenceIn };

/** GET /api/v1/supervisor/overview: the live supervisor view (SPEC A5). */
export const supervisorRoutes: FastifyPluginAsyncZod<{ deps: Deps; live?: LivePresence }> = async (
  app,
  { deps, live = LIVE },
) => {
  app.get(
    "/supervisor/overview",
    {
      config: { permission: "supervisor:read" },
      schema: {
        tags: ["supervisor"],
        summary: "The desk right now: queues, SLA, agents and crisis",
        description:
          "Queue depth (in queue: no assignee; in progress: assigned) by team and channel, SLA targets settled today (workspace time zone) and due within 15/60 minutes, each member's availability, load against capacity, conversations, presence and replies today, and open crisis alerts and modes. Leads, analysts and admins (`supervisor:read`). Refetch when the live channel reports changes and every 15 s for the time-based figures.",
        response: { 200: SupervisorOverview },
      },
    },
    async (request) => supervisorOverview(deps.db, principalOf(request).workspaceId, live, deps.clock.now()),
  );
};
