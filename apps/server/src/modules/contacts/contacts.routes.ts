import {
  Contact,
  ContactProfile,
  Id,
  LinkIdentityRequest,
  ListContactsQuery,
  MergeContactRequest,
  pageOf,
  UpdateContactRequest,
} from "@parley/contracts";
import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contacts } from "../../platform/db/schema";
import type { Deps } from "../../platform/deps";
import { decodeCursor, pageFrom } from "../../platform/http/cursor";
import { found } from "../../platform/http/problem";
import { recordAudit } from "../audit/audit.repo";
import { principalOf } from "../auth/principal";
import { findLiveContact, loadContactProfile } from "./contact-profile";
import { listContacts, toContactDto } from "./contacts.repo";
import { linkIdentity, unlinkIdentity } from "./link-identity";
import { mergeContacts } from "./merge-contacts";

const Params = z.object({ id: Id });
const IdentityParams = z.object({ id: Id, identity_id: Id });

export const contactRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;
  const profile = (workspaceId: string, id: string) => loadContactProfile(db, workspaceId, id, clock.now());
  /** Conversations whose contact changed: their rows and panels refresh live. */
  const publish = (workspaceId: string, conversationIds: string[]) =>
    deps.changes.publish({ workspaceId, conversationIds, reasons: ["contact"] });

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
        summary:
          "The customer panel: identities, conversations, sentiment trend, flags (a merged id opens the survivor)",
        params: Params,
        response: { 200: ContactProfile },
      },
    },
    async (request) => profile(principalOf(request).workspaceId, request.params.id),
  );

  app.patch(
    "/contacts/:id",
    {
      config: { permission: "contacts:update" },
      schema: {
        tags: ["contacts"],
        summary: "Edit a customer's profile (name, CRM id, VIP tier, troll and abuse flags...)",
        params: Params,
        body: UpdateContactRequest,
        response: { 200: ContactProfile },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const b = request.body;
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const contact = found(await findLiveContact(tx, p.workspaceId, request.params.id), "Contact");
        await tx
          .update(contacts)
          .set({
            displayName: b.display_name,
            email: b.email,
            phone: b.phone,
            crmId: b.crm_id,
            // Stored as null: the prioritiser treats any tier text as VIP.
            vipTier: b.vip_tier === "none" ? null : b.vip_tier,
            isTroll: b.is_troll,
            isAbuse: b.is_abuse,
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
        return contact.id;
      });
      return profile(p.workspaceId, id);
    },
  );

  app.post(
    "/contacts/:id/merge",
    {
      config: { permission: "contacts:update" },
      schema: {
        tags: ["contacts"],
        summary: "Merge another contact into this one (identities, conversations and messages move here)",
        description:
          "The other contact keeps only `merged_into`; later messages from its identities land on this one. " +
          "422 for the contact itself, 404 for a contact of another workspace, 409 for one already merged.",
        params: Params,
        body: MergeContactRequest,
        response: { 200: ContactProfile },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const now = clock.now();
      const { other_contact_id: otherId } = request.body;
      const merged = await db.transaction(async (tx) => {
        const merged = await mergeContacts(tx, p, request.params.id, otherId, now);
        await recordAudit(
          tx,
          p,
          request.ip,
          {
            action: "contact.merged",
            targetType: "contact",
            targetId: request.params.id,
            data: {
              other_contact_id: otherId,
              conversation_ids: merged.conversationIds,
              identity_ids: merged.identities,
            },
          },
          now,
        );
        return merged;
      });
      publish(p.workspaceId, merged.conversationIds);
      return profile(p.workspaceId, request.params.id);
    },
  );

  app.post(
    "/contacts/:id/identities",
    {
      config: { permission: "contacts:update" },
      schema: {
        tags: ["contacts"],
        summary: "Link another contact's identity to this contact",
        description:
          "The identity moves here with the conversations only it wrote in; a contact left with no identity " +
          "is merged into this one.",
        params: Params,
        body: LinkIdentityRequest,
        response: { 200: ContactProfile },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const now = clock.now();
      const { identity_id: identityId } = request.body;
      const linked = await db.transaction(async (tx) => {
        const linked = await linkIdentity(tx, p, request.params.id, identityId, now);
        await recordAudit(
          tx,
          p,
          request.ip,
          {
            action: "contact.identity_linked",
            targetType: "contact",
            targetId: request.params.id,
            data: {
              identity_id: identityId,
              from_contact_id: linked.fromContactId,
              conversation_ids: linked.conversationIds,
            },
          },
          now,
        );
        return linked;
      });
      publish(p.workspaceId, linked.conversationIds);
      return profile(p.workspaceId, request.params.id);
    },
  );

  app.delete(
    "/contacts/:id/identities/:identity_id",
    {
      config: { permission: "contacts:update" },
      schema: {
        tags: ["contacts"],
        summary: "Unlink an identity: it becomes a contact of its own",
        description:
          "The new contact takes the conversations only this identity wrote in. A contact's only identity " +
          "cannot be unlinked (422). Answers this contact's profile.",
        params: IdentityParams,
        response: { 200: ContactProfile },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const now = clock.now();
      const { id, identity_id: identityId } = request.params;
      const unlinked = await db.transaction(async (tx) => {
        const unlinked = await unlinkIdentity(tx, p, id, identityId, now);
        await recordAudit(
          tx,
          p,
          request.ip,
          {
            action: "contact.identity_unlinked",
            targetType: "contact",
            targetId: id,
            data: {
              identity_id: identityId,
              new_contact_id: unlinked.newContactId,
              conversation_ids: unlinked.conversationIds,
            },
          },
          now,
        );
        return unlinked;
      });
      publish(p.workspaceId, unlinked.conversationIds);
      return profile(p.workspaceId, id);
    },
  );
};
