import { ACTIVE_STATUSES } from "@parley/contracts";
import { type CompiledRule, dueTimeFor, type Evaluation, evaluate, mergeActions } from "@parley/rules";
import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import { type ChangeFeed, publishEach } from "../../platform/bus";
import type { Clock } from "../../platform/clock";
import { type Db, type Queryable, queryRows } from "../../platform/db";
import { startTicker } from "../../platform/ticker";
import { applyPlans } from "./apply-plans";
import { calendarMemo, factsOf, loadMessageFacts, type MessageFactsRow } from "./facts";
import { planActions } from "./plan-actions";
import type { RuleCache } from "./rules.repo";
import { knownTargets } from "./run-rules";

/** One process at a time runs the timers (any process may: the others skip that round). */
const TIMER_LOCK = 7_252_020;
const PER_TICK = 2_000;

/**
 * Time-based rules (SPEC W1: "no agent reply within 30 min → escalate"): every few seconds, the
 * active conversations waiting for an answer are evaluated as of now against the workspaces'
 * `time_elapsed` rules, and each rule fires once per run of its clock (a new customer message
 * after an agent reply starts a new run).
 */
export function startRuleTimers(opts: {
  db: Db;
  clock: Clock;
  log: Pick<Logger, "error">;
  rules: RuleCache;
  /** The live channel: told after the commit which conversations the rules acted on. */
  changes?: ChangeFeed;
  autostart?: boolean;
  pollMs?: number;
}) {
  const tick = async (): Promise<number> => {
    const workspaces = await queryRows<{ id: string }>(
      opts.db,
      sql`select distinct workspace_id as id from rules where enabled and trigger = 'time_elapsed'`,
    );
    if (workspaces.length === 0) return 0;
    const compiled = await opts.rules.get(workspaces.map((w) => w.id));
    const now = opts.clock.now();
    const acted = await opts.db.transaction(async (tx) => {
      const [lock] = await queryRows<{ ok: boolean }>(
        tx,
        sql`select pg_try_advisory_xact_lock(${TIMER_LOCK}) as ok`,
      );
      if (!lock?.ok) return [];
      const rows = await waiting(tx, [...compiled.keys()]);
      const calendarOf = calendarMemo();
      const due: { row: MessageFactsRow; hits: { rule: CompiledRule; startedAt: Date }[] }[] = [];
      for (const row of rows) {
        const set = compiled.get(row.workspace_id);
        if (!set) continue;
        const facts = { ...factsOf(row, calendarOf(row), now), as_of: now };
        const matched = new Set(evaluate(set, facts, "time_elapsed").matched.map((m) => m.rule_id));
        const hits = set.by_trigger.time_elapsed.flatMap((rule) => {
          const d = matched.has(rule.id) ? dueTimeFor(rule, facts) : null;
          return d ? [{ rule, startedAt: d.clock_started_at }] : [];
        });
        if (hits.length > 0) due.push({ row, hits });
      }
      const fresh = await notFiredYet(tx, due);
      if (fresh.length === 0) return [];
      const results = fresh.map(({ row, hits }) => ({ row, evaluation: evaluationOf(hits) }));
      await applyPlans(tx, planActions(results, await knownTargets(tx, [...compiled.keys()])), now);
      return fresh.map(({ row }) => ({ workspaceId: row.workspace_id, conversationId: row.conversation_id }));
    });
    if (opts.changes) publishEach(opts.changes, acted, ["rule"]);
    return acted.length;
  };
  const ticker = startTicker({
    round: async () => (await tick()) >= PER_TICK,
    pollMs: opts.pollMs ?? 15_000,
    autostart: opts.autostart,
    onError: (err) => opts.log.error({ err }, "rule timers failed"),
  });
  return { tick, stop: ticker.stop };
}

function evaluationOf(hits: { rule: CompiledRule }[]): Evaluation {
  const rules = hits.map((h) => h.rule);
  return { ...mergeActions(rules), matched: rules.map((r) => ({ rule_id: r.id, actions: r.actions })) };
}

/** The latest customer message of each active conversation still waiting for the brand. */
function waiting(db: Queryable, workspaceIds: string[]) {
  const active = sql.join(
    ACTIVE_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const ids = sql.join(
    workspaceIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return loadMessageFacts(
    db,
    sql`m.id in (select distinct on (l.conversation_id) l.id from messages l
          join conversations w on w.id = l.conversation_id
          where w.workspace_id in (${ids}) and w.status in (${active}) and l.direction = 'inbound'
            and w.last_customer_message_at > coalesce(w.last_agent_message_at, '-infinity')
          order by l.conversation_id, l.sent_at desc, l.id desc)`,
    PER_TICK,
  );
}

/** Drops the rules that already fired for this run of their clock. */
async function notFiredYet(
  db: Queryable,
  due: { row: MessageFactsRow; hits: { rule: CompiledRule; startedAt: Date }[] }[],
) {
  if (due.length === 0) return [];
  const fired = await queryRows<{ c: string; r: string; at: Date }>(
    db,
    sql`select conversation_id as c, actor_id as r, max(occurred_at) as at from conversation_events
        where type = 'rule_matched' and conversation_id in (${sql.join(
          due.map((d) => sql`${d.row.conversation_id}::uuid`),
          sql`, `,
        )})
        group by conversation_id, actor_id`,
  );
  const last = new Map(fired.map((f) => [`${f.c}|${f.r}`, new Date(f.at).getTime()]));
  return due.flatMap(({ row, hits }) => {
    const left = hits.filter(
      (h) => (last.get(`${row.conversation_id}|${h.rule.id}`) ?? -Infinity) < h.startedAt.getTime(),
    );
    return left.length > 0 ? [{ row, hits: left }] : [];
  });
}
