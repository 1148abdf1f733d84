import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp } from "../../app";
import { queryRows } from "../../platform/db";
import { openTestDatabase } from "../../platform/db/testing";
import type { Deps } from "../../platform/deps";
import { createTestDeps } from "../../testing/harness";
import { provisionDemoChannels } from "../provision";
import { closeSandbox, createSandbox, mountSandbox, type Sandbox } from "../sandbox";
import { DEMO_AGENTS, seedDemo } from "../seed-demo";

/*
 * The demo's first provisioning writes 30 days of history (seed-history.ts) through the ingestion
 * pipeline and the desk's own records; a second provisioning adds nothing.
 */

let app: FastifyInstance;
let database: Awaited<ReturnType<typeof openTestDatabase>>;
let sandbox: Sandbox;
let deps: Deps;
let url: string;
let now: Date;
const infos: { obj: Record<string, unknown>; msg: string }[] = [];
const log = {
  info: (obj: Record<string, unknown>, msg: string) => void infos.push({ obj, msg }),
  warn: () => {},
};

beforeAll(async () => {
  database = await openTestDatabase();
  deps = createTestDeps(database);
  await seedDemo(deps.db, new Date());
  app = await buildApp({ deps, ping: database.ping, logger: false });
  sandbox = createSandbox({ clock: deps.clock, seed: 3 });
  await mountSandbox(app, sandbox);
  await app.listen({ port: 0, host: "127.0.0.1" });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  now = new Date();
  const started = performance.now();
  // The one suite that writes the whole 30 days (other tests ask for a day or two, or none).
  await provisionDemoChannels(deps, sandbox, url, log as never, { historyDays: 30 });
  console.log(`demo history provisioning: ${Math.round(performance.now() - started)} ms`, infos.at(-1)?.obj);
}, 180_000);
afterAll(async () => {
  await closeSandbox(sandbox);
  await app?.close();
  await database?.close();
});

const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(deps.db, query))[0] as T;

it("writes about 30 days of conversations on four channels, none in the future", async () => {
  // Not a timing test: only a guard against seeding becoming several times slower.
  expect(Number(infos.find((i) => i.msg.startsWith("demo history"))?.obj.ms)).toBeLessThan(120_000);
  const c = await one<{ n: number; first: string; last: string; channels: number; days: number }>(sql`
    select count(*)::int n, min(created_at) first, max(created_at) last,
      count(distinct channel)::int channels, count(distinct date_trunc('day', created_at))::int days
    from conversations`);
  expect(c.n).toBeGreaterThan(1800);
  expect(c.n).toBeLessThan(3600);
  expect(c.channels).toBe(4);
  expect(c.days).toBeGreaterThanOrEqual(29);
  expect(now.getTime() - new Date(c.first).getTime()).toBeGreaterThan(28 * 86_400_000);
  expect(new Date(c.last).getTime()).toBeLessThanOrEqual(Date.now());
  const future = await one<{ messages: number; events: number }>(sql`
    select (select count(*)::int from messages where sent_at > now()) messages,
      (select count(*)::int from conversation_events where occurred_at > now()) events`);
  expect(future).toEqual({ messages: 0, events: 0 });
  // Business-hour shaped: far more arrive at 10–20 New York time than at 0–6.
  const shape = await one<{ daytime: number; night: number }>(sql`
    select count(*) filter (where extract(hour from created_at at time zone 'America/New_York') between 10 and 19)::int daytime,
      count(*) filter (where extract(hour from created_at at time zone 'America/New_York') < 6)::int night
    from conversations`);
  expect(shape.daytime).toBeGreaterThan(shape.night * 5);
});

it("has agents' replies, resolutions, escalations, reopenings, tags and spam", async () => {
  const s = await one<{
    resolved: number;
    total: number;
    open: number;
    spam: number;
    sale: number;
    refund: number;
    escalated: number;
    reopened: number;
    replies: number;
    repliers: number;
  }>(sql`
    select (select count(*)::int from conversations where status = 'resolved') resolved,
      (select count(*)::int from conversations) total,
      (select count(*)::int from conversations where status in ('new', 'open', 'pending', 'escalated')) open,
      (select count(*)::int from conversations where status = 'spam') spam,
      (select count(*)::int from conversations where 'disposition:sale' = any(tags)) sale,
      (select count(*)::int from conversations where 'disposition:refund' = any(tags)) refund,
      (select count(distinct conversation_id)::int from conversation_events where type = 'escalated') escalated,
      (select count(distinct conversation_id)::int from conversation_events
        where type = 'status_changed' and data->>'from' = 'resolved') reopened,
      (select count(*)::int from messages where direction = 'outbound' and author_user_id is not null
        and delivery_status = 'sent') replies,
      (select count(distinct author_user_id)::int from messages where author_user_id is not null) repliers`);
  expect(s.resolved / s.total).toBeGreaterThan(0.75);
  expect(s.open).toBeGreaterThan(0);
  expect(s.spam).toBeGreaterThan(20);
  expect(s.sale).toBeGreaterThan(20);
  expect(s.refund).toBeGreaterThan(20);
  expect(s.escalated).toBeGreaterThan(5);
  expect(s.reopened).toBeGreaterThan(5);
  expect(s.replies).toBeGreaterThan(s.total);
  expect(s.repliers).toBeGreaterThanOrEqual(DEMO_AGENTS.length);
  // Old conversations are done; what is still open is recent (a reopened one by its customer's
  // latest message: a fix that did not hold brings an older conversation back).
  const stale = await one<{ n: number }>(sql`
    select count(*)::int n from conversations
    where status in ('new', 'open', 'pending') and last_message_at < now() - interval '4 days'`);
  expect(stale.n).toBe(0);
});

it("gives a first response time, from the messages, in a plausible range", async () => {
  const frt = await one<{ median: number; p90: number; n: number }>(sql`
    with firsts as (
      select c.id,
        (select min(sent_at) from messages m where m.conversation_id = c.id and m.direction = 'inbound') asked,
        (select min(sent_at) from messages m where m.conversation_id = c.id and m.direction = 'outbound'
          and m.author_user_id is not null) answered
      from conversations c where c.status <> 'spam')
    select percentile_cont(0.5) within group (order by extract(epoch from answered - asked) / 60) median,
      percentile_cont(0.9) within group (order by extract(epoch from answered - asked) / 60) p90,
      count(*)::int n
    from firsts where answered is not null`);
  console.log(`seeded FRT: median ${frt.median.toFixed(1)} min, p90 ${frt.p90.toFixed(1)} min over ${frt.n}`);
  expect(frt.median).toBeGreaterThan(3);
  expect(frt.median).toBeLessThan(90);
  expect(frt.p90).toBeGreaterThan(frt.median);
  const negative = await one<{ n: number }>(sql`
    select count(*)::int n from messages m
    where m.direction = 'outbound' and exists (select 1 from messages i where i.conversation_id = m.conversation_id
      and i.direction = 'inbound' and i.sent_at > m.sent_at and i.sentiment <> 'negative')`);
  expect(negative.n).toBeGreaterThan(100);
});

it("records agent activity, availability shifts and surveys", async () => {
  const a = await one<{ beats: number; agents: number; kinds: string[] }>(sql`
    select count(*)::int beats, count(distinct actor_id)::int agents, array_agg(distinct data->>'kind') kinds
    from conversation_events where type = 'agent_activity' and actor_type = 'user'`);
  expect(a.beats).toBeGreaterThan(20_000);
  expect(a.agents).toBeGreaterThanOrEqual(DEMO_AGENTS.length);
  expect([...a.kinds].sort()).toEqual(["lookup", "tagging", "typing", "viewing"]);
  const av = await queryRows<{ user_id: string; rows: number; open: number; kinds: string[] }>(
    deps.db,
    sql`select user_id, count(*)::int rows, count(*) filter (where ended_at is null)::int open,
      array_agg(distinct availability) kinds from agent_availability_history group by user_id`,
  );
  expect(av.length).toBeGreaterThanOrEqual(DEMO_AGENTS.length + 2);
  for (const row of av) {
    expect(row.open).toBe(1);
    expect(row.rows).toBeGreaterThan(40);
    expect(row.kinds).toEqual(expect.arrayContaining(["available", "away", "offline"]));
  }
  const overlap = await one<{ n: number }>(sql`
    select count(*)::int n from agent_availability_history a join agent_availability_history b
      on a.user_id = b.user_id and a.id <> b.id and a.started_at < coalesce(b.ended_at, 'infinity')
      and b.started_at < coalesce(a.ended_at, 'infinity')`);
  expect(overlap.n).toBe(0);
  const s = await one<{
    answered: number;
    asked: number;
    expired: number;
    csat_bad: number;
    nps_bad: number;
    kinds: number;
    events: number;
    early: number;
  }>(sql`
    select count(*) filter (where status = 'answered')::int answered,
      count(*) filter (where status = 'asked')::int asked,
      count(*) filter (where status = 'expired')::int expired,
      count(*) filter (where kind = 'csat' and score not between 1 and 5)::int csat_bad,
      count(*) filter (where kind = 'nps' and score not between 0 and 10)::int nps_bad,
      count(distinct kind)::int kinds,
      (select count(*)::int from conversation_events where type = 'survey_answered') events,
      (select count(*)::int from surveys s join conversations c on c.id = s.conversation_id
        where s.asked_at < c.resolved_at and c.status = 'resolved' and s.asked_at < c.created_at) early
    from surveys`);
  expect(s.answered).toBeGreaterThan(300);
  expect(s.expired).toBeGreaterThan(100);
  expect(s.kinds).toBe(2);
  expect(s.csat_bad + s.nps_bad + s.early).toBe(0);
  expect(s.events).toBe(s.answered);
});

it("runs once: provisioning again adds nothing", async () => {
  const counts = () =>
    one<{ c: number; m: number; e: number; s: number; a: number }>(sql`
      select (select count(*)::int from conversations) c, (select count(*)::int from messages) m,
        (select count(*)::int from conversation_events) e, (select count(*)::int from surveys) s,
        (select count(*)::int from agent_availability_history) a`);
  const before = await counts();
  await provisionDemoChannels(deps, sandbox, url, log as never);
  expect(await counts()).toEqual(before);
});
