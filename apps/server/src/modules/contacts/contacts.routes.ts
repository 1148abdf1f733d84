import { Contact, Id, ListContactsQuery, pageOf, UpdateContactRequest } from "@parley/contracts";
import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contacts } from "../../platform/db/schema";
import type { Deps } from "../../platform/deps";
import { decodeCursor, pageFrom } from "../../platform/http/cursor";
import { found } from "../../platform/http/problem";
import { recordAudit } from "../audit/audit.repo";
import { principalOf } from "../auth/principal";
import { findContact, listContacts, toContactDto } from "./contacts.repo";

const Params = z.object({ id: Id });

export const contactRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;

  app.get(
    "/contacts",
    {
      config: { permission: "contacts:read" },
      schema: {
        tags: ["contacts"],
        summary: "Customers, optionally searched",
        querystring: ListContactsQuery,
        response: { 200: pageOf(Contact) },
      },
    },
    async (request) => {
      const { limit, cursor, q } = request.query;
      const after = decodeCursor(cursor, 1)?.[0] as string | undefined;
      const rows = await listContacts(db, principalOf(request).workspaceId, limit, after ?? null, q);
      const page = pageFrom(rows, limit, (r) => [r.id]);
      return { items: page.items.map(toContactDto), next_cursor: page.next_cursor };
    },
  );

  app.get(
    "/contacts/:id",
    {
      config: { permission: "contacts:read" },
      schema: {
        tags: ["contacts"],
        summary: "One customer with their identities",
        params: Params,
        response: { 200: Contact },
      },
    },
    async (request) =>
      toContactDto(
        found(await findContact(db, principalOf(request).workspaceId, request.params.id), "Contact"),
      ),
  );

  app.patch(
    "/contacts/:id",
    {
      config: { permission: "contacts:update" },
      schema: {
        tags: ["contacts"],
        summary: "Edit a customer's profile (name, CRM id, VIP tier, troll flag...)",
        params: Params,
        body: UpdateContactRequest,
        response: { 200: Contact },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const b = request.body;
      const now = clock.now();
      await db.transaction(async (tx) => {
        const contact = found(await findContact(tx, p.workspaceId, request.params.id), "Contact");
        await tx
          .update(contacts)
          .set({
            displayName: b.display_name,
            email: b.email,
            phone: b.phone,
            crmId: b.crm_id,
            vipTier: b.vip_tier,
            isTroll: b.is_troll,
            notes: b.notes,
            updatedAt: now,
          })
          .where(and(eq(contacts.workspaceId, p.workspaceId), eq(contacts.id, contact.id)));
        await recordAudit(
          tx,
          p,
          request.ip,
          { action: "contact.updated", targetType: "contact", targetId: contact.id, data: b },
          now,
        );
      });
      return toContactDto(found(await findContact(db, p.workspaceId, request.params.id), "Contact"));
    },
  );
};
