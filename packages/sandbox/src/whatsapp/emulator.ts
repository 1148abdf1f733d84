import type { FastifyInstance } from "fastify";
import { reseedableRandom } from "../meta/core/random";
import { installGraphBodyParsers, registerGraphDispatch } from "../meta/graph/dispatch";
import { FailureInjector } from "../meta/graph/failures";
import { UsageMeter } from "../meta/graph/usage";
import { WebhookHub } from "../meta/webhooks/hub";
import { verifyCallback } from "../meta/webhooks/verify";
import { whatsappControlRoutes } from "./control";
import {
  type CreateWhatsAppCustomerInput,
  type CustomerMessageInput,
  createWhatsAppCustomer,
  customerSendsWhatsApp,
} from "./customers";
import type { WhatsAppIdentity } from "./events";
import { whatsappGraphApi } from "./graph-api";
import { resolveWhatsAppOptions, type WhatsAppEmulatorOptions } from "./options";
import { StatusProgression } from "./statuses";
import { WhatsAppStore } from "./store";

/**
 * WhatsApp Business Cloud API emulator (reference §3). Register `plugin` under a prefix
 * (e.g. `/sandbox/whatsapp`); act as customers with `actions` or `/_control`; `idle()` waits
 * for pending statuses and their webhook deliveries.
 */
export function whatsappEmulator(options: WhatsAppEmulatorOptions = {}) {
  const config = resolveWhatsAppOptions(options);
  const random = reseedableRandom(config.seed);
  const store = new WhatsAppStore(config.clock, random);
  const hub = new WebhookHub({
    clock: config.clock,
    appSecret: config.appSecret,
    retryDelaysMs: config.retryDelaysMs,
    timeoutMs: config.timeoutMs,
    batchWindowMs: config.batchWindowMs,
  });
  const identity: WhatsAppIdentity = {
    wabaId: config.businessAccount.id,
    phoneNumberId: config.phoneNumber.id,
    displayPhoneNumber: config.phoneNumber.displayPhoneNumber,
  };
  const progression = new StatusProgression({
    clock: config.clock,
    hub,
    identity,
    delaysMs: config.statusDelaysMs,
    autoRead: config.autoRead,
  });
  // Management calls only; the Cloud API's messaging throughput is per number (130429).
  const usage = new UsageMeter(config.clock, { appCallsPerHour: 10_000, businessCallsPerHour: 10_000 });
  const failures = new FailureInjector();
  const install = () => {
    if (config.preinstalled) hub.subscriptions.install(identity.wabaId, ["messages"]);
  };
  install();

  const reset = (opts: { subscriptions?: boolean } = {}) => {
    progression.reset();
    random.reseed();
    store.reset();
    hub.reset(opts);
    usage.reset();
    failures.clear();
    install();
  };

  const subscribe = async (args: { callbackUrl: string; verifyToken?: string; fields?: string[] }) => {
    const verifyToken = args.verifyToken ?? config.verifyToken;
    const result = await verifyCallback({
      callbackUrl: args.callbackUrl,
      verifyToken,
      challenge: random.digits(10),
      timeoutMs: config.verifyTimeoutMs,
    });
    if (result.ok) {
      hub.subscriptions.upsert({
        object: "whatsapp_business_account",
        callbackUrl: args.callbackUrl,
        verifyToken,
        fields: args.fields ?? ["messages"],
        includeValues: true,
        active: true,
      });
    }
    return result;
  };

  const customerDeps = { store, hub, identity };
  const plugin = async (app: FastifyInstance) => {
    installGraphBodyParsers(app);
    await app.register(whatsappControlRoutes({ ...customerDeps, progression, failures, usage, reset }), {
      prefix: "/_control",
    });
    registerGraphDispatch(app, whatsappGraphApi({ store, config, progression, hub, random }), {
      appSecret: config.appSecret,
      requireAppsecretProof: config.requireAppsecretProof,
      random,
      usage,
      failures,
      defaultVersion: config.graphVersion,
    });
    app.addHook("onClose", async () => {
      progression.reset();
      hub.reset();
    });
  };

  return {
    plugin,
    config,
    store,
    webhooks: hub,
    usage,
    failures,
    subscribe,
    reset,
    /** Waits until every status walk and webhook delivery has settled. */
    idle: () => progression.idle(),
    actions: {
      createCustomer: (input: CreateWhatsAppCustomerInput) => createWhatsAppCustomer(customerDeps, input),
      customerSends: (input: CustomerMessageInput) => customerSendsWhatsApp(customerDeps, input),
      /** Moves a sent message on by hand (e.g. `read` when `autoRead` is off, or `failed`). */
      setStatus: (wamid: string, status: "sent" | "delivered" | "read" | "failed", code?: number) => {
        const message = store.outboundById(wamid);
        if (!message) throw new Error(`unknown message ${wamid}`);
        return progression.emit(message, status, code);
      },
      failNextDelivery: (rule: { code: number; to?: string; times?: number }) => {
        store.statusFailures.push({
          code: rule.code,
          to: rule.to?.replace(/\D/g, ""),
          remaining: rule.times ?? 1,
        });
      },
    },
  };
}

export type WhatsAppEmulator = ReturnType<typeof whatsappEmulator>;
