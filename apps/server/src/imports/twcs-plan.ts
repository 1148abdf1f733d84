import { brandHandles, type TwcsRow } from "./twcs-read";

/*
 * Turns TWCS rows into the X API v2 payloads the brand's X channel would have received, so an
 * import goes through the same parse → thread → store path as live traffic (SPEC L5, L3).
 */

/**
 * A brand's X user id in an import. TWCS only knows brands by handle, so the handle itself is the
 * id: the brand's channel is created with `externalAccountId = brandUserId(handle)` and its own
 * tweets then parse as `fromBrand`. Customer ids are TWCS's anonymised numbers, which never equal a
 * handle (handles always contain a letter), so the two cannot collide.
 */
export const brandUserId = (handle: string): string => handle;

const userIdOf = (row: TwcsRow) => (row.inbound ? row.authorId : brandUserId(row.authorId));

export interface TwcsThreadContext {
  /** The root of the row's reply chain within the file (X's conversation_id). */
  conversationId: string;
  /** The tweet it replies to, when that tweet is in the file. */
  parent: TwcsRow | null;
}

// The anonymised number is all TWCS knows of a customer; it stands in for handle and name.
const userOf = (row: TwcsRow) => ({ id: userIdOf(row), username: row.authorId, name: row.authorId });

/**
 * One row as an X API v2 post lookup/stream payload (`data` + `includes.users`, with the
 * `author_id,in_reply_to_user_id` expansions): the parser files a brand reply under the user it
 * answers, so that user comes along.
 */
export function toXPayload(row: TwcsRow, thread: TwcsThreadContext) {
  const authorId = userIdOf(row);
  const users = [userOf(row)];
  if (thread.parent && userIdOf(thread.parent) !== authorId) users.push(userOf(thread.parent));
  // X sets in_reply_to_user_id on a post that starts with an @mention, reply or not: a brand tweet
  // answering a tweet outside the file, or writing to a customer first, names its customer so.
  const repliedTo = thread.parent
    ? userIdOf(thread.parent)
    : !row.inbound
      ? (/^@(\d+)\b/.exec(row.text)?.[1] ?? null)
      : null;
  if (repliedTo && !thread.parent) users.push({ id: repliedTo, username: repliedTo, name: repliedTo });
  return {
    data: {
      id: row.tweetId,
      text: row.text,
      author_id: authorId,
      created_at: row.createdAt.toISOString(),
      conversation_id: thread.conversationId,
      ...(repliedTo ? { in_reply_to_user_id: repliedTo } : {}),
      // A reply to a tweet outside the file keeps its real reference; only its thread starts here.
      ...(row.inResponseToTweetId
        ? { referenced_tweets: [{ type: "replied_to", id: row.inResponseToTweetId }] }
        : {}),
    },
    includes: { users },
  };
}

export interface TwcsImportEvent {
  brand: string;
  tweetId: string;
  receivedAt: Date;
  payload: ReturnType<typeof toXPayload>;
}

export interface TwcsImportPlan {
  brands: string[];
  /** In time order (ties by tweet id), so a reply always comes after what it answers. */
  events: TwcsImportEvent[];
  /** Customer tweets no brand account would have received (see `brandOfCustomerTweet`). */
  skipped: { tweetId: string; line: number; reason: string }[];
}

interface Index {
  byId: Map<string, TwcsRow>;
  children: Map<string, TwcsRow[]>;
  /** Lower-cased handle → handle, to read @mentions. */
  brands: Map<string, string>;
}

const byTime = (a: TwcsRow, b: TwcsRow) =>
  a.createdAt.getTime() - b.createdAt.getTime() || Number(BigInt(a.tweetId) - BigInt(b.tweetId));

function indexRows(rows: TwcsRow[]): Index {
  const byId = new Map(rows.map((r) => [r.tweetId, r]));
  const children = new Map<string, TwcsRow[]>();
  for (const row of rows) {
    const parent = row.inResponseToTweetId;
    if (!parent || !byId.has(parent)) continue;
    const list = children.get(parent);
    if (list) list.push(row);
    else children.set(parent, [row]);
  }
  for (const list of children.values()) list.sort(byTime);
  const brands = new Map(rows.filter((r) => !r.inbound).map((r) => [r.authorId.toLowerCase(), r.authorId]));
  return { byId, children, brands };
}

const parentOf = (row: TwcsRow, ix: Index) =>
  row.inResponseToTweetId ? (ix.byId.get(row.inResponseToTweetId) ?? null) : null;

/** Up the in-file reply links to the first tweet; a cycle (corrupt links) stops where it closes. */
function ancestors(row: TwcsRow, ix: Index): TwcsRow[] {
  const chain = [row];
  const seen = new Set([row.tweetId]);
  for (let p = parentOf(row, ix); p && !seen.has(p.tweetId); p = parentOf(p, ix)) {
    chain.push(p);
    seen.add(p.tweetId);
  }
  return chain;
}

function firstMentionedBrand(text: string, ix: Index): string | null {
  for (const m of text.matchAll(/@(\w{1,15})/g)) {
    const brand = ix.brands.get((m[1] ?? "").toLowerCase());
    if (brand) return brand;
  }
  return null;
}

/**
 * The brand account that would have received a customer tweet, most direct evidence first: the
 * brand tweet it answers, the brand's earliest reply to it, its first @mention of a brand, the
 * nearest brand (author or mention) up its reply chain, then the first one anywhere in its thread.
 * Null when none applies: no brand's channel would have seen it.
 */
function brandOfCustomerTweet(row: TwcsRow, ix: Index): string | null {
  const parent = parentOf(row, ix);
  if (parent && !parent.inbound) return parent.authorId;
  const reply = (ix.children.get(row.tweetId) ?? []).find((c) => !c.inbound);
  if (reply) return reply.authorId;
  const mentioned = firstMentionedBrand(row.text, ix);
  if (mentioned) return mentioned;
  const chain = ancestors(row, ix);
  for (const a of chain.slice(1)) {
    const brand = brandEvidence(a, ix);
    if (brand) return brand;
  }
  // Last resort: whichever brand the rest of the thread (replies below) is with.
  for (const t of threadOf(chain[chain.length - 1] ?? row, ix)) {
    const brand = brandEvidence(t, ix);
    if (brand) return brand;
  }
  return null;
}

function brandEvidence(t: TwcsRow, ix: Index): string | null {
  return t.inbound ? firstMentionedBrand(t.text, ix) : t.authorId;
}

/** Every tweet under `root` through in-file replies, in time order. */
function threadOf(root: TwcsRow, ix: Index): TwcsRow[] {
  const seen = new Map([[root.tweetId, root]]);
  const queue = [root];
  for (let t = queue.shift(); t; t = queue.shift()) {
    for (const c of ix.children.get(t.tweetId) ?? []) {
      if (seen.has(c.tweetId)) continue;
      seen.set(c.tweetId, c);
      queue.push(c);
    }
  }
  return [...seen.values()].sort(byTime);
}

/** Which brand channel receives each tweet, and the X payload it receives, in time order. */
export function planTwcsImport(rows: TwcsRow[]): TwcsImportPlan {
  const ix = indexRows(rows);
  const events: TwcsImportEvent[] = [];
  const skipped: TwcsImportPlan["skipped"] = [];
  for (const row of [...rows].sort(byTime)) {
    const brand = row.inbound ? brandOfCustomerTweet(row, ix) : row.authorId;
    if (!brand) {
      skipped.push({ tweetId: row.tweetId, line: row.line, reason: "no brand answers or is mentioned" });
      continue;
    }
    const chain = ancestors(row, ix);
    const root = chain[chain.length - 1] ?? row;
    const payload = toXPayload(row, { conversationId: root.tweetId, parent: parentOf(row, ix) });
    events.push({ brand, tweetId: row.tweetId, receivedAt: row.createdAt, payload });
  }
  return { brands: brandHandles(rows), events, skipped };
}
