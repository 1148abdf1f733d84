import { type CustomerRecord, type MetaEmulator, metaEmulator } from "@parley/sandbox";
import { GRAPH_VERSION } from "../meta/graph";
import { META_APP, type Pair, QUICK_WEBHOOKS, serveOnLoopback } from "./pair";

const ACCOUNT = { id: "17841400000000001", token: "IGAAemulatorUserToken" };

/** Instagram: comments on the account's media in public, Instagram DMs in private (Instagram Login token). */
export function instagramPair(): Pair & { meta(): MetaEmulator } {
  let meta: MetaEmulator;
  let url: string;
  let dana: CustomerRecord;
  let mediaId: string | undefined;
  return {
    network: "instagram",
    hasPublic: true,
    replyVisibility: "public",
    forbidden: { text: "x".repeat(1000), visibility: "private" },
    reconciles: true,
    meta: () => meta,
    async start(clock) {
      meta = metaEmulator({ clock, seed: 11, preinstalled: true, webhooks: QUICK_WEBHOOKS });
      const server = await serveOnLoopback(meta.plugin, "/sandbox/meta");
      url = server.url;
      dana = meta.actions.createCustomer({ name: "Dana Rivera", username: "dana.rivera" });
      return server;
    },
    channel: (baseUrl) => ({
      network: "instagram",
      name: "@acme",
      handle: "acme",
      external_account_id: ACCOUNT.id,
      base_url: baseUrl,
      credentials: { ...META_APP, access_token: ACCOUNT.token },
    }),
    subscribe: async (callbackUrl) => {
      const result = await meta.subscribe({
        object: "instagram",
        callbackUrl,
        verifyToken: META_APP.verify_token,
      });
      if (!result.ok) throw new Error(`webhook verification failed: ${JSON.stringify(result)}`);
    },
    customerPosts: async (text) => {
      mediaId ??= meta.actions.createInstagramMedia({ caption: "Our new fibre plans" }).id;
      return meta.actions.customerCommentsOnInstagram({ customerId: dana.id, mediaId, text }).id;
    },
    customerMessages: async (text) => {
      meta.actions.customerSendsInstagramMessage({ customerId: dana.id, text });
    },
    idle: () => meta.webhooks.idle(),
    brandSent: async (visibility) =>
      meta.store.outbox
        .filter(
          (a) =>
            a.platform === "instagram" &&
            (visibility === "public"
              ? a.kind === "comment"
              : a.kind === "message" || a.kind === "private_reply"),
        )
        .map((a) => ({
          id: a.id,
          text: a.text ?? "",
          replyTo: visibility === "public" ? a.targetId : null,
          how: a.kind === "private_reply" ? a.kind : [a.messagingType, a.tag].filter(Boolean).join("/"),
        })),
    readBack: async (id) => {
      const res = await fetch(`${url}/${GRAPH_VERSION}/${id}?fields=text`, {
        headers: { authorization: `Bearer ${ACCOUNT.token}` },
      });
      return ((await res.json()) as { text?: string }).text ?? null;
    },
    rateLimitNext: () => {
      meta.failures.add({
        error: { code: 80002, message: "(#80002) There have been too many calls to this Instagram account." },
      });
    },
  };
}
