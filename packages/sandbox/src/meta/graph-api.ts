import type { Random } from "./core/random";
import type { MetaDeps } from "./deps";
import { conversationRoutes } from "./facebook/conversations";
import { pageContentRoutes } from "./facebook/routes";
import { type SendLimits, sendApiRoutes } from "./facebook/send-api";
import type { GraphApi } from "./graph/dispatch";
import { errors } from "./graph/errors";
import { instagramRoutes } from "./instagram/routes";
import type { MetaNode, MetaNodeKind, MetaPrincipal } from "./principal";
import { appSubscriptionRoutes, subscribedAppsRoutes } from "./webhooks/app-routes";

export interface MetaGraphConfig {
  appId: string;
  appSecret: string;
  appName: string;
  version: string;
  verifyTimeoutMs: number;
  limits: SendLimits;
  random: Random;
}

function authenticate(deps: MetaDeps, config: MetaGraphConfig, token: string | undefined): MetaPrincipal {
  if (!token) throw errors.missingToken();
  if (token === `${config.appId}|${config.appSecret}`) return { kind: "app" };
  const page = deps.store.pageByToken(token);
  if (page) return { kind: "page", pageId: page.id };
  const account = deps.store.instagramByToken(token);
  if (account) return { kind: "instagram", accountId: account.id };
  throw errors.invalidToken();
}

/** The Page and IG account a token may act for. */
function ownersOf(deps: MetaDeps, principal: MetaPrincipal): string[] {
  if (principal.kind === "page") {
    const igId = deps.store.pages.get(principal.pageId)?.instagramId;
    return igId ? [principal.pageId, igId] : [principal.pageId];
  }
  return principal.kind === "instagram" ? [principal.accountId] : [];
}

function lookup(deps: MetaDeps, id: string): MetaNode | undefined {
  const s = deps.store;
  const node = (kind: MetaNodeKind, ownerId: string): MetaNode => ({ kind, id, ownerId });
  if (s.pages.has(id)) return node("page", id);
  if (s.instagram.has(id)) return node("ig_account", id);
  const post = s.posts.get(id);
  if (post && !post.removed) return node("post", post.pageId);
  const comment = s.comments.get(id);
  if (comment && !comment.removed) return node("comment", comment.pageId);
  const media = s.igMedia.get(id);
  if (media) return node("ig_media", media.accountId);
  const igComment = s.igComments.get(id);
  if (igComment && !igComment.removed) return node("ig_comment", igComment.accountId);
  const message = s.messages.find((m) => m.mid === id);
  if (message) return node("message", message.businessId);
  for (const [key, conversationId] of s.conversations) {
    if (conversationId === id) return node("conversation", key.split(":")[0] as string);
  }
  const user = s.scopedUser(id);
  if (user) return node(user.platform === "instagram" ? "ig_user" : "user", user.businessId);
  return undefined;
}

function resolve(deps: MetaDeps, config: MetaGraphConfig, id: string, principal: MetaPrincipal) {
  if (id === config.appId) return { kind: "application" as const, id, ownerId: id };
  if (id === "me") {
    if (principal.kind === "page")
      return { kind: "page" as const, id: principal.pageId, ownerId: principal.pageId };
    if (principal.kind === "instagram") {
      return { kind: "ig_account" as const, id: principal.accountId, ownerId: principal.accountId };
    }
    return undefined;
  }
  const node = lookup(deps, id);
  return node && ownersOf(deps, principal).includes(node.ownerId) ? node : undefined;
}

export function metaGraphApi(deps: MetaDeps, config: MetaGraphConfig): GraphApi<MetaPrincipal, MetaNode> {
  const installRender = (fields: string[]) => ({
    id: config.appId,
    name: config.appName,
    link: `https://www.facebook.com/games/?app_id=${config.appId}`,
    category: "Business",
    subscribed_fields: fields,
  });
  return {
    authenticate: (token) => authenticate(deps, config, token),
    resolve: (id, principal) => resolve(deps, config, id, principal),
    routes: [
      ...appSubscriptionRoutes<MetaPrincipal, MetaNode>({
        hub: deps.hub,
        random: config.random,
        objects: ["page", "instagram"],
        isAppToken: (p) => p.kind === "app",
        verifyTimeoutMs: config.verifyTimeoutMs,
        version: config.version,
      }),
      ...subscribedAppsRoutes<MetaPrincipal, MetaNode>({
        hub: deps.hub,
        kind: "page",
        fieldsRequired: true,
        defaultFields: [],
        renderInstall: installRender,
      }),
      ...subscribedAppsRoutes<MetaPrincipal, MetaNode>({
        hub: deps.hub,
        kind: "ig_account",
        fieldsRequired: true,
        defaultFields: [],
        renderInstall: installRender,
      }),
      ...pageContentRoutes(deps),
      ...sendApiRoutes(deps, config.limits),
      ...conversationRoutes(deps),
      ...instagramRoutes(deps),
    ],
  };
}
