import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type AuthContext, type AuthRequirement, authenticate, requireMode } from "./auth";
import { statusError, tooManyRequests, XApiError } from "./errors";
import { absoluteUrl, queryOf, rawBodyOf, send, sendError } from "./http";
import type { XNetwork } from "./network";

/**
 * One X endpoint: authentication and auth-mode check, injected failures, the rate-limit window
 * (headers on every answer), then the handler. Handlers return `{status, body}` or throw XApiError;
 * returning undefined means the handler wrote the response itself (the stream).
 */
export interface EndpointCall {
  auth: AuthContext;
  query: URLSearchParams;
  params: Record<string, string>;
  request: FastifyRequest;
  reply: FastifyReply;
  /** Rate-limit headers to send with whatever the handler writes itself. */
  headers: Record<string, string>;
}

export interface EndpointResult {
  status?: number;
  body: unknown;
}

export interface EndpointDefinition {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  auth: AuthRequirement;
  handler: (call: EndpointCall) => Promise<EndpointResult | undefined> | EndpointResult | undefined;
}

function injectedFailure(network: XNetwork, key: string, auth: AuthContext): XApiError | undefined {
  const failure = network.failures.take(key);
  if (!failure) return undefined;
  const { headers } = network.limiter.consume(key, auth);
  if (failure.status === 429) headers["x-rate-limit-remaining"] = "0";
  const base = failure.status === 429 ? tooManyRequests() : statusError(failure.status);
  return new XApiError(failure.status, failure.body ?? base.body, headers);
}

export function defineEndpoint(
  app: FastifyInstance,
  network: XNetwork,
  definition: EndpointDefinition,
): void {
  const key = `${definition.method} ${definition.path}`;
  app.route({
    method: definition.method,
    url: definition.path,
    handler: async (request, reply) => {
      let headers: Record<string, string> = {};
      try {
        const auth = authenticate({
          authorization: request.headers.authorization,
          method: request.method,
          url: absoluteUrl(request),
          formParams: rawBodyOf(request).form,
          credentials: network.config.credentials,
        });
        requireMode(auth, definition.auth);
        const failure = injectedFailure(network, key, auth);
        if (failure) return sendError(reply, failure);
        const limit = network.limiter.consume(key, auth);
        headers = limit.headers;
        if (!limit.allowed) return sendError(reply, tooManyRequests(), headers);
        const params = request.params as Record<string, string>;
        const result = await definition.handler({
          auth,
          query: queryOf(request),
          params,
          request,
          reply,
          headers,
        });
        if (result === undefined) return reply;
        return send(reply, result.status ?? 200, result.body, headers);
      } catch (error) {
        if (error instanceof XApiError) return sendError(reply, error, headers);
        throw error;
      }
    },
  });
}
