import { describe, expect, it } from "vitest";
import { createAggregator } from "./aggregate";
import { daysOf, localDate, startOfLocalDate } from "./days";
import type { ConversationFacts } from "./facts";

const at = (iso: string) => new Date(`2026-03-${iso}Z`);

function facts(over: Partial<ConversationFacts>): ConversationFacts {
  return {
    conversation_id: "c",
    channel: "x",
    channel_account_id: null,
    team_id: null,
    assignee_id: null,
    category: null,
    status: "open",
    started_at: at("02T10:00:00"),
    started_by: "customer",
    inbound_messages: 1,
    spam_messages: 0,
    responses: 0,
    agent_replies: 0,
    is_spam: false,
    customer_channels: ["x"],
    first_response_s: null,
    first_response_in_hours: null,
    response_count: 0,
    response_sum_s: 0,
    response_in_hours_count: 0,
    response_in_hours_sum_s: 0,
    sentiment_start: null,
    sentiment_end: null,
    sentiment_converted: null,
    first_assigned_at: null,
    queue_s: null,
    resolved_at: null,
    resolution_s: null,
    reopened: 0,
    first_contact_resolution: false,
    escalated: false,
    sla_first_response: "none",
    sla_resolution: "none",
    handling_s: 0,
    handling_by_user: {},
    reply_handling_s: [],
    disposition: "unresolved",
    not_open_spans: [],
    ...over,
  };
}

const period = { from: at("02T00:00:00"), to: at("04T00:00:00"), timezone: "UTC" };

describe("report aggregation", () => {
  it("adds up volumes and response times, spam apart", () => {
    const agg = createAggregator(period);
    agg.add(
      facts({
        inbound_messages: 2,
        responses: 2,
        first_response_s: 600,
        first_response_in_hours: true,
        response_count: 2,
        response_sum_s: 4200,
        response_in_hours_count: 1,
        response_in_hours_sum_s: 600,
      }),
    );
    agg.add(
      facts({
        channel: "facebook",
        category: "billing",
        responses: 1,
        first_response_s: 1800,
        first_response_in_hours: false,
        response_count: 1,
        response_sum_s: 1800,
      }),
    );
    agg.add(facts({ is_spam: true, inbound_messages: 0, spam_messages: 2, disposition: "spam" }));
    const { figures } = agg.result();
    expect(figures.volumes).toMatchObject({
      conversations: 2,
      inbound_messages: 3,
      responses: 3,
      spam_messages: 2,
      spam_conversations: 1,
      spam_share: 0.4,
    });
    expect(figures.volumes.by_channel.map((c) => [c.channel, c.conversations])).toEqual([
      ["facebook", 1],
      ["x", 1],
    ]);
    expect(figures.volumes.by_category.map((c) => c.category)).toEqual(["billing", null]);
    const rt = figures.response_times;
    expect(rt.first_response).toMatchObject({ count: 2, mean_s: 1200, median_s: 1200, max_s: 1800 });
    expect(rt.first_response.in_hours.median_s).toBe(600);
    expect(rt.first_response.out_of_hours.median_s).toBe(1800);
    expect(rt.average_response).toMatchObject({ count: 3, mean_s: 2000 });
    expect(rt.average_response.in_hours).toEqual({ count: 1, mean_s: 600 });
    expect(rt.average_response.out_of_hours).toEqual({ count: 2, mean_s: 2700 });
    expect(figures.dispositions).toEqual([{ disposition: "unresolved", conversations: 2 }]);
  });

  it("computes service levels, sentiment conversion and handling per agent", () => {
    const agg = createAggregator(period);
    const resolved = {
      resolved_at: at("02T12:00:00"),
      resolution_s: 7200,
      not_open_spans: [{ from: at("02T12:00:00"), to: null }],
    };
    agg.add(
      facts({
        ...resolved,
        first_contact_resolution: true,
        sla_first_response: "met",
        sla_resolution: "met",
        queue_s: 60,
        sentiment_start: "negative",
        sentiment_end: "positive",
        sentiment_converted: true,
        handling_s: 300,
        handling_by_user: { ana: 200, ben: 100 },
        team_id: "t1",
      }),
    );
    agg.add(
      facts({
        ...resolved,
        resolution_s: 3600,
        customer_channels: ["x", "whatsapp"],
        sla_first_response: "breached",
        queue_s: 120,
        sentiment_start: "negative",
        sentiment_end: "negative",
        sentiment_converted: false,
        handling_s: 100,
        handling_by_user: { ana: 100 },
        team_id: "t1",
      }),
    );
    agg.add(facts({ sla_first_response: "pending", reopened: 1 }));
    const { figures } = agg.result();
    const s = figures.service_levels;
    expect(s.sla_first_response).toEqual({ met: 1, breached: 1, pending: 1, attainment: 0.5 });
    expect(s.sla_resolution).toEqual({ met: 1, breached: 0, pending: 0, attainment: 1 });
    expect(s.queue).toEqual({ count: 2, mean_s: 90, median_s: 90, max_s: 120 });
    expect(s.resolution).toMatchObject({ count: 2, mean_s: 5400, max_s: 7200 });
    expect(s).toMatchObject({
      resolved: 2,
      first_contact_resolution: 1,
      first_contact_resolution_rate: 0.5,
      reopened: 1,
      backlog: 1,
    });
    expect(s.resolution_rate).toBeCloseTo(2 / 3);
    expect(s.channels_to_resolution).toEqual({ mean: 1.5, distribution: { "1": 1, "2": 1 } });
    expect(figures.sentiment).toMatchObject({ negative_start: 2, converted: 1, conversion_rate: 0.5 });
    expect(figures.handling).toMatchObject({ conversations: 2, total_s: 400, average_s: 200 });
    expect(figures.handling.by_agent).toEqual([
      { user_id: "ana", conversations: 2, total_s: 300, average_s: 150 },
      { user_id: "ben", conversations: 1, total_s: 100, average_s: 100 },
    ]);
  });

  it("counts the backlog at the end of each day, carried-over conversations included", () => {
    const agg = createAggregator(period);
    // Started before the period, resolved on day two.
    agg.addCarriedOver(
      facts({ started_at: at("01T09:00:00"), not_open_spans: [{ from: at("03T09:00:00"), to: null }] }),
    );
    // Started on day one, resolved the same day, reopened on day two.
    agg.add(facts({ not_open_spans: [{ from: at("02T11:00:00"), to: at("03T08:00:00") }] }));
    agg.add(facts({ started_at: at("03T10:00:00") }));
    const { series, figures } = agg.result();
    expect(series.map((d) => [d.date, d.conversations, d.backlog])).toEqual([
      ["2026-03-02", 1, 1],
      ["2026-03-03", 1, 2],
    ]);
    expect(figures.service_levels.backlog).toBe(2);
  });
});

describe("local days", () => {
  it("cuts the period at the workspace's local midnights, also across DST", () => {
    expect(localDate(new Date("2026-03-08T07:59:00Z"), "America/Los_Angeles")).toBe("2026-03-07");
    // Los Angeles moves to PDT on 2026-03-08: that day starts at 08:00Z, the next at 07:00Z.
    expect(startOfLocalDate("2026-03-08", "America/Los_Angeles").toISOString()).toBe(
      "2026-03-08T08:00:00.000Z",
    );
    expect(startOfLocalDate("2026-03-09", "America/Los_Angeles").toISOString()).toBe(
      "2026-03-09T07:00:00.000Z",
    );
    const days = daysOf(
      new Date("2026-03-08T08:00:00Z"),
      new Date("2026-03-09T12:00:00Z"),
      "America/Los_Angeles",
    );
    expect(days.map((d) => [d.date, d.start.toISOString(), d.end.toISOString()])).toEqual([
      ["2026-03-08", "2026-03-08T08:00:00.000Z", "2026-03-09T07:00:00.000Z"],
      ["2026-03-09", "2026-03-09T07:00:00.000Z", "2026-03-09T12:00:00.000Z"],
    ]);
  });
});
