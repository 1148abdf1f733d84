import { type CompiledRuleSet, evaluate, type Trigger } from "@parley/rules";
import { sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { calendarMemo, factsOf, loadMessageFacts } from "./facts";

/** The most messages one dry run reads: the newest of the period when it holds more. */
export const DRY_RUN_MAX_MESSAGES = 20_000;
const PAGE = 2_000;

/**
 * Runs one rule over the customer messages of the last `days` days, with the same facts and the
 * same evaluator as ingestion (facts.ts), and says what it would have matched (SPEC W1 "dry run").
 */
export async function dryRun(
  db: Queryable,
  input: { workspaceId: string; compiled: CompiledRuleSet; trigger: Trigger; days: number; sample: number },
  now: Date,
) {
  const since = new Date(now.getTime() - input.days * 86_400_000);
  const [{ n } = { n: 0 }] = (
    (await db.execute(sql`select count(*)::int as n from messages
      where workspace_id = ${input.workspaceId} and direction = 'inbound' and sent_at >= ${since}
        and sent_at <= ${now}`)) as unknown as { rows: { n: number }[] }
  ).rows;
  const truncated = n > DRY_RUN_MAX_MESSAGES;
  // The newest DRY_RUN_MAX_MESSAGES when there are more: start at the first of those.
  let from = since;
  if (truncated) {
    const { rows } = (await db.execute(sql`select sent_at from messages
      where workspace_id = ${input.workspaceId} and direction = 'inbound' and sent_at <= ${now}
      order by sent_at desc limit 1 offset ${DRY_RUN_MAX_MESSAGES - 1}`)) as unknown as {
      rows: { sent_at: Date }[];
    };
    from = new Date(rows[0]?.sent_at ?? since);
  }
  const calendarOf = calendarMemo();
  const conversations = new Set<string>();
  const matches: {
    conversation_id: string;
    message_id: string;
    sent_at: string;
    channel: string;
    text: string;
    actions: Record<string, unknown>[];
  }[] = [];
  let scanned = 0;
  let matched = 0;
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const cursor: { at: Date; id: string } | null = after;
    const rows = await loadMessageFacts(
      db,
      sql`m.workspace_id = ${input.workspaceId} and m.sent_at >= ${from} and m.sent_at <= ${now}
        ${cursor ? sql`and (m.sent_at, m.id) > (${cursor.at}, ${cursor.id}::uuid)` : sql``}`,
      PAGE,
    );
    for (const row of rows) {
      scanned++;
      const evaluation = evaluate(input.compiled, factsOf(row, calendarOf(row)), input.trigger);
      if (evaluation.matched.length === 0) continue;
      matched++;
      conversations.add(row.conversation_id);
      if (matches.length < input.sample)
        matches.push({
          conversation_id: row.conversation_id,
          message_id: row.message_id,
          sent_at: new Date(row.sent_at).toISOString(),
          channel: row.channel,
          text: row.text.slice(0, 280),
          actions: evaluation.actions as unknown as Record<string, unknown>[],
        });
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE || scanned >= DRY_RUN_MAX_MESSAGES) break;
    after = { at: new Date(last.sent_at), id: last.message_id };
  }
  return {
    days: input.days,
    messages_scanned: scanned,
    messages_matched: matched,
    conversations_matched: conversations.size,
    truncated,
    matches,
  };
}
