import { describe, expect, it } from "vitest";
import { occupancy } from "./occupancy";

const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);
const from = at("09:00");
const to = at("17:00");

describe("occupancy (M7)", () => {
  it("divides handling time by the time available or busy within the period", () => {
    const changes = [
      { userId: "ana", at: at("08:00"), availability: "available" }, // before the period: the start state
      { userId: "ana", at: at("12:00"), availability: "away" },
      { userId: "ana", at: at("13:00"), availability: "busy" },
      { userId: "ana", at: at("15:00"), availability: "offline" },
    ];
    const segments = [
      { userId: "ana", start: at("09:30"), end: at("10:30") },
      { userId: "ana", start: at("10:00"), end: at("10:30") }, // a second conversation at once
      { userId: "ana", start: at("16:50"), end: at("17:10") }, // only 10 min inside the period
    ];
    expect(occupancy(segments, changes, from, to)).toEqual([
      { user_id: "ana", handling_s: 6000, staffed_s: 5 * 3600, occupancy: 6000 / 18000 },
    ]);
  });

  it("has no occupancy for an agent without availability history", () => {
    const r = occupancy([{ userId: "ben", start: at("09:00"), end: at("09:10") }], [], from, to);
    expect(r).toEqual([{ user_id: "ben", handling_s: 600, staffed_s: 0, occupancy: null }]);
  });
});
