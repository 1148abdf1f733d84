import { expect, it } from "vitest";
import type { ConvState } from "./ingest";
import type { Planned } from "./plan";
import { prng } from "./random";
import type { RoundContext, RoundRows } from "./round";
import { applyStep } from "./steps";

/** The rows one step writes, for a conversation assigned `secondsAgo` before now. */
function assignedBeforeNow(secondsAgo: number, seed: number) {
  const nowMs = Date.UTC(2026, 11, 2, 15);
  const occurred: number[] = [];
  const rows = {
    outMessages: [],
    events: [],
    surveyRows: [],
    updates: [],
    event: (_c: string, _type: string, at: number) => void occurred.push(at),
  } as unknown as RoundRows;
  const ctx = {
    nowMs,
    rng: prng(seed),
    routing: {
      pickAgent: () => "agent-1",
      lead: "lead-1",
      prTeam: null,
      careTeam: "care",
      teamOfUser: new Map(),
    },
  } as unknown as RoundContext;
  const conv = { id: "c1", status: "new", assigneeId: null, teamId: null, tags: [] } as unknown as ConvState;
  const tally = { firstResponseAt: null, lastAgentAt: null, lastAt: 0, resolvedAt: null, added: 0 };
  const step = { kind: "assign" as const, at: nowMs - secondsAgo * 1000, to: "pick" as const };
  applyStep({ ctx, rows, plan: {} as Planned, conv, tally }, step);
  return { nowMs, occurred, conv };
}

it("writes no viewing after now for a conversation assigned moments ago", () => {
  for (let seed = 1; seed <= 50; seed++) {
    const { nowMs, occurred, conv } = assignedBeforeNow(10, seed);
    expect(conv.assigneeId).toBe("agent-1");
    expect(occurred.length).toBeGreaterThanOrEqual(3); // assigned, team, status: at the step
    expect(Math.max(...occurred)).toBeLessThan(nowMs);
  }
});

it("keeps the whole minute or so of viewing of an assignment long enough ago", () => {
  const lasts = Array.from({ length: 30 }, (_, i) => {
    const { occurred, nowMs } = assignedBeforeNow(600, i + 1);
    const step = nowMs - 600_000;
    return Math.max(...occurred) - step;
  });
  expect(Math.min(...lasts)).toBeGreaterThanOrEqual(5000);
  expect(Math.max(...lasts)).toBeGreaterThan(45_000);
});
