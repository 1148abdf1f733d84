/**
 * Runs a periodic background task one round at a time: the next round starts `pollMs` after the
 * last one ended, or at once when the round says more is waiting (it returns true). A failed round
 * is reported and the loop goes on. `stop` waits for a running round, so nothing is cut half-way
 * when a process shuts down. Tests skip the timer (`autostart: false`) and call the task directly.
 */
export function startTicker(opts: {
  round: () => Promise<boolean>;
  pollMs: number;
  autostart?: boolean;
  /** The first round starts after this (default: pollMs). */
  firstDelayMs?: number;
  onError: (err: unknown) => void;
}) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<boolean> | undefined;
  let stopped = false;

  function schedule(delay: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(loop, delay);
    timer.unref();
  }

  async function loop() {
    if (running || stopped) return;
    running = opts.round().catch((err) => {
      opts.onError(err);
      return false;
    });
    const more = await running;
    running = undefined;
    schedule(more ? 0 : opts.pollMs);
  }

  if (opts.autostart !== false) schedule(opts.firstDelayMs ?? opts.pollMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
