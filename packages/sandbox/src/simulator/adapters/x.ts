import { xAddressing } from "../mix";
import type { Customer } from "../profiles";
import { chance, intBetween } from "../sampling";
import { addressOnX } from "../text";
import type { XPort } from "../types";
import type { AdapterDeps, BrandReply, NetworkAdapter, Posted } from "./types";

/**
 * X: public posts that @mention the brand (or only name it), replies in the brand's threads, and
 * DMs. The brand's replies are read with `control.brandTweets/brandDms({since_id})`.
 */
type Json = Record<string, unknown>;
const DAY_MS = 86_400_000;

export function xAdapter(x: XPort, deps: AdapterDeps): NetworkAdapter {
  const brand = x.network.config.brand;
  const brandWord = brand.name.split(/\s+/)[0] ?? brand.name;
  const cursor = { tweet: lastId(x.control.brandTweets()), dm: lastId(x.control.brandDms()) };

  const enroll = (customer: Customer): string => {
    customer.ids.x ??= createAccount(x, deps, customer);
    return `x:${customer.ids.x}`;
  };

  const tweet = (customer: Customer, text: string, inReplyTo?: string): Posted => {
    const input: Json = { author_id: customer.ids.x, text, lang: customer.lang };
    if (inReplyTo) input.in_reply_to_tweet_id = inReplyTo;
    const created = postVaried(x, deps, input);
    return { ref: String(created.id), publicRef: String(created.id), text: String(created.text) };
  };

  const dm = (customer: Customer, text: string): Posted => {
    const created = x.control.sendDm({ sender_id: customer.ids.x, text });
    return { ref: String(created.id) };
  };

  return {
    network: "x",
    enroll,
    open({ customer, channel, text, intent }) {
      enroll(customer);
      if (channel === "private") return dm(customer, text);
      const style = xAddressing(intent, deps.random.next());
      return tweet(customer, addressOnX(text, style, brand.username, brandWord));
    },
    followUp({ conversation, customer, channel, text }) {
      enroll(customer);
      if (channel === "private") return dm(customer, text);
      const { brand: brandReply, own } = conversation.thread;
      // Replying to the brand tags it automatically; under one's own post, tag it by hand.
      if (brandReply) return tweet(customer, text, brandReply);
      return tweet(customer, `@${brand.username} ${text}`, own);
    },
    poll: () => readBrandActivity(x, cursor),
  };
}

/** The brand's replies and DMs after the cursor (which moves past them); other posts are skipped. */
function readBrandActivity(x: XPort, cursor: { tweet?: string | undefined; dm?: string | undefined }) {
  const brandId = x.network.config.brand.id;
  const replies: BrandReply[] = [];
  for (const t of x.control.brandTweets(cursor.tweet ? { since_id: cursor.tweet } : {})) {
    cursor.tweet = String(t.id);
    const to = t.in_reply_to_user_id;
    if (typeof to !== "string" || to === brandId) continue;
    replies.push({
      key: `x:${to}`,
      network: "x",
      channel: "public",
      text: String(t.text),
      ref: cursor.tweet,
    });
  }
  for (const event of x.control.brandDms(cursor.dm ? { since_id: cursor.dm } : {})) {
    cursor.dm = String(event.id);
    const other = String(event.dm_conversation_id ?? "")
      .split("-")
      .find((id) => id !== brandId);
    if (!other) continue;
    replies.push({
      key: `x:${other}`,
      network: "x",
      channel: "private",
      text: String(event.text),
      ref: cursor.dm,
    });
  }
  return replies;
}

const VARIATIONS = ["!", "!!", " 🙏", " 😤", " ...", " 👀", " 💯", " ✅"];

/**
 * X refuses the same text twice from one account within a day. People and bots repeating
 * themselves change a character or add an emoji and post again; so does the simulator.
 */
function postVaried(x: XPort, deps: AdapterDeps, input: Json): Json {
  const post = (text: string) =>
    x.control.postTweet({ ...input, text } as Parameters<XPort["control"]["postTweet"]>[0]);
  const text = String(input.text);
  try {
    return post(text);
  } catch (error) {
    if (!(error instanceof Error) || !/duplicate content/i.test(error.message)) throw error;
    return post(`${text}${deps.random.pick(VARIATIONS)}${deps.random.pick(VARIATIONS)}`);
  }
}

function lastId(items: Json[]): string | undefined {
  const last = items.at(-1);
  return last ? String(last.id) : undefined;
}

/** Creates the customer's X account; a taken username gets digits appended, like people do. */
function createAccount(x: XPort, deps: AdapterDeps, customer: Customer): string {
  const age = intBetween(deps.random, 30, 4000) * DAY_MS;
  let username = customer.handle;
  for (let attempt = 1; x.network.store.userByUsername(username); attempt++) {
    const suffix = deps.random.string(Math.min(attempt, 6), "0123456789");
    username = `${customer.handle.slice(0, 15 - suffix.length)}${suffix}`;
  }
  const user = x.control.createUser({
    username,
    name: customer.name,
    location: customer.city,
    followers_count: customer.followers,
    following_count: customer.following,
    verified: customer.verified,
    verified_type: customer.verified ? "blue" : "none",
    // Most people only accept DMs from accounts they follow; the brand can then only answer DMs.
    receives_your_dm: chance(deps.random, 0.3),
    created_at: new Date(deps.clock.now().getTime() - age).toISOString(),
  });
  customer.handle = username;
  return String(user.id);
}
