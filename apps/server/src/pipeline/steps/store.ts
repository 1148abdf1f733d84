import { and, eq, inArray, sql } from "drizzle-orm";
import type { DeliveryUpdate } from "../../connectors/connector";
import type { ChannelRow } from "../../modules/channels/channels.repo";
import { markFactsStale } from "../../modules/reporting/rollup";
import {
  findSurveyAnswers,
  recordSurveyAnswers,
  type SurveyAnswers,
} from "../../modules/surveys/survey-answers";
import { type Queryable, queryRows } from "../../platform/db";
import { bulkInsert, uuidArray } from "../../platform/db/bulk";
import { conversationEvents, conversations, messages } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import type { EventWork, ItemWork } from "../work";
import { liveItems, recordset } from "./batch";
import { clip } from "./normalize";
import type { ConversationRow, Threads } from "./thread";

type Live = { work: EventWork; it: ItemWork }[];
const preview = (text: string) => clip(text.replace(/\s+/g, " ").trim(), 200);
const withoutMentions = (text: string) => text.replace(/^(@\w+\s+)+/, "").trim();

/** Writes the batch: new conversations, messages, conversation totals, history, event statuses. */
export async function store(db: Queryable, works: EventWork[], threads: Threads): Promise<void> {
  const live = liveItems(works).filter(({ it }) => it.conversationId);
  await adoptEchoes(db, live);
  const items = live.filter(({ it }) => !it.skip);
  const answers = await findSurveyAnswers(db, items, threads); // surveys hook (SPEC M6)
  const { deltas, reopened } = conversationDeltas(items, threads, answers);
  // New conversations are written once, already with their messages' totals.
  const created = [...threads.created].flatMap((id) => {
    const c = threads.byId.get(id);
    const d = deltas.get(id);
    deltas.delete(id);
    return c ? [d ? withDelta(c, d) : c] : [];
  });
  await bulkInsert(db, conversations, created);
  await bulkInsert(
    db,
    messages,
    items.map(({ work, it }) => messageRow(work, it)),
  );
  await recordSurveyAnswers(db, answers); // surveys hook (SPEC M6)
  await unflagAnswered(db, items);
  await applyToConversations(db, [...deltas.values()]);
  const events = items.map(({ it }) => messageEvent(threads, it));
  for (const c of reopened)
    events.push({
      workspaceId: c.workspaceId,
      conversationId: c.id,
      type: "status_changed",
      actorType: "contact",
      data: { from: c.status, to: "open", reason: c.reason },
      occurredAt: c.at,
      createdAt: c.at,
    });
  await bulkInsert(db, conversationEvents, events);
  for (const w of works.filter((w) => !w.outcome))
    for (const u of w.updates) {
      const changed = await recordDeliveryUpdate(db, w.channel, u);
      await markFactsStale(db, changed); // a sent reply that failed after all logs no event
      if (changed.length > 0) w.deliveryChanged = [...(w.deliveryChanged ?? []), ...changed];
    }
}

function messageRow(work: EventWork, it: ItemWork): typeof messages.$inferInsert {
  const { channel } = work;
  const { item, triage: t } = it;
  it.messageId = newId();
  return {
    id: it.messageId,
    workspaceId: channel.workspaceId,
    conversationId: it.conversationId as string,
    channel: item.network,
    channelAccountId: channel.id,
    direction: item.fromBrand ? "outbound" : "inbound",
    visibility: item.visibility,
    kind: item.kind,
    externalId: item.externalId,
    externalThreadId: item.threadExternalId,
    replyToExternalId: item.replyToExternalId,
    authorIdentityId: item.fromBrand ? null : (it.identity?.identityId ?? null),
    text: item.text,
    language: item.language ?? t?.language ?? null,
    sentiment: t?.sentiment ?? null,
    sentimentScore: t?.sentimentScore ?? null,
    tier: t?.tier ?? null,
    intent: t?.intent ?? null,
    category: t?.category ?? null,
    isComplaint: t?.isComplaint ?? null,
    isSpam: t?.isSpam ?? false,
    spamScore: t?.spamScore ?? null,
    isOffensive: t?.isOffensive ?? null,
    sensitive: t?.sensitive ?? [],
    classification: t
      ? { intent_reasons: t.intentReasons, listening: t.listening, priority: it.priority ?? null }
      : {},
    deliveryStatus: item.fromBrand ? "sent" : "received",
    inboundEventId: work.event.id,
    sentAt: item.sentAt,
  };
}

function messageEvent(threads: Threads, it: ItemWork): typeof conversationEvents.$inferInsert {
  const c = threads.byId.get(it.conversationId as string) as { workspaceId: string };
  return {
    workspaceId: c.workspaceId,
    conversationId: it.conversationId as string,
    type: it.item.fromBrand ? "message_out" : "message_in",
    actorType: it.item.fromBrand ? "system" : "contact",
    messageId: it.messageId,
    data: { external_id: it.item.externalId, visibility: it.item.visibility, via: "network" },
    occurredAt: it.item.sentAt,
    createdAt: it.item.sentAt,
  };
}

/**
 * The network echoing a reply Parley is still sending (stream, webhook echo) is that reply, not a
 * new message: give it the network id instead of storing it twice.
 */
async function adoptEchoes(db: Queryable, live: Live) {
  const brand = live.filter(({ it }) => it.item.fromBrand && !it.opensConversation);
  if (brand.length === 0) return;
  const pending = await db
    .select({ id: messages.id, conversationId: messages.conversationId, text: messages.text })
    .from(messages)
    .where(
      and(
        inArray(messages.conversationId, [...new Set(brand.map(({ it }) => it.conversationId as string))]),
        eq(messages.direction, "outbound"),
        inArray(messages.deliveryStatus, ["queued", "sending"]),
      ),
    );
  for (const { it } of brand) {
    const i = pending.findIndex(
      (m) =>
        m.conversationId === it.conversationId && withoutMentions(m.text) === withoutMentions(it.item.text),
    );
    if (i < 0) continue;
    const [mine] = pending.splice(i, 1);
    // Only the network id: the outbox still records the send (status, first response, events).
    await db
      .update(messages)
      .set({ externalId: it.item.externalId })
      .where(eq(messages.id, (mine as { id: string }).id));
    it.skip = "echo of a reply Parley is sending";
  }
}

interface Delta {
  id: string;
  added: number;
  last_at: Date;
  preview: string;
  has_public: boolean;
  has_private: boolean;
  first_customer_at: Date | null;
  last_customer_at: Date | null;
  last_agent_at: Date | null;
  first_response_at: Date | null;
  sentiment: string | null;
  tier: string | null;
  priority: string | null;
  priority_score: number | null;
  priority_reasons: string[] | null;
  reopen: boolean;
  unspam: boolean;
}

/** What the batch's messages add to each conversation, and the conversations they take back out of resolved or spam. */
function conversationDeltas(items: Live, threads: Threads, answers: SurveyAnswers) {
  const deltas = new Map<string, Delta>();
  const reopened: { id: string; workspaceId: string; status: string; at: Date; reason: string }[] = [];
  for (const { it } of items) {
    const c = threads.byId.get(it.conversationId as string);
    if (!c) continue;
    const at = it.item.sentAt;
    const d = deltas.get(c.id) ?? emptyDelta(c.id, at);
    deltas.set(c.id, d);
    d.added++;
    if (at >= d.last_at) {
      d.last_at = at;
      d.preview = preview(it.item.text);
    }
    if (it.item.visibility === "public") d.has_public = true;
    else d.has_private = true;
    if (answers.has(it)) continue; // surveys hook (SPEC M6): a survey answer is not a new request
    // Someone answering, or the customer writing again, says the conversation was not spam.
    if (c.status === "spam" && (it.item.fromBrand || (it.triage && !it.triage.isSpam))) {
      reopened.push({
        id: c.id,
        workspaceId: c.workspaceId,
        status: c.status,
        at,
        reason: "not spam: the conversation went on",
      });
      c.status = "open";
      d.unspam = true;
    }
    if (it.item.fromBrand) {
      d.last_agent_at = at;
      const firstCustomer = c.firstCustomerMessageAt ?? d.first_customer_at;
      if (!c.firstResponseAt && !d.first_response_at && firstCustomer && at >= firstCustomer)
        d.first_response_at = at;
      continue;
    }
    d.first_customer_at ??= at;
    d.last_customer_at = at;
    const t = it.triage;
    if (!t || t.isSpam) continue;
    d.sentiment = t.sentiment;
    d.tier = t.tier;
    if (it.priority) {
      d.priority = it.priority.priority;
      d.priority_score = it.priority.score;
      d.priority_reasons = it.priority.reasons;
    }
    if (c.status === "resolved" || c.status === "pending") {
      reopened.push({
        id: c.id,
        workspaceId: c.workspaceId,
        status: c.status,
        at,
        reason: "customer wrote again",
      });
      c.status = "open";
      d.reopen = true;
    }
  }
  return { deltas, reopened };
}

/** A conversation created by this batch as it is once its messages are in (the update below, in memory). */
function withDelta(c: ConversationRow, d: Delta): ConversationRow {
  const later = d.last_at >= c.lastMessageAt;
  return {
    ...c,
    messageCount: c.messageCount + d.added,
    lastMessageAt: later ? d.last_at : c.lastMessageAt,
    preview: later ? d.preview : c.preview,
    hasPublic: c.hasPublic || d.has_public,
    hasPrivate: c.hasPrivate || d.has_private,
    firstCustomerMessageAt: c.firstCustomerMessageAt ?? d.first_customer_at,
    lastCustomerMessageAt: d.last_customer_at ?? c.lastCustomerMessageAt,
    lastAgentMessageAt: d.last_agent_at ?? c.lastAgentMessageAt,
    firstResponseAt: c.firstResponseAt ?? d.first_response_at,
    sentiment: (d.sentiment as ConversationRow["sentiment"]) ?? c.sentiment,
    tier: (d.tier as ConversationRow["tier"]) ?? c.tier,
    priority: (d.priority as ConversationRow["priority"]) ?? c.priority,
    priorityScore: d.priority_score ?? c.priorityScore,
    priorityReasons: d.priority_reasons ?? c.priorityReasons,
    // `status` was already moved out of spam in memory by conversationDeltas.
    updatedAt: new Date(Math.max(d.last_at.getTime(), c.updatedAt.getTime())),
  };
}

/**
 * Adds the batch's messages to their existing conversations' totals and times in one statement.
 * Columns an agent may change meanwhile (status) are updated relative to the row as it is then,
 * not as read.
 */
async function applyToConversations(db: Queryable, deltas: Delta[]) {
  if (deltas.length === 0) return;
  await db.execute(sql`update conversations c set
      message_count = c.message_count + v.added,
      last_message_at = greatest(c.last_message_at, v.last_at),
      preview = case when v.last_at >= c.last_message_at then v.preview else c.preview end,
      has_public = c.has_public or v.has_public,
      has_private = c.has_private or v.has_private,
      first_customer_message_at = least(c.first_customer_message_at, v.first_customer_at),
      last_customer_message_at = greatest(c.last_customer_message_at, v.last_customer_at),
      last_agent_message_at = greatest(c.last_agent_message_at, v.last_agent_at),
      first_response_at = coalesce(c.first_response_at, v.first_response_at),
      sentiment = coalesce(v.sentiment, c.sentiment),
      tier = coalesce(v.tier, c.tier),
      priority = coalesce(v.priority, c.priority),
      priority_score = coalesce(v.priority_score, c.priority_score),
      priority_reasons = coalesce(v.priority_reasons, c.priority_reasons),
      status = case when (v.reopen and c.status in ('resolved', 'pending')) or (v.unspam and c.status = 'spam')
        then 'open' else c.status end,
      resolved_at = case when v.reopen and c.status = 'resolved' then null else c.resolved_at end,
      updated_at = greatest(c.updated_at, v.last_at)
    from ${recordset(
      deltas,
      `id uuid, added int, last_at timestamptz, preview text, has_public boolean, has_private boolean,
       first_customer_at timestamptz, last_customer_at timestamptz, last_agent_at timestamptz,
       first_response_at timestamptz, sentiment text, tier text, priority text, priority_score int,
       priority_reasons jsonb, reopen boolean, unspam boolean`,
    )}
    where c.id = v.id`);
}

const emptyDelta = (id: string, at: Date): Delta => ({
  id,
  added: 0,
  last_at: at,
  preview: "",
  has_public: false,
  has_private: false,
  first_customer_at: null,
  last_customer_at: null,
  last_agent_at: null,
  first_response_at: null,
  sentiment: null,
  tier: null,
  priority: null,
  priority_score: null,
  priority_reasons: null,
  reopen: false,
  unspam: false,
});

/**
 * The brand answering in a conversation says the customer's messages before the answer were not
 * spam, whatever the filter thought (their times then count in response metrics).
 */
async function unflagAnswered(db: Queryable, items: Live) {
  const answers = items.flatMap(({ it }) =>
    it.item.fromBrand ? [{ c: it.conversationId, at: it.item.sentAt.toISOString() }] : [],
  );
  if (answers.length === 0) return;
  await db.execute(sql`update messages m set is_spam = false
    from ${recordset(answers, "c uuid, at timestamptz")}
    where m.conversation_id = v.c and m.direction = 'inbound' and m.is_spam and m.sent_at <= v.at`);
}

/**
 * A network's late word on a message Parley sent. Only a failure changes it (Parley's delivery
 * statuses end at `sent`); updates for messages sent outside Parley match nothing.
 */
async function recordDeliveryUpdate(
  db: Queryable,
  channel: ChannelRow,
  update: DeliveryUpdate,
): Promise<string[]> {
  if (update.status !== "failed") return [];
  const rows = await db
    .update(messages)
    .set({ deliveryStatus: "failed", deliveryError: update.error })
    .where(
      and(
        eq(messages.workspaceId, channel.workspaceId),
        eq(messages.channelAccountId, channel.id),
        eq(messages.externalId, update.externalId),
        eq(messages.direction, "outbound"),
        inArray(messages.deliveryStatus, ["sending", "sent"]),
      ),
    )
    .returning({ conversationId: messages.conversationId });
  return rows.map((r) => r.conversationId);
}

/**
 * The events' end states. Stored messages only leave the queue (the common case, one narrow
 * delete: ADR 0020); the event row itself records only what went otherwise (dropped, dead) and
 * why a retry is coming. Either only while the event is still queued: a concurrent pass that
 * finished first has the last word.
 */
export async function markEvents(db: Queryable, works: EventWork[], now: Date) {
  const done: string[] = [];
  const other: { id: string; status: string; error: string | null; step: string | null }[] = [];
  for (const w of works) {
    const o = w.outcome;
    // A retry stays queued (the bus delivers it again) but keeps why, for whoever looks.
    const status =
      o?.status === "retry"
        ? "retry"
        : (o?.status ?? (w.items.some((it) => !it.skip) || w.updates.length ? "processed" : "dropped"));
    if (status !== "retry") w.outcome ??= { status } as EventWork["outcome"];
    if (status === "processed") done.push(w.event.id);
    else
      other.push({
        id: w.event.id,
        status,
        error: o && "reason" in o ? o.reason : null,
        step: o && "step" in o ? o.step : null,
      });
  }
  if (other.length > 0)
    await queryRows(
      db,
      sql`update inbound_events e set status = case when v.status = 'retry' then e.status else v.status end,
            error = v.error, failed_step = v.step, attempts = e.attempts + 1,
            processed_at = case when v.status = 'retry' then e.processed_at else ${now} end
          from ${recordset(other, "id uuid, status text, error text, step text")}
          where e.id = v.id and exists (select 1 from inbound_queue q where q.event_id = v.id)`,
    );
  const dequeued = [...done, ...other.filter((r) => r.status !== "retry").map((r) => r.id)];
  if (dequeued.length > 0)
    await db.execute(sql`delete from inbound_queue where event_id = any(${uuidArray(dequeued)}::uuid[])`);
}
