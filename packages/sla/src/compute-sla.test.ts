import { describe, expect, it } from "vitest";
import { at, london } from "./calendars.fixture";
import { computeSla, type SlaFacts, type SlaTargetStatus } from "./compute-sla";

const policy = { firstResponseSeconds: 3600, nextResponseSeconds: 1800, resolutionSeconds: 86_400 };

const facts = (overrides: Partial<SlaFacts> = {}): SlaFacts => ({
  startedAt: at("2026-01-05T10:00:00Z"),
  firstResponseAt: null,
  awaitingReplySince: null,
  resolvedAt: null,
  ...overrides,
});

/** Only the fields a row asserts, with instants as ISO strings for readable failures. */
function view(status: SlaTargetStatus) {
  return {
    state: status.state,
    due_at: status.due_at?.toISOString() ?? null,
    remaining_seconds: status.remaining_seconds,
    breached_at: status.breached_at?.toISOString() ?? null,
  };
}

type Expected = [state: string, due: string | null, remaining: number | null, breachedAt: string | null];
const expected = ([state, due, remaining, breachedAt]: Expected) => ({
  state,
  due_at: due === null ? null : at(due).toISOString(),
  remaining_seconds: remaining,
  breached_at: breachedAt === null ? null : at(breachedAt).toISOString(),
});

describe("first response, 24x7 (no calendar)", () => {
  it.each<[string, Partial<SlaFacts>, string, Expected]>([
    ["just started", {}, "2026-01-05T10:00:00Z", ["ok", "2026-01-05T11:00:00Z", 3600, null]],
    ["half way", {}, "2026-01-05T10:30:00Z", ["ok", "2026-01-05T11:00:00Z", 1800, null]],
    ["a second before the warning", {}, "2026-01-05T10:47:59Z", ["ok", "2026-01-05T11:00:00Z", 721, null]],
    ["at the warning (80%)", {}, "2026-01-05T10:48:00Z", ["warning", "2026-01-05T11:00:00Z", 720, null]],
    ["a second before the breach", {}, "2026-01-05T10:59:59Z", ["warning", "2026-01-05T11:00:00Z", 1, null]],
    [
      "at the due instant",
      {},
      "2026-01-05T11:00:00Z",
      ["breached", "2026-01-05T11:00:00Z", 0, "2026-01-05T11:00:00Z"],
    ],
    [
      "past due",
      {},
      "2026-01-05T11:30:00Z",
      ["breached", "2026-01-05T11:00:00Z", -1800, "2026-01-05T11:00:00Z"],
    ],
    [
      "met in time",
      { firstResponseAt: at("2026-01-05T10:59:00Z") },
      "2026-01-05T12:00:00Z",
      ["met", "2026-01-05T11:00:00Z", 60, null],
    ],
    [
      "met exactly at due",
      { firstResponseAt: at("2026-01-05T11:00:00Z") },
      "2026-01-05T12:00:00Z",
      ["met", "2026-01-05T11:00:00Z", 0, null],
    ],
    [
      "met late",
      { firstResponseAt: at("2026-01-05T11:10:00Z") },
      "2026-01-06T12:00:00Z",
      ["met_late", "2026-01-05T11:00:00Z", -600, "2026-01-05T11:00:00Z"],
    ],
    [
      "reply recorded after now is not yet a reply",
      { firstResponseAt: at("2026-01-05T10:40:00Z") },
      "2026-01-05T10:30:00Z",
      ["ok", "2026-01-05T11:00:00Z", 1800, null],
    ],
    [
      "resolved without a reply before due: dropped",
      { resolvedAt: at("2026-01-05T10:30:00Z") },
      "2026-01-05T12:00:00Z",
      ["none", null, null, null],
    ],
    [
      "resolved without a reply after due: stays breached, frozen",
      { resolvedAt: at("2026-01-05T11:30:00Z") },
      "2026-01-07T12:00:00Z",
      ["breached", "2026-01-05T11:00:00Z", -1800, "2026-01-05T11:00:00Z"],
    ],
  ])("%s", (_name, overrides, now, row) => {
    const result = computeSla({ policy, calendar: null, facts: facts(overrides), now: at(now) });
    expect(view(result.first_response)).toEqual(expected(row));
  });
});

describe("next response", () => {
  const answered = { firstResponseAt: at("2026-01-05T10:30:00Z") };
  it.each<[string, Partial<SlaFacts>, string, Expected]>([
    [
      "no first response yet: first response covers it",
      { awaitingReplySince: at("2026-01-05T10:10:00Z") },
      "2026-01-05T10:20:00Z",
      ["none", null, null, null],
    ],
    ["agent has the last word", answered, "2026-01-05T12:00:00Z", ["none", null, null, null]],
    [
      "customer awaiting a reply",
      { ...answered, awaitingReplySince: at("2026-01-05T12:00:00Z") },
      "2026-01-05T12:10:00Z",
      ["ok", "2026-01-05T12:30:00Z", 1200, null],
    ],
    [
      "warning at 24 minutes",
      { ...answered, awaitingReplySince: at("2026-01-05T12:00:00Z") },
      "2026-01-05T12:24:00Z",
      ["warning", "2026-01-05T12:30:00Z", 360, null],
    ],
    [
      "breached",
      { ...answered, awaitingReplySince: at("2026-01-05T12:00:00Z") },
      "2026-01-05T13:00:00Z",
      ["breached", "2026-01-05T12:30:00Z", -1800, "2026-01-05T12:30:00Z"],
    ],
    [
      "last turn answered in time",
      {
        ...answered,
        lastAnsweredTurn: { since: at("2026-01-05T12:00:00Z"), repliedAt: at("2026-01-05T12:20:00Z") },
      },
      "2026-01-05T13:00:00Z",
      ["met", "2026-01-05T12:30:00Z", 600, null],
    ],
    [
      "last turn answered late",
      {
        ...answered,
        lastAnsweredTurn: { since: at("2026-01-05T12:00:00Z"), repliedAt: at("2026-01-05T12:40:00Z") },
      },
      "2026-01-05T13:00:00Z",
      ["met_late", "2026-01-05T12:30:00Z", -600, "2026-01-05T12:30:00Z"],
    ],
    [
      "an awaiting message outranks the answered turn",
      {
        ...answered,
        awaitingReplySince: at("2026-01-05T14:00:00Z"),
        lastAnsweredTurn: { since: at("2026-01-05T12:00:00Z"), repliedAt: at("2026-01-05T12:40:00Z") },
      },
      "2026-01-05T14:05:00Z",
      ["ok", "2026-01-05T14:30:00Z", 1500, null],
    ],
  ])("%s", (_name, overrides, now, row) => {
    const result = computeSla({ policy, calendar: null, facts: facts(overrides), now: at(now) });
    expect(view(result.next_response)).toEqual(expected(row));
  });
});

describe("business hours (Mon-Fri 09:00-17:00 Europe/London)", () => {
  const friday = facts({ startedAt: at("2026-01-09T16:30:00Z") });
  it.each<[string, SlaFacts, string, Expected]>([
    [
      "seed: Friday 16:30 message, checked at 16:40",
      friday,
      "2026-01-09T16:40:00Z",
      ["ok", "2026-01-12T09:30:00Z", 3000, null],
    ],
    [
      "over the weekend the clock stands still",
      friday,
      "2026-01-10T12:00:00Z",
      ["ok", "2026-01-12T09:30:00Z", 1800, null],
    ],
    [
      "Monday 09:18 is the warning",
      friday,
      "2026-01-12T09:18:00Z",
      ["warning", "2026-01-12T09:30:00Z", 720, null],
    ],
    [
      "Monday 09:30 breaches",
      friday,
      "2026-01-12T09:30:00Z",
      ["breached", "2026-01-12T09:30:00Z", 0, "2026-01-12T09:30:00Z"],
    ],
    [
      "Monday 10:00 is 30 business minutes late",
      friday,
      "2026-01-12T10:00:00Z",
      ["breached", "2026-01-12T09:30:00Z", -1800, "2026-01-12T09:30:00Z"],
    ],
    [
      "a reply on Saturday is in time",
      { ...friday, firstResponseAt: at("2026-01-10T11:00:00Z") },
      "2026-01-12T12:00:00Z",
      ["met", "2026-01-12T09:30:00Z", 1800, null],
    ],
    [
      "a message on Saturday starts the clock on Monday",
      facts({ startedAt: at("2026-01-10T08:00:00Z") }),
      "2026-01-12T09:10:00Z",
      ["ok", "2026-01-12T10:00:00Z", 3000, null],
    ],
  ])("%s", (_name, conversation, now, row) => {
    const result = computeSla({ policy, calendar: london, facts: conversation, now: at(now) });
    expect(view(result.first_response)).toEqual(expected(row));
    expect(result.first_response.paused).toBe(false);
  });

  it("puts the warning at 80% of business time, and honours a custom ratio", () => {
    const now = at("2026-01-09T16:40:00Z");
    const base = { policy, calendar: london, facts: friday, now };
    expect(computeSla(base).first_response.warning_at?.toISOString()).toBe("2026-01-12T09:18:00.000Z");
    expect(computeSla({ ...base, warningRatio: 0.25 }).first_response.warning_at?.toISOString()).toBe(
      "2026-01-09T16:45:00.000Z",
    );
    expect(computeSla({ ...base, warningRatio: 0.5 }).first_response.warning_at?.toISOString()).toBe(
      "2026-01-09T17:00:00.000Z",
    );
  });
});

describe("inputs", () => {
  it("gives none for every target a policy leaves unset", () => {
    const empty = { firstResponseSeconds: null, nextResponseSeconds: null, resolutionSeconds: null };
    const result = computeSla({
      policy: empty,
      calendar: null,
      facts: facts(),
      now: at("2026-01-05T12:00:00Z"),
    });
    expect([result.first_response.state, result.next_response.state, result.resolution.state]).toEqual([
      "none",
      "none",
      "none",
    ]);
  });

  it.each([
    ["a zero target", { ...policy, firstResponseSeconds: 0 }, undefined, /policy.firstResponseSeconds/],
    ["a negative target", { ...policy, resolutionSeconds: -5 }, undefined, /policy.resolutionSeconds/],
    ["a warning ratio above 1", policy, 1.5, /warningRatio/],
    ["a negative warning ratio", policy, -0.1, /warningRatio/],
    ["a NaN warning ratio", policy, Number.NaN, /warningRatio/],
  ])("rejects %s", (_name, badPolicy, warningRatio, message) => {
    const input = {
      policy: badPolicy,
      calendar: null,
      facts: facts(),
      now: at("2026-01-05T12:00:00Z"),
      warningRatio,
    };
    expect(() => computeSla(input)).toThrow(message);
  });
});
