import { describe, expect, it } from "vitest";
import { benchReports } from "./reports-bench";

describe("parley bench reports", () => {
  it("fills a scratch database and times the 30-day and whole-year summaries", async () => {
    const driver = process.env.PARLEY_TEST_DB === "postgres" ? "postgres" : "pglite";
    const [result, ...rest] = await benchReports({
      conversations: 2000,
      samples: 10,
      postgresUrl: process.env.DATABASE_URL ?? null,
      driver,
    });
    expect(rest).toEqual([]);
    expect(result).toMatchObject({ driver, conversations: 2000, samples: 10, target_ms: 1000 });
    for (const key of ["p50_ms", "p95_ms", "year_p50_ms", "year_p95_ms", "fill_s"] as const) {
      expect(result?.[key]).toBeGreaterThan(0);
    }
    expect(result?.p95_ms).toBeGreaterThanOrEqual(result?.p50_ms ?? 0);
    expect(result?.meets_target).toBe((result?.p95_ms ?? Infinity) < 1000);
  }, 120_000);
});
