import type { Random } from "../core/random";
import type { GraphCall, GraphNode, GraphRoute } from "../graph/dispatch";
import { errors, GraphError } from "../graph/errors";
import { bool, list, str } from "../graph/params";
import type { WebhookHub } from "./hub";
import type { WebhookObject } from "./subscriptions";
import { verifyCallback } from "./verify";

export interface AppRoutesDeps<P> {
  hub: WebhookHub;
  random: Random;
  objects: WebhookObject[];
  isAppToken: (principal: P) => boolean;
  verifyTimeoutMs: number;
  version: string;
}

const appTokenRequired = () =>
  new GraphError({ code: 15, message: "(#15) This method must be called with an app access_token." });

function requireObject<P>(deps: AppRoutesDeps<P>, raw: string | undefined): WebhookObject {
  if (!raw) throw errors.invalidParam("The parameter object is required");
  if (!deps.objects.includes(raw as WebhookObject)) {
    throw errors.invalidParam(`Param object must be one of {${deps.objects.join(", ")}}`);
  }
  return raw as WebhookObject;
}

/** `POST /{app-id}/subscriptions`: verification GET first, then the subscription (§2.1, §2.2). */
async function subscribe<P, N extends GraphNode>(deps: AppRoutesDeps<P>, call: GraphCall<P, N>) {
  if (!deps.isAppToken(call.principal)) throw appTokenRequired();
  const object = requireObject(deps, str(call.params, "object"));
  const existing = deps.hub.subscriptions.get(object);
  const callbackUrl = str(call.params, "callback_url") ?? existing?.callbackUrl;
  const verifyToken = str(call.params, "verify_token") ?? existing?.verifyToken;
  if (!callbackUrl) throw errors.invalidParam("The parameter callback_url is required");
  if (!verifyToken) throw errors.invalidParam("The parameter verify_token is required");
  const fields = list(call.params, "fields");
  if (fields.length === 0) throw errors.invalidParam("The parameter fields is required");
  const result = await verifyCallback({
    callbackUrl,
    verifyToken,
    challenge: deps.random.digits(10),
    timeoutMs: deps.verifyTimeoutMs,
  });
  if (!result.ok) throw errors.callbackVerificationFailed(result.detail);
  deps.hub.subscriptions.upsert({
    object,
    callbackUrl,
    verifyToken,
    fields,
    includeValues: bool(call.params, "include_values") ?? false,
    active: true,
  });
  return { success: true };
}

function listSubscriptions<P>(deps: AppRoutesDeps<P>, principal: P) {
  if (!deps.isAppToken(principal)) throw appTokenRequired();
  return {
    data: deps.hub.subscriptions.list().map((s) => ({
      object: s.object,
      callback_url: s.callbackUrl,
      active: s.active,
      fields: s.fields.map((name) => ({ name, version: deps.version })),
    })),
  };
}

function unsubscribe<P, N extends GraphNode>(deps: AppRoutesDeps<P>, call: GraphCall<P, N>) {
  if (!deps.isAppToken(call.principal)) throw appTokenRequired();
  const raw = str(call.params, "object");
  const objects = raw ? [requireObject(deps, raw)] : deps.objects;
  for (const object of objects) deps.hub.subscriptions.remove(object, list(call.params, "fields"));
  return { success: true };
}

export function appSubscriptionRoutes<P, N extends GraphNode>(deps: AppRoutesDeps<P>): GraphRoute<P, N>[] {
  return [
    { method: "POST", kind: "application", edge: "subscriptions", handle: (call) => subscribe(deps, call) },
    {
      method: "GET",
      kind: "application",
      edge: "subscriptions",
      handle: (call) => listSubscriptions(deps, call.principal),
    },
    {
      method: "DELETE",
      kind: "application",
      edge: "subscriptions",
      handle: (call) => unsubscribe(deps, call),
    },
  ];
}

export interface SubscribedAppsDeps {
  hub: WebhookHub;
  kind: string;
  /** Pages must name `subscribed_fields`; a WABA install takes none. */
  fieldsRequired: boolean;
  /** Fields recorded for an install that names none (WABA: `messages`). */
  defaultFields: string[];
  renderInstall: (fields: string[]) => Record<string, unknown>;
}

/** `POST|GET|DELETE /{business-id}/subscribed_apps`: installs the app on a Page, IG account or WABA. */
export function subscribedAppsRoutes<P, N extends GraphNode>(deps: SubscribedAppsDeps): GraphRoute<P, N>[] {
  return [
    {
      method: "POST",
      kind: deps.kind,
      edge: "subscribed_apps",
      handle: (call) => {
        const fields = list(call.params, "subscribed_fields");
        if (deps.fieldsRequired && fields.length === 0) {
          throw errors.invalidParam("The parameter subscribed_fields is required.");
        }
        deps.hub.subscriptions.install(call.node.id, fields.length > 0 ? fields : deps.defaultFields);
        return { success: true };
      },
    },
    {
      method: "GET",
      kind: deps.kind,
      edge: "subscribed_apps",
      handle: (call) => {
        const fields = deps.hub.subscriptions.installedFields(call.node.id);
        return { data: fields ? [deps.renderInstall(fields)] : [] };
      },
    },
    {
      method: "DELETE",
      kind: deps.kind,
      edge: "subscribed_apps",
      handle: (call) => {
        deps.hub.subscriptions.uninstall(call.node.id);
        return { success: true };
      },
    },
  ];
}
