import { and, eq, inArray, like } from "drizzle-orm";
import type { ChannelRow } from "../../modules/channels/channels.repo";
import { refreshSla } from "../../modules/sla/refresh-sla";
import { sharedSlaCache } from "../../modules/sla/sla-cache";
import { createIngestPipeline } from "../../pipeline/ingest.pipeline";
import type { Db } from "../../platform/db";
import { memberships, messages, slaPolicies, workspaces } from "../../platform/db/schema";
import { DAY, zone } from "./calendar";
import { type ConvState, ingest, loadState } from "./ingest";
import type { Ids, Inbound, Net } from "./payloads";
import { type Planned, planHistory } from "./plan";
import { prng, type Rng } from "./random";
import { writeRound } from "./round";
import { planShifts, writeAvailability } from "./shifts";
import { createRouting, loadStaff, type Routing, type Staff } from "./staff";

/*
 * The demo's past (so reports, surveys and the supervisor view have numbers on a fresh start):
 * 30 days of Acme's social care, generated from a seed. Customers' posts (X mentions, Facebook
 * visitor posts and comments, Instagram comments) and WhatsApp chats enter as the
 * networks' own webhook payloads through the ingestion pipeline, like `parley import twcs` does
 * (stored inbound events, then the pipeline's batch path: parse, triage, thread, rules; SLA once at
 * the end, from the whole history). What
 * the care floor did in between is written as the desk writes it: assignments, agent replies sent
 * under their author, status changes, tags, escalations, activity heartbeats, availability shifts
 * and survey answers, all at the times they happened. Nothing happens after `now`: a conversation
 * whose next step would be in the future stops where it is (today's are the live, open ones).
 *
 * Here: the run and its phases. calendar, random, scenarios, payloads and plan make the plan;
 * shifts and staff say who works when; ingest feeds the customers' side through the pipeline;
 * round, steps and survey-step write what the agents did.
 */

export interface HistoryOptions {
  /** Days of history, today included (default 30). */
  days?: number;
  /** The random seed: the same seed and `now` give the same history. */
  seed?: number;
  /** Scales the daily volume (1 ≈ 60–120 conversations a weekday). */
  volume?: number;
}

export interface HistoryResult {
  seeded: boolean;
  conversations: number;
  inbound: number;
  replies: number;
  events: number;
  surveys: number;
  availability: number;
  ms: number;
  /** Milliseconds per phase (plan, ingest, write, availability, sla): where first-start time goes. */
  phases: Record<string, number>;
}

/** The marker of the history's own outbound ids: a workspace that has one is already seeded. */
const OUT_PREFIX = "demo-history-";

const EMPTY: HistoryResult = {
  seeded: false,
  conversations: 0,
  inbound: 0,
  replies: 0,
  events: 0,
  surveys: 0,
  availability: 0,
  ms: 0,
  phases: {},
};

/**
 * Generates and stores the demo workspace's last `days` days, once: a workspace whose history is
 * already there (or that has none of the four demo channels) is left alone.
 */
export async function seedDemoHistory(
  deps: { db: Db },
  input: { workspaceId: string; channels: ChannelRow[] },
  now: Date,
  opts: HistoryOptions = {},
): Promise<HistoryResult> {
  const started = performance.now();
  const phase = phaseTimer(started);
  const { db } = deps;
  const { workspaceId } = input;
  const channelOf = demoChannels(input.channels);
  if (!channelOf || (await alreadySeeded(db, workspaceId))) return EMPTY;
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!workspace) return EMPTY;

  const rng = prng(opts.seed ?? 20_261_202);
  const z = zone(workspace.timezone);
  const nowMs = now.getTime();
  const start = z.midnight(nowMs) - ((opts.days ?? 30) - 1) * DAY;
  const startAt = z.at(start, 0);
  const ids: Ids = {
    xBrand: channelOf.x.externalAccountId,
    facebookPage: channelOf.facebook.externalAccountId,
    instagram: channelOf.instagram.externalAccountId,
    whatsapp: channelOf.whatsapp.externalAccountId,
  };
  const live = planHistory(rng, z, { start, days: opts.days ?? 30, volume: opts.volume ?? 1, nowMs }, ids);
  phase("plan");

  const staff = await loadStaff(db, workspaceId);
  if (!staff) return EMPTY;
  const shifts = planShifts(
    rng,
    z,
    staff.members.map((s) => ({ userId: s.userId, lead: s.role === "lead" })),
    startAt,
    nowMs,
  );
  const routing = createRouting(rng, staff, shifts);
  const { state, counts } = await replayRounds({
    db,
    workspaceId,
    live,
    staff,
    routing,
    rng,
    nowMs,
    startAt,
    channelOf,
    phase,
  });

  phase("write");
  const availability = await writeAvailability(db, workspaceId, staff.members, shifts, startAt);
  phase("availability");
  // SLA as of now: due times from the whole history, breaches logged where replies came late.
  const convIds = [...state.values()].map((s) => s.id);
  await db.transaction((tx) =>
    refreshSla(tx, { workspaceId, conversationIds: convIds }, now, sharedSlaCache),
  );
  phase("sla");
  return {
    seeded: true,
    conversations: state.size,
    ...counts,
    availability,
    ms: Math.round(performance.now() - started),
    phases: phase.phases,
  };
}

/** Adds the time since the last mark to a named phase. */
function phaseTimer(started: number) {
  const phases: Record<string, number> = {};
  let mark = started;
  const phase = (name: string) => {
    const t = performance.now();
    phases[name] = Math.round((phases[name] ?? 0) + t - mark);
    mark = t;
  };
  return Object.assign(phase, { phases });
}
type Phase = ReturnType<typeof phaseTimer>;

/** The four demo channels by network, or null when one is missing. */
function demoChannels(channels: ChannelRow[]): Record<Net, ChannelRow> | null {
  const byNetwork = new Map(channels.map((c) => [c.network, c]));
  const [x, facebook, instagram, whatsapp] = (["x", "facebook", "instagram", "whatsapp"] as const).map((n) =>
    byNetwork.get(n),
  );
  if (!x || !facebook || !instagram || !whatsapp) return null;
  return { x, facebook, instagram, whatsapp };
}

async function alreadySeeded(db: Db, workspaceId: string): Promise<boolean> {
  const [done] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), like(messages.externalId, `${OUT_PREFIX}%`)))
    .limit(1);
  return Boolean(done);
}

/**
 * Round by round (every conversation's first customer message, then its second...): the posts
 * through the pipeline, then what the agents did until the customer's next one.
 */
async function replayRounds(r: {
  db: Db;
  workspaceId: string;
  live: Planned[];
  staff: Staff;
  routing: Routing;
  rng: Rng;
  nowMs: number;
  startAt: number;
  channelOf: Record<Net, ChannelRow>;
  phase: Phase;
}) {
  const { db, workspaceId, live, phase } = r;
  // The pipeline, with its clock at the earliest post of each batch: no SLA target of a post is
  // due yet when it is stored (the breaches are logged at the end, from what the agents did).
  // The staff are off while the past goes through, so push routing leaves assigning to the
  // history, at the times the agents actually picked each conversation up.
  let pipelineNow = r.startAt;
  const run = createIngestPipeline({ db, clock: { now: () => new Date(pipelineNow) } });
  await db
    .update(memberships)
    .set({ availability: "offline" })
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.role, ["agent", "lead"])));
  const state = new Map<number, ConvState>();
  const counts = { inbound: 0, replies: 0, events: 0, surveys: 0 };
  let outSeq = 0;
  const rounds = Math.max(...live.map((p) => p.inbound.length));
  const enablePolicies = await pauseSlaPolicies(db, workspaceId);
  try {
    for (let round = 0; round < rounds; round++) {
      const arriving = live
        .flatMap((p) => (p.inbound[round] ? [{ p, m: p.inbound[round] as Inbound }] : []))
        .sort((a, b) => a.m.at - b.m.at);
      await ingest(
        db,
        run,
        arriving.map(({ p, m }) => ({ channel: r.channelOf[p.network], m })),
        (at) => {
          pipelineNow = at;
        },
      );
      counts.inbound += arriving.length;
      phase("ingest");
      await loadState(db, workspaceId, arriving, state);
      const written = await writeRound(db, {
        workspaceId,
        round,
        plans: arriving.map(({ p }) => p),
        state,
        routing: r.routing,
        initials: r.staff.initials,
        channelOf: r.channelOf,
        rng: r.rng,
        nowMs: r.nowMs,
        nextOut: () => `${OUT_PREFIX}${++outSeq}`,
      });
      phase("write");
      phase.phases.events = (phase.phases.events ?? 0) + written.events;
      counts.replies += written.replies;
      counts.events += written.events;
      counts.surveys += written.surveys;
    }
  } finally {
    await enablePolicies();
  }
  return { state, counts };
}

/**
 * SLA is computed once, at the end, from the whole history: refreshing it batch by batch while
 * the past goes through costs more than the rest of the ingestion together (2,700 posts on
 * PGlite: 13 s of 25). The workspace's policies are off meanwhile (nothing else runs yet); the
 * returned function turns them back on.
 */
async function pauseSlaPolicies(db: Db, workspaceId: string): Promise<() => Promise<void>> {
  const enabledPolicies = (
    await db
      .select({ id: slaPolicies.id })
      .from(slaPolicies)
      .where(and(eq(slaPolicies.workspaceId, workspaceId), eq(slaPolicies.enabled, true)))
  ).map((p) => p.id);
  const policiesEnabled = async (enabled: boolean) => {
    if (enabledPolicies.length > 0)
      await db.update(slaPolicies).set({ enabled }).where(inArray(slaPolicies.id, enabledPolicies));
    sharedSlaCache.invalidate(workspaceId);
  };
  await policiesEnabled(false);
  return () => policiesEnabled(true);
}
