import { ChannelAccount, ConnectChannelRequest, Id, UpdateChannelRequest } from "@parley/contracts";
import { eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { channelAccounts } from "../../platform/db/schema";
import type { Deps } from "../../platform/deps";
import { found } from "../../platform/http/problem";
import { recordAudit } from "../audit/audit.repo";
import { principalOf } from "../auth/principal";
import { credentialsOf, findChannel, listChannels, toChannelDto } from "./channels.repo";
import { checkCredentials, connectChannel } from "./connect-channel";

const Params = z.object({ id: Id });

/** Audit data never includes secrets: only which keys were set. */
const redact = (body: { credentials?: Record<string, string> }) => ({
  ...body,
  credentials: body.credentials ? Object.keys(body.credentials) : undefined,
});

export const channelRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock, secrets } = deps;
  const dto = (row: Parameters<typeof toChannelDto>[0]) =>
    toChannelDto(row, secrets, clock.now(), deps.config.publicUrl);

  app.get(
    "/channels",
    {
      config: { permission: "conversations:read" },
      schema: {
        tags: ["channels"],
        summary: "Connected brand accounts with their health",
        response: { 200: z.object({ items: z.array(ChannelAccount) }) },
      },
    },
    async (request) => ({ items: (await listChannels(db, principalOf(request).workspaceId)).map(dto) }),
  );

  app.get(
    "/channels/:id",
    {
      config: { permission: "conversations:read" },
      schema: {
        tags: ["channels"],
        summary: "One channel account",
        params: Params,
        response: { 200: ChannelAccount },
      },
    },
    async (request) =>
      dto(found(await findChannel(db, principalOf(request).workspaceId, request.params.id), "Channel")),
  );

  app.post(
    "/channels",
    {
      config: { permission: "channels:manage" },
      schema: {
        tags: ["channels"],
        summary: "Connect a brand account; its credentials are encrypted at rest",
        body: ConnectChannelRequest,
        response: { 201: ChannelAccount },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const b = request.body;
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const created = await connectChannel(
          tx,
          secrets,
          {
            workspaceId: p.workspaceId,
            network: b.network,
            name: b.name,
            handle: b.handle,
            externalAccountId: b.external_account_id,
            baseUrl: b.base_url,
            credentials: b.credentials,
            settings: b.settings,
          },
          now,
        );
        await recordAudit(
          tx,
          p,
          request.ip,
          { action: "channel.connected", targetType: "channel", targetId: created.id, data: redact(b) },
          now,
        );
        return created;
      });
      return reply.status(201).send(dto(row));
    },
  );

  app.patch(
    "/channels/:id",
    {
      config: { permission: "channels:manage" },
      schema: {
        tags: ["channels"],
        summary: "Rename, pause/resume, move or replace the credentials of a channel",
        params: Params,
        body: UpdateChannelRequest,
        response: { 200: ChannelAccount },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const b = request.body;
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const current = found(await findChannel(tx, p.workspaceId, request.params.id), "Channel");
        const credentials = b.credentials
          ? checkCredentials(current.network, { ...credentialsOf(current, secrets), ...b.credentials })
          : undefined;
        const [updated] = await tx
          .update(channelAccounts)
          .set({
            name: b.name,
            status: b.status,
            baseUrl: b.base_url?.replace(/\/+$/, ""),
            settings: b.settings,
            credentialsEncrypted: credentials ? secrets.encrypt(JSON.stringify(credentials)) : undefined,
            updatedAt: now,
          })
          .where(eq(channelAccounts.id, current.id))
          .returning();
        await recordAudit(
          tx,
          p,
          request.ip,
          { action: "channel.updated", targetType: "channel", targetId: current.id, data: redact(b) },
          now,
        );
        return found(updated, "Channel");
      });
      return dto(row);
    },
  );

  app.delete(
    "/channels/:id",
    {
      config: { permission: "channels:manage" },
      schema: {
        tags: ["channels"],
        summary: "Disconnect a channel: its secrets are erased, its history stays",
        params: Params,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const current = found(await findChannel(tx, p.workspaceId, request.params.id), "Channel");
        await tx
          .update(channelAccounts)
          .set({ status: "disconnected", credentialsEncrypted: null, updatedAt: now })
          .where(eq(channelAccounts.id, current.id));
        await recordAudit(
          tx,
          p,
          request.ip,
          { action: "channel.disconnected", targetType: "channel", targetId: current.id },
          now,
        );
      });
      return reply.status(204).send(null);
    },
  );
};
