/**
 * Group commit: callers add one item each and wait for its result; items that arrive while a flush
 * is running wait and go together in the next one. Under light load every item is flushed at once
 * (batches of one, no added delay); under heavy load batches grow by themselves, so one transaction
 * carries hundreds of items instead of hundreds of transactions carrying one each.
 */
export interface Batcher<I, R> {
  add(item: I): Promise<R>;
  /** Resolves when nothing is pending or running. */
  idle(): Promise<void>;
}

export function createBatcher<I, R>(
  flush: (items: I[]) => Promise<R[]>,
  opts: { maxBatch?: number } = {},
): Batcher<I, R> {
  const maxBatch = opts.maxBatch ?? 500;
  let queue: { item: I; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let running: Promise<void> | null = null;
  let scheduled = false;

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const results = await flush(batch.map((b) => b.item));
        for (const [i, b] of batch.entries()) b.resolve(results[i] as R);
      } catch (err) {
        for (const b of batch) b.reject(err);
      }
    }
  }

  function kick() {
    if (running || scheduled) return;
    scheduled = true;
    // One macrotask so callers of the same tick (a webhook carrying many entries) share a batch.
    setImmediate(() => {
      scheduled = false;
      running = drain().finally(() => {
        running = null;
        if (queue.length > 0) kick();
      });
    });
  }

  return {
    add(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        kick();
      });
    },
    async idle() {
      while (running || scheduled || queue.length > 0) {
        await (running ?? new Promise((r) => setImmediate(r)));
      }
    },
  };
}
