import { type WhatsAppEmulator, whatsappEmulator } from "@parley/sandbox";
import type { Clock } from "../../platform/clock";
import { META_APP, type Pair, QUICK_WEBHOOKS, serveOnLoopback } from "./pair";

const NUMBER = { phoneNumberId: "110000000000002", token: "EAAGemulatorWhatsAppToken" };
const DANA = "447700900123";

/**
 * WhatsApp: private conversations only. `networkAhead` lets the network's clock run ahead of
 * Parley's, so a reply Parley still finds inside the 24 h window reaches WhatsApp outside it.
 */
export function whatsappPair(): Pair & { wa(): WhatsAppEmulator; networkAhead(ms: number): void } {
  let wa: WhatsAppEmulator;
  let aheadMs = 0;
  const bodyOf = (request: Record<string, unknown>) =>
    (request.text as { body?: string } | undefined)?.body ?? "";
  return {
    network: "whatsapp",
    hasPublic: false,
    replyVisibility: "private",
    forbidden: { text: "x".repeat(4097), visibility: "private" },
    reconciles: false,
    wa: () => wa,
    networkAhead: (ms) => {
      aheadMs = ms;
    },
    async start(clock: Clock) {
      const networkClock = { now: () => new Date(clock.now().getTime() + aheadMs) };
      wa = whatsappEmulator({
        clock: networkClock,
        seed: 7,
        preinstalled: true,
        statusDelaysMs: [0, 0, 0],
        webhooks: QUICK_WEBHOOKS,
      });
      const server = await serveOnLoopback(wa.plugin, "/sandbox/whatsapp");
      wa.actions.createCustomer({ name: "Dana Rivera", waId: DANA });
      return server;
    },
    channel: (baseUrl) => ({
      network: "whatsapp",
      name: "Acme WhatsApp",
      handle: "447700900001",
      external_account_id: NUMBER.phoneNumberId,
      base_url: baseUrl,
      credentials: { ...META_APP, access_token: NUMBER.token },
    }),
    subscribe: async (callbackUrl) => {
      const result = await wa.subscribe({ callbackUrl, verifyToken: META_APP.verify_token });
      if (!result.ok) throw new Error(`webhook verification failed: ${JSON.stringify(result)}`);
    },
    customerPosts: async () => {
      throw new Error("WhatsApp has no public posts");
    },
    customerMessages: async (text) => {
      wa.actions.customerSends({ from: DANA, text });
    },
    idle: () => wa.idle(),
    brandSent: async (visibility) =>
      visibility === "public"
        ? []
        : wa.store.outbound.map((m) => ({
            id: m.id,
            text: bodyOf(m.request),
            replyTo: null,
            how: m.finalStatus,
          })),
    readBack: async (id) => {
      const sent = wa.store.outboundById(id);
      return sent ? bodyOf(sent.request) : null;
    },
    rateLimitNext: () => {
      wa.failures.add({ error: { code: 130429, status: 429, message: "(#130429) Rate limit hit" } });
    },
  };
}
