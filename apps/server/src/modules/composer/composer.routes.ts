import { ComposerSearchQuery, ComposerSearchResult } from "@parley/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../../platform/deps";
import { found } from "../../platform/http/problem";
import { principalOf } from "../auth/principal";
import { valuesFor } from "../templates/template-variables";
import { composerSearch } from "./composer-search";

export const composerRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db } = deps;

  app.get(
    "/composer/search",
    {
      config: { permission: "conversations:read" },
      schema: {
        tags: ["templates"],
        summary: "Search templates, knowledge articles and the playbook (the composer's `/` menu)",
        description:
          "With `conversation_id`, templates are filtered to its channel and rendered for it. " +
          "Ranked: exact shortcut, then name or shortcut prefix, then name, then body matches.",
        querystring: ComposerSearchQuery,
        response: { 200: ComposerSearchResult },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const { q, conversation_id, limit } = request.query;
      const values = conversation_id ? found(await valuesFor(db, p, conversation_id), "Conversation") : null;
      const context = values ? { channel: values["conversation.channel"] ?? "", values } : null;
      return composerSearch(db, p, q, limit, context);
    },
  );
};
