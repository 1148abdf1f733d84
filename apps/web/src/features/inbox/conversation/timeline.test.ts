import type { ConversationEvent, Message, Note } from "@parley/contracts";
import { describe, expect, it } from "vitest";
import { buildTimeline, describeEvent, newestMessageId } from "./timeline";

const names = {
  user: (id: string) => ({ u1: "Alex Agent" })[id],
  team: (id: string) => ({ t1: "Network & Outages" })[id],
};
const event = (
  type: string,
  data: Record<string, unknown>,
  at = "2026-03-10T10:00:00Z",
): ConversationEvent => ({
  id: String(Math.random()),
  type,
  actor: { type: "user", id: "u1", name: "Alex Agent" },
  message_id: null,
  data,
  created_at: at,
});
const message = (id: string, at: string) => ({ id, sent_at: at }) as Message;
const note = (id: string, at: string) => ({ id, created_at: at }) as Note;

describe("describeEvent", () => {
  it("names people and teams in assignment and escalation", () => {
    expect(describeEvent(event("assigned", { from: null, to: "u1", via: "routing" }), names)).toBe(
      "assigned it to Alex Agent (routing)",
    );
    expect(describeEvent(event("escalated", { to: { team_id: "t1" }, reason: "Outage" }), names)).toBe(
      "escalated to Network & Outages: “Outage”",
    );
    expect(
      describeEvent(
        event("escalated", { to: { role: "legal" }, reason: "Threat", callback: { phone: "+1" } }),
        names,
      ),
    ).toBe("escalated to legal: “Threat” · callback requested");
  });

  it("tells added and removed tags apart", () => {
    expect(describeEvent(event("tags_changed", { from: ["a", "b"], to: ["b", "c"] }), names)).toBe(
      "added #c and removed #a",
    );
  });

  it("words status, SLA and approval events, and hides message events", () => {
    expect(describeEvent(event("status_changed", { from: "open", to: "on_hold" }), names)).toBe(
      "marked it on hold",
    );
    expect(describeEvent(event("sla_warning", { target: "first_response" }), names)).toBe(
      "SLA warning: first response due soon",
    );
    expect(describeEvent(event("approval_decided", { decision: "rejected", comment: "Tone" }), names)).toBe(
      "rejected a reply: “Tone”",
    );
    expect(describeEvent(event("message_in", {}), names)).toBeNull();
  });
});

describe("buildTimeline", () => {
  it("interleaves messages, notes and events by time, messages first on ties", () => {
    const t = "2026-03-10T10:00:00Z";
    const rows = buildTimeline(
      [message("m2", "2026-03-10T11:00:00Z"), message("m1", t)],
      [note("n1", "2026-03-10T10:30:00Z")],
      [event("status_changed", { to: "open" }, t), event("message_out", {}, t)],
      names,
    );
    expect(rows.map((r) => r.id)).toEqual(["m1", expect.stringMatching(/^event-/), "n1", "m2"]);
  });

  it("finds the newest message", () => {
    expect(
      newestMessageId([message("a", "2026-03-10T11:00:00Z"), message("b", "2026-03-10T09:00:00Z")]),
    ).toBe("a");
    expect(newestMessageId([])).toBeUndefined();
  });
});
