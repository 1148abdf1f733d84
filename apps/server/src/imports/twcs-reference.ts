import type { TwcsRow } from "./twcs-read";

/*
 * Reference figures for a TWCS file, computed from its reply links alone and deliberately sharing
 * nothing with the import (threading, brand assignment, metrics): what an import followed by
 * `parley metrics` should reproduce, and the yardstick that tells which side is wrong when not.
 */

export interface TwcsReference {
  /** Connected components of the in-file reply graph (both link columns). */
  conversations: number;
  customerStarted: number;
  brandStarted: number;
  /** Customer-started threads with a brand reply, i.e. with a First Response Time. */
  answered: number;
  frtMedianSeconds: number | null;
  frtMeanSeconds: number | null;
  /** Keyed by the handle of the brand that replied first. */
  frtMedianSecondsByBrand: Record<string, number>;
  /** Threads per brand: the first brand in it to tweet, else the first brand its first tweet @mentions. */
  conversationsByBrand: Record<string, number>;
}

function components(rows: TwcsRow[]): TwcsRow[][] {
  const up = new Map(rows.map((r) => [r.tweetId, r.tweetId]));
  const find = (id: string): string => {
    let root = id;
    while (up.get(root) !== root) root = up.get(root) ?? root;
    for (let n = id; n !== root; ) {
      const next = up.get(n) ?? root;
      up.set(n, root);
      n = next;
    }
    return root;
  };
  const join = (a: string, b: string | null) => {
    if (b && up.has(b)) up.set(find(a), find(b));
  };
  for (const r of rows) {
    join(r.tweetId, r.inResponseToTweetId);
    for (const c of r.responseTweetIds) join(r.tweetId, c);
  }
  const groups = new Map<string, TwcsRow[]>();
  for (const r of rows) {
    const root = find(r.tweetId);
    const group = groups.get(root);
    if (group) group.push(r);
    else groups.set(root, [r]);
  }
  return [...groups.values()];
}

function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** First brand reply minus first customer tweet, for a thread a customer started; else null. */
function threadFrt(thread: TwcsRow[]): { brand: string; seconds: number } | null {
  // Same-second ties put the customer first: a brand cannot answer before being asked.
  const ordered = [...thread].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || Number(b.inbound) - Number(a.inbound),
  );
  const first = ordered[0];
  if (!first?.inbound) return null;
  const reply = ordered.find((r) => !r.inbound);
  return reply
    ? { brand: reply.authorId, seconds: (reply.createdAt.getTime() - first.createdAt.getTime()) / 1000 }
    : null;
}

/**
 * A brand's broadcast: a brand tweet that answers nothing in the file and is addressed to no one
 * (no leading @customer). A care desk files no conversation for it; each customer answering it
 * starts their own (their reply chains are not joined through it).
 */
export function isBroadcast(row: TwcsRow, ids: Set<string>): boolean {
  return (
    !row.inbound &&
    !(row.inResponseToTweetId && ids.has(row.inResponseToTweetId)) &&
    !/^@\d+\b/.test(row.text)
  );
}

/**
 * `withoutBroadcasts`: the figures a care desk should show, with brand broadcasts taken out of the
 * reply graph first; without it, the file's own reply-chain components (the dataset's "779").
 */
export function referenceThreads(rows: TwcsRow[], opts: { withoutBroadcasts?: boolean } = {}): TwcsReference {
  const ids = new Set(rows.map((r) => r.tweetId));
  const threads = components(opts.withoutBroadcasts ? rows.filter((r) => !isBroadcast(r, ids)) : rows);
  const frts: number[] = [];
  const byBrand = new Map<string, number[]>();
  const brands = new Map(rows.filter((r) => !r.inbound).map((r) => [r.authorId.toLowerCase(), r.authorId]));
  const conversationsByBrand: Record<string, number> = {};
  let customerStarted = 0;
  for (const thread of threads) {
    const brand = threadBrand(thread, brands);
    if (brand) conversationsByBrand[brand] = (conversationsByBrand[brand] ?? 0) + 1;
    const earliest = thread.reduce((t, r) => Math.min(t, r.createdAt.getTime()), Number.POSITIVE_INFINITY);
    if (thread.some((r) => r.inbound && r.createdAt.getTime() === earliest)) customerStarted++;
    const frt = threadFrt(thread);
    if (!frt) continue;
    frts.push(frt.seconds);
    const list = byBrand.get(frt.brand);
    if (list) list.push(frt.seconds);
    else byBrand.set(frt.brand, [frt.seconds]);
  }
  const frtMedianSecondsByBrand: Record<string, number> = {};
  for (const [brand, values] of [...byBrand].sort(([a], [b]) => (a < b ? -1 : 1)))
    frtMedianSecondsByBrand[brand] = medianOf(values) ?? 0;
  return {
    conversations: threads.length,
    customerStarted,
    brandStarted: threads.length - customerStarted,
    answered: frts.length,
    frtMedianSeconds: medianOf(frts),
    frtMeanSeconds: frts.length ? frts.reduce((a, b) => a + b, 0) / frts.length : null,
    frtMedianSecondsByBrand,
    conversationsByBrand,
  };
}

function threadBrand(thread: TwcsRow[], brands: Map<string, string>): string | null {
  const ordered = [...thread].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const tweeted = ordered.find((r) => !r.inbound);
  if (tweeted) return tweeted.authorId;
  for (const [, handle] of (ordered[0]?.text ?? "").matchAll(/@(\w+)/g)) {
    const brand = brands.get((handle ?? "").toLowerCase());
    if (brand) return brand;
  }
  return null;
}
