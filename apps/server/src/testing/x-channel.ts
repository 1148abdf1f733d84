import { createHmac } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type StandaloneXEmulator, X_DEFAULTS } from "@parley/sandbox";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { authHeaders, type Credentials } from "./harness";

export interface XChannelFixture {
  id: string;
  webhookPath: string;
  /** The brand's X user id (the channel's external account id). */
  brandId: string;
  /** X's webhook signature of a body: HMAC-SHA256 with the consumer secret, base64. */
  sign(body: string | Buffer, secret?: string): string;
  /** POSTs a delivery to the channel's webhook, signed unless told otherwise. */
  deliver(body: string | Buffer, signature?: string): Promise<LightMyRequestResponse>;
}

/** Connects an X account through the API, as an admin would, for webhook-driven tests. */
export async function connectXChannel(
  app: FastifyInstance,
  admin: Credentials,
  opts: { brandId?: string; secret?: string } = {},
): Promise<XChannelFixture> {
  const brandId = opts.brandId ?? "9911223344";
  const secret = opts.secret ?? "x_consumer_secret";
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/channels",
    payload: {
      network: "x",
      name: "@acme_help",
      handle: "acme_help",
      external_account_id: brandId,
      credentials: { api_key: "k", api_secret: secret, bearer_token: "b", access_token: "a" },
    },
    headers: authHeaders(admin),
  });
  if (res.statusCode !== 201) throw new Error(`connecting X failed: ${res.statusCode} ${res.body}`);
  const webhookPath: string = res.json().webhook_path;
  const sign = (body: string | Buffer, key = secret) =>
    `sha256=${createHmac("sha256", key).update(body).digest("base64")}`;
  return {
    id: res.json().id,
    webhookPath,
    brandId,
    sign,
    deliver: (body, signature = sign(body)) =>
      app.inject({
        method: "POST",
        url: webhookPath,
        body,
        headers: { "content-type": "application/json", "x-twitter-webhooks-signature": signature },
      }),
  };
}

/** The channel body that connects the sandbox X emulator's brand account at `baseUrl`. */
export const xEmulatorChannel = (baseUrl: string) => ({
  network: "x",
  name: "@acme",
  handle: X_DEFAULTS.brand.username,
  external_account_id: X_DEFAULTS.brand.id,
  base_url: baseUrl,
  credentials: {
    api_key: X_DEFAULTS.consumerKey,
    api_secret: X_DEFAULTS.consumerSecret,
    bearer_token: X_DEFAULTS.bearerToken,
    access_token: X_DEFAULTS.userBearer,
  },
});

/**
 * Connects the sandbox X emulator to Parley (listening on loopback) through the API and points the
 * emulator's webhook at Parley, as an admin and X would. Returns the channel's id.
 */
export async function connectXEmulator(app: FastifyInstance, admin: Credentials, x: StandaloneXEmulator) {
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/channels",
    payload: xEmulatorChannel(x.url),
    headers: authHeaders(admin),
  });
  if (res.statusCode !== 201)
    throw new Error(`connecting the X emulator failed: ${res.statusCode} ${res.body}`);
  const port = (app.server.address() as AddressInfo).port;
  await x.emulator.control.registerWebhook(`http://127.0.0.1:${port}${res.json().webhook_path}`);
  return res.json().id as string;
}
