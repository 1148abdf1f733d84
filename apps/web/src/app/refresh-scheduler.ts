/**
 * Coalesces refresh requests: a burst of live changes runs `run` at most once per `intervalMs`,
 * never two runs at once, and a request that arrives during a run is not lost (one more run follows).
 * Leading edge: the first change after a quiet period refreshes at once.
 */
export interface RefreshScheduler {
  request: () => void;
  dispose: () => void;
}

export interface SchedulerTimers {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realTimers: SchedulerTimers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createRefreshScheduler(
  run: () => Promise<unknown> | undefined,
  intervalMs = 500,
  timers: SchedulerTimers = realTimers,
): RefreshScheduler {
  let lastStart = Number.NEGATIVE_INFINITY;
  let running = false;
  let pending = false;
  let timer: unknown;
  let disposed = false;

  const start = () => {
    timer = undefined;
    if (disposed) return;
    pending = false;
    running = true;
    lastStart = timers.now();
    Promise.resolve()
      .then(run)
      .catch(() => undefined) // a failed refetch shows in its query; the next change retries
      .finally(() => {
        running = false;
        if (pending) schedule();
      });
  };

  const schedule = () => {
    if (disposed || running || timer !== undefined) return;
    const wait = Math.max(0, lastStart + intervalMs - timers.now());
    if (wait === 0) start();
    else timer = timers.setTimeout(start, wait);
  };

  return {
    request: () => {
      pending = true;
      schedule();
    },
    dispose: () => {
      disposed = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** Reconnect delay: exponential from 500 ms to 30 s, with jitter so a restarted server is not stampeded. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 500 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.75 + 0.5 * random()));
}
