/*
 * Report figures over many conversations' facts (SPEC M1-M5, M7). Pure and incremental: the
 * report adds facts a batch at a time and keeps only counters and the durations medians need.
 * Spam conversations count in the spam figures only. Definitions: docs/metrics.md.
 */
import type { ReportFigures } from "@parley/contracts";
import { daysOf, localDate } from "./days";
import type { ConversationFacts, SlaOutcome } from "./facts";
import { mean, median } from "./response-times";

export interface Period {
  from: Date;
  to: Date;
  timezone: string;
}

export interface DayFigures {
  date: string;
  conversations: number;
  inbound_messages: number;
  responses: number;
  spam_messages: number;
  frt_median_s: number | null;
  frt_mean_s: number | null;
  art_mean_s: number | null;
  resolved: number;
  sla_breached: number;
  sla_met_share: number | null;
  backlog: number;
}

const stats = (values: readonly number[]) => ({
  count: values.length,
  mean_s: mean(values),
  median_s: median(values),
  max_s: values.length ? values.reduce((a, b) => Math.max(a, b), -Infinity) : null,
});
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const bump = <K>(map: Map<K, number>, key: K, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

type Day = { conversations: number; inbound: number; responses: number; spam: number; frts: number[] } & {
  waitSum: number;
  waitCount: number;
  resolved: number;
  breached: number;
  /** SLA targets (first response, resolution) met, and met or breached. */
  slaMet: number;
  slaDue: number;
};

function newDay(): Day {
  return {
    conversations: 0,
    inbound: 0,
    responses: 0,
    spam: 0,
    frts: [],
    waitSum: 0,
    waitCount: 0,
    resolved: 0,
    breached: 0,
    slaMet: 0,
    slaDue: 0,
  };
}

/** `series: false` skips the per-day figures (an all-time figure over years of history needs none). */
export function createAggregator(period: Period, { series: withSeries = true } = {}) {
  const days = withSeries ? daysOf(period.from, period.to, period.timezone) : [];
  const byDay = new Map(days.map((d) => [d.date, newDay()]));
  const c = {
    conversations: 0,
    inbound: 0,
    responses: 0,
    spamMessages: 0,
    spamConversations: 0,
    waits: { all: { sum: 0, count: 0 }, in: { sum: 0, count: 0 } },
    frt: { all: [] as number[], in: [] as number[], out: [] as number[] },
    queue: [] as number[],
    resolution: [] as number[],
    fcr: 0,
    reopened: 0,
    escalated: 0,
    sla: { first_response: new Map<SlaOutcome, number>(), resolution: new Map<SlaOutcome, number>() },
    sentimentStart: new Map<string, number>(),
    sentimentEnd: new Map<string, number>(),
    negativeStart: 0,
    converted: 0,
    channelsToResolution: new Map<number, number>(),
  };
  const byChannel = new Map<string, { conversations: number; inbound_messages: number; responses: number }>();
  const byCategory = new Map<string | null, { conversations: number; inbound_messages: number }>();
  const handlingByUser = new Map<string, { conversations: number; total_s: number }>();
  const handlingByTeam = new Map<string | null, { conversations: number; total_s: number }>();
  const dispositions = new Map<string, number>();
  // Backlog sweep: +1 when a conversation starts or reopens, -1 when it stops needing work.
  const backlogDeltas: [at: number, delta: number][] = [];

  function addBacklog(f: ConversationFacts) {
    if (f.is_spam) return;
    backlogDeltas.push([f.started_at.getTime(), 1]);
    for (const s of f.not_open_spans) {
      backlogDeltas.push([s.from.getTime(), -1]);
      if (s.to) backlogDeltas.push([s.to.getTime(), 1]);
    }
  }

  function addVolumes(f: ConversationFacts, day: Day | undefined) {
    c.conversations++;
    c.inbound += f.inbound_messages;
    c.responses += f.responses;
    const ch = byChannel.get(f.channel) ?? { conversations: 0, inbound_messages: 0, responses: 0 };
    ch.conversations++;
    ch.inbound_messages += f.inbound_messages;
    ch.responses += f.responses;
    byChannel.set(f.channel, ch);
    const cat = byCategory.get(f.category) ?? { conversations: 0, inbound_messages: 0 };
    cat.conversations++;
    cat.inbound_messages += f.inbound_messages;
    byCategory.set(f.category, cat);
    if (!day) return;
    day.conversations++;
    day.inbound += f.inbound_messages;
    day.responses += f.responses;
  }

  function addResponseTimes(f: ConversationFacts, day: Day | undefined) {
    c.waits.all.sum += f.response_sum_s;
    c.waits.all.count += f.response_count;
    c.waits.in.sum += f.response_in_hours_sum_s;
    c.waits.in.count += f.response_in_hours_count;
    if (f.first_response_s !== null) {
      c.frt.all.push(f.first_response_s);
      (f.first_response_in_hours ? c.frt.in : c.frt.out).push(f.first_response_s);
      day?.frts.push(f.first_response_s);
    }
    if (day) {
      day.waitSum += f.response_sum_s;
      day.waitCount += f.response_count;
    }
  }

  function addService(f: ConversationFacts, day: Day | undefined) {
    bump(c.sla.first_response, f.sla_first_response);
    bump(c.sla.resolution, f.sla_resolution);
    if (f.queue_s !== null) c.queue.push(f.queue_s);
    if (f.resolution_s !== null) {
      c.resolution.push(f.resolution_s);
      bump(c.channelsToResolution, f.customer_channels.length);
    }
    if (f.first_contact_resolution) c.fcr++;
    if (f.reopened > 0) c.reopened++;
    if (f.escalated) c.escalated++;
    if (f.sentiment_start) bump(c.sentimentStart, f.sentiment_start);
    if (f.sentiment_end) bump(c.sentimentEnd, f.sentiment_end);
    if (f.sentiment_converted !== null) c.negativeStart++;
    if (f.sentiment_converted) c.converted++;
    bump(dispositions, f.disposition);
    if (!day) return;
    if (f.resolved_at) day.resolved++;
    if (f.sla_first_response === "breached" || f.sla_resolution === "breached") day.breached++;
    for (const outcome of [f.sla_first_response, f.sla_resolution]) {
      if (outcome === "met") day.slaMet++;
      if (outcome === "met" || outcome === "breached") day.slaDue++;
    }
  }

  function addHandling(f: ConversationFacts) {
    if (f.handling_s <= 0) return;
    for (const [user, s] of Object.entries(f.handling_by_user)) {
      const u = handlingByUser.get(user) ?? { conversations: 0, total_s: 0 };
      u.conversations++;
      u.total_s += s;
      handlingByUser.set(user, u);
    }
    const t = handlingByTeam.get(f.team_id) ?? { conversations: 0, total_s: 0 };
    t.conversations++;
    t.total_s += f.handling_s;
    handlingByTeam.set(f.team_id, t);
  }

  return {
    /** A conversation that started in the period. */
    add(f: ConversationFacts) {
      addBacklog(f);
      const day = byDay.get(localDate(f.started_at, period.timezone));
      c.spamMessages += f.spam_messages;
      if (day) day.spam += f.spam_messages;
      if (f.is_spam) {
        c.spamConversations++;
        return;
      }
      addVolumes(f, day);
      addResponseTimes(f, day);
      addService(f, day);
      addHandling(f);
    },
    /** A conversation that started before the period: it only counts towards the backlog. */
    addCarriedOver: addBacklog,
    result(): { figures: ReportFigures; series: DayFigures[] } {
      const instants = [...days.map((d) => d.end.getTime() - 1), period.to.getTime() - 1];
      const backlogs = backlogsAt(backlogDeltas, instants);
      const series = days.map(({ date }, i) => {
        const d = byDay.get(date) ?? newDay();
        return {
          date,
          conversations: d.conversations,
          inbound_messages: d.inbound,
          responses: d.responses,
          spam_messages: d.spam,
          frt_median_s: median(d.frts),
          frt_mean_s: mean(d.frts),
          art_mean_s: d.waitCount ? d.waitSum / d.waitCount : null,
          resolved: d.resolved,
          sla_breached: d.breached,
          sla_met_share: share(d.slaMet, d.slaDue),
          backlog: backlogs[i] ?? 0,
        };
      });
      return { figures: figuresOf(backlogs.at(-1) ?? 0), series };
    },
  };

  function figuresOf(backlog: number): ReportFigures {
    const { all, in: inHours } = c.waits;
    const outWaits = { sum: all.sum - inHours.sum, count: all.count - inHours.count };
    const meanOf = (w: { sum: number; count: number }) => ({
      count: w.count,
      mean_s: w.count ? w.sum / w.count : null,
    });
    const resolved = c.resolution.length;
    return {
      volumes: {
        conversations: c.conversations,
        inbound_messages: c.inbound,
        responses: c.responses,
        spam_messages: c.spamMessages,
        spam_conversations: c.spamConversations,
        spam_share: share(c.spamMessages, c.spamMessages + c.inbound),
        by_channel: sorted(byChannel).map(([channel, v]) => ({ channel, ...v })),
        by_category: sorted(byCategory).map(([category, v]) => ({ category, ...v })),
      },
      response_times: {
        first_response: { ...stats(c.frt.all), in_hours: stats(c.frt.in), out_of_hours: stats(c.frt.out) },
        average_response: {
          ...meanOf(c.waits.all),
          in_hours: meanOf(c.waits.in),
          out_of_hours: meanOf(outWaits),
        },
      },
      handling: handlingFigures(),
      sentiment: {
        rated: [...c.sentimentStart.values()].reduce((a, b) => a + b, 0),
        start: Object.fromEntries(sorted(c.sentimentStart)),
        end: Object.fromEntries(sorted(c.sentimentEnd)),
        negative_start: c.negativeStart,
        converted: c.converted,
        conversion_rate: share(c.converted, c.negativeStart),
      },
      service_levels: {
        sla_first_response: attainment(c.sla.first_response),
        sla_resolution: attainment(c.sla.resolution),
        queue: stats(c.queue),
        resolution: stats(c.resolution),
        resolved,
        resolution_rate: share(resolved, c.conversations),
        first_contact_resolution: c.fcr,
        first_contact_resolution_rate: share(c.fcr, resolved),
        reopened: c.reopened,
        escalated: c.escalated,
        channels_to_resolution: {
          mean: resolved ? [...c.channelsToResolution].reduce((a, [n, k]) => a + n * k, 0) / resolved : null,
          distribution: Object.fromEntries(sorted(c.channelsToResolution).map(([n, k]) => [String(n), k])),
        },
        backlog,
      },
      dispositions: [...dispositions]
        .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
        .map(([disposition, conversations]) => ({ disposition, conversations })),
    };
  }

  function handlingFigures(): ReportFigures["handling"] {
    const withAverage = (v: { conversations: number; total_s: number }) => ({
      ...v,
      average_s: v.conversations ? v.total_s / v.conversations : null,
    });
    const all = [...handlingByTeam.values()].reduce(
      (a, v) => ({ conversations: a.conversations + v.conversations, total_s: a.total_s + v.total_s }),
      { conversations: 0, total_s: 0 },
    );
    const { conversations, total_s, average_s } = withAverage(all);
    return {
      conversations,
      total_s,
      average_s,
      by_agent: sorted(handlingByUser).map(([user_id, v]) => ({ user_id, ...withAverage(v) })),
      by_team: sorted(handlingByTeam).map(([team_id, v]) => ({ team_id, ...withAverage(v) })),
    };
  }
}

/** Met, breached, pending and met / (met + breached). */
function attainment(outcomes: Map<SlaOutcome, number>) {
  const met = outcomes.get("met") ?? 0;
  const breached = outcomes.get("breached") ?? 0;
  return { met, breached, pending: outcomes.get("pending") ?? 0, attainment: share(met, met + breached) };
}

/** Map entries in key order, null last, so every answer lists the same way. */
export function sorted<K extends string | number | null, V>(map: Map<K, V>): [K, V][] {
  return [...map].sort(([a], [b]) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1));
}

/** How many conversations were open at each instant, from the sweep's deltas, in one pass. */
function backlogsAt(deltas: [number, number][], instants: readonly number[]): number[] {
  const ordered = [...deltas].sort((a, b) => a[0] - b[0]);
  const order = instants.map((t, i) => [t, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(instants.length).fill(0);
  let open = 0;
  let next = 0;
  for (const [t, i] of order) {
    while (next < ordered.length && (ordered[next] as [number, number])[0] <= t)
      open += (ordered[next++] as [number, number])[1];
    out[i] = open;
  }
  return out;
}
