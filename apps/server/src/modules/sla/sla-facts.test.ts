import { expect, it } from "vitest";
import { statusTimeline } from "./sla-facts";

const at = (hhmm: string) => new Date(`2026-06-01T${hhmm}:00Z`);
const row = (status: string, changes: [string, string][], resolvedAt: Date | null = null) => ({
  status,
  statusChanges: changes.map(([time, to]) => ({ at: at(time).getTime(), to })),
  resolvedAt,
  closedAt: null,
  updatedAt: at("23:00"),
});

it("pending and on hold pause the resolution clock; a running pause has no end", () => {
  expect(
    statusTimeline(
      row("on_hold", [
        ["10:00", "pending"],
        ["11:00", "open"],
        ["12:00", "on_hold"],
      ]),
    ),
  ).toEqual({
    resolvedAt: null,
    pauses: [
      { from: at("10:00"), to: at("11:00") },
      { from: at("12:00"), to: null },
    ],
  });
});

it("time spent resolved before a reopen is a pause; resolved then closed is resolved when first resolved", () => {
  expect(
    statusTimeline(
      row("open", [
        ["10:00", "resolved"],
        ["12:00", "open"],
      ]),
    ),
  ).toEqual({
    resolvedAt: null,
    pauses: [{ from: at("10:00"), to: at("12:00") }],
  });
  expect(
    statusTimeline(
      row("closed", [
        ["09:00", "pending"],
        ["09:30", "open"],
        ["10:00", "resolved"],
        ["11:00", "closed"],
      ]),
    ),
  ).toEqual({ resolvedAt: at("10:00"), pauses: [{ from: at("09:00"), to: at("09:30") }] });
});

it("trusts the row's status over a history that disagrees with it", () => {
  expect(statusTimeline(row("resolved", [], at("08:00")))).toEqual({ resolvedAt: at("08:00"), pauses: [] });
  expect(statusTimeline(row("open", [["10:00", "pending"]]))).toEqual({ resolvedAt: null, pauses: [] });
});
