import Fastify, { type FastifyInstance } from "fastify";
import { startWebhookReceiver, type WebhookReceiver } from "../meta/testing/receiver";
import { ManualClock } from "../shared/clock";
import { type WhatsAppEmulator, whatsappEmulator } from "./emulator";
import type { WhatsAppEmulatorOptions } from "./options";

/** Test harness: the emulator mounted at /sandbox/whatsapp plus a real webhook receiver. */
export const PHONE_ID = "110000000000002";
export const WABA = "300000000000001";
export const TOKEN = "EAAGemulatorWhatsAppToken";
export const DANA = "447700900123";

export interface Env {
  app: FastifyInstance;
  wa: WhatsAppEmulator;
  receiver: WebhookReceiver;
  clock: ManualClock;
}

export async function startWhatsApp(options: WhatsAppEmulatorOptions = {}): Promise<Env> {
  const clock = new ManualClock("2025-03-05T16:18:20Z");
  const wa = whatsappEmulator({
    clock,
    statusDelaysMs: [0, 0, 0],
    webhooks: { retryDelaysMs: [20] },
    ...options,
  });
  const app = Fastify();
  await app.register(wa.plugin, { prefix: "/sandbox/whatsapp" });
  const receiver = await startWebhookReceiver("wa-verify");
  return { app, wa, receiver, clock };
}

export function send(env: Env, body: Record<string, unknown>, token = TOKEN) {
  return env.app.inject({
    method: "POST",
    url: `/sandbox/whatsapp/v21.0/${PHONE_ID}/messages`,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    payload: JSON.stringify(body),
  });
}

export async function subscribe(env: Env, verifyToken = "wa-verify") {
  const response = await env.app.inject({
    method: "POST",
    url: `/sandbox/whatsapp/v21.0/880000000000001/subscriptions?access_token=${encodeURIComponent("880000000000001|emulator_app_secret")}`,
    payload: {
      object: "whatsapp_business_account",
      callback_url: env.receiver.url,
      verify_token: verifyToken,
      fields: "messages",
    },
  });
  await env.app.inject({
    method: "POST",
    url: `/sandbox/whatsapp/v21.0/${WABA}/subscribed_apps`,
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  return response;
}

export const statusesOf = (env: Env) =>
  env.receiver.received.flatMap((r) => {
    const value = (r.body.entry as { changes: { value: { statuses?: Record<string, unknown>[] } }[] }[])[0]
      ?.changes[0]?.value;
    return value?.statuses ?? [];
  });

export async function stop(env: Env): Promise<void> {
  await env.app.close();
  await env.receiver.close();
}
