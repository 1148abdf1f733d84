import { Playbook, UpdatePlaybookRequest } from "@parley/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../../platform/deps";
import { recordAudit } from "../audit/audit.repo";
import { principalOf } from "../auth/principal";
import { findPlaybook, savePlaybook } from "./playbook.repo";

export const playbookRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;

  app.get(
    "/playbook",
    {
      config: { permission: "conversations:read" },
      schema: {
        tags: ["playbook"],
        summary: "The workspace's playbook",
        description: "Tone of voice, do's and don'ts, example responses and escalation contacts (SPEC A4).",
        response: { 200: Playbook },
      },
    },
    async (request) => findPlaybook(db, principalOf(request).workspaceId),
  );

  app.put(
    "/playbook",
    {
      config: { permission: "templates:manage" },
      schema: {
        tags: ["playbook"],
        summary: "Replace the playbook",
        body: UpdatePlaybookRequest,
        response: { 200: Playbook },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await savePlaybook(tx, p.workspaceId, request.body, p.userId, now);
        const b = request.body;
        const data = {
          dos: b.dos.length,
          donts: b.donts.length,
          examples: b.examples.length,
          escalation_contacts: b.escalation_contacts.length,
        };
        await recordAudit(
          tx,
          p,
          request.ip,
          { action: "playbook.updated", targetType: "playbook", targetId: p.workspaceId, data },
          now,
        );
      });
      return findPlaybook(db, p.workspaceId);
    },
  );
};
