import { Problem } from "@parley/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../../platform/deps";
import { HttpProblem } from "../../platform/http/problem";
import { ActivityRecorder, type ActivityRecorderOptions } from "../activity/activity-recorder";
import { principalOf } from "../auth/principal";
import { applyDeskClosedRule } from "../users/availability-history";
import { serveLiveConnection } from "./live-connection";
import { LiveHub, type LiveHubOptions } from "./live-hub";

const PROTOCOL = [
  "A WebSocket (send `Upgrade: websocket`; a plain GET answers 426) carrying one JSON message per frame, as",
  "defined in packages/contracts/src/live.ts. Authenticated like any /api/v1 call (the session cookie, or an API",
  "key, which hears changes but has no presence); needs `conversations:read`; everything is scoped to the",
  "caller's workspace.\n\n",
  "**Server → client**: `hello {user_id, workspace_id}` once; `conversation.changed {conversation_id, reasons,",
  "created, at}` when a conversation of the workspace got a message or changed (reasons such as `message`,",
  "`status`, `assignment`, `priority`, `tags`, `delivery`, `approval`, `spam`, `sla`, `escalation`, `rule`);",
  "bursts are coalesced and sent every ~250 ms, at most one frame per conversation (the newest 50 per flush, plus",
  "the viewed one); refetch what it names. `presence {conversation_id, viewers: [{user_id, name, typing,",
  "typing_kind, since}]}` to every connection of the workspace whenever who views or types in a conversation",
  "changes, and on connect for every conversation someone is in; `pong`; `error {detail}` naming the field of a",
  "client message that could not be taken (the socket stays open).\n\n",
  "**Client → server**: `view {conversation_id|null}` (the conversation this tab shows; replaces the previous),",
  "`typing {conversation_id, typing, kind?: public|private|note}` in the viewed conversation (repeat every 3 s;",
  "lapses after 8 s without a repeat), `activity {conversation_id, kind: viewing|typing|tagging|lookup}` in the",
  "viewed conversation every 15 s while the agent is active on it (stored as an `agent_activity` event at the",
  "server's receive time for handling time and occupancy; one per user and conversation per 10 s, faster beats",
  "are coalesced silently), `ping`. Closing the socket leaves the conversation.\n\n",
  "`users.changed {user_ids, reasons, at}` (server → client) tells that members changed, e.g. their availability.",
].join(" ");

/** GET /api/v1/live: the desk's live channel (issue 6). */
export const liveRoutes: FastifyPluginAsyncZod<{
  deps: Deps;
  live?: Partial<LiveHubOptions> & { activity?: Partial<ActivityRecorderOptions> };
}> = async (app, { deps, live }) => {
  const { activity: activityOptions, ...hubOptions } = live ?? {};
  const hub = new LiveHub({
    changes: deps.changes,
    clock: deps.clock,
    onDeskClosed: (workspaceId, userId, closedAt) =>
      void applyDeskClosedRule(deps, workspaceId, userId, closedAt).catch((err) =>
        app.log.warn({ err, userId }, "could not apply the desk-closed availability rule"),
      ),
    ...hubOptions,
  });
  const activity = new ActivityRecorder({ db: deps.db, clock: deps.clock, log: app.log, ...activityOptions });
  app.addHook("onClose", async () => {
    await hub.close();
    await activity.close();
  });

  app.route({
    method: "GET",
    url: "/live",
    config: { permission: "conversations:read" },
    schema: {
      tags: ["live"],
      summary: "The live channel: conversation changes, presence and typing over a WebSocket",
      description: PROTOCOL,
      response: { 426: Problem },
    },
    handler: async () => {
      throw new HttpProblem(
        426,
        "Upgrade Required",
        "GET /api/v1/live is a WebSocket: connect with `Upgrade: websocket`.",
      );
    },
    wsHandler: (socket, request) =>
      serveLiveConnection(
        { db: deps.db, clock: deps.clock, hub, activity, sessionTtlMs: deps.config.sessionTtlMs },
        socket,
        principalOf(request),
      ),
  });
};
