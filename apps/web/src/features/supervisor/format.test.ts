import { describe, expect, it } from "vitest";
import {
  attainmentTone,
  formatShare,
  formatWait,
  loadPercent,
  loadTone,
  updatedAgo,
  waitTone,
} from "./format";
import { affectsOverview } from "./queries";

describe("supervisor figures", () => {
  it("formats waits and shares, with a dash for nothing", () => {
    expect(formatWait(null)).toBe("—");
    expect(formatWait(42)).toBe("42s");
    expect(formatWait(5400)).toBe("1h 30m");
    expect(formatShare(null)).toBe("—");
    expect(formatShare(0.916)).toBe("92%");
  });

  it("tones attainment, waits and load", () => {
    expect([attainmentTone(null), attainmentTone(0.95), attainmentTone(0.8), attainmentTone(0.5)]).toEqual([
      "neutral",
      "ok",
      "warn",
      "bad",
    ]);
    expect([waitTone(null), waitTone(300), waitTone(900), waitTone(4000)]).toEqual([
      "ok",
      "ok",
      "warn",
      "bad",
    ]);
    expect([loadTone(2, 10), loadTone(8, 10), loadTone(11, 10), loadTone(1, 0), loadTone(0, 0)]).toEqual([
      "ok",
      "warn",
      "bad",
      "bad",
      "neutral",
    ]);
    expect([loadPercent(3, 10), loadPercent(15, 10), loadPercent(0, 0), loadPercent(2, 0)]).toEqual([
      30, 100, 0, 100,
    ]);
  });

  it("says how fresh the figures are", () => {
    const at = "2026-03-04T15:00:00.000Z";
    const now = Date.parse(at);
    expect(updatedAgo(at, now + 1000)).toBe("Updated just now");
    expect(updatedAgo(at, now + 12_500)).toBe("Updated 12s ago");
    expect(updatedAgo(at, now + 190_000)).toBe("Updated 3m ago");
  });

  it("refetches on conversation, presence and member changes only", () => {
    const at = "2026-03-04T15:00:00.000Z";
    const id = "01890000-0000-7000-8000-000000000000";
    expect(
      affectsOverview({ type: "conversation.changed", conversation_id: id, reasons: [], created: false, at }),
    ).toBe(true);
    expect(affectsOverview({ type: "presence", conversation_id: id, viewers: [] })).toBe(true);
    expect(affectsOverview({ type: "users.changed", user_ids: [id], reasons: ["availability"], at })).toBe(
      true,
    );
    expect(affectsOverview({ type: "pong" })).toBe(false);
  });
});
