import type { FastifyInstance } from "fastify";
import { defineEndpoint } from "../endpoint";
import { invalidBody, PROBLEMS } from "../errors";
import { intParam, parseQuery } from "../fields";
import { jsonObject } from "../http";
import type { XNetwork } from "../network";
import { checkRuleQuery } from "../query";
import type { StreamRule } from "../rules";

/** Filtered-stream rule management (§1.7.1): add / delete / delete_all / dry_run and listing. */
type Json = Record<string, unknown>;

function ruleJson(rule: StreamRule): Json {
  return rule.tag === undefined
    ? { id: rule.id, value: rule.value }
    : { id: rule.id, value: rule.value, tag: rule.tag };
}

function parseAdds(body: Json): Array<{ value: string; tag?: string }> {
  if (!Array.isArray(body.add)) throw invalidBody("add must be an array of rules.");
  return body.add.map((entry: unknown) => {
    const rule = (entry ?? {}) as Json;
    if (typeof rule.value !== "string") throw invalidBody("Every rule needs a string value.");
    return typeof rule.tag === "string" ? { value: rule.value, tag: rule.tag } : { value: rule.value };
  });
}

function addRules(network: XNetwork, adds: Array<{ value: string; tag?: string }>, dryRun: boolean) {
  const sent = network.clock.now().toISOString();
  const invalid = adds
    .map((add) => ({ add, checked: checkRuleQuery(add.value) }))
    .map(({ add, checked }) => {
      const details = "errors" in checked ? [...checked.errors] : [];
      if (add.value.length > network.policy.maxRuleLength) {
        details.push(`Rule length exceeds ${network.policy.maxRuleLength} characters`);
      }
      return { value: add.value, details };
    })
    .filter((r) => r.details.length > 0);
  if (invalid.length > 0) {
    const errors = invalid.map((r) => ({
      value: r.value,
      details: r.details,
      title: "UnprocessableEntity",
      type: `${PROBLEMS}invalid-rules`,
    }));
    const summary = {
      created: 0,
      not_created: adds.length,
      valid: adds.length - invalid.length,
      invalid: invalid.length,
    };
    return { status: 400, body: { errors, meta: { sent, summary } } };
  }
  const existing = network.rules.list();
  if (existing.length + adds.length > network.policy.maxRules) {
    const errors = [
      {
        title: "RulesCapExceeded",
        detail: `Rule creation would exceed the rule cap of ${network.policy.maxRules}.`,
        type: `${PROBLEMS}rule-cap`,
      },
    ];
    return {
      status: 400,
      body: {
        errors,
        meta: { sent, summary: { created: 0, not_created: adds.length, valid: 0, invalid: adds.length } },
      },
    };
  }
  const created: StreamRule[] = [];
  const errors: Json[] = [];
  for (const add of adds) {
    const duplicate = network.rules.byValue(add.value) ?? created.find((r) => r.value === add.value);
    if (duplicate) {
      errors.push({
        value: add.value,
        id: duplicate.id,
        title: "DuplicateRule",
        type: `${PROBLEMS}duplicate-rules`,
      });
      continue;
    }
    const checked = checkRuleQuery(add.value);
    if ("errors" in checked) continue;
    const rule: StreamRule = {
      id: network.ids.next(network.clock.now()),
      value: add.value,
      node: checked.node,
    };
    if (add.tag !== undefined) rule.tag = add.tag;
    created.push(rule);
  }
  if (!dryRun) for (const rule of created) network.rules.add(rule);
  const summary = {
    created: created.length,
    not_created: errors.length,
    valid: created.length,
    invalid: errors.length,
  };
  const body: Json = {};
  if (created.length > 0) body.data = created.map(ruleJson);
  if (errors.length > 0) body.errors = errors;
  body.meta = { sent, summary };
  return { status: 201, body };
}

function deleteRules(network: XNetwork, body: Json, dryRun: boolean) {
  const sent = network.clock.now().toISOString();
  const keys = (body.delete ?? {}) as { ids?: unknown; values?: unknown };
  const ids = Array.isArray(keys.ids) ? keys.ids.map(String) : [];
  const values = Array.isArray(keys.values) ? keys.values.map(String) : [];
  if (ids.length + values.length === 0) throw invalidBody("delete needs ids or values.");
  const known = network.rules.list();
  const found = known.filter((r) => ids.includes(r.id) || values.includes(r.value));
  const missing = [
    ...ids.filter((id) => !known.some((r) => r.id === id)),
    ...values.filter((v) => !known.some((r) => r.value === v)),
  ];
  if (!dryRun) network.rules.remove({ ids, values });
  const out: Json = { meta: { sent, summary: { deleted: found.length, not_deleted: missing.length } } };
  if (missing.length > 0) {
    out.errors = missing.map((value) => ({
      value,
      detail: "Rule does not exist",
      title: "Not Found Error",
      type: `${PROBLEMS}resource-not-found`,
    }));
  }
  return { status: 200, body: out };
}

export function registerRuleRoutes(app: FastifyInstance, network: XNetwork): void {
  defineEndpoint(app, network, {
    method: "GET",
    path: "/2/tweets/search/stream/rules",
    auth: "app",
    handler: ({ query }) => {
      const { values } = parseQuery(query, { params: ["ids", "max_results", "pagination_token"] });
      const maxResults = intParam({ values, name: "max_results", min: 1, max: 1000, fallback: 1000 });
      const ids = values.ids?.split(",");
      const all = network.rules.list().filter((r) => !ids || ids.includes(r.id));
      const offset = values.pagination_token ? Number.parseInt(values.pagination_token, 36) || 0 : 0;
      const page = all.slice(offset, offset + maxResults);
      const meta: Json = { sent: network.clock.now().toISOString(), result_count: page.length };
      if (offset + maxResults < all.length)
        meta.next_token = (offset + maxResults).toString(36).padStart(16, "0");
      return { body: page.length > 0 ? { data: page.map(ruleJson), meta } : { meta } };
    },
  });

  defineEndpoint(app, network, {
    method: "POST",
    path: "/2/tweets/search/stream/rules",
    auth: "app",
    handler: ({ query, request }) => {
      const { values } = parseQuery(query, { params: ["dry_run", "delete_all"] });
      const dryRun = values.dry_run === "true";
      if (values.delete_all === "true") {
        const count = dryRun ? network.rules.list().length : network.rules.clear();
        const sent = network.clock.now().toISOString();
        return { body: { meta: { sent, summary: { deleted: count, not_deleted: 0 } } } };
      }
      const body = jsonObject(request);
      if (body.add !== undefined && body.delete !== undefined)
        throw invalidBody("Use either add or delete, not both.");
      if (body.add !== undefined) return addRules(network, parseAdds(body), dryRun);
      if (body.delete !== undefined) return deleteRules(network, body, dryRun);
      throw invalidBody("Request body must contain add or delete.");
    },
  });
}
