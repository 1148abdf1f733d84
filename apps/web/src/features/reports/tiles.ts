import type { ReportFigures, ReportMetric } from "@parley/contracts";
import { formatCount, formatPercent, formatSeconds, shareOf } from "./format";

/*
 * The figures the page leads with. Definitions are docs/metrics.md's wording, shortened; a tile
 * with a drill-down metric opens the conversations behind its number.
 */

export interface KpiTile {
  id: string;
  label: string;
  value: string;
  /** A second line: the split or the counts behind a share. */
  detail?: string;
  definition: string;
  metric?: ReportMetric;
}

export interface KpiGroup {
  title: string;
  tiles: KpiTile[];
}

/** What each drill-down lists, as the drawer's title. */
export const METRIC_LABELS: Record<ReportMetric, string> = {
  conversations: "Conversations",
  spam: "Spam conversations",
  answered: "Answered conversations",
  unanswered: "Unanswered conversations",
  frt_in_hours: "First response in business hours",
  frt_out_of_hours: "First response out of hours",
  frt_met: "First-response SLA met",
  frt_breached: "First-response SLA breached",
  resolution_met: "Resolution SLA met",
  resolution_breached: "Resolution SLA breached",
  resolved: "Resolved conversations",
  unresolved: "Unresolved conversations",
  first_contact_resolution: "Resolved on first contact",
  reopened: "Reopened conversations",
  escalated: "Escalated conversations",
  negative_start: "Started negative",
  sentiment_converted: "Converted from negative",
  backlog: "Backlog at the end of the period",
};

const slaDetail = (s: ReportFigures["service_levels"]["sla_first_response"]) =>
  `${formatCount(s.met)} met · ${formatCount(s.breached)} breached${s.pending ? ` · ${formatCount(s.pending)} due` : ""}`;

/** How many conversations a drill-down lists, from the summary; null where the summary has no such count. */
export function metricCount(f: ReportFigures, metric: ReportMetric): number | null {
  const { volumes: v, response_times: rt, service_levels: sl, sentiment: se } = f;
  const counts: Record<ReportMetric, number | null> = {
    conversations: v.conversations,
    spam: v.spam_conversations,
    answered: rt.first_response.count,
    unanswered: null,
    frt_in_hours: rt.first_response.in_hours.count,
    frt_out_of_hours: rt.first_response.out_of_hours.count,
    frt_met: sl.sla_first_response.met,
    frt_breached: sl.sla_first_response.breached,
    resolution_met: sl.sla_resolution.met,
    resolution_breached: sl.sla_resolution.breached,
    resolved: sl.resolved,
    unresolved: v.conversations - sl.resolved,
    first_contact_resolution: sl.first_contact_resolution,
    reopened: sl.reopened,
    escalated: sl.escalated,
    negative_start: se.negative_start,
    sentiment_converted: se.converted,
    backlog: sl.backlog,
  };
  return counts[metric];
}

export function kpiGroups(f: ReportFigures): KpiGroup[] {
  const { volumes: v, response_times: rt, service_levels: sl, sentiment: se, handling: h } = f;
  const frt = rt.first_response;
  const art = rt.average_response;
  return [
    {
      title: "Volume",
      tiles: [
        {
          id: "conversations",
          label: "Conversations",
          value: formatCount(v.conversations),
          detail: v.spam_conversations
            ? `started in the period · ${formatCount(v.spam_conversations)} spam left out`
            : "started in the period",
          definition:
            "Conversations (cases) started in the period, spam conversations excluded. A conversation brings all its later messages and its resolution with it.",
          metric: "conversations",
        },
        {
          id: "inbound",
          label: "Inbound messages",
          value: formatCount(v.inbound_messages),
          detail: v.conversations
            ? `${(v.inbound_messages / v.conversations).toFixed(1)} per conversation`
            : undefined,
          definition: "Customer messages (not spam) of the period's conversations.",
        },
        {
          id: "responses",
          label: "Responses",
          value: formatCount(v.responses),
          detail: `${formatCount(frt.count)} conversations answered`,
          definition:
            "Responses the network accepted (sent) in the period's conversations. Drafts, replies waiting for approval, failed and automated messages count nowhere.",
          metric: "answered",
        },
        {
          id: "spam",
          label: "Spam share",
          value: formatPercent(v.spam_share),
          detail: `${formatCount(v.spam_messages)} spam messages`,
          definition: "Spam customer messages / (spam + customer messages).",
          metric: "spam",
        },
      ],
    },
    {
      title: "Response times",
      tiles: [
        {
          id: "frt",
          label: "Median first response",
          value: formatSeconds(frt.median_s),
          detail: `mean ${formatSeconds(frt.mean_s)} · ${formatCount(frt.count)} conversations`,
          definition:
            "First response time (FRT): from the customer's first message to the brand's first response, for conversations the customer started. Median and mean over the conversations that have one.",
          metric: "answered",
        },
        {
          id: "frt-in-hours",
          label: "Median FRT, business hours",
          value: formatSeconds(frt.in_hours.median_s),
          detail: `mean ${formatSeconds(frt.in_hours.mean_s)} · ${formatCount(frt.in_hours.count)} conversations`,
          definition:
            "First response times of customer messages that arrived while the desk was open (the workspace's default business hours). The wait is wall-clock time: the customer waited all of it.",
          metric: "frt_in_hours",
        },
        {
          id: "frt-out-of-hours",
          label: "Median FRT, out of hours",
          value: formatSeconds(frt.out_of_hours.median_s),
          detail: `mean ${formatSeconds(frt.out_of_hours.mean_s)} · ${formatCount(frt.out_of_hours.count)} conversations`,
          definition:
            "First response times of customer messages that arrived while the desk was closed, however long the answer took.",
          metric: "frt_out_of_hours",
        },
        {
          id: "art",
          label: "Average response time",
          value: formatSeconds(art.mean_s),
          detail: `in hours ${formatSeconds(art.in_hours.mean_s)} · out ${formatSeconds(art.out_of_hours.mean_s)}`,
          definition:
            "Average response time (ART): the mean time between every customer message and the first response at or after it, pooled over all such pairs of the period's conversations (not a mean of per-conversation means).",
        },
      ],
    },
    {
      title: "Service levels",
      tiles: [
        {
          id: "sla-first-response",
          label: "First-response SLA",
          value: formatPercent(sl.sla_first_response.attainment),
          detail: slaDetail(sl.sla_first_response),
          definition:
            "Met / (met + breached) of the first-response targets that came due. Breached when the SLA breach was logged (met late stays breached); pending targets are not counted yet.",
          metric: "frt_breached",
        },
        {
          id: "sla-resolution",
          label: "Resolution SLA",
          value: formatPercent(sl.sla_resolution.attainment),
          detail: slaDetail(sl.sla_resolution),
          definition:
            "Met / (met + breached) of the resolution targets that came due; none without a target (no policy, or the resolution clock paused).",
          metric: "resolution_breached",
        },
        {
          id: "resolution-rate",
          label: "Resolution rate",
          value: formatPercent(sl.resolution_rate),
          detail: `${formatCount(sl.resolved)} of ${formatCount(v.conversations)} conversations`,
          definition: "Conversations resolved or closed now / conversations started in the period.",
          metric: "resolved",
        },
        {
          id: "fcr",
          label: "First contact resolution",
          value: formatPercent(sl.first_contact_resolution_rate),
          detail: `${formatCount(sl.first_contact_resolution)} of ${formatCount(sl.resolved)} resolved`,
          definition:
            "Resolved with exactly one response and never reopened, as a share of resolved conversations.",
          metric: "first_contact_resolution",
        },
      ],
    },
    {
      title: "Outcomes",
      tiles: [
        {
          id: "reopened",
          label: "Reopened",
          value: formatCount(sl.reopened),
          detail: `${formatPercent(shareOf(sl.reopened, v.conversations))} of conversations`,
          definition:
            "Conversations that went from resolved or closed back to an open status at least once; each counts once.",
          metric: "reopened",
        },
        {
          id: "escalated",
          label: "Escalated",
          value: formatCount(sl.escalated),
          detail: `${formatPercent(shareOf(sl.escalated, v.conversations))} of conversations`,
          definition:
            "Conversations escalated at any point: escalated now, or escalated earlier and since resolved or handed back.",
          metric: "escalated",
        },
        {
          id: "sentiment-conversion",
          label: "Sentiment conversion",
          value: formatPercent(se.conversion_rate),
          detail: `${formatCount(se.converted)} of ${formatCount(se.negative_start)} negative starts`,
          definition:
            "Conversations that started negative and whose last rated customer message, written after the brand's first response, is neutral or positive / conversations that started negative.",
          metric: "sentiment_converted",
        },
        {
          id: "backlog",
          label: "Backlog",
          value: formatCount(sl.backlog),
          detail: "open at the end of the period",
          definition:
            "Conversations open at the end of the period: started by then and not resolved, closed, archived or spam at that instant. Includes conversations started before the period.",
          metric: "backlog",
        },
      ],
    },
    {
      title: "Waiting and handling",
      tiles: [
        {
          id: "queue",
          label: "Median queue time",
          value: formatSeconds(sl.queue.median_s),
          detail: `mean ${formatSeconds(sl.queue.mean_s)} · ${formatCount(sl.queue.count)} conversations`,
          definition:
            "From creation to the first assignment or the first response, whichever comes first; customer-started conversations only.",
        },
        {
          id: "resolution-time",
          label: "Median resolution time",
          value: formatSeconds(sl.resolution.median_s),
          detail: `mean ${formatSeconds(sl.resolution.mean_s)} · ${formatCount(sl.resolution.count)} resolved`,
          definition:
            "From creation to the final resolution, wall-clock, for conversations resolved or closed now. A reopen restarts it: the final resolution is the start of the last run of resolved or closed statuses.",
          metric: "resolved",
        },
        {
          id: "aht",
          label: "Average handling time",
          value: formatSeconds(h.average_s),
          detail: `over ${formatCount(h.conversations)} handled conversations`,
          definition:
            "Total handling time / conversations with any handling time. Handling time is the time agents spend with a conversation in front of them: reading, typing, tagging, looking the customer up.",
        },
        {
          id: "tht",
          label: "Total handling time",
          value: formatSeconds(h.total_s),
          detail: `${formatCount(h.by_agent.length)} agents`,
          definition:
            "The agents' active time on the period's conversations. Runs of activity no more than 60 s apart count; a longer silence is time away and nobody's handling time.",
        },
      ],
    },
  ];
}
