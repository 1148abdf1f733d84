import { inArray, sql } from "drizzle-orm";
import type { StoredEvent } from "../ingest/inbound";
import type { ChannelRow } from "../modules/channels/channels.repo";
import { createProfileCache } from "../modules/listening/profile-cache";
import { createRuleCache, type RuleCache } from "../modules/rules/rules.repo";
import type { Classifiers } from "../nlp/classifier";
import type { ChangeFeed } from "../platform/bus";
import { type Db, queryRows } from "../platform/db";
import { uuidArray } from "../platform/db/bulk";
import { channelAccounts } from "../platform/db/schema";
import { type EventOutcome, ok } from "./result";
import { eachEvent, eachItem, eventsTotal, inTransaction, receiptToInbox } from "./run-pipeline";
import { createSpamLearning } from "./spam-learning";
import { automate } from "./steps/automate";
import { dedupe } from "./steps/dedupe";
import { identify } from "./steps/identify";
import { normalize } from "./steps/normalize";
import { prioritize } from "./steps/prioritize";
import { markEvents, store } from "./steps/store";
import { thread } from "./steps/thread";
import { classifiers, triage } from "./triage";
import type { EventWork } from "./work";

export interface PipelineInput {
  eventId: string;
  /** The bus delivery count (1 on first delivery). */
  attempt: number;
}

/**
 * The ingestion pipeline, the one place its step order is written: raw event → normalize → classify
 * (language, spam, sentiment, intent and tier, complaint, abuse, category, sensitive data, listening
 * profiles) → dedupe → contact and identity → threading → priority → store → rules, routing and
 * assignment. Takes a batch of stored events and returns each one's outcome.
 */
export function createIngestPipeline(deps: {
  db: Db;
  clock: { now(): Date };
  models?: Classifiers;
  rules?: RuleCache;
  /** Told once per batch, after commit, which conversations got messages (the live channel). */
  changes?: ChangeFeed;
  /** Events this process stored and hands over without a read back (Inbound.take). */
  handoff?: (eventId: string) => StoredEvent | null;
}) {
  const models = deps.models ?? classifiers();
  const learning = createSpamLearning(deps.db, models);
  const profiles = createProfileCache(deps.db);
  const rules = deps.rules ?? createRuleCache(deps.db);
  return async function runPipeline(batch: PipelineInput[]): Promise<EventOutcome[]> {
    const works = await loadWork(deps.db, batch, deps.handoff);
    const attempts = new Map(batch.map((b) => [b.eventId, b.attempt]));
    const workspaces = [...new Set(works.map((w) => w.channel.workspaceId))];
    await learning.sync(workspaces);
    const compiled = await profiles.get(workspaces);
    const workspaceRules = await rules.get(workspaces);

    eachEvent(works, "normalize", normalize);
    eachItem(works, "classify", (w, it) => {
      it.triage = triage(w.channel.workspaceId, it.item, {
        models,
        profiles: compiled.get(w.channel.workspaceId),
      });
      return ok;
    });
    const now = deps.clock.now();
    await inTransaction(deps.db, works, async (tx, live, stage) => {
      await stage("dedupe", () => dedupe(tx, live));
      await stage("identify", () => identify(tx, live, now));
      const threads = await stage("thread", () => thread(tx, live, attempts));
      eachItem(live, "prioritize", (_w, it) => prioritize(it, threads));
      await stage("store", () => store(tx, live, threads));
      await stage("automate", () => automate(tx, live, workspaceRules, now));
      await markEvents(tx, live, now);
    });
    if (deps.changes) publishChanges(deps.changes, works);
    // Events that ended before the transaction (dead-lettered) or were sent back for a retry.
    await markEvents(
      deps.db,
      works.filter((w) => w.outcome?.status === "dead" || w.outcome?.status === "retry"),
      now,
    );
    const done = deps.clock.now().getTime();
    const byId = new Map(works.map((w) => [w.event.id, w]));
    return batch.map((b) => {
      const w = byId.get(b.eventId);
      // Not pending any more: a redelivery of an event already handled.
      const outcome: EventOutcome = w?.outcome ?? { status: "processed" };
      eventsTotal.inc({ outcome: outcome.status });
      if (w && outcome.status === "processed")
        receiptToInbox.observe((done - w.event.receivedAt.getTime()) / 1000);
      return outcome;
    });
  };
}

export type IngestPipeline = ReturnType<typeof createIngestPipeline>;

interface PendingRow {
  id: string;
  workspace_id: string;
  channel_account_id: string | null;
  network: EventWork["event"]["network"];
  payload: unknown;
  received_at: Date;
}

/**
 * One notification per workspace for the whole batch (thousands of messages a second must not
 * become thousands of publishes): the conversations that got messages, which of them are new, and
 * those whose sent messages a network reported failed. Only committed (processed) events count.
 */
function publishChanges(changes: ChangeFeed, works: EventWork[]) {
  const byWorkspace = new Map<string, { ids: Set<string>; created: Set<string>; delivery: boolean }>();
  for (const w of works) {
    if (w.outcome?.status !== "processed") continue;
    const ws = w.channel.workspaceId;
    const entry = byWorkspace.get(ws) ?? { ids: new Set(), created: new Set(), delivery: false };
    byWorkspace.set(ws, entry);
    for (const it of w.items) {
      if (it.skip || !it.conversationId || !it.messageId) continue;
      entry.ids.add(it.conversationId);
      if (it.opensConversation) entry.created.add(it.conversationId);
    }
    for (const id of w.deliveryChanged ?? []) {
      entry.ids.add(id);
      entry.delivery = true;
    }
  }
  for (const [workspaceId, e] of byWorkspace) {
    changes.publish({
      workspaceId,
      conversationIds: [...e.ids],
      reasons: e.delivery ? ["message", "delivery"] : ["message"],
      created: [...e.created],
    });
  }
}

/**
 * The batch's pending events with their channels; events already handled are left out. Events
 * this process just stored come from the handoff on their first delivery (still pending: only this
 * process's pipeline gets them, once); the others are read with raw SQL and only the columns the
 * steps read, and each channel is read once per batch rather than joined onto every event: this
 * runs for every message, and mapping full rows was a tenth of the Node time.
 */
async function loadWork(
  db: Db,
  batch: PipelineInput[],
  handoff?: (eventId: string) => StoredEvent | null,
): Promise<EventWork[]> {
  if (batch.length === 0) return [];
  const pending: PendingRow[] = [];
  const unread: string[] = [];
  for (const b of batch) {
    const e = b.attempt === 1 ? handoff?.(b.eventId) : null;
    if (e)
      pending.push({
        id: e.id,
        workspace_id: e.workspaceId,
        channel_account_id: e.channelAccountId,
        network: e.network,
        payload: e.payload,
        received_at: e.receivedAt,
      });
    else unread.push(b.eventId);
  }
  if (unread.length > 0) {
    // Only those still queued: the others were handled by an earlier delivery.
    const rows = await queryRows<PendingRow & { received_at: Date | string }>(
      db,
      sql`select e.id, e.workspace_id, e.channel_account_id, e.network, e.payload, e.received_at
          from inbound_queue q join inbound_events e on e.id = q.event_id
          where q.event_id = any(${uuidArray(unread)}::uuid[])`,
    );
    for (const r of rows)
      pending.push({
        ...r,
        received_at: r.received_at instanceof Date ? r.received_at : new Date(r.received_at),
      });
  }
  pending.sort((a, b) => a.received_at.getTime() - b.received_at.getTime());
  const channelIds = [
    ...new Set(pending.flatMap((r) => (r.channel_account_id ? [r.channel_account_id] : []))),
  ];
  const channels = new Map(
    channelIds.length > 0
      ? (await db.select().from(channelAccounts).where(inArray(channelAccounts.id, channelIds))).map((c) => [
          c.id,
          c as ChannelRow,
        ])
      : [],
  );
  return pending.map((r) => {
    const event = {
      id: r.id,
      workspaceId: r.workspace_id,
      channelAccountId: r.channel_account_id,
      network: r.network,
      payload: r.payload,
      receivedAt: r.received_at,
    };
    const channel = r.channel_account_id ? channels.get(r.channel_account_id) : undefined;
    return {
      event,
      // Its channel was deleted since: the event is kept, dead-lettered, for an admin to see.
      channel: channel ?? ({ id: r.channel_account_id, workspaceId: r.workspace_id } as ChannelRow),
      items: [],
      updates: [],
      ...(channel
        ? {}
        : { outcome: { status: "dead" as const, step: "load", reason: "the channel no longer exists" } }),
    };
  });
}
