import { and, asc, eq, gt, inArray, or, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { channelAccounts, conversations, messages } from "../../platform/db/schema";
import { conversationResponseTimes, mean, median, type TimedMessage } from "./response-times";

/** Response-time figures of a workspace over all time (SPEC M2), as `parley metrics` prints them. */
export interface ResponseMetrics {
  /** Conversations with at least one counted message (spam-only cases are not conversations). */
  conversations: number;
  /** Counted messages: customer messages that are not spam, agent/brand messages actually sent. */
  messages: number;
  /** Customer-started conversations with an agent reply: those with a First Response Time. */
  answered: number;
  /** Answered customer messages: the pairs Average Response Time averages over. */
  responses: number;
  frt_median_s: number | null;
  frt_mean_s: number | null;
  /** Pooled over every answered customer message, not a mean of per-conversation means. */
  art_mean_s: number | null;
  art_median_s: number | null;
  /** Median FRT per brand account, keyed by its handle (its name when it has no handle). */
  frt_median_s_by_account: Record<string, number>;
}

/** Conversations per round trip: bounds memory and query size whatever the workspace's history. */
const BATCH_SIZE = 1000;

type Accumulator = { conversations: number; messages: number; frts: number[]; waits: number[] };

function conversationBatch(db: Queryable, workspaceId: string, after: string | null, size: number) {
  return db
    .select({ id: conversations.id, handle: channelAccounts.handle, name: channelAccounts.name })
    .from(conversations)
    .leftJoin(
      channelAccounts,
      and(
        eq(channelAccounts.workspaceId, conversations.workspaceId),
        eq(channelAccounts.id, conversations.channelAccountId),
      ),
    )
    .where(and(eq(conversations.workspaceId, workspaceId), after ? gt(conversations.id, after) : undefined))
    .orderBy(asc(conversations.id))
    .limit(size);
}

/** The messages that count, of some conversations, grouped by conversation in time order. */
function countedMessages(db: Queryable, workspaceId: string, conversationIds: string[]) {
  return db
    .select({
      conversationId: messages.conversationId,
      direction: messages.direction,
      sentAt: messages.sentAt,
    })
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, workspaceId),
        inArray(messages.conversationId, conversationIds),
        or(
          // A survey answer is feedback, not a request waiting for a response (docs/metrics.md).
          and(
            eq(messages.direction, "inbound"),
            eq(messages.isSpam, false),
            sql`(${messages.classification} -> 'survey_answer') is null`,
          ),
          // Drafts, queued, failed or rejected replies never reached the customer; what Parley
          // sent on its own (an acknowledgement, a survey question) answers nobody.
          and(
            eq(messages.direction, "outbound"),
            eq(messages.deliveryStatus, "sent"),
            sql`coalesce(${messages.classification} ->> 'automated', '') = ''`,
          ),
        ),
      ),
    )
    .orderBy(asc(messages.conversationId), asc(messages.sentAt), asc(messages.direction), asc(messages.id));
}

function groupByConversation(rows: { conversationId: string; direction: string; sentAt: Date }[]) {
  const groups = new Map<string, TimedMessage[]>();
  for (const r of rows) {
    const m: TimedMessage = {
      direction: r.direction === "outbound" ? "outbound" : "inbound",
      sentAt: r.sentAt,
    };
    const list = groups.get(r.conversationId);
    if (list) list.push(m);
    else groups.set(r.conversationId, [m]);
  }
  return groups;
}

function addConversation(
  total: Accumulator,
  byAccount: Map<string, number[]>,
  account: string | null,
  msgs: TimedMessage[],
) {
  const times = conversationResponseTimes(msgs);
  total.conversations++;
  total.messages += msgs.length;
  for (const w of times.responseSeconds) total.waits.push(w);
  if (times.firstResponseSeconds === null) return;
  total.frts.push(times.firstResponseSeconds);
  if (account === null) return;
  const list = byAccount.get(account);
  if (list) list.push(times.firstResponseSeconds);
  else byAccount.set(account, [times.firstResponseSeconds]);
}

export async function computeResponseMetrics(
  db: Queryable,
  workspaceId: string,
  { batchSize = BATCH_SIZE }: { batchSize?: number } = {},
): Promise<ResponseMetrics> {
  const total: Accumulator = { conversations: 0, messages: 0, frts: [], waits: [] };
  const byAccount = new Map<string, number[]>();
  for (let after: string | null = null; ; ) {
    const batch = await conversationBatch(db, workspaceId, after, batchSize);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]?.id ?? null;
    const groups = groupByConversation(
      await countedMessages(
        db,
        workspaceId,
        batch.map((c) => c.id),
      ),
    );
    for (const c of batch) {
      const msgs = groups.get(c.id);
      if (msgs) addConversation(total, byAccount, c.handle ?? c.name ?? null, msgs);
    }
    if (batch.length < batchSize) break;
  }
  const frt_median_s_by_account: Record<string, number> = {};
  for (const [account, frts] of [...byAccount].sort(([a], [b]) => (a < b ? -1 : 1)))
    frt_median_s_by_account[account] = median(frts) ?? 0;
  return {
    conversations: total.conversations,
    messages: total.messages,
    answered: total.frts.length,
    responses: total.waits.length,
    frt_median_s: median(total.frts),
    frt_mean_s: mean(total.frts),
    art_mean_s: mean(total.waits),
    art_median_s: median(total.waits),
    frt_median_s_by_account,
  };
}
