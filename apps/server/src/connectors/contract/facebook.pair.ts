import { type CustomerRecord, type MetaEmulator, metaEmulator } from "@parley/sandbox";
import { GRAPH_VERSION } from "../meta/graph";
import { META_APP, type Pair, QUICK_WEBHOOKS, serveOnLoopback } from "./pair";

const PAGE = { id: "104455667788990", token: "EAAemulatorPageToken" };

/** Facebook: comments on the Page's post in public, Messenger in private. */
export function facebookPair(): Pair & { meta(): MetaEmulator } {
  let meta: MetaEmulator;
  let url: string;
  let dana: CustomerRecord;
  let postId: string | undefined;
  return {
    network: "facebook",
    hasPublic: true,
    replyVisibility: "public",
    forbidden: { text: "x".repeat(2000), visibility: "private" },
    reconciles: true,
    meta: () => meta,
    async start(clock) {
      meta = metaEmulator({ clock, seed: 7, preinstalled: true, webhooks: QUICK_WEBHOOKS });
      const server = await serveOnLoopback(meta.plugin, "/sandbox/meta");
      url = server.url;
      dana = meta.actions.createCustomer({ name: "Dana Rivera" });
      return server;
    },
    channel: (baseUrl) => ({
      network: "facebook",
      name: "Acme Support",
      handle: "acme",
      external_account_id: PAGE.id,
      base_url: baseUrl,
      credentials: { ...META_APP, page_access_token: PAGE.token },
    }),
    subscribe: async (callbackUrl) => {
      const result = await meta.subscribe({
        object: "page",
        callbackUrl,
        verifyToken: META_APP.verify_token,
      });
      if (!result.ok) throw new Error(`webhook verification failed: ${JSON.stringify(result)}`);
    },
    customerPosts: async (message) => {
      postId ??= meta.actions.createPost({ message: "Planned maintenance in Leeds tonight" }).id;
      return meta.actions.customerComments({ customerId: dana.id, postId, message }).id;
    },
    customerMessages: async (text) => {
      meta.actions.customerSendsMessage({ customerId: dana.id, text });
    },
    idle: () => meta.webhooks.idle(),
    brandSent: async (visibility) =>
      meta.store.outbox
        .filter((a) =>
          visibility === "public"
            ? a.platform === "facebook" && a.kind === "comment"
            : a.platform === "messenger" && (a.kind === "message" || a.kind === "private_reply"),
        )
        .map((a) => ({
          id: a.id,
          text: a.text ?? "",
          replyTo: visibility === "public" ? a.targetId : null,
          how: a.kind === "private_reply" ? a.kind : [a.messagingType, a.tag].filter(Boolean).join("/"),
        })),
    readBack: async (id) => {
      const res = await fetch(`${url}/${GRAPH_VERSION}/${id}?fields=message`, {
        headers: { authorization: `Bearer ${PAGE.token}` },
      });
      return ((await res.json()) as { message?: string }).message ?? null;
    },
    rateLimitNext: () => {
      meta.failures.add({
        error: { code: 32, message: "(#32) Page request limit reached", isTransient: true },
      });
    },
  };
}
