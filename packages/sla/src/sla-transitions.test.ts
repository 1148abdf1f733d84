import { describe, expect, it } from "vitest";
import type { Calendar } from "./calendar";
import { at, london } from "./calendars.fixture";
import { computeSla, nextSlaTransition, type SlaFacts, type SlaResult } from "./compute-sla";
import type { SlaPause } from "./pauses";

const HOUR = 3600;
const day = { firstResponseSeconds: null, nextResponseSeconds: null, resolutionSeconds: 24 * HOUR };
const started = at("2026-01-05T10:00:00Z");

const facts = (pauses: SlaPause[], resolvedAt: Date | null = null): SlaFacts => ({
  startedAt: started,
  firstResponseAt: null,
  awaitingReplySince: null,
  resolvedAt,
  pauses,
});
const pause = (from: string, to: string | null): SlaPause => ({
  from: at(from),
  to: to === null ? null : at(to),
});

describe("resolution clock with pauses (pending / on hold)", () => {
  it.each<[string, SlaPause[], string, string, string | null, number, boolean]>([
    ["no pause", [], "2026-01-05T14:00:00Z", "ok", "2026-01-06T10:00:00Z", 20 * HOUR, false],
    [
      "a closed pause pushes the due time",
      [pause("2026-01-05T11:00:00Z", "2026-01-05T13:00:00Z")],
      "2026-01-05T14:00:00Z",
      "ok",
      "2026-01-06T12:00:00Z",
      22 * HOUR,
      false,
    ],
    [
      "overlapping pauses merge",
      [
        pause("2026-01-05T12:00:00Z", "2026-01-05T14:00:00Z"),
        pause("2026-01-05T11:00:00Z", "2026-01-05T13:00:00Z"),
      ],
      "2026-01-05T15:00:00Z",
      "ok",
      "2026-01-06T13:00:00Z",
      22 * HOUR,
      false,
    ],
    [
      "a running pause freezes the clock",
      [pause("2026-01-05T11:00:00Z", null)],
      "2026-01-07T11:00:00Z",
      "ok",
      null,
      23 * HOUR,
      true,
    ],
    [
      "a pause before the start is ignored",
      [pause("2026-01-04T11:00:00Z", "2026-01-05T09:00:00Z")],
      "2026-01-05T11:00:00Z",
      "ok",
      "2026-01-06T10:00:00Z",
      23 * HOUR,
      false,
    ],
    [
      "a pause straddling the start counts from the start",
      [pause("2026-01-05T09:00:00Z", "2026-01-05T11:00:00Z")],
      "2026-01-05T12:00:00Z",
      "ok",
      "2026-01-06T11:00:00Z",
      23 * HOUR,
      false,
    ],
    [
      "warning reached while unpaused",
      [pause("2026-01-05T11:00:00Z", "2026-01-05T12:00:00Z")],
      "2026-01-06T06:12:00Z",
      "warning",
      "2026-01-06T11:00:00Z",
      4.8 * HOUR,
      false,
    ],
    [
      "breach before a running pause stays a breach",
      [pause("2026-01-06T12:00:00Z", null)],
      "2026-01-07T12:00:00Z",
      "breached",
      "2026-01-06T10:00:00Z",
      -2 * HOUR,
      true,
    ],
  ])("%s", (_name, pauses, now, state, due, remaining, paused) => {
    const status = computeSla({ policy: day, calendar: null, facts: facts(pauses), now: at(now) }).resolution;
    expect(status.state).toBe(state);
    expect(status.due_at?.toISOString() ?? null).toBe(due === null ? null : at(due).toISOString());
    expect(status.remaining_seconds).toBe(remaining);
    expect(status.paused).toBe(paused);
  });

  it.each<[string, string, string]>([
    ["resolved in time", "2026-01-06T09:00:00Z", "met"],
    ["resolved exactly at due", "2026-01-06T10:00:00Z", "met"],
    ["resolved late", "2026-01-06T10:00:01Z", "met_late"],
  ])("%s", (_name, resolvedAt, state) => {
    const status = computeSla({
      policy: day,
      calendar: null,
      facts: facts([], at(resolvedAt)),
      now: at("2026-01-09T00:00:00Z"),
    }).resolution;
    expect(status.state).toBe(state);
  });

  it("pauses in business time: only open hours inside a pause are given back", () => {
    const policy = { ...day, resolutionSeconds: 8 * HOUR };
    const conversation = {
      ...facts([pause("2026-01-05T12:00:00Z", "2026-01-06T10:00:00Z")]),
      startedAt: at("2026-01-05T09:00:00Z"),
    };
    const status = computeSla({
      policy,
      calendar: london,
      facts: conversation,
      now: at("2026-01-06T11:00:00Z"),
    }).resolution;
    expect(status.due_at?.toISOString()).toBe("2026-01-06T15:00:00.000Z");
    expect(status.remaining_seconds).toBe(4 * HOUR);
  });

  it("rejects a pause that ends before it starts", () => {
    const input = {
      policy: day,
      calendar: null,
      facts: facts([pause("2026-01-05T12:00:00Z", "2026-01-05T11:00:00Z")]),
      now: started,
    };
    expect(() => computeSla(input)).toThrow(/facts.pauses\[0\]/);
  });
});

describe("nextSlaTransition", () => {
  const policy = { firstResponseSeconds: HOUR, nextResponseSeconds: 1800, resolutionSeconds: 8 * HOUR };
  const scenarios: [string, Calendar | null, SlaFacts, string, string | null][] = [
    ["24x7: first response warning first", null, facts([]), "2026-01-05T10:10:00Z", "2026-01-05T10:48:00Z"],
    ["24x7: in warning, next is the breach", null, facts([]), "2026-01-05T10:50:00Z", "2026-01-05T11:00:00Z"],
    [
      "after the first response: resolution warning",
      null,
      { ...facts([]), firstResponseAt: at("2026-01-05T10:20:00Z") },
      "2026-01-05T11:00:00Z",
      "2026-01-05T16:24:00Z",
    ],
    [
      "a customer waiting: next response warning is sooner",
      null,
      {
        ...facts([]),
        firstResponseAt: at("2026-01-05T10:20:00Z"),
        awaitingReplySince: at("2026-01-05T15:00:00Z"),
      },
      "2026-01-05T15:01:00Z",
      "2026-01-05T15:24:00Z",
    ],
    [
      "business hours: Friday evening sleeps to Monday",
      london,
      { ...facts([]), startedAt: at("2026-01-09T16:30:00Z") },
      "2026-01-09T18:00:00Z",
      "2026-01-12T09:18:00Z",
    ],
    [
      "everything met: nothing to wake for",
      null,
      { ...facts([], at("2026-01-05T10:30:00Z")), firstResponseAt: at("2026-01-05T10:20:00Z") },
      "2026-01-05T11:00:00Z",
      null,
    ],
    ["all breached: nothing left", null, facts([]), "2026-01-06T12:00:00Z", null],
    [
      "a running pause: only the response clock",
      null,
      facts([pause("2026-01-05T10:05:00Z", null)]),
      "2026-01-05T10:50:00Z",
      "2026-01-05T11:00:00Z",
    ],
  ];

  it.each(scenarios)("%s", (_name, calendar, conversation, now, next) => {
    const result = computeSla({ policy, calendar, facts: conversation, now: at(now) });
    expect(nextSlaTransition(result)?.toISOString() ?? null).toBe(
      next === null ? null : at(next).toISOString(),
    );
  });

  const states = (r: SlaResult) => [r.first_response.state, r.next_response.state, r.resolution.state];
  it.each(scenarios.filter(([, , , , next]) => next !== null))(
    "states hold until the instant and change exactly at it: %s",
    (_name, calendar, conversation, now) => {
      const result = computeSla({ policy, calendar, facts: conversation, now: at(now) });
      const next = nextSlaTransition(result) as Date;
      const before = computeSla({ policy, calendar, facts: conversation, now: new Date(next.getTime() - 1) });
      const atNext = computeSla({ policy, calendar, facts: conversation, now: next });
      expect(states(before)).toEqual(states(result));
      expect(states(atNext)).not.toEqual(states(result));
    },
  );
});
