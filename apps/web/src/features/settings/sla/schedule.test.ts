import { describe, expect, it } from "vitest";
import { formatDuration, joinDuration, splitDuration } from "../duration";
import {
  addHoliday,
  addInterval,
  copyToWeekdays,
  dayProblem,
  removeHoliday,
  removeInterval,
  setDayOpen,
  setIntervalTime,
  summarizeWeekly,
  type Weekly,
} from "./schedule";

const acme: Weekly = {
  mon: [["08:00", "20:00"]],
  tue: [["08:00", "20:00"]],
  wed: [["08:00", "20:00"]],
  thu: [["08:00", "20:00"]],
  fri: [["08:00", "20:00"]],
  sat: [["10:00", "16:00"]],
};

describe("weekly schedule editing", () => {
  it("opens a day with default hours and closes it by removing the key", () => {
    expect(setDayOpen({}, "sun", true)).toEqual({ sun: [["09:00", "17:00"]] });
    expect(setDayOpen(acme, "mon", true)).toBe(acme);
    expect(setDayOpen(acme, "sat", false)).not.toHaveProperty("sat");
  });

  it("changes one end of one interval without touching the input", () => {
    const next = setIntervalTime(acme, "mon", 0, 1, "18:00");
    expect(next.mon).toEqual([["08:00", "18:00"]]);
    expect(acme.mon).toEqual([["08:00", "20:00"]]);
  });

  it("adds an interval after the last one, capped at midnight, and removes back to closed", () => {
    const split = addInterval({ mon: [["09:00", "12:00"]] }, "mon");
    expect(split.mon).toEqual([
      ["09:00", "12:00"],
      ["13:00", "15:00"],
    ]);
    expect(addInterval({ fri: [["20:00", "23:30"]] }, "fri").fri?.[1]).toEqual(["23:00", "24:00"]);
    expect(removeInterval({ mon: [["09:00", "12:00"]] }, "mon", 0)).toEqual({});
  });

  it("copies a day onto Monday to Friday", () => {
    const copied = copyToWeekdays({ sat: [["10:00", "16:00"]], mon: [["01:00", "02:00"]] }, "sat");
    expect(copied.mon).toEqual([["10:00", "16:00"]]);
    expect(copied.fri).toEqual([["10:00", "16:00"]]);
    expect(copyToWeekdays({ mon: [["09:00", "17:00"]] }, "sun")).toEqual({});
  });

  it("finds bad times, backwards intervals and overlaps", () => {
    expect(dayProblem([["09:00", "24:00"]])).toBeNull();
    expect(dayProblem([["9", "17:00"]])).toMatch(/HH:MM/);
    expect(dayProblem([["17:00", "09:00"]])).toMatch(/end after/);
    expect(
      dayProblem([
        ["09:00", "13:00"],
        ["12:00", "17:00"],
      ]),
    ).toMatch(/overlap/);
  });

  it("summarises runs of equal days", () => {
    expect(summarizeWeekly(acme)).toBe("Mon–Fri 08:00–20:00 · Sat 10:00–16:00");
    expect(summarizeWeekly({})).toBe("Closed every day");
  });
});

describe("holidays", () => {
  it("keeps them sorted and unique, ignoring what is not a date", () => {
    expect(addHoliday(["2026-12-25"], "2026-01-01")).toEqual(["2026-01-01", "2026-12-25"]);
    expect(addHoliday(["2026-12-25"], "2026-12-25")).toEqual(["2026-12-25"]);
    expect(addHoliday([], "")).toEqual([]);
    expect(removeHoliday(["2026-01-01", "2026-12-25"], "2026-01-01")).toEqual(["2026-12-25"]);
  });
});

describe("durations", () => {
  it("shows seconds in the largest whole unit", () => {
    expect(splitDuration(7200)).toEqual({ amount: 2, unit: "h" });
    expect(splitDuration(5400)).toEqual({ amount: 90, unit: "m" });
    expect(splitDuration(172_800)).toEqual({ amount: 2, unit: "d" });
    expect(joinDuration(1.5, "h")).toBe(5400);
    expect(formatDuration(5400)).toBe("1h 30m");
    expect(formatDuration(null)).toBe("—");
  });
});
