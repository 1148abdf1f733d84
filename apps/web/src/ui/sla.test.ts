import { describe, expect, it } from "vitest";
import { slaClock } from "./sla";

const now = Date.parse("2026-03-10T12:00:00Z");
const inMinutes = (m: number) => new Date(now + m * 60_000).toISOString();
const base = {
  status: "open" as const,
  sla_state: "ok" as const,
  first_response_at: null,
  first_response_due_at: inMinutes(42),
  next_response_due_at: null,
  resolution_due_at: inMinutes(600),
};

describe("slaClock", () => {
  it("counts down to the first response while none was sent", () => {
    expect(slaClock(base, now)).toEqual({
      label: "First response",
      dueAt: base.first_response_due_at,
      tone: "ok",
      text: "42m",
    });
  });

  it("moves on to the next response, then resolution", () => {
    const answered = { ...base, first_response_at: inMinutes(-5), next_response_due_at: inMinutes(90) };
    expect(slaClock(answered, now)?.label).toBe("Next response");
    expect(slaClock(answered, now)?.text).toBe("1h 30m");
    const waiting = { ...answered, next_response_due_at: null };
    expect(slaClock(waiting, now)?.label).toBe("Resolution");
  });

  it("takes the server's warning and turns red the moment the deadline passes", () => {
    expect(slaClock({ ...base, sla_state: "warning" }, now)?.tone).toBe("warning");
    const late = slaClock({ ...base, first_response_due_at: inMinutes(-6) }, now);
    expect(late?.tone).toBe("breached");
    expect(late?.text).toBe("-6m");
  });

  it("shows nothing when the work is done or no policy applies", () => {
    expect(slaClock({ ...base, status: "resolved" }, now)).toBeNull();
    expect(slaClock({ ...base, sla_state: "met" }, now)).toBeNull();
    expect(slaClock({ ...base, sla_state: "none" }, now)).toBeNull();
    expect(slaClock({ ...base, first_response_due_at: null }, now)).toBeNull();
  });
});
