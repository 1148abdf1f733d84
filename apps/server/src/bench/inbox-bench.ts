import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { buildApp } from "../app";
import type { Database } from "../platform/db";
import { openScratchDatabase } from "../platform/db/testing";
import { createTestDeps } from "../testing/harness";
import { BENCH_PASSWORD, fillInbox } from "./inbox-fill";

export interface ViewTiming {
  p50_ms: number;
  p95_ms: number;
  /** Rows on the first page: a view that finds nothing would time nothing worth knowing. */
  rows: number;
}

export interface InboxBenchResult {
  driver: "pglite" | "postgres";
  conversations: number;
  messages: number;
  fill_s: number;
  page_size: number;
  samples_per_view: number;
  views: Record<string, ViewTiming>;
  p95_ms_max: number;
  /** The bar: every view's first page in under 300 ms at p95. */
  target_ms: number;
  meets_target: boolean;
}

/** The inbox's main views, as the web app asks for their first page (apps/web inbox queries). */
export const INBOX_VIEWS: Record<string, Record<string, string>> = {
  all_open_by_priority: {},
  mine: { assignee_id: "me" },
  unassigned: { assignee_id: "none" },
  channel_whatsapp: { channel: "whatsapp" },
  search_refund: { q: "refund" },
};

const PAGE_SIZE = 100; // the web app's page (apps/web/src/features/inbox/queries.ts)
const TARGET_MS = 300;

/**
 * `parley bench inbox`: N conversations bulk-loaded into a scratch database, then the first page
 * of each inbox view timed through the real HTTP stack (a listening Fastify app, session cookie,
 * validation, serialisation), on PGlite and, with DATABASE_URL, on PostgreSQL.
 */
export async function benchInbox(opts: {
  conversations: number;
  samples: number;
  postgresUrl: string | null;
  driver?: "pglite" | "postgres";
}): Promise<InboxBenchResult[]> {
  const all: ("pglite" | "postgres")[] = opts.postgresUrl ? ["pglite", "postgres"] : ["pglite"];
  const results: InboxBenchResult[] = [];
  for (const driver of opts.driver ? [opts.driver] : all) {
    const database = await openScratchDatabase(driver, opts.postgresUrl ?? undefined);
    try {
      results.push(await benchOne(driver, database, opts.conversations, opts.samples));
    } finally {
      await database.close();
    }
  }
  return results;
}

async function benchOne(
  driver: "pglite" | "postgres",
  database: Database,
  n: number,
  samples: number,
): Promise<InboxBenchResult> {
  const filled = await fillInbox(database, n);
  const deps = createTestDeps(database);
  const app = await buildApp({ deps, ping: database.ping, logger: false });
  try {
    await app.listen({ port: 0, host: "127.0.0.1" });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;
    const cookie = await signIn(base, filled.agentEmail);
    const views: Record<string, ViewTiming> = {};
    for (const [name, query] of Object.entries(INBOX_VIEWS)) {
      views[name] = await timeView(base, cookie, query, samples);
    }
    const p95Max = Math.max(...Object.values(views).map((v) => v.p95_ms));
    return {
      driver,
      conversations: filled.conversations,
      messages: filled.messages,
      fill_s: filled.fill_s,
      page_size: PAGE_SIZE,
      samples_per_view: samples,
      views,
      p95_ms_max: p95Max,
      target_ms: TARGET_MS,
      meets_target: p95Max < TARGET_MS,
    };
  } finally {
    const closing = app.close();
    app.server.closeAllConnections();
    await closing;
    await deps.bus.close();
  }
}

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("parley_session="));
  if (!res.ok || !session) throw new Error(`bench sign-in failed: ${res.status} ${await res.text()}`);
  return session.split(";")[0] ?? "";
}

/** A few warm-up requests (plans cached, JIT warm), then `samples` timed one after another. */
async function timeView(
  base: string,
  cookie: string,
  query: Record<string, string>,
  samples: number,
): Promise<ViewTiming> {
  const url = `${base}/conversations?${new URLSearchParams({ ...query, sort: "priority", limit: String(PAGE_SIZE) })}`;
  const once = async () => {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const body = (await res.json()) as { items?: unknown[] };
    const ms = performance.now() - t0;
    if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${JSON.stringify(body)}`);
    return { ms, rows: body.items?.length ?? 0 };
  };
  for (let i = 0; i < 5; i++) await once();
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < samples; i++) {
    const r = await once();
    times.push(r.ms);
    rows = r.rows;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0) * 10) / 10;
  return { p50_ms: at(0.5), p95_ms: at(0.95), rows };
}
