import { sql } from "drizzle-orm";
import type { ChannelRow } from "../../modules/channels/channels.repo";
import type { Db } from "../../platform/db";
import { bulkInsert } from "../../platform/db/bulk";
import { conversationEvents, messages, surveys } from "../../platform/db/schema";
import type { ConvState } from "./ingest";
import type { Net } from "./payloads";
import type { Planned } from "./plan";
import type { Rng } from "./random";
import type { Routing } from "./staff";
import { applyStep } from "./steps";

/** What the care floor does in one round (between two customer messages), as the desk writes it. */
export interface RoundContext {
  workspaceId: string;
  round: number;
  plans: Planned[];
  state: Map<number, ConvState>;
  routing: Routing;
  initials: Map<string, string>;
  channelOf: Record<Net, ChannelRow>;
  rng: Rng;
  nowMs: number;
  nextOut: () => string;
}

type EventRow = typeof conversationEvents.$inferInsert;

/** The rows a round writes, collected and stored in one transaction. */
export interface RoundRows {
  outMessages: (typeof messages.$inferInsert)[];
  events: EventRow[];
  surveyRows: (typeof surveys.$inferInsert)[];
  updates: Record<string, unknown>[];
  event(
    conversationId: string,
    type: EventRow["type"],
    at: number,
    actor: { type: "user" | "system" | "contact"; id: string | null },
    data: Record<string, unknown>,
    messageId?: string | null,
  ): void;
}

/** One conversation's figures from a round: its conversation row's columns follow them. */
export interface Tally {
  firstResponseAt: number | null;
  lastAgentAt: number | null;
  lastAt: number;
  resolvedAt: number | null;
  added: number;
}

function createRoundRows(workspaceId: string): RoundRows {
  const events: EventRow[] = [];
  return {
    outMessages: [],
    events,
    surveyRows: [],
    updates: [],
    event: (conversationId, type, at, actor, data, messageId = null) =>
      void events.push({
        workspaceId,
        conversationId,
        type,
        actorType: actor.type,
        actorId: actor.id,
        messageId,
        data,
        occurredAt: new Date(at),
        createdAt: new Date(at),
      }),
  };
}

export async function writeRound(db: Db, ctx: RoundContext) {
  const rows = createRoundRows(ctx.workspaceId);
  for (const plan of ctx.plans) {
    const conv = ctx.state.get(plan.index);
    const steps = plan.rounds[ctx.round] ?? [];
    if (!conv || steps.length === 0) continue;
    const tally: Tally = { firstResponseAt: null, lastAgentAt: null, lastAt: 0, resolvedAt: null, added: 0 };
    for (const step of steps) applyStep({ ctx, rows, plan, conv, tally }, step);
    rows.updates.push(conversationUpdate(conv, tally));
  }
  await saveRound(db, ctx.workspaceId, rows);
  return {
    replies: rows.outMessages.filter((m) => m.authorUserId).length,
    events: rows.events.length,
    surveys: rows.surveyRows.length,
  };
}

function conversationUpdate(s: ConvState, t: Tally): Record<string, unknown> {
  return {
    id: s.id,
    status: s.status,
    assignee_id: s.assigneeId,
    team_id: s.teamId,
    tags: `{${s.tags.map((tag) => `"${tag.replace(/["\\]/g, "\\$&")}"`).join(",")}}`,
    first_response_at: t.firstResponseAt === null ? null : new Date(t.firstResponseAt).toISOString(),
    last_agent_at: t.lastAgentAt === null ? null : new Date(t.lastAgentAt).toISOString(),
    last_at: new Date(t.lastAt).toISOString(),
    resolved_at:
      s.status === "resolved" && t.resolvedAt !== null ? new Date(t.resolvedAt).toISOString() : null,
    added: t.added,
  };
}

async function saveRound(db: Db, workspaceId: string, rows: RoundRows) {
  const { outMessages, events, surveyRows, updates } = rows;
  await db.transaction(async (tx) => {
    for (let i = 0; i < outMessages.length; i += 1000)
      await bulkInsert(tx, messages, outMessages.slice(i, i + 1000));
    for (let i = 0; i < events.length; i += 5000)
      await bulkInsert(tx, conversationEvents, events.slice(i, i + 5000));
    for (let i = 0; i < surveyRows.length; i += 1000)
      await bulkInsert(tx, surveys, surveyRows.slice(i, i + 1000));
    for (let i = 0; i < updates.length; i += 1000)
      await tx.execute(sql`
        update conversations c set
          status = v.status,
          assignee_id = v.assignee_id,
          team_id = v.team_id,
          tags = v.tags,
          first_response_at = coalesce(c.first_response_at, v.first_response_at),
          last_agent_message_at = coalesce(v.last_agent_at, c.last_agent_message_at),
          last_message_at = greatest(c.last_message_at, v.last_at),
          message_count = c.message_count + v.added,
          resolved_at = case when v.status = 'resolved' then coalesce(v.resolved_at, c.resolved_at) else null end,
          updated_at = greatest(c.updated_at, v.last_at)
        from jsonb_to_recordset(${JSON.stringify(updates.slice(i, i + 1000))}::jsonb) as v(
          id uuid, status text, assignee_id uuid, team_id uuid, tags text[], first_response_at timestamptz,
          last_agent_at timestamptz, last_at timestamptz, resolved_at timestamptz, added int)
        where c.id = v.id and c.workspace_id = ${workspaceId}::uuid`);
  });
}
