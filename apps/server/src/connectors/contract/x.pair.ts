import { type StandaloneXEmulator, startXEmulator, X_DEFAULTS } from "@parley/sandbox";
import { xEmulatorChannel } from "../../testing/x-channel";
import type { Pair } from "./pair";

/** X: mentions and replies in public, DMs in private (the Account Activity webhook). */
export function xPair(): Pair {
  let emulator: StandaloneXEmulator;
  return {
    network: "x",
    hasPublic: true,
    replyVisibility: "public",
    forbidden: { text: "x".repeat(300), visibility: "public" },
    reconciles: true,
    async start(clock) {
      emulator = await startXEmulator({ clock, seed: 7, policy: { replyRestriction: true } });
      return { url: emulator.url, close: () => emulator.close() };
    },
    channel: xEmulatorChannel,
    subscribe: async (url) => {
      await emulator.emulator.control.registerWebhook(url);
    },
    customerPosts: async (text) => {
      const post = emulator.emulator.control.postTweet({
        author_username: "dana_r",
        text: `@acme ${text}`,
      }) as { id?: string; data?: { id: string } };
      return post.id ?? post.data?.id ?? "";
    },
    customerMessages: async (text) => {
      emulator.emulator.control.sendDm({ sender_username: "dana_r", text });
    },
    idle: () => emulator.emulator.control.idle(),
    brandSent: async (visibility) => {
      if (visibility === "private")
        return (emulator.emulator.control.brandDms() as { id: string; text: string }[]).map((d) => ({
          ...d,
          replyTo: null,
        }));
      const tweets = emulator.emulator.control.brandTweets() as {
        id: string;
        text: string;
        referenced_tweets?: { id: string }[];
      }[];
      return tweets.map((t) => ({ id: t.id, text: t.text, replyTo: t.referenced_tweets?.[0]?.id ?? null }));
    },
    readBack: async (id) => {
      const res = await fetch(`${emulator.url}/2/tweets/${id}`, {
        headers: { authorization: `Bearer ${X_DEFAULTS.bearerToken}` },
      });
      return ((await res.json()) as { data?: { text: string } }).data?.text ?? null;
    },
    rateLimitNext: () => emulator.emulator.control.injectFailure({ endpoint: "*", status: 429, count: 1 }),
  };
}
