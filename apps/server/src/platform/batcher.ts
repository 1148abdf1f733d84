/**
 * Group commit: callers add one item each and wait for its result; items that arrive while flushes
 * are running wait and go together in the next one. Under light load every item is flushed at once
 * (batches of one, no added delay); under heavy load batches grow by themselves, so one transaction
 * carries hundreds of items instead of hundreds of transactions carrying one each. `maxConcurrent`
 * flushes may run at once (a database server with several connections and cores).
 */
export interface Batcher<I, R> {
  add(item: I): Promise<R>;
  /** Resolves when nothing is pending or running. */
  idle(): Promise<void>;
}

interface Waiting<I, R> {
  item: I;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

export function createBatcher<I, R>(
  flush: (items: I[]) => Promise<R[]>,
  opts: { maxBatch?: number; maxConcurrent?: number } = {},
): Batcher<I, R> {
  const maxBatch = opts.maxBatch ?? 500;
  const maxConcurrent = Math.max(1, opts.maxConcurrent ?? 1);
  const queue: Waiting<I, R>[] = [];
  const running = new Set<Promise<void>>();
  let scheduled = false;

  async function run(batch: Waiting<I, R>[]) {
    try {
      const results = await flush(batch.map((b) => b.item));
      for (const [i, b] of batch.entries()) b.resolve(results[i] as R);
    } catch (err) {
      for (const b of batch) b.reject(err);
    }
  }

  function pump() {
    while (running.size < maxConcurrent && queue.length > 0) {
      const done: Promise<void> = run(queue.splice(0, maxBatch)).finally(() => {
        running.delete(done);
        pump();
      });
      running.add(done);
    }
  }

  return {
    add(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (scheduled) return;
        scheduled = true;
        // One macrotask so callers of the same tick (a webhook carrying many entries) share a batch.
        setImmediate(() => {
          scheduled = false;
          pump();
        });
      });
    },
    async idle() {
      while (scheduled || queue.length > 0 || running.size > 0) {
        await (running.size > 0 ? Promise.race(running) : new Promise((r) => setImmediate(r)));
      }
    },
  };
}
