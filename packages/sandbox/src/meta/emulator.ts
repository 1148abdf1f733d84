import type { FastifyInstance } from "fastify";
import { createCustomer } from "./control/customers";
import * as facebook from "./control/facebook-actions";
import * as instagram from "./control/instagram-actions";
import { metaControlRoutes } from "./control/routes";
import { reseedableRandom } from "./core/random";
import type { MetaDeps } from "./deps";
import { installGraphBodyParsers, registerGraphDispatch } from "./graph/dispatch";
import { FailureInjector } from "./graph/failures";
import { UsageMeter } from "./graph/usage";
import { metaGraphApi } from "./graph-api";
import { INSTAGRAM_FIELDS, type MetaEmulatorOptions, PAGE_FIELDS, resolveMetaOptions } from "./options";
import { MetaStore } from "./state/store";
import { WebhookHub } from "./webhooks/hub";
import type { WebhookObject } from "./webhooks/subscriptions";
import { verifyCallback } from "./webhooks/verify";

type Input<F> = F extends (deps: MetaDeps, input: infer I) => unknown ? I : never;
type Output<F> = F extends (...args: never[]) => infer O ? O : never;
const bind =
  <F extends (deps: MetaDeps, input: never) => unknown>(deps: MetaDeps, fn: F) =>
  (input: Input<F>): Output<F> =>
    fn(deps, input as never) as Output<F>;

/**
 * Graph API emulator for Facebook Pages, Messenger and Instagram (reference §2). Register
 * `plugin` under a prefix (e.g. `/sandbox/meta`); use `actions` (or `/_control`) to play the
 * customers and `webhooks.idle()` to wait for deliveries.
 */
export function metaEmulator(options: MetaEmulatorOptions = {}) {
  const config = resolveMetaOptions(options);
  const random = reseedableRandom(config.seed);
  const store = new MetaStore(config.clock, random);
  const hub = new WebhookHub({
    clock: config.clock,
    appSecret: config.appSecret,
    retryDelaysMs: config.retryDelaysMs,
    timeoutMs: config.timeoutMs,
    batchWindowMs: config.batchWindowMs,
  });
  const usage = new UsageMeter(config.clock, {
    appCallsPerHour: config.appCallsPerHour,
    businessCallsPerHour: config.businessCallsPerHour,
  });
  const failures = new FailureInjector();
  const deps: MetaDeps = { store, hub, clock: config.clock, appId: config.appId };

  const configure = () => {
    for (const page of config.pages) {
      store.pages.set(page.id, {
        id: page.id,
        name: page.name,
        accessToken: page.accessToken,
        category: page.category ?? "Company",
        username: page.username ?? page.id,
        instagramId: page.instagram?.id,
      });
      if (config.preinstalled) hub.subscriptions.install(page.id, PAGE_FIELDS);
      const ig = page.instagram;
      if (!ig) continue;
      store.instagram.set(ig.id, {
        id: ig.id,
        username: ig.username,
        name: ig.name ?? ig.username,
        pageId: page.id,
        accessToken: ig.accessToken ?? `IGAA${ig.id}`,
      });
      if (config.preinstalled) hub.subscriptions.install(ig.id, INSTAGRAM_FIELDS);
    }
    store.reset();
  };
  configure();

  const reset = (opts: { subscriptions?: boolean } = {}) => {
    random.reseed();
    hub.reset(opts);
    usage.reset();
    failures.clear();
    configure();
  };

  /** Same as `POST /{app-id}/subscriptions`, for hosts that wire the demo without the app token. */
  const subscribe = async (args: {
    object: WebhookObject;
    callbackUrl: string;
    verifyToken?: string;
    fields?: string[];
  }) => {
    const verifyToken = args.verifyToken ?? config.verifyToken;
    const result = await verifyCallback({
      callbackUrl: args.callbackUrl,
      verifyToken,
      challenge: random.digits(10),
      timeoutMs: config.verifyTimeoutMs,
    });
    if (!result.ok) return result;
    const fields = args.fields ?? (args.object === "instagram" ? INSTAGRAM_FIELDS : PAGE_FIELDS);
    hub.subscriptions.upsert({
      object: args.object,
      callbackUrl: args.callbackUrl,
      verifyToken,
      fields,
      includeValues: true,
      active: true,
    });
    return result;
  };

  const plugin = async (app: FastifyInstance) => {
    installGraphBodyParsers(app);
    await app.register(metaControlRoutes({ deps, failures, usage, reset }), { prefix: "/_control" });
    const api = metaGraphApi(deps, {
      appId: config.appId,
      appSecret: config.appSecret,
      appName: config.appName,
      version: config.graphVersion,
      verifyTimeoutMs: config.verifyTimeoutMs,
      limits: { messengerTextMax: config.messengerTextMax, instagramTextMax: config.instagramTextMax },
      random,
    });
    registerGraphDispatch(app, api, {
      appSecret: config.appSecret,
      requireAppsecretProof: config.requireAppsecretProof,
      random,
      usage,
      failures,
      defaultVersion: config.graphVersion,
    });
    app.addHook("onClose", async () => hub.reset());
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
    actions: {
      createCustomer: bind(deps, createCustomer),
      createPost: bind(deps, facebook.createPost),
      customerComments: bind(deps, facebook.customerComments),
      customerEditsComment: bind(deps, facebook.customerEditsComment),
      customerDeletesComment: bind(deps, facebook.customerDeletesComment),
      customerSendsMessage: bind(deps, facebook.customerSendsMessage),
      customerReadsMessages: bind(deps, facebook.customerReadsMessages),
      createInstagramMedia: bind(deps, instagram.createIgMedia),
      customerCommentsOnInstagram: bind(deps, instagram.customerCommentsOnInstagram),
      customerSendsInstagramMessage: bind(deps, instagram.customerSendsInstagramMessage),
      customerSeesInstagramMessages: bind(deps, instagram.customerSeesInstagramMessages),
    },
  };
}

export type MetaEmulator = ReturnType<typeof metaEmulator>;
