import Fastify, { type FastifyInstance } from "fastify";
import { metaEmulator } from "../emulator";
import type { MetaEmulatorOptions } from "../options";

export const PREFIX = "/sandbox/meta";

/** A host app with the emulator mounted where Parley mounts it; calls go through `inject`. */
export async function startMetaEmulator(options: MetaEmulatorOptions = {}) {
  const emulator = metaEmulator(options);
  const app: FastifyInstance = Fastify();
  await app.register(emulator.plugin, { prefix: PREFIX });
  await app.ready();
  const call = async (
    method: "GET" | "POST" | "DELETE",
    path: string,
    args: {
      token?: string;
      query?: Record<string, string>;
      body?: unknown;
      form?: Record<string, string>;
    } = {},
  ) => {
    const query = new URLSearchParams(args.query ?? {});
    if (args.token) query.set("access_token", args.token);
    const qs = query.toString();
    const headers: Record<string, string> = {};
    let payload: string | undefined;
    if (args.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      payload = new URLSearchParams(args.form).toString();
    } else if (args.body !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(args.body);
    }
    const response = await app.inject({
      method,
      url: `${PREFIX}${path}${qs ? `?${qs}` : ""}`,
      headers,
      payload,
    });
    return {
      status: response.statusCode,
      body: response.json(),
      headers: response.headers,
      raw: response.body,
    };
  };
  return { app, emulator, call, close: () => app.close() };
}
