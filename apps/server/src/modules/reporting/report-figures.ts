/*
 * The report's figures assembled from the rows of the period's statements (totals, breakdowns,
 * handling per agent) and the backlog: sorting and shares done here in TS as aggregate.ts does them.
 */
import type { ReportFigures } from "@parley/contracts";
import { sorted } from "./aggregate";
import type { GroupRow, UserRow } from "./report-groups";
import { num, share } from "./report-query";
import { type Totals, timeStats } from "./report-totals";

/** What the period's statements answered. */
export interface PeriodRows {
  totals: Totals;
  groups: GroupRow[];
  byUser: UserRow[];
}

/** One grouping set's rows as a map of key → value, rows whose value is 0 left out. */
function groupOf<V>(
  g: PeriodRows,
  set: GroupRow["g"],
  value: (r: GroupRow) => V,
  keep = (_r: GroupRow) => true,
) {
  return new Map(g.groups.filter((r) => r.g === set && keep(r)).map((r) => [r.k, value(r)]));
}

export function figuresOf(g: PeriodRows, backlog: number): ReportFigures {
  const t = g.totals;
  const conversations = num(t.conversations);
  const inbound = num(t.inbound);
  const spamMessages = num(t.spam_messages);
  const waits = { sum: num(t.wait_sum), count: num(t.wait_n) };
  const inHours = { sum: num(t.wait_in_sum), count: num(t.wait_in_n) };
  const outWaits = { sum: waits.sum - inHours.sum, count: waits.count - inHours.count };
  const meanOf = (w: { sum: number; count: number }) => ({
    count: w.count,
    mean_s: w.count ? w.sum / w.count : null,
  });
  const resolved = num(t.resolution_n);
  const fcr = num(t.fcr);
  const channels = new Map(
    [
      ...groupOf(
        g,
        "channels",
        (r) => Number(r.resolved),
        (r) => Number(r.resolved) > 0,
      ),
    ].map(([k, n]) => [Number(k), n] as [number, number]),
  );
  const attainment = (met: number, breached: number, pending: number) => ({
    met,
    breached,
    pending,
    attainment: share(met, met + breached),
  });
  const nonNull = (r: GroupRow) => r.k !== null;
  const sentimentStart = groupOf(g, "sentiment_start", (r) => Number(r.n), nonNull) as Map<string, number>;
  const negativeStart = num(t.negative_start);
  const converted = num(t.converted);
  return {
    volumes: {
      conversations,
      inbound_messages: inbound,
      responses: num(t.responses),
      spam_messages: spamMessages,
      spam_conversations: num(t.spam_conversations),
      spam_share: share(spamMessages, spamMessages + inbound),
      by_channel: sorted(
        groupOf(g, "channel", (r) => ({
          conversations: Number(r.n),
          inbound_messages: num(r.inbound),
          responses: num(r.responses),
        })) as Map<string, { conversations: number; inbound_messages: number; responses: number }>,
      ).map(([channel, v]) => ({ channel, ...v })),
      by_category: sorted(
        groupOf(g, "category", (r) => ({
          conversations: Number(r.n),
          inbound_messages: num(r.inbound),
        })) as Map<string | null, { conversations: number; inbound_messages: number }>,
      ).map(([category, v]) => ({ category, ...v })),
    },
    response_times: {
      first_response: {
        ...timeStats(t, "frt"),
        in_hours: timeStats(t, "frt_in"),
        out_of_hours: timeStats(t, "frt_out"),
      },
      average_response: { ...meanOf(waits), in_hours: meanOf(inHours), out_of_hours: meanOf(outWaits) },
    },
    handling: handlingOf(g),
    sentiment: {
      rated: [...sentimentStart.values()].reduce((a, b) => a + b, 0),
      start: Object.fromEntries(sorted(sentimentStart)),
      end: Object.fromEntries(
        sorted(groupOf(g, "sentiment_end", (r) => Number(r.n), nonNull) as Map<string, number>),
      ),
      negative_start: negativeStart,
      converted,
      conversion_rate: share(converted, negativeStart),
    },
    service_levels: {
      sla_first_response: attainment(num(t.sla_fr_met), num(t.sla_fr_breached), num(t.sla_fr_pending)),
      sla_resolution: attainment(num(t.sla_res_met), num(t.sla_res_breached), num(t.sla_res_pending)),
      queue: timeStats(t, "queue"),
      resolution: timeStats(t, "resolution"),
      resolved,
      resolution_rate: share(resolved, conversations),
      first_contact_resolution: fcr,
      first_contact_resolution_rate: share(fcr, resolved),
      reopened: num(t.reopened),
      escalated: num(t.escalated),
      channels_to_resolution: {
        mean: resolved ? [...channels].reduce((a, [n, k]) => a + Number(n) * k, 0) / resolved : null,
        distribution: Object.fromEntries(sorted(channels).map(([n, k]) => [String(n), k])),
      },
      backlog,
    },
    dispositions: [...(groupOf(g, "disposition", (r) => Number(r.n)) as Map<string, number>)]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .map(([disposition, conversations]) => ({ disposition, conversations })),
  };
}

function handlingOf(g: PeriodRows): ReportFigures["handling"] {
  const withAverage = (v: { conversations: number; total_s: number }) => ({
    ...v,
    average_s: v.conversations ? v.total_s / v.conversations : null,
  });
  const teams = groupOf(
    g,
    "team",
    (r) => ({ conversations: Number(r.handled), total_s: num(r.handling) }),
    (r) => Number(r.handled) > 0,
  ) as Map<string | null, { conversations: number; total_s: number }>;
  const users = new Map(g.byUser.map((r) => [r.k, { conversations: Number(r.n), total_s: num(r.total) }]));
  const all = [...teams.values()].reduce(
    (a, v) => ({ conversations: a.conversations + v.conversations, total_s: a.total_s + v.total_s }),
    { conversations: 0, total_s: 0 },
  );
  return {
    ...withAverage(all),
    by_agent: sorted(users).map(([user_id, v]) => ({ user_id, ...withAverage(v) })),
    by_team: sorted(teams).map(([team_id, v]) => ({ team_id, ...withAverage(v) })),
  };
}
