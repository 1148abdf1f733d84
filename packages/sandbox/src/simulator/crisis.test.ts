import { describe, expect, it } from "vitest";
import { createSimHarness } from "./testing";
import type { SimEvent } from "./types";

const crisisPosts = (events: SimEvent[]) =>
  events.filter((e) => e.kind === "arrival" && e.intent === "crisis");

function busiestMinute(events: SimEvent[]): number {
  const perMinute = new Map<number, number>();
  for (const e of events)
    perMinute.set(Math.floor(e.step / 60), (perMinute.get(Math.floor(e.step / 60)) ?? 0) + 1);
  return Math.max(0, ...perMinute.values());
}

describe("crisis spikes", () => {
  it("a triggered crisis is a burst of angry posts about one topic in one place", () => {
    const h = createSimHarness({ seed: 9, ratePerMinute: 6 });
    const before = h.run(600).filter((e) => e.kind === "arrival");
    const info = h.sim.triggerCrisis({ topic: "outage", city: "Manchester", lang: "en" });
    expect(info).toMatchObject({ topic: "outage in Manchester", city: "Manchester", lang: "en" });
    expect(info.hashtag).toContain("#ManchesterOutage");

    const during = h.run(info.endStep - info.startStep + 5);
    const burst = crisisPosts(during);
    const regular = during.filter((e) => e.kind === "arrival" && e.intent !== "crisis");
    expect(burst.length).toBeGreaterThan(40);
    expect(burst.length).toBeGreaterThan(3 * regular.length);
    // At its peak the topic alone runs at several times the usual rate of everything.
    expect(busiestMinute(burst)).toBeGreaterThan(3 * (before.length / 10));
    // One topic: every crisis post carries the same label, nearly all name the city (typos aside).
    expect(new Set(burst.map((e) => e.topic))).toEqual(new Set(["outage in Manchester"]));
    expect(burst.filter((e) => /manchester/i.test(e.text ?? "")).length).toBeGreaterThan(0.8 * burst.length);
    // Mostly in public, X first, but on several networks.
    expect(burst.filter((e) => e.network === "x").length).toBeGreaterThan(burst.length / 3);
    expect(new Set(burst.map((e) => e.network)).size).toBeGreaterThanOrEqual(3);
    expect(during).toContainEqual(
      expect.objectContaining({ kind: "crisis_end", topic: "outage in Manchester" }),
    );

    expect(crisisPosts(h.run(300))).toEqual([]);
    expect(h.sim.stats()).toMatchObject({ crises: 1 });
    expect(h.sim.stats().crisis).toBeUndefined();
  });

  it("crisisEvery schedules spikes now and then, each on its own topic", () => {
    const h = createSimHarness({ seed: 1, ratePerMinute: 6, crisisEvery: 15 });
    const events = h.run(60 * 60);
    const starts = events.filter((e) => e.kind === "crisis_start");
    const ends = events.filter((e) => e.kind === "crisis_end");
    expect(starts.length).toBeGreaterThanOrEqual(2);
    expect(starts.length).toBeLessThanOrEqual(6);
    expect(h.sim.stats().crises).toBe(starts.length);
    for (const [i, start] of starts.entries()) {
      const end = ends[i]?.step ?? Number.POSITIVE_INFINITY;
      const posts = crisisPosts(events).filter((e) => e.step >= start.step && e.step <= end);
      expect(posts.length).toBeGreaterThan(10);
      expect(new Set(posts.map((e) => e.topic))).toEqual(new Set([start.topic]));
    }
  });

  it("plays no crisis when crisisEvery is 0", () => {
    const h = createSimHarness({ seed: 1, ratePerMinute: 6, crisisEvery: 0 });
    h.run(3 * 60 * 60);
    expect(h.sim.stats()).toMatchObject({ crises: 0, byIntent: expect.objectContaining({ crisis: 0 }) });
  });
});
