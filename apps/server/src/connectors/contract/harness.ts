import type { AddressInfo } from "node:net";
import type { Message, Visibility } from "@parley/contracts";
import { asc, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { inboundState } from "../../ingest/inbound";
import { type ChannelRow, credentialsOf } from "../../modules/channels/channels.repo";
import { outboundRequestFor } from "../../outbox/outbound-request";
import { type BackgroundWork, startBackgroundWork } from "../../outbox/workers";
import type { Clock } from "../../platform/clock";
import { channelAccounts, conversations, inboundEvents, messages } from "../../platform/db/schema";
import { createWorkspaceFixture, type WorkspaceFixture } from "../../testing/fixtures";
import { authHeaders, createTestApp, type TestApp } from "../../testing/harness";
import type { ConnectorContext, OutboundRequest, SendResult } from "../connector";
import { createNetworkClient } from "../http";
import { connectorFor } from "../registry";
import type { Pair } from "./pair";

const log = { error: () => {}, warn: () => {} };

/**
 * Parley (real app on a fresh database, listening on loopback) connected to a pair's emulator:
 * the channel is created through the API and the network's webhooks point at Parley. The worker
 * runs only when `drain` is called, so tests decide when jobs happen.
 */
export interface ContractEnv {
  t: TestApp;
  /** The workspace the channel belongs to, with a session and API key per role. */
  w: WorkspaceFixture;
  drain(): Promise<void>;
  /** How many stored deliveries of this channel are in each state. */
  deliveries(): Promise<Record<string, number>>;
  /** This channel's conversations, oldest first. */
  conversationIds(): Promise<string[]>;
  messagesOf(conversationId: string): Promise<Message[]>;
  message(conversationId: string, id: string): Promise<Message | undefined>;
  reply(conversationId: string, text: string, visibility: Visibility): Promise<LightMyRequestResponse>;
  /** The network takes the reply but Parley dies before recording it: the message is left `sending`. */
  sendBehindParleysBack(messageId: string): Promise<void>;
  /** What the connector's reconciliation finds on the network for this message. */
  findSent(messageId: string): Promise<SendResult | null | "unknown">;
  close(): Promise<void>;
}

export async function startContract(pair: Pair, clock: Clock): Promise<ContractEnv> {
  const network = await pair.start(clock);
  const t = await createTestApp({ clock });
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const port = (t.app.server.address() as AddressInfo).port;
  const w: WorkspaceFixture = await createWorkspaceFixture(t.app, t.database.db, `contract-${pair.network}`);
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/channels",
    payload: pair.channel(network.url),
    headers: authHeaders(w.sessions.admin),
  });
  expect(res.statusCode).toBe(201);
  const channelId: string = res.json().id;
  await pair.subscribe(`http://127.0.0.1:${port}${res.json().webhook_path}`);
  const worker: BackgroundWork = await startBackgroundWork(t.deps, log, {
    autostart: false,
    http: createNetworkClient({ timeoutMs: 3000 }),
  });
  const agent = authHeaders(w.sessions.agent);
  const connector = connectorFor(pair.network);
  if (!connector) throw new Error(`no connector for ${pair.network}`);
  const callFor = async (messageId: string): Promise<[ConnectorContext, OutboundRequest]> => {
    const db = t.database.db;
    const [row] = await db.select().from(messages).where(eq(messages.id, messageId));
    const [channel] = await db.select().from(channelAccounts).where(eq(channelAccounts.id, channelId));
    const request = row && (await outboundRequestFor(db, row));
    if (!request || !channel) throw new Error(`no request for message ${messageId}`);
    const credentials = credentialsOf(channel as ChannelRow, t.deps.secrets);
    return [
      { channel: channel as ChannelRow, credentials, http: createNetworkClient(), now: clock.now() },
      request,
    ];
  };
  const messagesOf = async (id: string): Promise<Message[]> =>
    (
      await t.app.inject({ method: "GET", url: `/api/v1/conversations/${id}/messages`, headers: agent })
    ).json().items;

  return {
    t,
    w,
    async drain() {
      await pair.idle();
      while ((await worker.tick()) > 0) {}
    },
    async deliveries() {
      const rows = await t.database.db
        .select({ status: inboundState })
        .from(inboundEvents)
        .where(eq(inboundEvents.channelAccountId, channelId));
      const counts: Record<string, number> = {};
      for (const { status } of rows) counts[status] = (counts[status] ?? 0) + 1;
      return counts;
    },
    async conversationIds() {
      const rows = await t.database.db
        .select({ id: conversations.id })
        .from(conversations)
        .where(eq(conversations.channelAccountId, channelId))
        .orderBy(asc(conversations.createdAt));
      return rows.map((r) => r.id);
    },
    messagesOf,
    message: async (conversationId, id) => (await messagesOf(conversationId)).find((m) => m.id === id),
    reply: (conversationId, text, visibility) =>
      t.app.inject({
        method: "POST",
        url: `/api/v1/conversations/${conversationId}/replies`,
        payload: { text, visibility },
        headers: agent,
      }),
    async sendBehindParleysBack(messageId) {
      await connector.send(...(await callFor(messageId)));
      await t.database.db
        .update(messages)
        .set({ deliveryStatus: "sending" })
        .where(eq(messages.id, messageId));
    },
    findSent: async (messageId) => connector.findSent(...(await callFor(messageId))),
    async close() {
      // The network first: its webhook deliveries would otherwise keep Parley's connections busy.
      await network.close();
      await worker.stop();
      await t.close();
    },
  };
}
