import type { Random } from "../meta/core/random";
import type { GraphApi, GraphCall, GraphNode, GraphRoute } from "../meta/graph/dispatch";
import { render } from "../meta/graph/fields";
import { pageOf } from "../meta/graph/paging";
import { str } from "../meta/graph/params";
import { appSubscriptionRoutes, subscribedAppsRoutes } from "../meta/webhooks/app-routes";
import type { WebhookHub } from "../meta/webhooks/hub";
import { waErrors } from "./errors";
import type { ResolvedWhatsAppOptions } from "./options";
import { type SendDeps, sendMessage } from "./send";

type WaPrincipal = { kind: "system_user" } | { kind: "app" };
type WaRoute = GraphRoute<WaPrincipal, GraphNode>;
type WaCall = GraphCall<WaPrincipal, GraphNode>;

export interface WhatsAppGraphDeps extends SendDeps {
  hub: WebhookHub;
  random: Random;
}

const PHONE_DEFAULT_FIELDS = [
  "verified_name",
  "code_verification_status",
  "display_phone_number",
  "quality_rating",
  "platform_type",
  "throughput",
  "id",
];

function phoneNumberNode(config: ResolvedWhatsAppOptions) {
  return {
    id: config.phoneNumber.id,
    verified_name: config.phoneNumber.verifiedName,
    code_verification_status: "VERIFIED",
    display_phone_number: `+${config.phoneNumber.displayPhoneNumber}`,
    quality_rating: "GREEN",
    platform_type: "CLOUD_API",
    throughput: { level: "STANDARD" },
    messaging_limit_tier: "TIER_1K",
  };
}

function templates(config: ResolvedWhatsAppOptions, call: WaCall) {
  const name = str(call.params, "name");
  const status = str(call.params, "status");
  const items = config.templates
    .map((t, index) => ({
      name: t.name,
      language: t.language,
      status: t.status,
      category: t.category,
      components: [{ type: "BODY", text: t.body }],
      id: String(1_000_000_000_000_000 + index),
    }))
    .filter((t) => (!name || t.name === name) && (!status || t.status === status));
  return pageOf({
    items,
    idOf: (t) => t.id,
    request: {
      limit: str(call.params, "limit"),
      after: str(call.params, "after"),
      before: str(call.params, "before"),
    },
    url: (cursor) => call.selfUrl(cursor as Record<string, string>),
    render: (t) => t,
  });
}

function routes(deps: WhatsAppGraphDeps): WaRoute[] {
  const { config } = deps;
  const management = () => ({
    businessId: config.businessAccount.id,
    type: "whatsapp_business_management" as const,
  });
  return [
    ...appSubscriptionRoutes<WaPrincipal, GraphNode>({
      hub: deps.hub,
      random: deps.random,
      objects: ["whatsapp_business_account"],
      isAppToken: (p) => p.kind === "app",
      verifyTimeoutMs: config.verifyTimeoutMs,
      version: config.graphVersion,
    }),
    ...subscribedAppsRoutes<WaPrincipal, GraphNode>({
      hub: deps.hub,
      kind: "waba",
      fieldsRequired: false,
      defaultFields: ["messages"],
      renderInstall: () => ({
        whatsapp_business_api_data: {
          id: config.appId,
          link: `https://www.facebook.com/games/?app_id=${config.appId}`,
          name: "Parley Sandbox",
        },
      }),
    }).map((r) => ({ ...r, usage: management })),
    {
      method: "POST",
      kind: "phone_number",
      edge: "messages",
      handle: (call) => sendMessage(deps, call.params),
    },
    {
      method: "GET",
      kind: "phone_number",
      usage: management,
      handle: (call) => render(phoneNumberNode(config), call.fields, PHONE_DEFAULT_FIELDS),
    },
    {
      method: "GET",
      kind: "waba",
      usage: management,
      handle: (call) =>
        render(
          {
            id: config.businessAccount.id,
            name: config.businessAccount.name,
            currency: "USD",
            timezone_id: "1",
            message_template_namespace: "emulator_namespace",
          },
          call.fields,
          ["id", "name"],
        ),
    },
    {
      method: "GET",
      kind: "waba",
      edge: "phone_numbers",
      usage: management,
      handle: (call) => ({ data: [render(phoneNumberNode(config), call.fields, PHONE_DEFAULT_FIELDS)] }),
    },
    {
      method: "GET",
      kind: "waba",
      edge: "message_templates",
      usage: management,
      handle: (call) => templates(config, call),
    },
  ];
}

/** Graph surface of the Cloud API (§3.1): Bearer system-user token; the app token for subscriptions. */
export function whatsappGraphApi(deps: WhatsAppGraphDeps): GraphApi<WaPrincipal, GraphNode> {
  const { config } = deps;
  return {
    authenticate: (token) => {
      if (token === config.accessToken) return { kind: "system_user" };
      if (token === `${config.appId}|${config.appSecret}`) return { kind: "app" };
      throw waErrors.invalidToken();
    },
    resolve: (id, principal) => {
      if (id === config.appId) return { kind: "application", id };
      if (principal.kind !== "system_user") return undefined;
      if (id === config.phoneNumber.id) return { kind: "phone_number", id };
      if (id === config.businessAccount.id) return { kind: "waba", id };
      return undefined;
    },
    routes: routes(deps),
  };
}
