import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRefreshScheduler, reconnectDelay } from "./refresh-scheduler";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("createRefreshScheduler", () => {
  it("runs at once after a quiet period, then at most twice a second during a burst", async () => {
    const run = vi.fn(async () => undefined);
    const scheduler = createRefreshScheduler(run, 500);
    for (let i = 0; i < 100; i++) {
      scheduler.request();
      await vi.advanceTimersByTimeAsync(10); // 100 changes over one second
    }
    await vi.advanceTimersByTimeAsync(1_000);
    // leading run, one per 500 ms window, and the trailing one for the last changes
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(run.mock.calls.length).toBeLessThanOrEqual(3);
  });

  it("never overlaps runs and does not lose a change that arrives during one", async () => {
    let finish: () => void = () => undefined;
    let active = 0;
    let maxActive = 0;
    const run = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          active++;
          maxActive = Math.max(maxActive, active);
          finish = () => {
            active--;
            resolve();
          };
        }),
    );
    const scheduler = createRefreshScheduler(run, 500);
    scheduler.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2_000); // a slow refetch
    scheduler.request();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(run).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
    finish();
    expect(maxActive).toBe(1);
  });

  it("keeps going after a failed run and stops after dispose", async () => {
    const run = vi.fn(async () => {
      throw new Error("offline");
    });
    const scheduler = createRefreshScheduler(run, 500);
    scheduler.request();
    await vi.advanceTimersByTimeAsync(0);
    scheduler.request();
    await vi.advanceTimersByTimeAsync(600);
    expect(run).toHaveBeenCalledTimes(2);
    scheduler.request();
    scheduler.dispose();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(2);
  });
});

describe("reconnectDelay", () => {
  it("doubles from half a second up to 30 s, within ±25 % jitter", () => {
    expect(reconnectDelay(0, () => 0.5)).toBe(500);
    expect(reconnectDelay(3, () => 0.5)).toBe(4_000);
    expect(reconnectDelay(20, () => 0.5)).toBe(30_000);
    expect(reconnectDelay(2, () => 0)).toBe(1_500);
    expect(reconnectDelay(2, () => 1)).toBe(2_500);
  });
});
