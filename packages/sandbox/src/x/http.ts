import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { invalidBody, routeNotFound, statusError, XApiError } from "./errors";

/**
 * HTTP plumbing shared by the X routes and the control API: bodies are parsed by the emulator
 * itself (so malformed JSON gets X's error body and OAuth 1.0a can see form parameters), and every
 * answer is serialized here with X's content types.
 */
export interface RawBody {
  json?: unknown;
  form?: Array<[string, string]>;
  malformed?: boolean;
}

export function parseRawBody(contentType: string | undefined, text: string): RawBody {
  if (text.trim() === "") return {};
  if (contentType?.includes("application/x-www-form-urlencoded")) {
    return { form: [...new URLSearchParams(text).entries()] };
  }
  try {
    return { json: JSON.parse(text) };
  } catch {
    return { malformed: true };
  }
}

export function rawBodyOf(request: FastifyRequest): RawBody {
  return (request.body as RawBody | undefined) ?? {};
}

/** The JSON object body of a request, or X's 400 when it is missing or not JSON. */
export function jsonObject(request: FastifyRequest): Record<string, unknown> {
  const body = rawBodyOf(request);
  if (body.malformed) throw invalidBody("Request body is not valid JSON.");
  if (
    body.json === undefined ||
    typeof body.json !== "object" ||
    body.json === null ||
    Array.isArray(body.json)
  ) {
    throw invalidBody("Request body must be a JSON object.");
  }
  return body.json as Record<string, unknown>;
}

/** The URL as the client addressed it (needed for OAuth 1.0a signatures), proxies included. */
export function absoluteUrl(request: FastifyRequest): string {
  const forwardedProto = request.headers["x-forwarded-proto"];
  const forwardedHost = request.headers["x-forwarded-host"];
  const proto =
    (typeof forwardedProto === "string" ? forwardedProto.split(",")[0] : undefined) ?? request.protocol;
  const host =
    (typeof forwardedHost === "string" ? forwardedHost : undefined) ?? request.headers.host ?? "localhost";
  return `${proto}://${host}${request.raw.url ?? request.url}`;
}

export function queryOf(request: FastifyRequest): URLSearchParams {
  return new URL(request.raw.url ?? request.url, "http://emulator").searchParams;
}

export function send(
  reply: FastifyReply,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const problem = typeof body === "object" && body !== null && "title" in body && "type" in body;
  return reply
    .code(status)
    .headers(headers)
    .type(problem ? "application/problem+json; charset=utf-8" : "application/json; charset=utf-8")
    .send(JSON.stringify(body));
}

export function sendError(reply: FastifyReply, error: XApiError, headers: Record<string, string> = {}) {
  return send(reply, error.status, error.body, { ...headers, ...error.headers });
}

/** Body parsing, 404 and crash handling for everything under the emulator's prefix. */
export function installHttpBasics(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string" }, (request, body, done) => {
    done(null, parseRawBody(request.headers["content-type"], String(body)));
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, routeNotFound()));
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof XApiError) return sendError(reply, error);
    request.log.error({ err: error }, "x emulator error");
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500)
      return sendError(reply, invalidBody(String((error as Error).message)));
    return sendError(reply, statusError(500));
  });
}
