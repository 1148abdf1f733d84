import type { FastifyInstance } from "fastify";
import { defineEndpoint } from "../endpoint";
import { invalidParameter, invalidRequest, resourceNotFound } from "../errors";
import { idParam, parseQuery, type Selection, USER_EXPANSIONS, USER_PARAMS } from "../fields";
import { expandUsers, mostRecentTweetId } from "../includes";
import type { XNetwork } from "../network";
import { envelope, renderUser } from "../render";
import type { XUser } from "../types";

/** User lookup (§1.3): /users/me, by id(s), by username(s). Missing users are partial errors. */
const USERNAME = /^[A-Za-z0-9_]{1,15}$/;

function usersBody(
  network: XNetwork,
  found: XUser[],
  errors: unknown[],
  selection: Selection,
  single: boolean,
) {
  const expanded = expandUsers(network.store, found, selection);
  const data = found.map((user) =>
    renderUser(user, selection.user, { mostRecentTweetId: mostRecentTweetId(network.store, user.id) }),
  );
  return envelope({
    data: single ? data[0] : data,
    includes: expanded.includes,
    errors: [...errors, ...expanded.errors],
  });
}

function requiredList(values: Record<string, string>, name: string): string[] {
  const raw = values[name];
  if (!raw)
    throw invalidRequest([
      { parameters: { [name]: [] }, message: `The \`${name}\` query parameter can not be empty` },
    ]);
  return raw.split(",");
}

function checkUsername(name: string, value: string): void {
  if (!USERNAME.test(value)) {
    throw invalidParameter(
      name,
      value,
      `The \`${name}\` query parameter value [${value}] does not match ^[A-Za-z0-9_]{1,15}$`,
    );
  }
}

export function registerUserRoutes(app: FastifyInstance, network: XNetwork): void {
  const spec = { params: USER_PARAMS, expansions: USER_EXPANSIONS };

  defineEndpoint(app, network, {
    method: "GET",
    path: "/2/users/me",
    auth: "user",
    handler: ({ auth, query }) => {
      const { selection } = parseQuery(query, spec);
      const me = auth.kind === "user" ? network.store.user(auth.userId) : undefined;
      if (!me) return undefined;
      return { body: usersBody(network, [me], [], selection, true) };
    },
  });

  defineEndpoint(app, network, {
    method: "GET",
    path: "/2/users/:id",
    auth: "any",
    handler: ({ query, params }) => {
      const { selection } = parseQuery(query, spec);
      const id = params.id ?? "";
      idParam({ id }, "id");
      const user = network.store.user(id);
      if (!user)
        return { body: { errors: [resourceNotFound({ value: id, parameter: "id", resourceType: "user" })] } };
      return { body: usersBody(network, [user], [], selection, true) };
    },
  });

  defineEndpoint(app, network, {
    method: "GET",
    path: "/2/users",
    auth: "any",
    handler: ({ query }) => {
      const { values, selection } = parseQuery(query, { ...spec, params: ["ids", ...USER_PARAMS] });
      const ids = requiredList(values, "ids");
      for (const id of ids) idParam({ ids: id }, "ids");
      const found = ids.map((id) => network.store.user(id)).filter((u): u is XUser => u !== undefined);
      const missing = ids
        .filter((id) => !network.store.user(id))
        .map((id) => resourceNotFound({ value: id, parameter: "ids", resourceType: "user" }));
      return { body: usersBody(network, found, missing, selection, false) };
    },
  });

  defineEndpoint(app, network, {
    method: "GET",
    path: "/2/users/by/username/:username",
    auth: "any",
    handler: ({ query, params }) => {
      const { selection } = parseQuery(query, spec);
      const username = params.username ?? "";
      checkUsername("username", username);
      const user = network.store.userByUsername(username);
      if (!user) {
        return {
          body: {
            errors: [resourceNotFound({ value: username, parameter: "username", resourceType: "user" })],
          },
        };
      }
      return { body: usersBody(network, [user], [], selection, true) };
    },
  });

  defineEndpoint(app, network, {
    method: "GET",
    path: "/2/users/by",
    auth: "any",
    handler: ({ query }) => {
      const { values, selection } = parseQuery(query, { ...spec, params: ["usernames", ...USER_PARAMS] });
      const names = requiredList(values, "usernames");
      for (const name of names) checkUsername("usernames", name);
      const found = names
        .map((n) => network.store.userByUsername(n))
        .filter((u): u is XUser => u !== undefined);
      const missing = names
        .filter((n) => !network.store.userByUsername(n))
        .map((n) => resourceNotFound({ value: n, parameter: "usernames", resourceType: "user" }));
      return { body: usersBody(network, found, missing, selection, false) };
    },
  });
}
