import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../platform/db";
import { openTestDatabase } from "../../platform/db/testing";
import { newId } from "../../platform/ids";
import { createWorkspace } from "../workspaces/create-workspace";
import type { ConversationFacts, SlaOutcome } from "./facts";
import { toFactsRow, upsertFacts } from "./facts-store";
import { aggregateInJs } from "./report.fixture";
import type { ReportScope } from "./report-load";
import { summaryFromRollup } from "./report-sql";

/*
 * The oracle: the SQL summary over conversation_facts equals the JS aggregator (aggregate.ts, whose
 * own tests pin the definitions) over the same rows, figure by figure, for generated facts spread
 * over six weeks across a daylight-saving change, several channels, teams, agents and categories.
 * Durations are whole or half seconds, so sums are exact in any order and equality is exact.
 */
let database: Database;
let workspaceId: string;
const TZ = "America/New_York";
const AGENTS = [newId(), newId(), newId()];
const TEAMS = [newId(), newId(), null];
const CHANNELS = ["x", "facebook", "whatsapp", "instagram"];
const CATEGORIES = ["billing", "delivery", null, "outage"];
const SENTIMENTS = ["negative", "neutral", "positive", null];
const OUTCOMES: SlaOutcome[] = ["met", "breached", "pending", "none"];

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START = Date.parse("2026-02-20T00:00:00Z");
const DAYS = 42;

function generated(i: number, rnd: () => number): ConversationFacts {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
  const half = (max: number) => Math.floor(rnd() * max * 2) / 2;
  const startedAt = new Date(START + Math.floor(rnd() * DAYS * 86_400) * 1000 + (i % 1000));
  const spam = rnd() < 0.08;
  const answered = rnd() < 0.75;
  const responseCount = answered ? 1 + Math.floor(rnd() * 3) : 0;
  const inHoursCount = Math.floor(rnd() * (responseCount + 1));
  const resolved = rnd() < 0.6;
  const resolvedAt = resolved ? new Date(startedAt.getTime() + half(200_000) * 1000) : null;
  const reopenedAt = rnd() < 0.15 ? new Date(startedAt.getTime() + 3_600_000) : null;
  const spans = [];
  if (reopenedAt) spans.push({ from: new Date(startedAt.getTime() + 1_800_000), to: reopenedAt });
  if (resolvedAt && (!reopenedAt || resolvedAt > reopenedAt)) spans.push({ from: resolvedAt, to: null });
  const handling = rnd() < 0.5 ? half(900) + 0.5 : 0;
  const handlers = handling ? [pick(AGENTS)] : [];
  const start = pick(SENTIMENTS);
  return {
    conversation_id: newId(),
    channel: pick(CHANNELS),
    channel_account_id: null,
    team_id: pick(TEAMS),
    assignee_id: rnd() < 0.7 ? pick(AGENTS) : null,
    category: pick(CATEGORIES),
    status: resolvedAt ? "resolved" : "open",
    started_at: startedAt,
    started_by: answered ? "customer" : pick(["customer", "brand", null] as const),
    inbound_messages: 1 + Math.floor(rnd() * 4),
    spam_messages: spam ? 1 + Math.floor(rnd() * 2) : Math.floor(rnd() * 1.3),
    responses: responseCount,
    agent_replies: responseCount,
    is_spam: spam,
    customer_channels: rnd() < 0.2 ? ["x", "whatsapp"] : ["x"],
    first_response_s: answered ? half(7200) : null,
    first_response_in_hours: answered ? rnd() < 0.6 : null,
    response_count: responseCount,
    response_sum_s: responseCount * half(3000),
    response_in_hours_count: inHoursCount,
    response_in_hours_sum_s: inHoursCount * half(1000),
    sentiment_start: start,
    sentiment_end: start ? pick(["negative", "neutral", "positive"]) : null,
    sentiment_converted: start === "negative" ? rnd() < 0.5 : null,
    first_assigned_at: null,
    queue_s: rnd() < 0.6 ? half(1800) : null,
    resolved_at: resolvedAt,
    resolution_s: resolvedAt ? (resolvedAt.getTime() - startedAt.getTime()) / 1000 : null,
    reopened: reopenedAt ? 1 : 0,
    first_contact_resolution: Boolean(resolvedAt) && !spam && responseCount === 1 && !reopenedAt,
    escalated: rnd() < 0.1,
    sla_first_response: pick(OUTCOMES),
    sla_resolution: pick(OUTCOMES),
    handling_s: handling,
    handling_by_user: Object.fromEntries(handlers.map((u) => [u, handling])),
    reply_handling_s: [],
    disposition: spam ? "spam" : resolvedAt ? pick(["resolved", "sale"]) : "unresolved",
    not_open_spans: spans,
  };
}

beforeAll(async () => {
  database = await openTestDatabase();
  const ws = await createWorkspace(database.db, { slug: "oracle", name: "Oracle", timezone: TZ }, new Date());
  workspaceId = ws.id;
  const rnd = random(20260301);
  const rows = Array.from({ length: 1500 }, (_, i) => {
    const facts = generated(i, rnd);
    const agentIds = [...new Set([facts.assignee_id, ...Object.keys(facts.handling_by_user)])].filter(
      (a): a is string => a !== null,
    );
    return toFactsRow({ workspaceId, facts, agentIds }, 0, new Date());
  });
  await upsertFacts(database.db, rows);
});
afterAll(() => database?.close());

/** The workspace is made in beforeAll: scopes name it when the test runs. */
const period = (from: string, to: string): Omit<ReportScope, "workspaceId"> => ({
  from: new Date(from),
  to: new Date(to),
});

describe("the SQL summary equals the JS aggregation of the same facts", () => {
  const cases: [string, Omit<ReportScope, "workspaceId">][] = [
    // Across the US change to summer time on 2026-03-08, days in the workspace's zone.
    ["a month", period("2026-03-01T05:00:00Z", "2026-03-31T04:00:00Z")],
    ["the whole history and beyond", period("2026-01-01T00:00:00Z", "2026-05-01T00:00:00Z")],
    ["a few hours", period("2026-03-10T13:00:00Z", "2026-03-10T19:30:00Z")],
    ["one channel", { ...period("2026-02-20T00:00:00Z", "2026-04-10T00:00:00Z"), channels: ["whatsapp"] }],
    [
      "two channels",
      { ...period("2026-02-25T00:00:00Z", "2026-03-20T00:00:00Z"), channels: ["x", "instagram"] },
    ],
    ["a team", { ...period("2026-02-20T00:00:00Z", "2026-04-10T00:00:00Z"), teamId: TEAMS[0] as string }],
    ["an agent", { ...period("2026-02-20T00:00:00Z", "2026-04-10T00:00:00Z"), agentId: AGENTS[1] }],
    ["a category", { ...period("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z"), category: "billing" }],
    ["nothing in it", period("2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z")],
  ];
  for (const [name, filters] of cases)
    it(name, async () => {
      const scope = { ...filters, workspaceId };
      const sqlSummary = await summaryFromRollup(database.db, scope, TZ);
      const js = await aggregateInJs(database.db, scope, TZ);
      expect(sqlSummary.series).toEqual(js.series);
      for (const key of Object.keys(js.figures) as (keyof typeof js.figures)[])
        expect(sqlSummary.figures[key], key).toEqual(js.figures[key]);
      if (name === "a month") {
        expect(sqlSummary.figures.volumes.conversations).toBeGreaterThan(500);
        expect(sqlSummary.series).toHaveLength(30);
        expect(sqlSummary.figures.service_levels.backlog).toBeGreaterThan(0);
        expect(sqlSummary.figures.handling.by_agent).toHaveLength(3);
      }
    });

  it("without the series, as the metrics command asks", async () => {
    const scope = { ...period("2026-02-01T00:00:00Z", "2026-04-15T00:00:00Z"), workspaceId };
    const sqlSummary = await summaryFromRollup(database.db, scope, TZ, { series: false });
    const js = await aggregateInJs(database.db, scope, TZ, false);
    expect(sqlSummary).toEqual(js);
    expect(sqlSummary.series).toEqual([]);
  });
});
