import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { buildApp } from "../app";
import { type Database, openDatabase } from "../platform/db";
import { openScratchDatabase } from "../platform/db/testing";
import { createTestDeps } from "../testing/harness";
import { BENCH_REPORTS_PASSWORD, fillReports } from "./reports-fill";

export interface ReportsBenchResult {
  driver: "pglite" | "postgres";
  conversations: number;
  fill_s: number;
  samples: number;
  /** The reports page's opening request: the summary of the last 30 days, all channels. */
  p50_ms: number;
  p95_ms: number;
  /** The summary of the whole past year (365 days, a 365-day series). */
  year_p50_ms: number;
  year_p95_ms: number;
  /** The bar: the 30-day summary under 1 s at p95. */
  target_ms: number;
  meets_target: boolean;
}

const TARGET_MS = 1000;
const DAY_MS = 86_400_000;

/**
 * `parley bench reports`: N conversations' facts in a scratch database (PGlite in a temporary
 * directory, and PostgreSQL in a new database with DATABASE_URL, dropped after), then the summary
 * request timed through the real HTTP stack (a listening Fastify app, session cookie, validation,
 * the rollup's catch-up check, serialisation).
 */
export async function benchReports(opts: {
  conversations: number;
  samples: number;
  postgresUrl: string | null;
  driver?: "pglite" | "postgres";
}): Promise<ReportsBenchResult[]> {
  const all: ("pglite" | "postgres")[] = opts.postgresUrl ? ["pglite", "postgres"] : ["pglite"];
  const results: ReportsBenchResult[] = [];
  for (const driver of opts.driver ? [opts.driver] : all) {
    const { database, dispose } = await scratch(driver, opts.postgresUrl);
    try {
      results.push(await benchOne(driver, database, opts.conversations, opts.samples));
    } finally {
      await dispose();
    }
  }
  return results;
}

/** PGlite on disk (a million rows is more than memory should hold), or a throw-away PostgreSQL database. */
async function scratch(driver: "pglite" | "postgres", postgresUrl: string | null) {
  if (driver === "postgres") {
    const database = await openScratchDatabase("postgres", postgresUrl ?? undefined);
    return { database, dispose: () => database.close() };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "parley-bench-reports-"));
  const database = await openDatabase({ driver: "pglite", dataDir: dir });
  await database.migrate();
  return {
    database,
    dispose: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function benchOne(
  driver: "pglite" | "postgres",
  database: Database,
  n: number,
  samples: number,
): Promise<ReportsBenchResult> {
  const now = new Date();
  const filled = await fillReports(database, n, now);
  const deps = createTestDeps(database);
  const app = await buildApp({ deps, ping: database.ping, logger: false });
  try {
    await app.listen({ port: 0, host: "127.0.0.1" });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;
    const cookie = await signIn(base, filled.analystEmail);
    const period = (days: number) => ({
      from: new Date(now.getTime() - days * DAY_MS).toISOString(),
      to: now.toISOString(),
    });
    const month = await timeSummary(base, cookie, period(30), samples, n);
    const year = await timeSummary(base, cookie, period(365), samples, n);
    return {
      driver,
      conversations: n,
      fill_s: filled.fill_s,
      samples,
      p50_ms: month.p50,
      p95_ms: month.p95,
      year_p50_ms: year.p50,
      year_p95_ms: year.p95,
      target_ms: TARGET_MS,
      meets_target: month.p95 < TARGET_MS,
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
    body: JSON.stringify({ email, password: BENCH_REPORTS_PASSWORD }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("parley_session="));
  if (!res.ok || !session) throw new Error(`bench sign-in failed: ${res.status} ${await res.text()}`);
  return session.split(";")[0] ?? "";
}

/** Two warm-up requests (plans cached, JIT warm), then `samples` timed one after another. */
async function timeSummary(
  base: string,
  cookie: string,
  query: { from: string; to: string },
  samples: number,
  n: number,
) {
  const url = `${base}/reports/summary?${new URLSearchParams(query)}`;
  const once = async () => {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const body = (await res.json()) as { figures?: { volumes?: { conversations?: number } } };
    const ms = performance.now() - t0;
    if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${JSON.stringify(body)}`);
    // A summary that found nothing would time nothing worth knowing.
    if (n >= 100 && !body.figures?.volumes?.conversations) throw new Error(`GET ${url}: no conversations`);
    return ms;
  };
  for (let i = 0; i < 2; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) times.push(await once());
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0) * 10) / 10;
  return { p50: at(0.5), p95: at(0.95) };
}
