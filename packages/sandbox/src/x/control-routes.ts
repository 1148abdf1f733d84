import type { FastifyInstance, FastifyRequest } from "fastify";
import { ZodError } from "zod";
import { ControlError, type XControl } from "./control";
import { XApiError } from "./errors";
import { rawBodyOf, send, sendError } from "./http";
import type { XNetwork } from "./network";

/**
 * HTTP face of the control API under `<prefix>/_control`. No auth (it is a local test harness,
 * never exposed as X); JSON in, JSON out; X-level refusals (too long, duplicate...) come back as
 * X's own error bodies so the simulator can see why.
 */
type Method = "GET" | "POST" | "DELETE" | "PATCH";

function bodyOf(request: FastifyRequest): Record<string, unknown> {
  const body = rawBodyOf(request);
  if (body.malformed) throw new ControlError("body is not valid JSON");
  return (body.json ?? {}) as Record<string, unknown>;
}

function queryObject(request: FastifyRequest): Record<string, string> {
  return Object.fromEntries(new URL(request.url, "http://emulator").searchParams);
}

export function registerControlRoutes(app: FastifyInstance, network: XNetwork, control: XControl): void {
  const route = (method: Method, url: string, status: number, run: (request: FastifyRequest) => unknown) => {
    app.route({
      method,
      url,
      handler: async (request, reply) => {
        try {
          return send(reply, status, (await run(request)) ?? { ok: true });
        } catch (error) {
          if (error instanceof XApiError) return sendError(reply, error);
          if (error instanceof ZodError)
            return send(reply, 400, { error: "invalid control request", issues: error.issues });
          if (error instanceof ControlError) return send(reply, 400, { error: error.message });
          throw error;
        }
      },
    });
  };

  route("GET", "/state", 200, () => ({
    brand: control.listUsers().find((u) => u.id === network.config.brand.id),
    counts: {
      users: network.store.allUsers().length,
      tweets: network.store.tweetsNewestFirst().length,
      dms: network.store.dmsNewestFirst().length,
      rules: network.rules.list().length,
      streams: network.streams.size,
      webhooks: network.webhooks.list().length,
    },
    policy: network.policy,
  }));
  route("POST", "/reset", 200, () => control.reset());
  route("GET", "/users", 200, () => ({ data: control.listUsers() }));
  route("POST", "/users", 201, (r) => ({ data: control.createUser(bodyOf(r) as never) }));
  route("POST", "/tweets", 201, (r) => ({ data: control.postTweet(bodyOf(r) as never) }));
  route("DELETE", "/tweets/:id", 200, (r) => ({
    deleted: control.deleteTweet((r.params as { id: string }).id),
  }));
  route("POST", "/dms", 201, (r) => ({ data: control.sendDm(bodyOf(r) as never) }));
  route("GET", "/brand/tweets", 200, (r) => ({ data: control.brandTweets(queryObject(r)) }));
  route("GET", "/brand/dms", 200, (r) => ({ data: control.brandDms(queryObject(r)) }));
  route("POST", "/failures", 201, (r) => ({ data: control.injectFailure(bodyOf(r) as never) }));
  route("DELETE", "/failures", 200, () => control.clearFailures());
  route("POST", "/rate-limits", 200, (r) => ({ data: control.setRateLimit(bodyOf(r) as never) }));
  route("DELETE", "/rate-limits", 200, () => control.resetRateLimits());
  route("GET", "/streams", 200, () => ({ data: control.streams() }));
  route("POST", "/streams/disconnect", 200, (r) => {
    const detail = bodyOf(r).detail;
    return { disconnected: control.disconnectStreams(typeof detail === "string" ? detail : undefined) };
  });
  route("PATCH", "/policy", 200, (r) => ({ data: control.setPolicy(bodyOf(r) as never) }));
  route("POST", "/webhooks", 201, async (r) => ({
    data: await control.registerWebhook(String(bodyOf(r).url)),
  }));
  route("GET", "/webhooks/deliveries", 200, () => ({ data: control.deliveries() }));
  route("POST", "/idle", 200, () => control.idle());
}
