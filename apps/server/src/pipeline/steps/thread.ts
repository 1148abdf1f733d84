import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../platform/db";
import type { conversations } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import type { EventWork, ItemWork } from "../work";
import { liveItems, recordset } from "./batch";
import { clip } from "./normalize";

export type ConversationRow = typeof conversations.$inferSelect;
/** A resolved conversation takes the customer back within this time; after it, a new case starts. */
export const REOPEN_WINDOW_MS = 7 * 24 * 3_600_000;
const OPEN = new Set(["new", "open", "pending", "on_hold", "escalated"]);
/** Deliveries of a brand reply before the message it answers was stored, before giving up on it. */
export const PARENT_WAIT_ATTEMPTS = 3;

/** The conversations a batch touches: existing ones as read, new ones as they will be inserted. */
export interface Threads {
  byId: Map<string, ConversationRow>;
  created: Set<string>;
}

/**
 * Whether a message may join a conversation. A reply chain stays one conversation even when the
 * filter took its start for spam (`inThread`): the store step then takes it out of the spam folder
 * if the new message is not spam.
 */
function joinable(c: ConversationRow | undefined, at: Date, inThread = false): c is ConversationRow {
  if (!c) return false;
  if (OPEN.has(c.status) || (inThread && c.status === "spam")) return true;
  return c.status === "resolved" && at.getTime() - c.lastMessageAt.getTime() <= REOPEN_WINDOW_MS;
}

/**
 * Puts each message in its conversation (SPEC C1), in time order, trying: the message it replies
 * to; the same network thread (for public threads only when it is this customer's case); for a
 * private message, the customer's open case on the same account (a DM after "please DM us" joins
 * the public complaint). Otherwise it opens a new conversation. Earlier messages of the same batch
 * count as stored.
 */
export async function thread(
  db: Queryable,
  works: EventWork[],
  attempts: Map<string, number>,
): Promise<Threads> {
  const items = liveItems(works);
  const found = await prefetch(db, items);
  const threads: Threads = { byId: found.byId, created: new Set() };
  const put = (it: ItemWork, c: ConversationRow, channelId: string) => {
    it.conversationId = c.id;
    found.byMessage.set(`${it.item.network}|${it.item.externalId}`, c.id);
    for (const t of [it.item.threadExternalId, it.item.externalId]) {
      if (!t) continue;
      found.byThread.set(`${channelId}|${t}|${c.contactId}`, c.id);
      found.byThread.set(`${channelId}|${t}|*`, c.id);
    }
    if (OPEN.has(c.status)) found.openCase.set(`${channelId}|${c.contactId}`, c.id);
  };
  for (const { work, it } of items) {
    if (work.outcome) continue;
    const at = it.item.sentAt;
    const contactId = it.identity?.contactId ?? null;
    const get = (id: string | undefined) => (id ? threads.byId.get(id) : undefined);
    const parent = it.item.replyToExternalId
      ? get(found.byMessage.get(`${it.item.network}|${it.item.replyToExternalId}`))
      : undefined;
    // A public thread is shared by many customers: only join it when it is this customer's case.
    const who = it.item.visibility === "private" ? "*" : contactId;
    const sameThread = it.item.threadExternalId
      ? get(found.byThread.get(`${work.channel.id}|${it.item.threadExternalId}|${who}`))
      : undefined;
    const openCase =
      contactId && it.item.visibility === "private"
        ? get(found.openCase.get(`${work.channel.id}|${contactId}`))
        : undefined;
    const existing =
      [parent, sameThread].find((c) => joinable(c, at, true)) ??
      (joinable(openCase, at) ? openCase : undefined);
    if (existing) {
      put(it, existing, work.channel.id);
      continue;
    }
    if (!contactId) {
      // The brand answering a message not stored yet (another worker has it): wait for it a little.
      const n = attempts.get(work.event.id) ?? 1;
      if (it.item.fromBrand && it.item.replyToExternalId && n < PARENT_WAIT_ATTEMPTS)
        work.outcome = { status: "retry", step: "thread", reason: "replies to a message not stored yet" };
      else it.skip = "the brand's own post, with no customer to file it under";
      continue;
    }
    const c = newConversation(work, it, contactId);
    threads.byId.set(c.id, c);
    threads.created.add(c.id);
    it.opensConversation = true;
    put(it, c, work.channel.id);
  }
  return threads;
}

function newConversation(work: EventWork, it: ItemWork, contactId: string): ConversationRow {
  const at = it.item.sentAt;
  const t = it.triage;
  return {
    id: newId(),
    workspaceId: work.channel.workspaceId,
    channel: it.item.network,
    channelAccountId: work.channel.id,
    contactId,
    // A conversation that starts with spam goes to the spam folder, out of the agents' queues.
    status: t?.isSpam ? "spam" : "new",
    priority: "normal",
    priorityScore: 50,
    priorityReasons: [],
    assigneeId: null,
    teamId: null,
    subject: clip(it.item.text.replace(/\s+/g, " ").trim(), 120),
    preview: "",
    hasPublic: false,
    hasPrivate: false,
    sentiment: t?.sentiment ?? null,
    tier: t?.tier ?? null,
    category: t?.category ?? null,
    language: it.item.language ?? t?.language ?? null,
    tags: [],
    messageCount: 0,
    firstCustomerMessageAt: null,
    firstResponseAt: null,
    lastCustomerMessageAt: null,
    lastAgentMessageAt: null,
    lastMessageAt: at,
    slaPolicyId: null,
    firstResponseDueAt: null,
    nextResponseDueAt: null,
    resolutionDueAt: null,
    slaState: "none",
    slaNextCheckAt: null,
    approvalRequired: false,
    approvalReason: null,
    resolvedAt: null,
    closedAt: null,
    createdAt: at,
    updatedAt: at,
  };
}

type Row = Record<string, unknown> & { id: string };

/** Three lookups for the whole batch: parents, threads, customers' open cases. */
async function prefetch(db: Queryable, items: { work: EventWork; it: ItemWork }[]) {
  const byId = new Map<string, ConversationRow>();
  const byMessage = new Map<string, string>();
  const byThread = new Map<string, string>();
  const openCase = new Map<string, string>();
  const keep = (r: Row) => {
    byId.set(r.id, toConversation(r));
    return r.id;
  };
  const parents = items.flatMap(({ work, it }) =>
    it.item.replyToExternalId
      ? [{ ws: work.channel.workspaceId, ch: it.item.network, id: it.item.replyToExternalId }]
      : [],
  );
  if (parents.length > 0) {
    const rows = await queryRows<Row & { _ext: string; _ch: string }>(
      db,
      sql`select distinct on (v.ch, v.id) v.id as _ext, v.ch as _ch, c.*
          from ${recordset(parents, "ws uuid, ch text, id text")}
          join messages m on m.workspace_id = v.ws and m.channel = v.ch and m.external_id = v.id
          join conversations c on c.id = m.conversation_id
          order by v.ch, v.id`,
    );
    for (const r of rows) byMessage.set(`${r._ch}|${r._ext}`, keep(r));
  }
  // A reply whose parent is stored and still takes messages goes there: its thread needs no lookup.
  const settled = ({ it }: { it: ItemWork }) => {
    const parentId = it.item.replyToExternalId
      ? byMessage.get(`${it.item.network}|${it.item.replyToExternalId}`)
      : undefined;
    return joinable(parentId ? byId.get(parentId) : undefined, it.item.sentAt, true);
  };
  const threadIds = items.flatMap(({ work, it }) =>
    it.item.threadExternalId && !settled({ it })
      ? [
          {
            ws: work.channel.workspaceId,
            net: it.item.network,
            ch: work.channel.id,
            t: it.item.threadExternalId,
            contact: it.item.visibility === "private" ? null : (it.identity?.contactId ?? null),
          },
        ]
      : [],
  );
  if (threadIds.length > 0) {
    // The latest message of the thread that is this customer's (any customer's for a private thread).
    // Messages in the thread, or the thread's root itself (two index lookups, not an OR).
    const rows = await queryRows<Row & { _t: string; _ch: string; _contact: string | null }>(
      db,
      sql`select distinct on (v.ch, v.t, v.contact) v.t as _t, v.ch as _ch, v.contact as _contact, c.*
          from ${recordset(threadIds, "ws uuid, net text, ch uuid, t text, contact uuid")}
          cross join lateral (
            (select conversation_id, sent_at from messages
              where channel_account_id = v.ch and external_thread_id = v.t order by sent_at desc limit 20)
            union all
            (select conversation_id, sent_at from messages
              where workspace_id = v.ws and channel = v.net and external_id = v.t)
          ) m
          join conversations c on c.id = m.conversation_id and (v.contact is null or c.contact_id = v.contact)
          order by v.ch, v.t, v.contact, m.sent_at desc`,
    );
    for (const r of rows) byThread.set(`${r._ch}|${r._t}|${r._contact ?? "*"}`, keep(r));
  }
  const cases = items.flatMap(({ work, it }) =>
    it.item.visibility === "private" && it.identity
      ? [
          {
            ws: work.channel.workspaceId,
            ch: work.channel.id,
            contact: it.identity.contactId,
            since: new Date(it.item.sentAt.getTime() - REOPEN_WINDOW_MS).toISOString(),
          },
        ]
      : [],
  );
  if (cases.length > 0) {
    const rows = await queryRows<Row & { _ch: string }>(
      db,
      sql`select distinct on (v.ch, v.contact) v.ch as _ch, c.*
          from ${recordset(cases, "ws uuid, ch uuid, contact uuid, since timestamptz")}
          join conversations c on c.workspace_id = v.ws and c.contact_id = v.contact and c.channel_account_id = v.ch
            and (c.status in ('new', 'open', 'pending', 'on_hold', 'escalated') or (c.status = 'resolved' and c.last_message_at > v.since))
          order by v.ch, v.contact, c.last_message_at desc`,
    );
    for (const r of rows) openCase.set(`${r._ch}|${r.contact_id}`, keep(r));
  }
  return { byId, byMessage, byThread, openCase };
}

const date = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));

/** A raw `conversations` row (snake_case, driver types) as Drizzle's row type. */
function toConversation(r: Row): ConversationRow {
  return {
    id: r.id,
    workspaceId: r.workspace_id as string,
    channel: r.channel as ConversationRow["channel"],
    channelAccountId: r.channel_account_id as string | null,
    contactId: r.contact_id as string,
    status: r.status as ConversationRow["status"],
    priority: r.priority as ConversationRow["priority"],
    priorityScore: Number(r.priority_score),
    priorityReasons: (r.priority_reasons as string[]) ?? [],
    assigneeId: r.assignee_id as string | null,
    teamId: r.team_id as string | null,
    subject: r.subject as string,
    preview: r.preview as string,
    hasPublic: Boolean(r.has_public),
    hasPrivate: Boolean(r.has_private),
    sentiment: r.sentiment as ConversationRow["sentiment"],
    tier: r.tier as ConversationRow["tier"],
    category: r.category as string | null,
    language: r.language as string | null,
    tags: (r.tags as string[]) ?? [],
    messageCount: Number(r.message_count),
    firstCustomerMessageAt: date(r.first_customer_message_at),
    firstResponseAt: date(r.first_response_at),
    lastCustomerMessageAt: date(r.last_customer_message_at),
    lastAgentMessageAt: date(r.last_agent_message_at),
    lastMessageAt: date(r.last_message_at) as Date,
    slaPolicyId: r.sla_policy_id as string | null,
    firstResponseDueAt: date(r.first_response_due_at),
    nextResponseDueAt: date(r.next_response_due_at),
    resolutionDueAt: date(r.resolution_due_at),
    slaState: r.sla_state as ConversationRow["slaState"],
    slaNextCheckAt: date(r.sla_next_check_at),
    approvalRequired: Boolean(r.approval_required),
    approvalReason: r.approval_reason as string | null,
    resolvedAt: date(r.resolved_at),
    closedAt: date(r.closed_at),
    createdAt: date(r.created_at) as Date,
    updatedAt: date(r.updated_at) as Date,
  };
}
