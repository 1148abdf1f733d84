import { sql } from "drizzle-orm";
import { createUser } from "../modules/users/create-user";
import { createWorkspace } from "../modules/workspaces/create-workspace";
import type { Database } from "../platform/db";
import { teams } from "../platform/db/schema";
import { newId } from "../platform/ids";

export const BENCH_REPORTS_PASSWORD = "bench-reports-password";

export interface FilledReports {
  workspaceId: string;
  /** Who the benchmark signs in as: an analyst reads reports. */
  analystEmail: string;
  conversations: number;
  fill_s: number;
}

const AGENTS = 24;
const CHUNK = 100_000;

const uuidArray = (ids: string[]) => sql.raw(`'{${ids.join(",")}}'::uuid[]`);

/**
 * Fills a fresh database with one workspace (Europe/London, so days are local and cross two
 * daylight-saving changes) and `n` conversations' facts spread evenly over the past 365 days, in
 * the order they started (as the rollup writes them while conversations come in): four
 * channels, three teams and no team, two dozen agents, six categories; about 3% spam, the rest
 * resolved within two days (8% reopened once on the way) but for 1.5% still open whatever their
 * age (a backlog of 15,000 of a million) and those of the last two days; FRT, ART, queue, handling and SLA
 * outcomes drawn at random. The rollup rows are what reports read, so only they are generated
 * (INSERT ... SELECT generate_series, 100,000 rows a statement); the event log stays empty, so the
 * catch-up before each report finds nothing to do, as on a desk whose rollup is current.
 */
export async function fillReports(database: Database, n: number, now = new Date()): Promise<FilledReports> {
  const t0 = performance.now();
  const db = database.db;
  const ws = await createWorkspace(
    db,
    { slug: "bench-reports", name: "Bench reports", timezone: "Europe/London" },
    now,
  );
  const agentIds: string[] = [];
  for (let i = 0; i < AGENTS; i++)
    agentIds.push(
      (
        await createUser(
          db,
          {
            workspaceId: ws.id,
            email: `agent${i}@bench-reports.example`,
            name: `Agent ${i}`,
            password: BENCH_REPORTS_PASSWORD,
            role: "agent",
          },
          now,
        )
      ).id,
    );
  await createUser(
    db,
    {
      workspaceId: ws.id,
      email: "analyst@bench-reports.example",
      name: "Analyst",
      password: BENCH_REPORTS_PASSWORD,
      role: "analyst",
    },
    now,
  );
  const teamIds = ["Social Care", "Network & Outages", "PR & Escalations"].map((name) => ({
    id: newId(),
    name,
  }));
  await db.insert(teams).values(teamIds.map((t) => ({ ...t, workspaceId: ws.id })));
  for (let lo = 1; lo <= n; lo += CHUNK)
    await insertFacts(database, {
      workspaceId: ws.id,
      lo,
      hi: Math.min(n, lo + CHUNK - 1),
      n,
      agentIds,
      teamIds: teamIds.map((t) => t.id),
      now,
    });
  await db.execute(sql`analyze conversation_facts`);
  return {
    workspaceId: ws.id,
    analystEmail: "analyst@bench-reports.example",
    conversations: n,
    fill_s: Math.round((performance.now() - t0) / 100) / 10,
  };
}

const iso = (expr: string) => `to_char((${expr}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

async function insertFacts(
  database: Database,
  f: {
    workspaceId: string;
    lo: number;
    hi: number;
    n: number;
    agentIds: string[];
    teamIds: string[];
    now: Date;
  },
) {
  // r.c channel, r.s spam/resolution, r.a agent, r.f first response, r.q queue, r.h handling, r.x extras.
  await database.db.execute(sql`
    insert into conversation_facts (conversation_id, workspace_id, channel, team_id, assignee_id,
      category, status, started_at, started_by, is_spam, inbound_messages, spam_messages, responses,
      agent_replies, customer_channels, first_response_s, first_response_in_hours, response_count,
      response_sum_s, response_in_hours_count, response_in_hours_sum_s, sentiment_start,
      sentiment_end, sentiment_converted, first_assigned_at, queue_s, resolved_at, resolution_s,
      reopened, first_contact_resolution, escalated, sla_first_response, sla_resolution, handling_s,
      handling_by_user, reply_handling_s, disposition, not_open_spans, last_closed_at, agent_ids)
    select gen_random_uuid(), ${f.workspaceId}, v.channel, v.team, v.agent, v.category,
      case when v.spam then 'spam' when v.resolved then 'resolved' else 'open' end,
      v.started, 'customer', v.spam,
      case when v.spam then 0 else v.inbound end, case when v.spam then 1 + v.i % 2 else v.i % 7 / 6 end,
      case when v.spam or not v.answered then 0 else v.inbound end,
      case when v.spam or not v.answered then 0 else v.inbound end,
      case when v.r_x < 0.1 then array[v.channel, 'whatsapp'] else array[v.channel] end,
      case when v.answered and not v.spam then v.frt end,
      case when v.answered and not v.spam then v.in_hours end,
      case when v.answered and not v.spam then v.inbound else 0 end,
      case when v.answered and not v.spam then v.inbound * v.frt * 1.4 else 0 end,
      case when v.answered and not v.spam and v.in_hours then v.inbound else 0 end,
      case when v.answered and not v.spam and v.in_hours then v.inbound * v.frt * 1.4 else 0 end,
      v.sentiment, case when v.r_x < 0.5 then 'positive' else v.sentiment end,
      case when v.sentiment = 'negative' then v.r_x < 0.5 end,
      v.started + make_interval(secs => v.queue), v.queue,
      v.resolved_at, case when v.resolved then v.resolution end,
      v.reopened, v.resolved and v.reopened = 0 and v.inbound = 1 and v.answered and not v.spam,
      v.r_x > 0.95,
      case when v.r_f < 0.7 then 'met' when v.r_f < 0.85 then 'breached' when v.resolved then 'none' else 'pending' end,
      case when v.r_s < 0.6 then 'met' when v.r_s < 0.7 then 'breached' else 'none' end,
      case when v.agent is null then 0 else v.handling end,
      case when v.handling > 0 and v.agent is not null then jsonb_build_object(v.agent::text, v.handling)
           else '{}'::jsonb end,
      '{}'::float8[],
      case when v.spam then 'spam' when v.resolved and v.r_x < 0.1 then 'sale'
           when v.resolved then 'resolved' else 'unresolved' end,
      case when v.spam then jsonb_build_array(jsonb_build_object('from', ${sql.raw(iso("v.started"))}, 'to', null))
           when v.resolved and v.reopened > 0 then jsonb_build_array(
             jsonb_build_object('from', ${sql.raw(iso("v.started + make_interval(secs => v.resolution / 3)"))},
                                'to', ${sql.raw(iso("v.started + make_interval(secs => v.resolution / 2)"))}),
             jsonb_build_object('from', ${sql.raw(iso("v.resolved_at"))}, 'to', null))
           when v.resolved then jsonb_build_array(jsonb_build_object('from', ${sql.raw(iso("v.resolved_at"))}, 'to', null))
           else '[]'::jsonb end,
      case when v.spam then v.started else v.resolved_at end,
      case when v.agent is null then '{}'::uuid[] else array[v.agent] end
    from generate_series(${f.lo}::int, ${f.hi}::int) as g(i)
    cross join lateral (select random() + g.i * 0 as c, random() as s, random() as a, random() as f,
      random() as q, random() as h, random() as x, random() as t) r
    cross join lateral (select
      g.i, date_trunc('milliseconds', ${f.now}::timestamptz
        - make_interval(secs => (${f.n}::int - g.i + r.t) / ${f.n}::int * 365 * 86400)) as started,
      case when r.c < 0.40 then 'x' when r.c < 0.60 then 'facebook' when r.c < 0.75 then 'instagram' else 'whatsapp' end as channel,
      (${uuidArray(f.teamIds)} || array[null::uuid])[1 + g.i % ${f.teamIds.length + 1}] as team,
      case when r.a < 0.15 then null else (${uuidArray(f.agentIds)})[1 + floor((r.a - 0.15) / 0.85 * ${f.agentIds.length})::int] end as agent,
      (array['billing', 'delivery', 'outage', 'technical', 'account', null])[1 + g.i % 6] as category,
      r.s < 0.03 as spam, r.f < 0.92 as answered, 1 + g.i % 4 as inbound,
      round((30 + r.f * r.f * 7200)::numeric, 3)::float8 as frt, r.x < 0.7 as in_hours,
      round((r.q * 1800)::numeric, 3)::float8 as queue,
      round((600 + r.s * 172800)::numeric, 3)::float8 as resolution,
      case when r.h < 0.8 then round((60 + r.h * 900)::numeric, 3)::float8 else 0 end as handling,
      (array['negative', 'neutral', 'positive', null])[1 + g.i % 4] as sentiment,
      case when r.x < 0.08 then 1 else 0 end as reopened,
      r.s, r.f, r.x) v0
    cross join lateral (select v0.*, v0.s as r_s, v0.f as r_f, v0.x as r_x,
      not v0.spam and v0.s < 0.985 and v0.started + make_interval(secs => v0.resolution) < ${f.now} as resolved,
      v0.started + make_interval(secs => v0.resolution) as resolved_at_all) v1
    cross join lateral (select v1.*, case when v1.resolved then v1.resolved_at_all end as resolved_at) v`);
}
