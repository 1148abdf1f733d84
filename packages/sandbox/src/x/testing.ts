import Fastify, { type FastifyInstance, type InjectOptions } from "fastify";
import { ManualClock } from "../shared/clock";
import { defaultAccessToken, X_DEFAULTS, type XEmulatorOptions } from "./config";
import { type XEmulator, xEmulator } from "./plugin";

/**
 * Test harness: the emulator mounted as Parley mounts it (`/sandbox/x`), a manual clock, and
 * request helpers with the default credentials. Used by this package's tests and by connector
 * contract tests that want an in-process X.
 */
export const PREFIX = "/sandbox/x";
export const APP_AUTH = { authorization: `Bearer ${X_DEFAULTS.bearerToken}` };
export const USER_AUTH = { authorization: `Bearer ${X_DEFAULTS.userBearer}` };
export const BRAND_ACCESS = {
  appKey: X_DEFAULTS.consumerKey,
  appSecret: X_DEFAULTS.consumerSecret,
  accessToken: defaultAccessToken(X_DEFAULTS.brand.id),
  accessSecret: X_DEFAULTS.accessSecret,
};

// biome-ignore lint/suspicious/noExplicitAny: tests walk arbitrary X JSON
type AnyJson = any;

export interface XHarness {
  app: FastifyInstance;
  x: XEmulator;
  clock: ManualClock;
  /** Inject a request under the prefix: `call("GET", "/2/tweets/1", APP_AUTH)`. */
  call(
    method: InjectOptions["method"],
    path: string,
    headers?: Record<string, string>,
    payload?: unknown,
  ): Promise<{ status: number; headers: Record<string, unknown>; body: AnyJson }>;
}

export async function createXHarness(options: XEmulatorOptions = {}): Promise<XHarness> {
  const clock = new ManualClock("2025-03-05T16:00:00.000Z");
  const x = xEmulator({ clock, seed: "test", ...options });
  const app = Fastify({ forceCloseConnections: true });
  await app.register(x.plugin, { prefix: PREFIX });
  await app.ready();
  const call: XHarness["call"] = async (method, path, headers = {}, payload) => {
    const response = await app.inject({
      method,
      url: `${PREFIX}${path}`,
      headers: payload === undefined ? headers : { "content-type": "application/json", ...headers },
      payload: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const text = response.body;
    return {
      status: response.statusCode,
      headers: response.headers,
      body: text ? JSON.parse(text) : undefined,
    };
  };
  return { app, x, clock, call };
}
