/**
 * Generated inbound posts for benchmarks: X API v2 payloads (as the filtered stream delivers them)
 * from a crowd of customers, some writing several times, some replying in their thread, with the
 * kind of texts a care desk receives. Deterministic for a given seed.
 */
const OPENERS = [
  "my internet has been down since this morning",
  "I was charged twice on my last bill, can someone help?",
  "thanks for fixing my router so quickly, great service",
  "how do I change the address on my account?",
  "still waiting for a technician, third day without service",
  "is there an outage in Leeds right now?",
  "your app keeps crashing when I try to pay",
  "WIN a FREE iPhone!!! click here now http://spam.example",
  "love the new plan, switching all my family over",
  "going to cancel if nobody answers me today",
];

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** A customer's audience: the same on each of their posts, as it is on the network from one hour to the next. */
const followersOf = (customer: number) => (customer * 7919) % 5000;

export interface BenchPost {
  key: string;
  payload: unknown;
}

export function generatePosts(n: number, seed = 7, start = Date.now()): BenchPost[] {
  const random = rng(seed);
  const customers = Math.max(1, Math.floor(n / 3));
  const lastPost = new Map<number, string>();
  const posts: BenchPost[] = [];
  for (let i = 0; i < n; i++) {
    const c = Math.floor(random() * customers);
    const id = String(1_800_000_000_000_000_000n + BigInt(seed) * 10_000_000n + BigInt(i));
    const userId = String(5_000_000 + c);
    const parent = lastPost.get(c);
    const text = `@acme_help ${OPENERS[Math.floor(random() * OPENERS.length)]} (#${i})`;
    lastPost.set(c, id);
    posts.push({
      key: `x:post:${id}`,
      payload: {
        data: {
          id,
          text,
          author_id: userId,
          created_at: new Date(start + i).toISOString(),
          conversation_id: parent ?? id,
          ...(parent
            ? { referenced_tweets: [{ type: "replied_to", id: parent }], in_reply_to_user_id: userId }
            : {}),
          lang: "en",
        },
        includes: {
          users: [
            {
              id: userId,
              username: `customer${c}`,
              name: `Customer ${c}`,
              public_metrics: { followers_count: followersOf(c) },
            },
          ],
        },
      },
    });
  }
  return posts;
}
