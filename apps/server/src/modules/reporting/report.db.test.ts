import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../platform/ids";
import type { WorkspaceFixture } from "../../testing/fixtures";
import { createTestApp, type TestApp } from "../../testing/harness";
import { reportConversations, reportSummary } from "./report";
import { aggregateInJs, at, DAY } from "./report.fixture";
import { seedReportDay } from "./report-day.fixture";
import type { ReportScope } from "./report-load";

let t: TestApp;
let w: WorkspaceFixture;
let ids: Record<string, string>;
let scope: ReportScope;

beforeAll(async () => {
  t = await createTestApp();
  ({ w, ids, scope } = await seedReportDay(t.app, t.database.db));
});
afterAll(() => t?.close());

describe("report summary (SPEC M1-M5, M7)", () => {
  it("measures volumes and response times in and out of business hours", async () => {
    const { figures } = await reportSummary(t.database.db, scope);
    expect(figures.volumes).toEqual({
      conversations: 4,
      inbound_messages: 5,
      responses: 3,
      spam_messages: 1,
      spam_conversations: 1,
      spam_share: 1 / 6,
      by_channel: [
        { channel: "facebook", conversations: 1, inbound_messages: 1, responses: 1 },
        { channel: "x", conversations: 3, inbound_messages: 4, responses: 2 },
      ],
      by_category: [
        { category: "billing", conversations: 1, inbound_messages: 1 },
        { category: "delivery", conversations: 1, inbound_messages: 2 },
        { category: null, conversations: 2, inbound_messages: 2 },
      ],
    });
    const rt = figures.response_times;
    expect(rt.first_response).toMatchObject({ count: 2, mean_s: 900, median_s: 900, max_s: 1200 });
    expect(rt.first_response.in_hours).toMatchObject({ count: 2, median_s: 900 });
    expect(rt.first_response.out_of_hours.count).toBe(0);
    expect(rt.average_response).toEqual({
      count: 3,
      mean_s: 1800,
      in_hours: { count: 2, mean_s: 900 },
      out_of_hours: { count: 1, mean_s: 3600 },
    });
  });

  it("measures service levels, sentiment, handling, occupancy and dispositions", async () => {
    const { figures, occupancy } = await reportSummary(t.database.db, scope);
    const s = figures.service_levels;
    expect(s.sla_first_response).toEqual({ met: 1, breached: 1, pending: 1, attainment: 0.5 });
    expect(s.sla_resolution).toEqual({ met: 1, breached: 0, pending: 0, attainment: 1 });
    expect(s.queue).toEqual({ count: 2, mean_s: 750, median_s: 750, max_s: 1200 });
    expect(s.resolution).toEqual({ count: 2, mean_s: 3750, median_s: 3750, max_s: 5700 });
    expect(s).toMatchObject({
      resolved: 2,
      resolution_rate: 0.5,
      first_contact_resolution: 1,
      first_contact_resolution_rate: 0.5,
      reopened: 0,
      escalated: 1,
      channels_to_resolution: { mean: 1, distribution: { "1": 2 } },
      backlog: 3,
    });
    expect(figures.sentiment).toEqual({
      rated: 2,
      start: { negative: 1, neutral: 1 },
      end: { neutral: 1, positive: 1 },
      negative_start: 1,
      converted: 1,
      conversion_rate: 1,
    });
    expect(figures.handling).toMatchObject({ conversations: 1, total_s: 540, average_s: 540 });
    expect(figures.handling.by_agent).toEqual([
      { user_id: w.userIds.agent, conversations: 1, total_s: 540, average_s: 540 },
    ]);
    expect(occupancy).toEqual([
      { user_id: w.userIds.agent, handling_s: 540, staffed_s: 7200, occupancy: 0.075 },
    ]);
    expect(figures.dispositions).toEqual([
      { disposition: "escalated", conversations: 1 },
      { disposition: "resolved", conversations: 1 },
      { disposition: "sale", conversations: 1 },
      { disposition: "unresolved", conversations: 1 },
    ]);
  });

  it("gives a per-day series, the JS aggregator's figures over the same rollup rows", async () => {
    const whole = await reportSummary(t.database.db, scope);
    expect(whole.series).toEqual([
      {
        date: DAY,
        conversations: 4,
        inbound_messages: 5,
        responses: 3,
        spam_messages: 1,
        frt_median_s: 900,
        frt_mean_s: 900,
        art_mean_s: 1800,
        resolved: 2,
        sla_breached: 1,
        // A's two targets met, B's first response breached (C's is still due).
        sla_met_share: 2 / 3,
        backlog: 3,
      },
    ]);
    const js = await aggregateInJs(t.database.db, scope, "UTC");
    expect(whole.figures).toEqual(js.figures);
    expect(whole.series).toEqual(js.series);
  });

  it("gives the satisfaction of the surveys asked in the period, under the same filters", async () => {
    const { satisfaction } = await reportSummary(t.database.db, scope);
    expect(satisfaction).toEqual({
      csat: {
        responses: 2,
        average: 3,
        satisfied: 1,
        satisfied_share: 0.5,
        distribution: [1, 2, 3, 4, 5].map((score) => ({ score, count: score === 2 || score === 4 ? 1 : 0 })),
      },
      nps: { responses: 2, promoters: 1, passives: 0, detractors: 1, score: 0 },
      response: { asked: 5, answered: 4, waiting: 1, expired: 0, rate: 0.8 },
    });
    const narrowed = async (over: Partial<ReportScope>) =>
      (await reportSummary(t.database.db, { ...scope, ...over })).satisfaction;
    const facebook = await narrowed({ channels: ["facebook"] });
    expect([facebook.csat.responses, facebook.nps.responses, facebook.nps.score]).toEqual([0, 2, 0]);
    const agent = await narrowed({ agentId: w.userIds.agent });
    expect([agent.csat.responses, agent.csat.average, agent.nps.responses]).toEqual([2, 3, 0]);
    expect((await narrowed({ category: "billing" })).nps.responses).toBe(2);
    expect((await narrowed({ teamId: w.teamId })).response.asked).toBe(0);
  });

  it("leaves a survey answer out of customer messages and response waits", async () => {
    const day8 = { ...scope, from: at("00:00", "2025-01-08"), to: at("00:00", "2025-01-09") };
    const { figures } = await reportSummary(t.database.db, day8);
    // The question is automated and the answer is feedback: one wait (10:00 -> 10:10), not two.
    expect(figures.volumes).toMatchObject({ conversations: 1, inbound_messages: 1, responses: 2 });
    expect(figures.response_times.first_response).toMatchObject({ count: 1, median_s: 600 });
    expect(figures.response_times.average_response).toMatchObject({ count: 1, mean_s: 600 });
    expect(figures.sentiment.rated).toBe(0);
  });

  it("narrows by channel, agent and category", async () => {
    const count = async (over: Partial<ReportScope>) =>
      (await reportSummary(t.database.db, { ...scope, ...over })).figures.volumes.conversations;
    expect(await count({ channels: ["facebook"] })).toBe(1);
    expect(await count({ agentId: w.userIds.agent })).toBe(2); // assigned A, drafted on G
    expect(await count({ agentId: w.userIds.lead })).toBe(1); // replied to B
    expect(await count({ category: "billing" })).toBe(1);
    expect(await count({ teamId: w.teamId })).toBe(0);
    // None of these came in on a channel account (the TWCS suite narrows by each brand's).
    expect(await count({ accountIds: [newId()] })).toBe(0);
  });

  it("lists the conversations behind a figure", async () => {
    const list = async (metric: Parameters<typeof reportConversations>[2]["metric"]) =>
      (await reportConversations(t.database.db, scope, { metric, limit: 50, after: null })).items.map(
        (i) => i.conversation_id,
      );
    expect(await list("frt_breached")).toEqual([ids.b]);
    expect(await list("backlog")).toEqual([ids.c, ids.g, ids.e].sort());
    expect(await list("first_contact_resolution")).toEqual([ids.b]);
    expect(await list("sentiment_converted")).toEqual([ids.a]);
    expect(await list("spam")).toEqual([ids.d]);
  });
});
