import Fastify, { type FastifyInstance, type FastifyPluginAsync } from "fastify";
import type { XEmulatorOptions } from "./config";
import { createXControl, type XControl } from "./control";
import { registerControlRoutes } from "./control-routes";
import { installHttpBasics } from "./http";
import { XNetwork } from "./network";
import { registerDmRoutes } from "./routes/dms";
import { registerRuleRoutes } from "./routes/rules";
import { registerStreamRoutes } from "./routes/stream";
import { registerTimelineRoutes } from "./routes/timelines";
import { registerTweetRoutes } from "./routes/tweets";
import { registerUserRoutes } from "./routes/users";
import { registerWebhookRoutes } from "./routes/webhooks";

export interface XEmulator {
  /** Register with `{ prefix: "/sandbox/x" }`; X paths then live under `/sandbox/x/2/...`. */
  plugin: FastifyPluginAsync;
  /** The in-memory network (store, rules, streams, webhooks, limits). */
  network: XNetwork;
  /** Act as customers and steer the network, without HTTP. */
  control: XControl;
  /** Ends open streams and abandons pending webhook retries (the plugin also does it on close). */
  close(): Promise<void>;
}

export function xEmulator(options: XEmulatorOptions = {}): XEmulator {
  const network = new XNetwork(options);
  const control = createXControl(network);
  const plugin: FastifyPluginAsync = async (app) => {
    installHttpBasics(app);
    registerTweetRoutes(app, network);
    registerTimelineRoutes(app, network);
    registerUserRoutes(app, network);
    registerDmRoutes(app, network);
    registerRuleRoutes(app, network);
    registerStreamRoutes(app, network);
    registerWebhookRoutes(app, network);
    await app.register(async (scope) => registerControlRoutes(scope, network, control), {
      prefix: "/_control",
    });
    // Open streams never end on their own; close them first or server.close() would wait forever.
    app.addHook("preClose", async () => network.streams.closeAll());
    app.addHook("onClose", async () => network.close());
  };
  return { plugin, network, control, close: () => network.close() };
}

export interface StandaloneXEmulator {
  app: FastifyInstance;
  emulator: XEmulator;
  /** Base URL of the emulator, e.g. http://127.0.0.1:4010 (X paths: `${url}/2/...`). */
  url: string;
  close(): Promise<void>;
}

/**
 * Runs the emulator on its own HTTP server. The default prefix is empty so paths start with
 * `/2/` exactly as on api.x.com (some clients, twitter-api-v2 among them, choose the body encoding
 * from that path).
 */
export async function startXEmulator(
  options: XEmulatorOptions & { port?: number; host?: string; prefix?: string; logger?: boolean } = {},
): Promise<StandaloneXEmulator> {
  const { port = 0, host = "127.0.0.1", prefix = "", logger = false, ...emulatorOptions } = options;
  const emulator = xEmulator(emulatorOptions);
  const app = Fastify({ logger, forceCloseConnections: true });
  await app.register(emulator.plugin, { prefix });
  const address = await app.listen({ port, host });
  return { app, emulator, url: `${address}${prefix}`, close: () => app.close() };
}
