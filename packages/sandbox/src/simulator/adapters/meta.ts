import type { BrandAction } from "../../meta/state/types";
import type { Customer } from "../profiles";
import { chance } from "../sampling";
import type { Channel, MetaPort, Network } from "../types";
import type { AdapterDeps, BrandReply, NetworkAdapter, Opening, Posted } from "./types";

/**
 * Facebook (comments on the Page's posts, visitor posts, Messenger) and Instagram (comments on the
 * brand's media, DMs). One Meta customer record serves both networks. The brand's replies come
 * from the emulator's outbox, which names the customer each reply went to.
 */
const BRAND_POSTS = [
  "Our new Unlimited 5G plan is here: unlimited data, EU roaming included. Ask us anything below!",
  "Planned maintenance tonight 01:00-04:00 may briefly affect broadband in some areas. Thanks for your patience.",
  "Fibre 500 is now live in 40 more towns. Is yours on the list?",
];
const BRAND_MEDIA = [
  "Sunset from the top of our newest 5G mast 📡🌅",
  "Meet the team behind your Acme Hub 3 router 👋",
  "Your best shots taken on 5G this summer ☀️ #AcmeMoments",
];
const VISITOR_POST_SHARE = 0.12;

export function metaAdapters(meta: MetaPort, deps: AdapterDeps): [NetworkAdapter, NetworkAdapter] {
  const enroll = (customer: Customer) => {
    customer.ids.meta ??= meta.actions.createCustomer({ name: customer.name }).id;
    return customer.ids.meta;
  };
  return [facebookAdapter(meta, deps, enroll), instagramAdapter(meta, deps, enroll)];
}

type Enroll = (customer: Customer) => string;

/**
 * Picks one of the brand's own posts (or media) to comment under, publishing a few when there are
 * none (first run, or after an emulator reset). The list is cached until a cached item vanishes.
 */
function brandTargets(input: { list: () => string[]; exists: (id: string) => boolean; publish: () => void }) {
  let cached: string[] = [];
  const ensure = (): string[] => {
    if (cached.length > 0 && cached.every(input.exists)) return cached;
    cached = input.list();
    if (cached.length === 0) {
      input.publish();
      cached = input.list();
    }
    return cached;
  };
  return { ensure, pick: (random: AdapterDeps["random"]) => random.pick(ensure()) };
}

function brandPosts(meta: MetaPort) {
  const live = (id: string) => {
    const post = meta.store.posts.get(id);
    return post !== undefined && !post.customerId && !post.removed;
  };
  return brandTargets({
    list: () => [...meta.store.posts.keys()].filter(live),
    exists: live,
    publish: () => {
      for (const message of BRAND_POSTS) meta.actions.createPost({ message });
    },
  });
}

function brandMedia(meta: MetaPort) {
  return brandTargets({
    list: () => [...meta.store.igMedia.keys()],
    exists: (id) => meta.store.igMedia.has(id),
    publish: () => {
      for (const caption of BRAND_MEDIA) meta.actions.createInstagramMedia({ caption });
    },
  });
}

function facebookAdapter(meta: MetaPort, deps: AdapterDeps, enroll: Enroll): NetworkAdapter {
  const readOutbox = outboxReader(meta, "facebook");
  const posts = brandPosts(meta);
  const comment = (customerId: string, target: { postId?: string; commentId?: string }, message: string) => {
    const created = meta.actions.customerComments({ customerId, ...target, message });
    return { ref: created.id, publicRef: created.id };
  };
  const openPublic = (customerId: string, text: string): Posted => {
    if (chance(deps.random, VISITOR_POST_SHARE)) {
      const post = meta.actions.createPost({ customerId, message: text });
      return { ref: post.id, publicRef: post.id, isPost: true };
    }
    return comment(customerId, { postId: posts.pick(deps.random) }, text);
  };
  const message = (customerId: string, text: string): Posted => ({
    ref: meta.actions.customerSendsMessage({ customerId, text }).mid,
  });
  return {
    network: "facebook",
    prepare: () => void posts.ensure(),
    enroll: (customer) => `facebook:${enroll(customer)}`,
    open: ({ customer, channel, text }: Opening) => {
      const id = enroll(customer);
      return channel === "private" ? message(id, text) : openPublic(id, text);
    },
    followUp({ conversation, customer, channel, text }) {
      const id = enroll(customer);
      if (channel === "private") return message(id, text);
      const { brand, own, ownIsPost } = conversation.thread;
      if (brand) return comment(id, { commentId: brand }, text);
      if (own) return comment(id, ownIsPost ? { postId: own } : { commentId: own }, text);
      return openPublic(id, text);
    },
    poll: readOutbox,
  };
}

function instagramAdapter(meta: MetaPort, deps: AdapterDeps, enroll: Enroll): NetworkAdapter {
  const readOutbox = outboxReader(meta, "instagram");
  const media = brandMedia(meta);
  const comment = (customerId: string, target: { mediaId?: string; parentId?: string }, text: string) => {
    const created = meta.actions.customerCommentsOnInstagram({ customerId, ...target, text });
    return { ref: created.id, publicRef: created.id };
  };
  const message = (customerId: string, text: string): Posted => ({
    ref: meta.actions.customerSendsInstagramMessage({ customerId, text }).mid,
  });
  const openPublic = (id: string, text: string) => comment(id, { mediaId: media.pick(deps.random) }, text);
  return {
    network: "instagram",
    prepare: () => void media.ensure(),
    enroll: (customer) => `instagram:${enroll(customer)}`,
    open: ({ customer, channel, text }: Opening) => {
      const id = enroll(customer);
      return channel === "private" ? message(id, text) : openPublic(id, text);
    },
    followUp({ conversation, customer, channel, text }) {
      const id = enroll(customer);
      if (channel === "private") return message(id, text);
      const parentId = conversation.thread.brand ?? conversation.thread.own;
      return parentId ? comment(id, { parentId }, text) : openPublic(id, text);
    },
    poll: readOutbox,
  };
}

const REPLY_KINDS = new Set<BrandAction["kind"]>(["comment", "private_reply", "message"]);

/** New outbox entries for one network since the last read; the first read skips history. */
function outboxReader(meta: MetaPort, network: Extract<Network, "facebook" | "instagram">) {
  const platforms = network === "facebook" ? ["facebook", "messenger"] : ["instagram"];
  let cursor = meta.store.outbox.at(-1)?.seq ?? 0;
  return (): BrandReply[] => {
    const outbox = meta.store.outbox;
    // The emulator was reset: sequence numbers start again from 1.
    if ((outbox.at(-1)?.seq ?? 0) < cursor) cursor = 0;
    const fresh: BrandAction[] = [];
    for (let i = outbox.length - 1; i >= 0 && (outbox[i]?.seq ?? 0) > cursor; i--)
      fresh.push(outbox[i] as BrandAction);
    cursor = outbox.at(-1)?.seq ?? cursor;
    return fresh
      .reverse()
      .filter((a) => platforms.includes(a.platform) && REPLY_KINDS.has(a.kind) && a.customerId)
      .map((a) => ({
        key: `${network}:${a.customerId}`,
        network,
        channel: (a.kind === "comment" ? "public" : "private") as Channel,
        text: a.text ?? "",
        ref: a.id,
      }));
  };
}
