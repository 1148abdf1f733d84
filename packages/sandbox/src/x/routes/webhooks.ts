import type { FastifyInstance } from "fastify";
import { defineEndpoint, type EndpointCall } from "../endpoint";
import { invalidBody } from "../errors";
import { jsonObject } from "../http";
import type { XNetwork } from "../network";
import type { XWebhook } from "../types";

/** Webhook management (§1.10) and Account Activity subscriptions (AAA v2). */
function webhookJson(webhook: XWebhook) {
  return {
    id: webhook.id,
    url: webhook.url,
    valid: webhook.valid,
    created_at: webhook.createdAt.toISOString(),
  };
}

function webhookOf(network: XNetwork, call: EndpointCall): XWebhook {
  const webhook = network.webhooks.get(call.params.webhook_id ?? "");
  if (!webhook) throw invalidBody("WebhookIdInvalid");
  return webhook;
}

export function registerWebhookRoutes(app: FastifyInstance, network: XNetwork): void {
  defineEndpoint(app, network, {
    method: "POST",
    path: "/2/webhooks",
    auth: "app",
    handler: async ({ request }) => {
      const body = jsonObject(request);
      if (typeof body.url !== "string") throw invalidBody("UrlValidationFailed");
      const result = await network.webhooks.register(body.url);
      if (typeof result === "string") throw invalidBody(result);
      return { body: { data: webhookJson(result) } };
    },
  });
  defineEndpoint(app, network, {
    method: "GET",
    path: "/2/webhooks",
    auth: "app",
    handler: () => {
      const list = network.webhooks.list();
      const meta = { result_count: list.length };
      return { body: list.length > 0 ? { data: list.map(webhookJson), meta } : { meta } };
    },
  });
  defineEndpoint(app, network, {
    method: "PUT",
    path: "/2/webhooks/:webhook_id",
    auth: "app",
    handler: async (call) => {
      const webhook = webhookOf(network, call);
      const valid = await network.webhooks.revalidate(webhook);
      if (!valid) throw invalidBody("CrcValidationFailed");
      return { body: { data: { valid } } };
    },
  });
  defineEndpoint(app, network, {
    method: "DELETE",
    path: "/2/webhooks/:webhook_id",
    auth: "app",
    handler: (call) => {
      network.webhooks.remove(webhookOf(network, call).id);
      return { body: { data: { deleted: true } } };
    },
  });
  registerSubscriptionRoutes(app, network);
}

function registerSubscriptionRoutes(app: FastifyInstance, network: XNetwork): void {
  const base = "/2/account_activity/webhooks/:webhook_id/subscriptions";
  defineEndpoint(app, network, {
    method: "POST",
    path: `${base}/all`,
    auth: "user",
    handler: (call) => {
      const webhook = webhookOf(network, call);
      const userId = call.auth.kind === "user" ? call.auth.userId : "";
      if (webhook.subscriptions.has(userId)) throw invalidBody("DuplicateSubscriptionFailed");
      if (network.webhooks.subscriptionCount() >= network.config.webhooks.maxSubscriptions) {
        throw invalidBody("SubscriptionLimitExceeded");
      }
      webhook.subscriptions.add(userId);
      return { body: { data: { subscribed: true } } };
    },
  });
  defineEndpoint(app, network, {
    method: "GET",
    path: `${base}/all`,
    auth: "user",
    handler: (call) => {
      const userId = call.auth.kind === "user" ? call.auth.userId : "";
      return { body: { data: { subscribed: webhookOf(network, call).subscriptions.has(userId) } } };
    },
  });
  defineEndpoint(app, network, {
    method: "GET",
    path: `${base}/all/list`,
    auth: "app",
    handler: (call) => {
      const webhook = webhookOf(network, call);
      const data = {
        application_id: network.config.app.id,
        webhook_id: webhook.id,
        webhook_url: webhook.url,
        subscriptions: [...webhook.subscriptions].map((user_id) => ({ user_id })),
      };
      return { body: { data } };
    },
  });
  defineEndpoint(app, network, {
    method: "DELETE",
    path: `${base}/:user_id/all`,
    auth: "app",
    handler: (call) => {
      const webhook = webhookOf(network, call);
      if (!webhook.subscriptions.delete(call.params.user_id ?? "")) throw invalidBody("SubscriptionNotFound");
      return { body: { data: { subscribed: false } } };
    },
  });
  defineEndpoint(app, network, {
    method: "GET",
    path: "/2/account_activity/subscriptions/count",
    auth: "app",
    handler: () => ({
      body: {
        data: {
          account_name: network.config.app.name,
          provisioned_count: String(network.config.webhooks.maxSubscriptions),
          subscriptions_count_all: String(network.webhooks.subscriptionCount()),
          subscriptions_count_direct_messages: "0",
        },
      },
    }),
  });
}
