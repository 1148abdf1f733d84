import type { FastifyInstance } from "fastify";
import { oneToOneConversationId, sendDm } from "../dms";
import { defineEndpoint, type EndpointCall } from "../endpoint";
import { forbidden, invalidBody, invalidParameter } from "../errors";
import { DM_EXPANSIONS, DM_PARAMS, idParam, intParam, parseQuery } from "../fields";
import { jsonObject } from "../http";
import { expandDmEvents } from "../includes";
import type { XNetwork } from "../network";
import { paginate } from "../paging";
import { envelope, renderDmEvent } from "../render";
import type { XDmEvent } from "../types";

/** Direct messages v2 (§1.9): send 1:1, list events (all, per participant, per conversation). */
const LIST_PARAMS = ["max_results", "pagination_token", "event_types", ...DM_PARAMS];
const EVENT_TYPES = ["MessageCreate", "ParticipantsJoin", "ParticipantsLeave"];

function userId(call: EndpointCall): string {
  if (call.auth.kind !== "user") throw forbidden("User context required.");
  return call.auth.userId;
}

function participant(call: EndpointCall): string {
  return idParam({ participant_id: call.params.participant_id ?? "" }, "participant_id") ?? "";
}

/** The other participant of a 1:1 conversation id the caller belongs to. */
function otherParticipant(conversationId: string, me: string): string {
  const [a, b, extra] = conversationId.split("-");
  if (!a || !b || extra !== undefined || (a !== me && b !== me)) {
    throw invalidParameter(
      "dm_conversation_id",
      conversationId,
      `The \`dm_conversation_id\` query parameter value [${conversationId}] is not valid`,
    );
  }
  return a === me ? b : a;
}

function listEvents(network: XNetwork, call: EndpointCall, filter: (event: XDmEvent) => boolean) {
  const { values, selection } = parseQuery(call.query, { params: LIST_PARAMS, expansions: DM_EXPANSIONS });
  const maxResults = intParam({ values, name: "max_results", min: 1, max: 100, fallback: 100 });
  const types = values.event_types?.split(",") ?? EVENT_TYPES;
  const unknown = types.find((t) => !EVENT_TYPES.includes(t));
  if (unknown) {
    throw invalidParameter(
      "event_types",
      unknown,
      `The \`event_types\` query parameter value [${unknown}] is not one of [${EVENT_TYPES.join(",")}]`,
    );
  }
  const me = userId(call);
  const since = network.clock.now().getTime() - network.policy.dmHistoryDays * 86_400_000;
  const events = network.store.dmsNewestFirst(
    (e) =>
      (e.senderId === me || e.recipientId === me) &&
      e.createdAt.getTime() >= since &&
      types.includes(e.eventType) &&
      filter(e),
  );
  const scope = `dm|${me}|${call.request.routeOptions.url}|${JSON.stringify(call.params)}`;
  const page = paginate({
    newestFirst: events,
    maxResults,
    token: values.pagination_token,
    tokenParameter: "pagination_token",
    scope,
    withPreviousToken: true,
  });
  if (page.items.length === 0) return { body: { meta: { result_count: 0 } } };
  const meta: Record<string, unknown> = { result_count: page.items.length };
  if (page.nextToken) meta.next_token = page.nextToken;
  if (page.previousToken) meta.previous_token = page.previousToken;
  const expanded = expandDmEvents(network.store, page.items, selection);
  const data = page.items.map((e) => renderDmEvent(e, selection.dm));
  return { body: envelope({ data, includes: expanded.includes, errors: expanded.errors, meta }) };
}

function send(network: XNetwork, call: EndpointCall, recipientId: string) {
  const body = jsonObject(call.request);
  if (Array.isArray(body.attachments) && body.attachments.length > 0)
    throw invalidBody("Your media IDs are invalid.");
  const event = sendDm(network, {
    senderId: userId(call),
    recipientId,
    text: body.text as string,
    via: "api",
  });
  return {
    status: 201,
    body: { data: { dm_conversation_id: event.dmConversationId, dm_event_id: event.id } },
  };
}

export function registerDmRoutes(app: FastifyInstance, network: XNetwork): void {
  defineEndpoint(app, network, {
    method: "POST",
    path: "/2/dm_conversations/with/:participant_id/messages",
    auth: "user",
    handler: (call) => send(network, call, participant(call)),
  });
  defineEndpoint(app, network, {
    method: "POST",
    path: "/2/dm_conversations/:dm_conversation_id/messages",
    auth: "user",
    handler: (call) =>
      send(network, call, otherParticipant(call.params.dm_conversation_id ?? "", userId(call))),
  });
  defineEndpoint(app, network, {
    method: "GET",
    path: "/2/dm_events",
    auth: "user",
    handler: (call) => listEvents(network, call, () => true),
  });
  defineEndpoint(app, network, {
    method: "GET",
    path: "/2/dm_conversations/with/:participant_id/dm_events",
    auth: "user",
    handler: (call) => {
      const conversation = oneToOneConversationId(userId(call), participant(call));
      return listEvents(network, call, (e) => e.dmConversationId === conversation);
    },
  });
  defineEndpoint(app, network, {
    method: "GET",
    path: "/2/dm_conversations/:dm_conversation_id/dm_events",
    auth: "user",
    handler: (call) => {
      const conversation = call.params.dm_conversation_id ?? "";
      otherParticipant(conversation, userId(call));
      return listEvents(network, call, (e) => e.dmConversationId === conversation);
    },
  });
}
