import { z } from "zod";
import { Id } from "./dto";
import { Channel } from "./enums";
import { SatisfactionFigures } from "./satisfaction";

/*
 * Reports (SPEC M1-M5, M7, M8). Every figure is defined in docs/metrics.md; durations are seconds,
 * shares are 0..1 and null when there is nothing to divide by.
 */

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(item));

const Instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

/** The conversations a report covers: those started in [from, to), narrowed by the filters. */
export const ReportFilters = z.strictObject({
  from: Instant.describe("Start of the period (inclusive): an ISO 8601 instant, or a date (midnight UTC)."),
  to: Instant.describe("End of the period (exclusive); at most 366 days after `from`."),
  channel: csv(Channel).optional().describe("Comma-separated channels the conversation started in."),
  account_id: csv(Id)
    .optional()
    .describe(
      "Comma-separated channel accounts (the brand's handles, pages, numbers) the conversation came in on.",
    ),
  team_id: Id.optional(),
  agent_id: Id.optional().describe("Conversations assigned to this member or answered by them."),
  category: z.string().min(1).max(64).optional(),
});
export type ReportFilters = z.infer<typeof ReportFilters>;

export const REPORT_METRICS = [
  "conversations",
  "spam",
  "answered",
  "unanswered",
  "frt_in_hours",
  "frt_out_of_hours",
  "frt_met",
  "frt_breached",
  "resolution_met",
  "resolution_breached",
  "resolved",
  "unresolved",
  "first_contact_resolution",
  "reopened",
  "escalated",
  "negative_start",
  "sentiment_converted",
  "backlog",
] as const;
export const ReportMetric = z.enum(REPORT_METRICS);
export type ReportMetric = z.infer<typeof ReportMetric>;

export const ReportDrillDownQuery = ReportFilters.extend({
  metric: ReportMetric.describe("Which figure's conversations to list."),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const ReportExportQuery = ReportFilters.extend({ format: z.enum(["csv", "json"]).default("csv") });

const Seconds = z.number().nullable();
const Share = z.number().nullable();

export const SlaAttainment = z.object({
  met: z.number().int(),
  breached: z.number().int(),
  pending: z.number().int(),
  /** met / (met + breached): of the targets that came due. */
  attainment: Share,
});

const TimeStats = z.object({ count: z.number().int(), mean_s: Seconds, median_s: Seconds, max_s: Seconds });
const MeanStats = z.object({ count: z.number().int(), mean_s: Seconds });

export const ReportFigures = z.object({
  volumes: z.object({
    conversations: z.number().int(),
    inbound_messages: z.number().int(),
    responses: z.number().int(),
    spam_messages: z.number().int(),
    spam_conversations: z.number().int(),
    /** Spam customer messages / all customer messages. */
    spam_share: Share,
    by_channel: z.array(
      z.object({
        channel: z.string(),
        conversations: z.number().int(),
        inbound_messages: z.number().int(),
        responses: z.number().int(),
      }),
    ),
    by_category: z.array(
      z.object({
        category: z.string().nullable(),
        conversations: z.number().int(),
        inbound_messages: z.number().int(),
      }),
    ),
  }),
  response_times: z.object({
    first_response: TimeStats.extend({ in_hours: TimeStats, out_of_hours: TimeStats }),
    average_response: MeanStats.extend({ in_hours: MeanStats, out_of_hours: MeanStats }),
  }),
  handling: z.object({
    conversations: z.number().int(),
    total_s: z.number(),
    average_s: Seconds,
    by_agent: z.array(
      z.object({
        user_id: z.string(),
        conversations: z.number().int(),
        total_s: z.number(),
        average_s: Seconds,
      }),
    ),
    by_team: z.array(
      z.object({
        team_id: z.string().nullable(),
        conversations: z.number().int(),
        total_s: z.number(),
        average_s: Seconds,
      }),
    ),
  }),
  sentiment: z.object({
    rated: z.number().int(),
    start: z.record(z.string(), z.number().int()),
    end: z.record(z.string(), z.number().int()),
    negative_start: z.number().int(),
    converted: z.number().int(),
    conversion_rate: Share,
  }),
  service_levels: z.object({
    sla_first_response: SlaAttainment,
    sla_resolution: SlaAttainment,
    queue: TimeStats,
    resolution: TimeStats,
    resolved: z.number().int(),
    resolution_rate: Share,
    first_contact_resolution: z.number().int(),
    first_contact_resolution_rate: Share,
    reopened: z.number().int(),
    /** Conversations escalated at any point (an `escalated` event, or escalated now). */
    escalated: z.number().int(),
    channels_to_resolution: z.object({
      mean: z.number().nullable(),
      distribution: z.record(z.string(), z.number().int()),
    }),
    backlog: z.number().int(),
  }),
  dispositions: z.array(z.object({ disposition: z.string(), conversations: z.number().int() })),
});
export type ReportFigures = z.infer<typeof ReportFigures>;

export const ReportDay = z.object({
  date: z.iso.date(),
  conversations: z.number().int(),
  inbound_messages: z.number().int(),
  responses: z.number().int(),
  spam_messages: z.number().int(),
  frt_median_s: Seconds,
  frt_mean_s: Seconds,
  art_mean_s: Seconds,
  resolved: z.number().int(),
  /** Conversations with a first-response or resolution target breached. */
  sla_breached: z.number().int(),
  /** Of the day's conversations' SLA targets (first response and resolution) that came due, the share met. */
  sla_met_share: Share,
  /** Conversations open at the end of the day. */
  backlog: z.number().int(),
});

/** An agent's handling time over their staffed (available or busy) time; null without availability history. */
export const Occupancy = z.object({
  user_id: z.string(),
  handling_s: z.number(),
  staffed_s: z.number(),
  occupancy: Share,
});

export const ReportSummary = z.object({
  period: z.object({ from: z.iso.datetime(), to: z.iso.datetime(), timezone: z.string() }),
  figures: ReportFigures,
  occupancy: z.array(Occupancy),
  /** CSAT, NPS and response rate of the surveys asked in the period, under the same filters. */
  satisfaction: SatisfactionFigures,
  series: z.array(ReportDay),
});
export type ReportSummary = z.infer<typeof ReportSummary>;

/** One conversation's facts, as the drill-down lists and the export writes them. */
export const ConversationFactsRow = z.object({
  conversation_id: z.string(),
  channel: z.string(),
  team_id: z.string().nullable(),
  assignee_id: z.string().nullable(),
  category: z.string().nullable(),
  status: z.string(),
  started_at: z.iso.datetime(),
  started_by: z.enum(["customer", "brand"]).nullable(),
  inbound_messages: z.number().int(),
  spam_messages: z.number().int(),
  responses: z.number().int(),
  agent_replies: z.number().int(),
  is_spam: z.boolean(),
  customer_channels: z.array(z.string()),
  first_response_s: Seconds,
  first_response_in_hours: z.boolean().nullable(),
  response_count: z.number().int(),
  response_sum_s: z.number(),
  response_in_hours_count: z.number().int(),
  response_in_hours_sum_s: z.number(),
  sentiment_start: z.string().nullable(),
  sentiment_end: z.string().nullable(),
  sentiment_converted: z.boolean().nullable(),
  first_assigned_at: z.iso.datetime().nullable(),
  queue_s: Seconds,
  resolved_at: z.iso.datetime().nullable(),
  resolution_s: Seconds,
  reopened: z.number().int(),
  first_contact_resolution: z.boolean(),
  escalated: z.boolean(),
  sla_first_response: z.enum(["met", "breached", "pending", "none"]),
  sla_resolution: z.enum(["met", "breached", "pending", "none"]),
  handling_s: z.number(),
  disposition: z.string(),
});
export type ConversationFactsRow = z.infer<typeof ConversationFactsRow>;

export const ReportConversationsPage = z.object({
  metric: ReportMetric,
  items: z.array(ConversationFactsRow),
  next_cursor: z.string().nullable(),
});
