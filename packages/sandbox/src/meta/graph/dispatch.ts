import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Random } from "../core/random";
import { appsecretProof, safeEqual, serializeMetaJson } from "../core/signature";
import { errors, GraphError, graphErrorBody } from "./errors";
import type { FailureInjector } from "./failures";
import { type FieldSpec, parseFields } from "./fields";
import { bearerToken, mergeParams, type Params, parseGraphPath, str } from "./params";
import type { UsageMeter, UsageScope } from "./usage";

export type GraphMethod = "GET" | "POST" | "DELETE";

export interface GraphNode {
  kind: string;
  id: string;
}

export interface GraphCall<P, N extends GraphNode> {
  method: GraphMethod;
  principal: P;
  node: N;
  edge: string | undefined;
  params: Params;
  fields: FieldSpec[] | undefined;
  /** Absolute URL of the same endpoint with the given query (for `paging.next`). */
  selfUrl: (query: Record<string, string>) => string;
  /** Absolute URL of another Graph path (nested edges page through their own endpoint). */
  urlFor: UrlFor;
}

export type UrlFor = (path: string, query: Record<string, string>) => string;

export interface GraphRoute<P, N extends GraphNode> {
  method: GraphMethod;
  kind: string;
  edge?: string;
  usage?: (call: GraphCall<P, N>) => UsageScope;
  handle: (call: GraphCall<P, N>) => unknown;
}

export interface GraphApi<P, N extends GraphNode> {
  /** Maps the access token to a principal; throws 104 when missing and 190 when unknown. */
  authenticate(token: string | undefined): P;
  /** Resolves `me` and object ids the principal may see. */
  resolve(id: string, principal: P): N | undefined;
  routes: GraphRoute<P, N>[];
}

export interface GraphRuntime {
  appSecret: string;
  requireAppsecretProof: boolean;
  random: Random;
  usage: UsageMeter;
  failures: FailureInjector;
  defaultVersion: string;
}

const METHODS = new Set<string>(["GET", "POST", "DELETE"]);

function checkProof(runtime: GraphRuntime, token: string, params: Params): void {
  const proof = str(params, "appsecret_proof");
  if (proof === undefined) {
    if (runtime.requireAppsecretProof) throw errors.appsecretProofRequired();
    return;
  }
  if (!safeEqual(proof, appsecretProof(runtime.appSecret, token))) throw errors.invalidAppsecretProof();
}

function findRoute<P, N extends GraphNode>(api: GraphApi<P, N>, method: string, node: N, edge?: string) {
  const route = api.routes.find((r) => r.method === method && r.kind === node.kind && r.edge === edge);
  if (route) return route;
  if (edge && !api.routes.some((r) => r.kind === node.kind && r.edge === edge)) {
    throw errors.invalidParam(`Tried accessing nonexisting field (${edge}) on node type (${node.kind})`);
  }
  throw errors.unknownObject(node.id, method);
}

function urlForBuilder(request: FastifyRequest, prefix: string, version: string): UrlFor {
  return (path, query) => {
    const search = new URLSearchParams(query);
    const token = new URL(request.url, "http://placeholder").searchParams.get("access_token");
    if (token && !search.has("access_token")) search.set("access_token", token);
    return `${request.protocol}://${request.headers.host}${prefix}/${version}/${path}?${search.toString()}`;
  };
}

function selfUrlBuilder(request: FastifyRequest, prefix: string, path: string) {
  return (query: Record<string, string>) => {
    const original = new URL(request.url, "http://placeholder").searchParams;
    original.delete("after");
    original.delete("before");
    for (const [k, v] of Object.entries(query)) original.set(k, v);
    return `${request.protocol}://${request.headers.host}${prefix}/${path}?${original.toString()}`;
  };
}

function send(reply: FastifyReply, status: number, body: unknown) {
  return reply.status(status).type("application/json; charset=UTF-8").send(serializeMetaJson(body));
}

/**
 * One catch-all route dispatching like Graph does: by the type of the object the id names,
 * then by edge. Every answer carries the usage headers; every error the Graph envelope.
 */
export function registerGraphDispatch<P, N extends GraphNode>(
  app: FastifyInstance,
  api: GraphApi<P, N>,
  runtime: GraphRuntime,
): void {
  const prefix = app.prefix;
  app.all("/*", async (request, reply) => {
    const wildcard = (request.params as Record<string, string>)["*"] ?? "";
    const { version, segments } = parseGraphPath(wildcard);
    const isJson = (request.headers["content-type"] ?? "").includes("json");
    const params = mergeParams(request.query, request.body, isJson);
    const method = request.method.toUpperCase();
    let scope: UsageScope = {};
    reply.header("facebook-api-version", version ?? runtime.defaultVersion);
    try {
      const token = str(params, "access_token") ?? bearerToken(request.headers.authorization);
      const principal = api.authenticate(token);
      checkProof(runtime, token as string, params);
      const [id, edge, ...rest] = segments;
      if (!id || rest.length > 0 || !METHODS.has(method)) throw errors.unknownPath(segments.join("/"));
      const injected = runtime.failures.take(method, `/${segments.join("/")}`);
      if (injected) throw injected;
      const node = api.resolve(id, principal);
      if (!node) throw errors.unknownObject(id, method);
      const route = findRoute(api, method, node, edge);
      const call: GraphCall<P, N> = {
        method: method as GraphMethod,
        principal,
        node,
        edge,
        params,
        fields: parseFields(str(params, "fields")),
        selfUrl: selfUrlBuilder(request, prefix, [version ?? runtime.defaultVersion, ...segments].join("/")),
        urlFor: urlForBuilder(request, prefix, version ?? runtime.defaultVersion),
      };
      scope = route.usage?.(call) ?? {};
      runtime.usage.check(scope);
      runtime.usage.record(scope);
      const result = await route.handle(call);
      if (result === undefined) throw errors.unknownObject(id, method);
      reply.headers(runtime.usage.headers(scope));
      return send(reply, 200, result);
    } catch (caught) {
      const error = caught instanceof GraphError ? caught : unexpected(request, caught);
      reply.headers(runtime.usage.headers(scope));
      if (error.code === 190 || error.code === 104) {
        reply.header("www-authenticate", `OAuth "Facebook Platform" "invalid_token" "${error.message}"`);
      }
      return send(reply, error.status, graphErrorBody(error, `A${runtime.random.token(22)}`));
    }
  });
}

function unexpected(request: FastifyRequest, caught: unknown): GraphError {
  request.log.error({ err: caught }, "graph emulator failure");
  return new GraphError({
    code: 1,
    message: "An unknown error has occurred.",
    status: 500,
    isTransient: true,
  });
}

/**
 * Graph accepts JSON, form-encoded and query-only POSTs (an empty JSON body included); the
 * host's parsers are replaced inside this plugin so its errors stay in the Graph envelope.
 */
export function installGraphBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === "") return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(errors.invalidParam("The request body is not valid JSON") as unknown as Error, undefined);
    }
  });
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  app.addContentTypeParser("*", { parseAs: "string" }, (_req, _body, done) => done(null, {}));
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const graph =
      error instanceof GraphError
        ? error
        : new GraphError({ code: 100, message: `(#100) ${error.message}`, status: error.statusCode ?? 400 });
    return send(reply, graph.status, graphErrorBody(graph, "AEmulatorParserError"));
  });
}
