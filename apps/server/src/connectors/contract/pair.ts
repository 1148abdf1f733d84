import type { AddressInfo } from "node:net";
import type { Channel, Visibility } from "@parley/contracts";
import Fastify, { type FastifyInstance } from "fastify";
import type { Clock } from "../../platform/clock";

/**
 * A connector and its network's emulator, as the contract suite drives them: the emulator plays
 * the customer and the network; the suite plays the agent through Parley's API.
 */
export interface Pair {
  network: Channel;
  /** Customers write in public here (WhatsApp: private conversations only). */
  hasPublic: boolean;
  /** The visibility of the replies the send tests make. */
  replyVisibility: Visibility;
  /** A reply the network forbids, which Parley must refuse before sending. */
  forbidden: { text: string; visibility: Visibility };
  /** The network can tell after a crash whether a reply went out (WhatsApp has no read API). */
  reconciles: boolean;
  start(clock: Clock): Promise<{ url: string; close(): Promise<void> }>;
  /** The body of `POST /api/v1/channels` connecting the emulator's brand account. */
  channel(baseUrl: string): object;
  /** Points the network's webhooks at Parley (the network's handshake runs first). */
  subscribe(webhookUrl: string): Promise<void>;
  /** The customer posts or comments in public; returns the network's id. */
  customerPosts(text: string): Promise<string>;
  customerMessages(text: string): Promise<void>;
  /** Waits until every webhook delivery has settled. */
  idle(): Promise<void>;
  /** What the brand sent on the network, oldest first. */
  brandSent(visibility: Visibility): Promise<SentOnNetwork[]>;
  /** The text of a brand reply, read back through the network's own API. */
  readBack(id: string): Promise<string | null>;
  /** The network throttles the next call. */
  rateLimitNext(): void;
}

export interface SentOnNetwork {
  id: string;
  text: string;
  /** The post or comment answered (public replies). */
  replyTo: string | null;
  /** How it went out, in the emulator's words (`private_reply`, `MESSAGE_TAG/HUMAN_AGENT`...). */
  how?: string;
}

/** Serves an emulator plugin over loopback HTTP, as Parley reaches a real network. */
export async function serveOnLoopback(
  plugin: (app: FastifyInstance) => Promise<void>,
  prefix: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const app = Fastify({ forceCloseConnections: true });
  await app.register(plugin, { prefix });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const port = (app.server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => app.close() };
}

/** Webhook settings of the Meta emulators for tests: one quick redelivery instead of ~34 hours. */
export const QUICK_WEBHOOKS = { retryDelaysMs: [50], timeoutMs: 3000 };

export const META_APP = {
  app_id: "880000000000001",
  app_secret: "emulator_app_secret",
  verify_token: "contract-verify-token",
};
