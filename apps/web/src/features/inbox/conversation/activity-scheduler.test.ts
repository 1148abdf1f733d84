import type { ActivityKind } from "@parley/contracts";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createActivityScheduler } from "./activity-scheduler";

beforeEach(() => vi.useFakeTimers({ now: new Date("2026-03-02T09:00:00Z") }));
afterEach(() => vi.useRealTimers());

/** A scheduler whose beats are recorded as seconds since the start, with their kind. */
function scheduler(present = true) {
  const t0 = Date.now();
  const beats: [number, ActivityKind][] = [];
  const s = createActivityScheduler({
    present,
    send: (kind) => beats.push([(Date.now() - t0) / 1000, kind]),
  });
  return { s, beats, at: () => beats.map(([t]) => t) };
}
const seconds = (n: number) => vi.advanceTimersByTime(n * 1000);

describe("activity heartbeat scheduler", () => {
  it("beats at once on open, every 15 s while the agent interacts", () => {
    const { s, at } = scheduler();
    for (let i = 0; i < 6; i++) {
      seconds(10);
      s.interact();
    }
    seconds(5);
    expect(at()).toEqual([0, 15, 30, 45, 60]);
    s.dispose();
  });

  it("keeps beating 60 s after the last interaction (reading), then stops", () => {
    const { s, at } = scheduler();
    seconds(300);
    // Last interaction at 0: beats at 0..60, the 75 s tick finds the agent idle.
    expect(at()).toEqual([0, 15, 30, 45, 60]);
    expect(s.running).toBe(false);
    s.dispose();
  });

  it("resumes with an immediate beat when the idle agent comes back", () => {
    const { s, at } = scheduler();
    seconds(200);
    s.interact("typing");
    seconds(20);
    expect(at()).toEqual([0, 15, 30, 45, 60, 200, 215]);
    s.dispose();
  });

  it("stops when the tab is hidden or blurred, and restarts when it is back", () => {
    const { s, at } = scheduler();
    seconds(20);
    s.setPresent(false);
    seconds(100);
    s.interact(); // a stray event from a hidden tab is not activity
    seconds(10);
    expect(at()).toEqual([0, 15]);
    s.setPresent(true);
    seconds(1);
    expect(at()).toEqual([0, 15, 130]);
    s.dispose();
  });

  it("does not beat twice within 15 s on a focus flicker, keeping the cadence", () => {
    const { s, at } = scheduler();
    seconds(3);
    s.setPresent(false);
    seconds(2);
    s.setPresent(true);
    seconds(30);
    expect(at()).toEqual([0, 15, 30]);
    s.dispose();
  });

  it("starts beating only once the tab is present, when it opened in the background", () => {
    const { s, at } = scheduler(false);
    seconds(60);
    expect(at()).toEqual([]);
    s.setPresent(true);
    expect(at()).toEqual([60]);
    s.dispose();
  });

  it("reports the latest specific kind since the previous beat, else viewing", () => {
    const { s, beats } = scheduler();
    seconds(2);
    s.interact("lookup");
    seconds(3);
    s.interact("typing");
    seconds(10); // beat at 15: typing was the latest
    s.interact("tagging");
    s.interact(); // a plain interaction does not hide the tagging
    seconds(15); // beat at 30
    seconds(15); // beat at 45: nothing specific since
    expect(beats.map(([, k]) => k)).toEqual(["viewing", "typing", "tagging", "viewing"]);
    s.dispose();
  });

  it("sends nothing after dispose", () => {
    const { s, at } = scheduler();
    s.dispose();
    s.interact("typing");
    seconds(60);
    expect(at()).toEqual([0]);
  });
});
