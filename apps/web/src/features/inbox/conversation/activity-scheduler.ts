import { ACTIVITY_BEAT_MS, ACTIVITY_IDLE_MS, type ActivityKind } from "@parley/contracts";

/**
 * When the desk reports an agent's work on the open conversation (SPEC M3 handling time): a beat
 * every ACTIVITY_BEAT_MS while the agent is present (tab visible and focused) and interacted within
 * ACTIVITY_IDLE_MS; nothing otherwise. The server turns a run of beats into a segment ending one
 * beat after the last (reporting/handling-time.ts), so the beats must stop once the agent is idle
 * and resume at once when they come back. Pure and timer-driven, so it is tested with fake timers.
 */
export interface ActivityScheduler {
  /** The agent did something (pointer, keys, scroll) of this kind; "viewing" when nothing more specific. */
  interact(kind?: ActivityKind): void;
  /** The tab is visible and focused (true) or not; regaining it counts as an interaction. */
  setPresent(present: boolean): void;
  /** Beating right now. */
  readonly running: boolean;
  dispose(): void;
}

export interface ActivitySchedulerOptions {
  send: (kind: ActivityKind) => void;
  present: boolean;
  now?: () => number;
  beatMs?: number;
  idleMs?: number;
}

export function createActivityScheduler(opts: ActivitySchedulerOptions): ActivityScheduler {
  const now = opts.now ?? Date.now;
  const beatMs = opts.beatMs ?? ACTIVITY_BEAT_MS;
  const idleMs = opts.idleMs ?? ACTIVITY_IDLE_MS;
  let present = opts.present;
  let lastInteraction = Number.NEGATIVE_INFINITY;
  let lastBeat = Number.NEGATIVE_INFINITY;
  /** The latest specific kind since the previous beat: what this stretch of time was spent on. */
  let kind: ActivityKind | null = null;
  let interval: ReturnType<typeof setInterval> | undefined;
  let delay: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const active = () => present && now() - lastInteraction <= idleMs;

  const beat = () => {
    opts.send(kind ?? "viewing");
    kind = null;
    lastBeat = now();
  };

  const stop = () => {
    clearInterval(interval);
    clearTimeout(delay);
    interval = undefined;
    delay = undefined;
  };

  const tick = () => {
    if (active()) beat();
    else stop();
  };

  const start = () => {
    if (disposed || interval || delay) return;
    const begin = () => {
      delay = undefined;
      if (!active()) return;
      beat();
      interval = setInterval(tick, beatMs);
    };
    // Back within one beat of the last one (a focus flicker): keep the cadence, do not beat twice.
    const wait = lastBeat + beatMs - now();
    if (wait > 0) delay = setTimeout(begin, wait);
    else begin();
  };

  const interact = (k: ActivityKind = "viewing") => {
    if (disposed) return;
    lastInteraction = now();
    if (k !== "viewing") kind = k;
    if (present) start();
  };

  if (present) interact("viewing");

  return {
    interact,
    setPresent(next) {
      if (disposed || next === present) return;
      present = next;
      if (next) interact("viewing");
      else stop();
    },
    get running() {
      return interval !== undefined;
    },
    dispose() {
      disposed = true;
      stop();
    },
  };
}
