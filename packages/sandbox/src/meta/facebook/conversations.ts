import { graphTime } from "../core/time";
import type { MetaDeps } from "../deps";
import { errors } from "../graph/errors";
import { edge, type FieldSpec, render } from "../graph/fields";
import { pageOf } from "../graph/paging";
import { str } from "../graph/params";
import type { MetaCall, MetaNode, MetaRoute } from "../principal";
import type { CustomerRecord, DirectMessageRecord } from "../state/types";

/**
 * Messenger/Instagram read side: user profiles (`GET /{psid}`), conversations and messages
 * (`GET /{page-id}/conversations`, the polling fallback of §2.1).
 */
const MESSAGE_DEFAULT_FIELDS = ["id", "created_time"];
const CONVERSATION_DEFAULT_FIELDS = ["id", "link", "updated_time"];

interface Party {
  id: string;
  name: string;
  username?: string;
}

function businessParty(deps: MetaDeps, businessId: string): Party {
  const page = deps.store.pages.get(businessId);
  if (page) return { id: page.id, name: page.name };
  const account = deps.store.instagram.get(businessId);
  return { id: businessId, name: account?.name ?? "", username: account?.username ?? "" };
}

function customerParty(customer: CustomerRecord, userId: string, instagram: boolean): Party {
  return instagram
    ? { id: userId, name: customer.name, username: customer.username }
    : { id: userId, name: customer.name };
}

function partyJson(party: Party, instagram: boolean) {
  return instagram
    ? { username: party.username, id: party.id }
    : { name: party.name, email: `${party.id}@facebook.com`, id: party.id };
}

function messageNode(deps: MetaDeps, message: DirectMessageRecord): Record<string, unknown> {
  const instagram = message.platform === "instagram";
  const customer = deps.store.customers.get(message.customerId) as CustomerRecord;
  const business = partyJson(businessParty(deps, message.businessId), instagram);
  const user = partyJson(customerParty(customer, message.userId, instagram), instagram);
  const inbound = message.direction === "inbound";
  return {
    id: message.mid,
    created_time: graphTime(message.createdAt),
    message: message.text ?? "",
    from: inbound ? user : business,
    to: { data: [inbound ? business : user] },
    attachments: message.attachments ? { data: message.attachments } : undefined,
  };
}

function threadOf(deps: MetaDeps, conversationId: string) {
  for (const [key, id] of deps.store.conversations) {
    if (id !== conversationId) continue;
    const [businessId = "", userId = ""] = key.split(":");
    return { businessId, userId, messages: deps.store.thread(businessId, userId) };
  }
  return undefined;
}

function messagesEdge(deps: MetaDeps, conversationId: string, spec: FieldSpec, url: MetaCall["urlFor"]) {
  const thread = threadOf(deps, conversationId);
  const items = [...(thread?.messages ?? [])].reverse();
  const query = { ...spec.modifiers };
  return pageOf({
    items,
    idOf: (m) => m.mid,
    request: query,
    url: (cursor) => url(`${conversationId}/messages`, { ...query, ...cursor } as Record<string, string>),
    render: (m) => render(messageNode(deps, m), spec.children, MESSAGE_DEFAULT_FIELDS),
  });
}

function conversationNode(deps: MetaDeps, conversationId: string, url: MetaCall["urlFor"]) {
  const thread = threadOf(deps, conversationId);
  if (!thread) return undefined;
  const last = thread.messages[thread.messages.length - 1];
  const instagram = deps.store.instagram.has(thread.businessId);
  const customer = last ? deps.store.customers.get(last.customerId) : undefined;
  const participants = [
    customer ? customerParty(customer, thread.userId, instagram) : undefined,
    businessParty(deps, thread.businessId),
  ];
  return {
    id: conversationId,
    link: `/${thread.businessId}/inbox/${conversationId}`,
    updated_time: last ? graphTime(last.createdAt) : undefined,
    message_count: thread.messages.length,
    unread_count: 0,
    can_reply: true,
    participants: { data: participants.filter((p) => p !== undefined).map((p) => partyJson(p, instagram)) },
    messages: edge((spec) => messagesEdge(deps, conversationId, spec, url)),
  };
}

function businessForPlatform(deps: MetaDeps, call: MetaCall): string {
  const platform =
    str(call.params, "platform") ?? (call.node.kind === "ig_account" ? "instagram" : "messenger");
  if (platform === "messenger" && call.node.kind === "page") return call.node.id;
  if (platform === "instagram") {
    const id =
      call.node.kind === "ig_account" ? call.node.id : deps.store.pages.get(call.node.id)?.instagramId;
    if (id) return id;
  }
  throw errors.invalidParam("Param platform must be one of {messenger, instagram}");
}

function listConversations(deps: MetaDeps, call: MetaCall) {
  const businessId = businessForPlatform(deps, call);
  const userId = str(call.params, "user_id");
  const items = [...deps.store.conversations.entries()]
    .filter(([key]) => key.startsWith(`${businessId}:`) && (!userId || key === `${businessId}:${userId}`))
    .map(([, id]) => conversationNode(deps, id, call.urlFor))
    .filter((c) => c !== undefined)
    .sort((a, b) => String(b.updated_time).localeCompare(String(a.updated_time)));
  return pageOf({
    items,
    idOf: (c) => c.id,
    request: {
      limit: str(call.params, "limit"),
      after: str(call.params, "after"),
      before: str(call.params, "before"),
    },
    url: (cursor) => call.selfUrl(cursor as Record<string, string>),
    render: (c) => render(c, call.fields, CONVERSATION_DEFAULT_FIELDS),
  });
}

function profile(deps: MetaDeps, node: MetaNode, call: MetaCall) {
  const owner = deps.store.scopedUser(node.id);
  if (!owner) throw errors.unknownObject(node.id, "GET");
  const { customer } = owner;
  if (owner.platform === "instagram") {
    const full = {
      id: node.id,
      name: customer.name,
      username: customer.username,
      profile_pic: `https://scontent.cdninstagram.com/emulator/${node.id}.jpg`,
      follower_count: 0,
      is_user_follow_business: false,
      is_business_follow_user: false,
      is_verified_user: false,
    };
    return render(full, call.fields, ["name", "username", "profile_pic", "id"]);
  }
  const full = {
    id: node.id,
    name: customer.name,
    first_name: customer.firstName,
    last_name: customer.lastName,
    profile_pic: `https://platform-lookaside.fbsbx.com/platform/profilepic/?psid=${node.id}`,
  };
  return render(full, call.fields, ["first_name", "last_name", "profile_pic", "id"]);
}

/** A top-level `/{id}/messages` call read as the equivalent nested `messages.limit(n){fields}`. */
function edgeSpecOf(call: MetaCall, name: string): FieldSpec {
  const modifiers: Record<string, string> = {};
  for (const key of ["limit", "after", "before"]) {
    const value = str(call.params, key);
    if (value) modifiers[key] = value;
  }
  return call.fields ? { name, modifiers, children: call.fields } : { name, modifiers };
}

export function conversationRoutes(deps: MetaDeps): MetaRoute[] {
  const usage = (call: MetaCall) => ({ businessId: call.node.ownerId, type: "messenger" as const });
  return [
    {
      method: "GET",
      kind: "page",
      edge: "conversations",
      usage,
      handle: (call) => listConversations(deps, call),
    },
    {
      method: "GET",
      kind: "ig_account",
      edge: "conversations",
      usage,
      handle: (call) => listConversations(deps, call),
    },
    {
      method: "GET",
      kind: "conversation",
      usage,
      handle: (call) =>
        render(
          conversationNode(deps, call.node.id, call.urlFor) ?? {},
          call.fields,
          CONVERSATION_DEFAULT_FIELDS,
        ),
    },
    {
      method: "GET",
      kind: "conversation",
      edge: "messages",
      usage,
      handle: (call) => messagesEdge(deps, call.node.id, edgeSpecOf(call, "messages"), call.urlFor),
    },
    {
      method: "GET",
      kind: "message",
      usage,
      handle: (call) => {
        const message = deps.store.messages.find((m) => m.mid === call.node.id) as DirectMessageRecord;
        return render(messageNode(deps, message), call.fields, MESSAGE_DEFAULT_FIELDS);
      },
    },
    { method: "GET", kind: "user", usage, handle: (call) => profile(deps, call.node, call) },
    { method: "GET", kind: "ig_user", usage, handle: (call) => profile(deps, call.node, call) },
  ];
}
