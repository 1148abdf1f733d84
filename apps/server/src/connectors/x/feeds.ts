import type { ConnectorContext } from "../connector";
import { throwForStatus } from "../errors";
import { resetFrom } from "../http";

export const TWEET_FIELDS =
  "tweet.fields=created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,lang,entities,note_tweet&expansions=author_id&user.fields=username,name,verified,public_metrics";

type Page = {
  data?: { id: string; author_id?: string }[];
  includes?: { users?: { id: string }[] };
  meta?: { newest_id?: string; next_token?: string };
};

/** One post with its author, the unit Parley stores: `{data, includes: {users}}`. */
export interface XPostPayload {
  key: string;
  payload: { data: unknown; includes: { users: unknown[] } };
}

export function splitPage(page: Page): XPostPayload[] {
  const users = page.includes?.users ?? [];
  return (page.data ?? []).map((tweet) => ({
    key: `x:post:${tweet.id}`,
    payload: { data: tweet, includes: { users: users.filter((u) => u.id === tweet.author_id) } },
  }));
}

/** Larger of two X ids (snowflakes exceed 2^53: compare as BigInt). */
export const maxId = (a: string | null, b: string | null) =>
  !a ? b : !b ? a : BigInt(a) >= BigInt(b) ? a : b;

/**
 * Everything that mentioned the brand after `sinceId`, following X's polling algorithm: the first
 * page's `newest_id` becomes the next cursor; later pages keep the same `since_id` with
 * `pagination_token`. Returns the posts and the new cursor (unchanged when nothing is new).
 */
export async function fetchMentionsSince(ctx: ConnectorContext, sinceId: string | null, maxPages = 10) {
  const base = `${ctx.channel.baseUrl}/2/users/${ctx.channel.externalAccountId}/mentions?max_results=100&${TWEET_FIELDS}`;
  const posts: XPostPayload[] = [];
  let cursor = sinceId;
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const url = `${base}${sinceId ? `&since_id=${sinceId}` : ""}${token ? `&pagination_token=${token}` : ""}`;
    const res = await ctx.http.request("GET", url, {
      headers: { authorization: `Bearer ${ctx.credentials.bearer_token}` },
    });
    if (res.status >= 300) {
      throwForStatus(
        res,
        (j) => String((j as { detail?: string })?.detail ?? "mentions poll failed"),
        () => resetFrom(res.headers, "x-rate-limit-reset", ctx.now),
      );
    }
    const body = res.json as Page;
    if (page === 0) cursor = maxId(cursor, body.meta?.newest_id ?? null);
    posts.push(...splitPage(body));
    token = body.meta?.next_token;
    if (!token) break;
  }
  return { posts, cursor };
}
